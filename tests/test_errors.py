from eventwire.errors import one_line


def test_one_line_is_printable_folded_and_bounded():
    err = ValueError("bad record:\n\x00\x01 raw   bytes\tafter")
    assert one_line(err) == "ValueError: bad record: raw bytes after"
    long = one_line(RuntimeError("x" * 500), width=40)
    assert len(long) == 40 and long.endswith("…")

"""Word lists live in the lexicon (``lexicon/<lang>/*.toml``), not in code: no extraction
stage and no ACLED reading defines a module-level table of plain words. A simple AST scan
keeps the rule from eroding: a module-level assignment of a set, list, tuple or dict (or a
``frozenset(...)``/``set(...)``/``tuple(...)`` of one) whose elements (dict: keys) are all
lower-case words or phrases is a word table and belongs in the lexicon.

Dependency labels, POS tags and entity labels are grammar of the parse scheme, not words
of a language: they may stay in code (POS tags and entity labels are upper case; a table
of nothing but dependency labels is recognised as such)."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[2] / "src" / "eventwire"
STAGES = SRC / "nlp" / "stages"

# Stages being rewritten elsewhere; their lists move in a later pass.
NOT_YET = {"places.py", "event_places.py", "dateline.py"}

# name -> why a table of lower-case words by that name may stay in code. Keep it short.
ALLOWED: dict[str, str] = {
    "__all__": "the names a module exports, not words of a language",
}

# The dependency labels of spaCy's English parser (ClearNLP style): grammar, not words.
DEPENDENCY_LABELS = frozenset({
    "acl", "acomp", "advcl", "advmod", "agent", "amod", "appos", "attr", "aux", "auxpass",
    "case", "cc", "ccomp", "compound", "conj", "csubj", "csubjpass", "dative", "dep", "det",
    "dobj", "expl", "intj", "mark", "meta", "neg", "nmod", "npadvmod", "nsubj", "nsubjpass",
    "nummod", "oprd", "parataxis", "pcomp", "pobj", "poss", "preconj", "predet", "prep", "prt",
    "punct", "quantmod", "relcl", "xcomp",
})

SCANNED = sorted(
    [p for p in STAGES.glob("*.py") if p.name not in NOT_YET]
    + [SRC / "nlp" / "arguments.py", SRC / "acled.py"]
)

_WORD = re.compile(r"[a-z][a-z' -]*")


def _elements(node: ast.expr) -> list[ast.expr] | None:
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in {
        "frozenset", "set", "tuple", "list", "dict"
    } and len(node.args) == 1:
        return _elements(node.args[0])
    if isinstance(node, ast.BinOp):  # set(...) | {...}
        left, right = _elements(node.left), _elements(node.right)
        return None if left is None and right is None else (left or []) + (right or [])
    if isinstance(node, (ast.Set, ast.List, ast.Tuple)):
        return list(node.elts)
    if isinstance(node, ast.Dict):
        return [k for k in node.keys if k is not None]
    return None


def _is_word_table(node: ast.expr) -> bool:
    elts = _elements(node)
    if not elts:
        return False
    values = [e.value for e in elts if isinstance(e, ast.Constant) and isinstance(e.value, str)]
    return (
        len(values) == len(elts)
        and all(_WORD.fullmatch(v) for v in values)
        and any(len(v) > 1 for v in values)
        and not set(values) <= DEPENDENCY_LABELS
    )


def word_tables(path: Path) -> list[str]:
    """Names of the module-level word tables of a source file."""
    found = []
    for stmt in ast.parse(path.read_text(encoding="utf-8")).body:
        if isinstance(stmt, ast.Assign):
            targets, value = stmt.targets, stmt.value
        elif isinstance(stmt, ast.AnnAssign) and stmt.value is not None:
            targets, value = [stmt.target], stmt.value
        else:
            continue
        names = [t.id for t in targets if isinstance(t, ast.Name)]
        if _is_word_table(value):
            found += [n for n in names if n not in ALLOWED]
    return found


@pytest.mark.parametrize("path", SCANNED, ids=lambda p: p.name)
def test_no_module_level_word_tables(path: Path) -> None:
    assert word_tables(path) == [], (
        f"{path.name} defines word tables in code: move them to lexicon/<lang>/*.toml and "
        "read them through Resources.lexicon (see nlp/stages/events.py, EventWords)"
    )


def test_the_scan_finds_word_tables(tmp_path: Path) -> None:
    src = tmp_path / "stage.py"
    src.write_text(
        '_PREPS = frozenset({"in", "at", "near"})\n'
        '_UNITS = {"day": 1, "week": 7}\n'
        '_PHRASES: tuple[str, ...] = ("pay the price", "never feel safe")\n'
        '_POS = frozenset({"NOUN", "PROPN"})\n'  # POS tags: grammar, upper case
        '_SUBJECTS = frozenset({"nsubj", "nsubjpass"})\n'  # dependency labels: grammar
        '__all__ = ["run", "find"]\n'
        '_MIXED = ("in", 3)\n'
        'PATTERN = r"\\bword\\b"\n',
        encoding="utf-8",
    )
    assert word_tables(src) == ["_PREPS", "_UNITS", "_PHRASES"]

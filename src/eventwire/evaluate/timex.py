"""Time-expression evaluation on MEANTIME (CAT XML) and TempEval-3 (TimeML ``.tml``).

Run: ``python -m eventwire.evaluate.timex /path/to/eval/dev/timex`` prints JSON metrics.

Loading
- MEANTIME files hold tokens (with sentence numbers) and TIMEX3 markables anchored on
  token ids. We rebuild the text from the tokens: one line per sentence, tokens joined by a
  space except around punctuation (PTB quotes become ``"``), and compute char offsets as we
  go, so ``doc.text[g.start:g.end] == g.text`` for every gold timex.
- TIMEX3 markables without token anchors (MEANTIME's implicit begin/end points) are not
  text spans and are skipped.
- The document creation time (``functionInDocument="CREATION_TIME"``, in the dateline) gives
  ``doc.dct``; its span is left out of gold *and* predictions (it is where the DCT comes
  from, not something to detect).

Scored region (MEANTIME)
  MEANTIME annotates only the title, the dateline and the first sentences of an article
  (in the dev data: sentences 0..5). Annotators marked entities, events and values
  densely there, so the region is taken as: everything up to the end of the last sentence
  that holds any token-anchored markable of any kind (ENTITY_MENTION, EVENT_MENTION,
  TIMEX3, VALUE, SIGNAL ...). Predictions starting at or after that offset are ignored.
  TempEval-3 ``.tml`` files are annotated throughout: the region is the whole text.

Metrics (TempEval-3 style)
- ``detect_*_strict``: a prediction matches a gold timex with exactly the same span.
- ``detect_*_relaxed``: spans overlap. Matching is one-to-one (each gold and each prediction
  used at most once, largest overlap first), which is slightly stricter than the official
  TE3 scorer when one long prediction covers two gold timexes.
- ``value_*``: relaxed match AND equal ``value`` (TE3 "value" attribute F1:
  precision over all predictions, recall over all gold).
- ``type_*``: relaxed match AND equal type.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from eventwire.timex import annotate_timexes, find_timexes, normalise

Prediction = tuple[int, int, str | None, str]  # start, end, value, type
Predictor = Callable[[str, "date | None"], Sequence[Prediction]]

# PTB-style tokens that attach to the previous / next token when detokenising.
_NO_SPACE_BEFORE = frozenset(
    {",", ".", ";", ":", "!", "?", ")", "]", "}", "%", "''", "'s", "'S", "n't", "'re", "'ve",
     "'d", "'ll", "'m", "...", "”", "’"}
)
_NO_SPACE_AFTER = frozenset({"(", "[", "{", "$", "``", "“", "£", "€", "¥", "#"})


@dataclass(frozen=True, slots=True)
class GoldTimex:
    start: int
    end: int
    text: str
    type: str
    value: str


@dataclass(frozen=True, slots=True)
class TimexDoc:
    id: str
    text: str
    dct: date | None
    gold: tuple[GoldTimex, ...]
    scored_end: int  # predictions starting at/after this offset are not scored
    excluded: tuple[tuple[int, int], ...] = ()  # creation-time span(s): not scored
    name: str = ""  # the file name (what ``half_of`` hashes)


def _parse_dct(value: str | None) -> date | None:
    if not value or len(value) < 10:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


# -- MEANTIME ------------------------------------------------------------------------------


def _detokenise(
    tokens: list[tuple[str, int, str]],
) -> tuple[str, dict[str, tuple[int, int]], dict[int, int]]:
    """(t_id, sentence, word) -> text, t_id -> (start, end), sentence -> end offset."""
    parts: list[str] = []
    offsets: dict[str, tuple[int, int]] = {}
    sent_end: dict[int, int] = {}
    pos = 0
    prev_sent = -1
    prev_word = ""
    dquote_open = False
    for t_id, sent, word in tokens:
        if word in ("``", "''"):
            word_out = '"'
        else:
            word_out = word
        if sent != prev_sent:
            if prev_sent >= 0:
                parts.append("\n")
                pos += 1
            prev_sent = sent
        elif parts:
            attach = (
                word in _NO_SPACE_BEFORE
                or prev_word in _NO_SPACE_AFTER
                or (word == '"' and dquote_open)
                or (prev_word == '"' and dquote_open)
            )
            if not attach:
                parts.append(" ")
                pos += 1
        if word == '"':
            dquote_open = not dquote_open
        parts.append(word_out)
        offsets[t_id] = (pos, pos + len(word_out))
        pos += len(word_out)
        sent_end[sent] = pos
        prev_word = word
    return "".join(parts), offsets, sent_end


def load_meantime_file(path: Path) -> TimexDoc:
    root = ET.parse(path).getroot()
    tokens = [
        (e.get("t_id", ""), int(e.get("sentence", "0")), e.text or "")
        for e in root.iter("token")
    ]
    sent_of = {t_id: s for t_id, s, _ in tokens}
    text, offsets, sent_end = _detokenise(tokens)
    gold: list[GoldTimex] = []
    excluded: list[tuple[int, int]] = []
    dct: date | None = None
    last_sentence = -1
    markables = root.find("Markables")
    for m in markables if markables is not None else ():
        ids = [a.get("t_id", "") for a in m.findall("token_anchor")]
        ids = [i for i in ids if i in offsets]
        if not ids:
            continue
        last_sentence = max(last_sentence, *(sent_of[i] for i in ids))
        if m.tag != "TIMEX3":
            continue
        start = min(offsets[i][0] for i in ids)
        end = max(offsets[i][1] for i in ids)
        if m.get("functionInDocument") == "CREATION_TIME":
            dct = dct or _parse_dct(m.get("value"))
            excluded.append((start, end))
            continue
        gold.append(
            GoldTimex(start, end, text[start:end], m.get("type", ""), m.get("value", ""))
        )
    if dct is None:
        dct = _dct_from_text(text, excluded, sent_end)
    scored_end = sent_end.get(last_sentence, len(text)) if last_sentence >= 0 else len(text)
    gold.sort(key=lambda g: (g.start, g.end))
    return TimexDoc(
        id=root.get("doc_id") or path.stem,
        text=text,
        dct=dct,
        gold=tuple(gold),
        scored_end=scored_end,
        excluded=tuple(excluded),
        name=path.name,
    )


def _dct_from_text(
    text: str, excluded: list[tuple[int, int]], sent_end: dict[int, int]
) -> date | None:
    """A DCT value we cannot parse (e.g. "03-02-2009") or a missing DCT markable: read the
    creation-time span, else the dateline (sentence 1), as an absolute date."""
    spans = list(excluded)
    if not spans and 0 in sent_end and 1 in sent_end:
        spans.append((sent_end[0] + 1, sent_end[1]))
    for start, end in spans:
        n = normalise(text[start:end], None)
        if n.precision == "day" and n.date:
            return date.fromisoformat(n.date)
    return None


def load_meantime(path: str | Path) -> list[TimexDoc]:
    """All MEANTIME ``.xml`` documents under ``path`` (a file or a directory)."""
    p = Path(path)
    files = [p] if p.is_file() else sorted(p.rglob("*.xml"))
    return [load_meantime_file(f) for f in files]


# -- TempEval-3 TimeML -----------------------------------------------------------------------


def load_tml_file(path: Path) -> TimexDoc:
    """TimeML inline annotation: TIMEX3 elements inside ``<TEXT>``; DCT in ``<DCT>``."""
    root = ET.parse(path).getroot()
    dct: date | None = None
    for t in root.iter("TIMEX3"):
        if t.get("functionInDocument") == "CREATION_TIME":
            dct = _parse_dct(t.get("value"))
            break
    text_el = root.find("TEXT")
    parts: list[str] = []
    gold: list[GoldTimex] = []
    pos = 0

    def walk(el: ET.Element) -> None:
        nonlocal pos
        start = pos
        if el.text:
            parts.append(el.text)
            pos += len(el.text)
        for child in el:
            walk(child)
            if child.tail:
                parts.append(child.tail)
                pos += len(child.tail)
        if el.tag == "TIMEX3" and pos > start:
            span = "".join(parts)[start:pos]
            gold.append(GoldTimex(start, pos, span, el.get("type", ""), el.get("value", "")))

    if text_el is not None:
        walk(text_el)
    text = "".join(parts)
    gold.sort(key=lambda g: (g.start, g.end))
    return TimexDoc(
        id=path.stem, text=text, dct=dct, gold=tuple(gold), scored_end=len(text),
        name=path.name,
    )


def _distinct(files: Iterable[Path]) -> list[Path]:
    """The files once each: a copy of a file under the same name elsewhere in the tree
    (TBAQ-cleaned ships one TimeBank document again in ``testpipeline/``) is left out."""
    seen: set[tuple[str, bytes]] = set()
    out = []
    for f in files:
        key = (f.name, hashlib.sha256(f.read_bytes()).digest())
        if key not in seen:
            seen.add(key)
            out.append(f)
    return out


def load_docs(path: str | Path) -> list[TimexDoc]:
    """MEANTIME ``.xml`` and TimeML ``.tml`` documents under ``path`` (a file or a folder);
    an identical copy of a document is read once."""
    p = Path(path)
    if p.is_file():
        return [load_tml_file(p) if p.suffix == ".tml" else load_meantime_file(p)]
    docs = [load_meantime_file(f) for f in _distinct(sorted(p.rglob("*.xml")))]
    docs += [load_tml_file(f) for f in _distinct(sorted(p.rglob("*.tml")))]
    return docs


def half_of(doc: TimexDoc) -> str:
    """'a' or 'b': a stable split of a corpus by the SHA-1 of each file name (even last byte
    -> 'a'). Study errors on one half only and keep the other as an honest check."""
    return "a" if hashlib.sha1(doc.name.encode()).digest()[-1] % 2 == 0 else "b"


# -- scoring ---------------------------------------------------------------------------------


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _scored_predictions(doc: TimexDoc, preds: Iterable[Prediction]) -> list[Prediction]:
    out = []
    for p in preds:
        if p[0] >= doc.scored_end:
            continue
        if any(_overlap((p[0], p[1]), x) > 0 for x in doc.excluded):
            continue
        out.append(p)
    return out


def _match_relaxed(gold: Sequence[GoldTimex], preds: Sequence[Prediction]) -> list[tuple[int, int]]:
    """One-to-one (gold index, prediction index) pairs, largest overlap first."""
    pairs = sorted(
        (
            (-_overlap((g.start, g.end), (p[0], p[1])), gi, pi)
            for gi, g in enumerate(gold)
            for pi, p in enumerate(preds)
            if _overlap((g.start, g.end), (p[0], p[1])) > 0
        )
    )
    used_g: set[int] = set()
    used_p: set[int] = set()
    out = []
    for _, gi, pi in pairs:
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        out.append((gi, pi))
    return out


def _prf(tp_p: int, n_pred: int, tp_r: int, n_gold: int) -> tuple[float, float, float]:
    p = tp_p / n_pred if n_pred else 0.0
    r = tp_r / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return round(p, 4), round(r, 4), round(f, 4)


@dataclass(frozen=True, slots=True)
class TimexError:
    doc: str
    kind: str  # missed | spurious | value | type
    gold_text: str
    gold_type: str
    gold_value: str
    pred_text: str
    pred_type: str
    pred_value: str


def compare_doc(
    doc: TimexDoc, preds: Sequence[Prediction]
) -> tuple[Counter[str], list[TimexError]]:
    """Counts for one document plus the list of its errors (for error analysis)."""
    preds = _scored_predictions(doc, preds)
    c: Counter[str] = Counter(gold=len(doc.gold), pred=len(preds))
    errors: list[TimexError] = []
    strict_pred = {(p[0], p[1]) for p in preds}
    c["strict"] = sum(1 for g in doc.gold if (g.start, g.end) in strict_pred)
    pairs = _match_relaxed(doc.gold, preds)
    c["relaxed"] = len(pairs)
    matched_g = {gi for gi, _ in pairs}
    matched_p = {pi for _, pi in pairs}
    for gi, pi in pairs:
        g, p = doc.gold[gi], preds[pi]
        ptext = doc.text[p[0]:p[1]]
        if p[2] == g.value:
            c["value"] += 1
        else:
            errors.append(
                TimexError(doc.id, "value", g.text, g.type, g.value, ptext, p[3], str(p[2]))
            )
        if p[3] == g.type:
            c["type"] += 1
    for gi, g in enumerate(doc.gold):
        c["gold_" + g.type] += 1
        if gi in matched_g:
            c["relaxed_" + g.type] += 1
        else:
            errors.append(TimexError(doc.id, "missed", g.text, g.type, g.value, "", "", ""))
    for pi, p in enumerate(preds):
        if pi not in matched_p:
            errors.append(
                TimexError(doc.id, "spurious", "", "", "", doc.text[p[0]:p[1]], p[3], str(p[2]))
            )
    for gi, pi in pairs:
        if doc.gold[gi].value == preds[pi][2]:
            c["value_" + doc.gold[gi].type] += 1
    return c, errors


def score_timex(
    docs: Sequence[TimexDoc], predict: Predictor, *, errors: list[TimexError] | None = None
) -> dict[str, float | int | dict[str, float | int]]:
    """TempEval-3 style detection and value scores; ``errors`` (if given) collects errors."""
    total: Counter[str] = Counter()
    for doc in docs:
        c, errs = compare_doc(doc, predict(doc.text, doc.dct))
        total += c
        if errors is not None:
            errors.extend(errs)
    n_gold, n_pred = total["gold"], total["pred"]
    out: dict[str, float | int | dict[str, float | int]] = {
        "docs": len(docs),
        "gold": n_gold,
        "predicted": n_pred,
    }
    for name in ("strict", "relaxed", "value", "type"):
        p, r, f = _prf(total[name], n_pred, total[name], n_gold)
        key = name if name in ("value", "type") else f"detect_{name}"
        out[f"{key}_p"] = p
        out[f"{key}_r"] = r
        out[f"{key}_f1" if name in ("value", "type") else f"detect_f1_{name}"] = f
    per_type: dict[str, float | int] = {}
    for t in ("DATE", "TIME", "DURATION", "SET"):
        g = total["gold_" + t]
        if g:
            per_type[f"{t}_gold"] = g
            per_type[f"{t}_detect_recall"] = round(total["relaxed_" + t] / g, 4)
            per_type[f"{t}_value_recall"] = round(total["value_" + t] / g, 4)
    out["per_type"] = per_type
    return out


def predict_with_rules(text: str, dct: date | None) -> list[Prediction]:
    """eventwire's own detector + normaliser, anchored on the document creation time."""
    return [(s.start, s.end, n.value, s.type) for s, n in annotate_timexes(text, dct)]


def predict_alone(text: str, dct: date | None) -> list[Prediction]:
    """Each expression normalised alone, with no tense and no story: what the pipeline's
    times stage stores for an expression (``nlp/stages/times.py: find``)."""
    return [(s.start, s.end, normalise(s.text, dct).value, s.type) for s in find_timexes(text)]


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("path", help="directory (or file) with MEANTIME .xml / TimeML .tml docs")
    ap.add_argument("--errors", action="store_true", help="also list the errors (stderr)")
    ap.add_argument("--half", choices=("a", "b"),
                    help="score one half of the documents (SHA-1 of the file name)")
    ap.add_argument("--per-doc", action="store_true",
                    help="also list gold / predicted / strict / value counts per document "
                         "(stderr)")
    ap.add_argument("--alone", action="store_true",
                    help="normalise each expression alone (no tense, no story), as the "
                         "pipeline's times stage stored it before the fifth round")
    args = ap.parse_args(argv)
    if not Path(args.path).exists():
        print(f"error: no such file or folder: {args.path}", file=sys.stderr)
        return 2
    try:
        docs = load_docs(args.path)
    except (ET.ParseError, OSError, ValueError) as err:
        print(f"error: cannot read {args.path}: {err}", file=sys.stderr)
        return 2
    if args.half:
        docs = [d for d in docs if half_of(d) == args.half]
    errs: list[TimexError] = []
    predict = predict_alone if args.alone else predict_with_rules
    result = score_timex(docs, predict, errors=errs)
    print(json.dumps(result, indent=2))
    if args.per_doc:
        for doc in docs:
            c, _ = compare_doc(doc, predict(doc.text, doc.dct))
            print(f"{doc.id}\tgold={c['gold']}\tpred={c['pred']}\tstrict={c['strict']}"
                  f"\tvalue={c['value']}", file=sys.stderr)
    if args.errors:
        for e in errs:
            print(
                f"{e.kind}\t{e.doc}\tgold={e.gold_text!r} {e.gold_type} {e.gold_value}"
                f"\tpred={e.pred_text!r} {e.pred_type} {e.pred_value}",
                file=sys.stderr,
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

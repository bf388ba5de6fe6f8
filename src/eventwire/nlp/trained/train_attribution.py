"""Train the attribution tagger on PolNeAR's training split (brat standoff).

    eventwire train attribution ../shared/train/polnear [--dev ../shared/eval/dev/polnear]

Every text of the split is parsed by the pipeline eventwire loads (its ``doc.tensor`` is one
of the inputs) and read by the rule-based attribution stage (its spans are features); gold
spans become one BIO tag set per kind (cue, source, content). One article in ten, chosen by
a hash of its name, is held out as the validation set that picks the best epoch; the dev
split, when given, is scored once at the end and never used to choose anything. The seed
fixes the shuffling, the dropout and the initial weights.
"""

from __future__ import annotations

import hashlib
import json
import pickle
import random
import time
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import numpy as np
from thinc.api import Adam, fix_random_seed

from ...evaluate.matching import Segments
from ...evaluate.polnear import PolnearDoc, load_polnear, split_folder
from .attribution import (
    KINDS,
    MODEL_VERSION,
    TAGS,
    WEIGHTS_DIR,
    AttributionTagger,
    DocFeatures,
    FeatureCache,
    chunks,
    decode,
    group_softmax,
)

Say = Callable[[str], None]

# words of cues that say nothing alone: they never open a sequence for the tagger
_GATE_STOP = frozenset({"to", "the", "a", "an", "of", "in", "on", "for", "be", "have", "that",
                        "it", "as", "with", "by", "at", "and", "not", "do", "-PRON-", "his",
                        "her", "their", "this", "he", "she", "they", "i", "we", "you", "'s"})


@dataclass
class Example:
    doc_id: str
    floats: np.ndarray
    ids: np.ndarray
    gold: np.ndarray  # (n, KINDS) tag ids


def data_sha256(folder: Path, docs: Sequence[PolnearDoc]) -> str:
    """A fingerprint of the texts and annotation files trained on (sorted by name)."""
    h = hashlib.sha256()
    for d in sorted(docs, key=lambda d: d.id):
        h.update(d.id.encode())
        h.update((folder / "text" / f"{d.id}.txt").read_bytes())
        h.update((folder / "attributions" / f"{d.id}_{d.annotator}.ann").read_bytes())
    return h.hexdigest()


def held_out(doc_id: str, every: int = 10) -> bool:
    """One article in ``every`` goes to validation, by a stable hash of its name."""
    return int(hashlib.sha1(doc_id.encode()).hexdigest(), 16) % every == 0


def gold_tags(doc: Any, start: int, end: int, pdoc: PolnearDoc) -> np.ndarray:
    """(n, KINDS) BIO tag ids for tokens ``start:end``: a span's tokens are those that
    overlap one of its segments; when spans of a kind nest, the outer one wins."""
    n = end - start
    tags = np.zeros((n, len(KINDS)), dtype="int32")
    char_lo = doc[start].idx
    char_hi = doc[end - 1].idx + len(doc[end - 1].text)
    by_kind: list[list[Segments]] = [[], [], []]
    for a in pdoc.attributions:
        by_kind[0].extend(a.cues)
        if a.source:
            by_kind[1].append(a.source)
        if a.content:
            by_kind[2].append(a.content)
    toks = doc[start:end]
    for k, spans in enumerate(by_kind):
        spans = [s for s in dict.fromkeys(spans) if s and s[0][0] < char_hi and s[-1][1] > char_lo]
        spans.sort(key=lambda s: -sum(e - b for b, e in s))
        for segs in spans:
            idx = [t.i - start for t in toks if not t.is_space and any(
                t.idx < e and t.idx + len(t.text) > b for b, e in segs)]
            if not idx or any(tags[i, k] for i in idx):
                continue
            tags[idx[0], k] = 1
            for i in idx[1:]:
                tags[i, k] = 2
    return tags


def build_examples(docs: Sequence[PolnearDoc], say: Say) -> tuple[list[Example], Counter[str]]:
    """Parse, run the rules, featurize and tag every article."""
    from ...config import load_settings
    from ...model import make_article
    from ..pipeline import load_spacy
    from ..resources import Resources
    from ..stages import DEFAULT_STAGES
    from ..stages.attribution_model import lex_classes, rule_flags
    from ..work import Work

    nlp = load_spacy(load_settings())
    res = Resources()
    lex = lex_classes(res)
    cache = FeatureCache(lex)
    before = []
    for stage in DEFAULT_STAGES:
        if stage.name == "attribution":
            break
        if stage.name in {"dateline", "entities"}:
            before.append(stage)
    from ..stages import attribution as rules

    for stage in [*before, rules.STAGE]:
        if stage.prepare is not None:
            stage.prepare(res)
    examples: list[Example] = []
    cue_lemmas: Counter[str] = Counter()
    t0 = time.time()
    texts = (d.text for d in docs)
    for k, (pdoc, doc) in enumerate(zip(docs, nlp.pipe(texts, batch_size=16), strict=True)):
        work = Work(article=make_article(pdoc.text, title=pdoc.id, published=pdoc.published),
                    doc=doc, published=None)
        for stage in before:
            stage.run(work, res)
        rules.run(work, res)
        flags = rule_flags(work)
        feats = DocFeatures(doc, lex, cache)
        for start, end in chunks(doc):
            floats, ids = feats.featurize(start, end, flags)
            gold = gold_tags(doc, start, end, pdoc)
            examples.append(Example(pdoc.id, floats, ids, gold))
            for i in np.nonzero(gold[:, 0])[0]:
                t = doc[start + int(i)]
                if not t.is_punct or t.text == ":":
                    cue_lemmas[t.lemma_.lower()] += 1
        if (k + 1) % 100 == 0:
            say(f"  parsed {k + 1}/{len(docs)} articles ({time.time() - t0:.0f}s)")
    return examples, cue_lemmas


def _span_counts(pred: np.ndarray, gold: np.ndarray) -> np.ndarray:
    """(KINDS, 3): true positives, predicted, gold exact token spans."""
    out = np.zeros((len(KINDS), 3), dtype="int64")
    for k in range(len(KINDS)):
        p = set(decode(pred[:, k].tolist()))
        g = set(decode(gold[:, k].tolist()))
        out[k] = (len(p & g), len(p), len(g))
    return out


def validate(tagger: AttributionTagger, examples: Sequence[Example]) -> dict[str, float]:
    """Exact token-span F1 per kind on held-out examples (batches of 64 sequences)."""
    totals = np.zeros((len(KINDS), 3), dtype="int64")
    for i in range(0, len(examples), 64):
        batch = examples[i : i + 64]
        preds = tagger.predict([(e.floats, e.ids) for e in batch])
        for e, p in zip(batch, preds, strict=True):
            totals += _span_counts(p, e.gold)
    scores = {}
    for k, kind in enumerate(KINDS):
        tp, np_, ng = totals[k]
        prec = tp / np_ if np_ else 0.0
        rec = tp / ng if ng else 0.0
        scores[kind] = round(float(2 * prec * rec / (prec + rec)), 4) if prec + rec else 0.0
    scores["mean"] = round(float(sum(scores[k] for k in KINDS)) / len(KINDS), 4)
    return scores


def _loss_grad(logits: np.ndarray, gold: np.ndarray) -> tuple[float, np.ndarray]:
    probs = group_softmax(logits)
    n = len(gold)
    onehot = np.zeros_like(probs)
    for k in range(len(KINDS)):
        onehot[np.arange(n), k * len(TAGS) + gold[:, k]] = 1.0
    loss = -float(np.sum(onehot * np.log(probs + 1e-9)))
    return loss, (probs - onehot)


def _batches(examples: list[Example], rng: random.Random, max_tokens: int) -> Iterable[
        list[Example]]:
    order = list(examples)
    rng.shuffle(order)
    batch: list[Example] = []
    size = 0
    for e in order:
        batch.append(e)
        size += len(e.gold)
        if size >= max_tokens:
            yield batch
            batch, size = [], 0
    if batch:
        yield batch


def train(
    data: str | Path,
    out: str | Path = WEIGHTS_DIR,
    *,
    dev: str | Path | None = None,
    seed: int = 0,
    epochs: int = 12,
    patience: int = 3,
    width: int = 48,
    depth: int = 1,
    window: int = 1,
    learn_rate: float = 0.002,
    batch_tokens: int = 2000,
    time_budget: float = 45 * 60,
    limit: int | None = None,
    cache: str | Path | None = None,
    say: Say = print,
) -> dict[str, Any]:
    """Train, keep the epoch best on the held-out tenth, save to ``out``; returns meta."""
    started = time.time()
    fix_random_seed(seed)
    rng = random.Random(seed)
    folder = split_folder(data, "train")
    docs = load_polnear(folder, limit=limit)
    say(f"{len(docs)} training articles from {folder}")
    if cache is not None and Path(cache).is_file():
        with open(cache, "rb") as fh:  # a pickle this function wrote: parsing is the slow part
            examples, cue_counts = pickle.load(fh)
    else:
        examples, cue_counts = build_examples(docs, say)
        if cache is not None:
            with open(cache, "wb") as fh:
                pickle.dump((examples, cue_counts), fh)
    train_ex = [e for e in examples if not held_out(e.doc_id)]
    valid_ex = [e for e in examples if held_out(e.doc_id)]
    say(f"{len(train_ex)} sequences to train on, {len(valid_ex)} to validate "
        f"({time.time() - started:.0f}s)")
    cue_lemmas = sorted(w for w, n in cue_counts.items() if n >= 3 and w not in _GATE_STOP)
    meta: dict[str, Any] = {
        "name": "eventwire attribution tagger",
        "version": MODEL_VERSION,
        "width": width,
        "depth": depth,
        **({"window": window} if window else {}),
        "seed": seed,
        "learn_rate": learn_rate,
        "batch_tokens": batch_tokens,
        "kinds": list(KINDS),
        "train_data": {"name": "PolNeAR train split", "articles": len(docs),
                       "sha256": data_sha256(folder, docs)},
        "cue_lemmas": cue_lemmas,
    }
    tagger = AttributionTagger.create(meta)
    model = tagger.model
    optimizer = Adam(learn_rate)
    best: tuple[float, bytes, int, dict[str, float]] | None = None
    history = []
    for epoch in range(1, epochs + 1):
        t0 = time.time()
        total = 0.0
        for batch in _batches(train_ex, rng, batch_tokens):
            logits, backprop = model.begin_update([(e.floats, e.ids) for e in batch])
            grads = []
            for y, e in zip(logits, batch, strict=True):
                loss, d = _loss_grad(np.asarray(y), e.gold)
                total += loss
                grads.append((d / len(batch)).astype("float32"))
            backprop(grads)
            model.finish_update(optimizer)
        with model.use_params(optimizer.averages) if optimizer.averages else _null():
            scores = validate(tagger, valid_ex)
            snapshot = model.to_bytes()
        history.append({"epoch": epoch, "loss": round(total, 1), **scores,
                        "seconds": round(time.time() - t0)})
        say(f"epoch {epoch}: loss {total:.0f}  validation F1 cue {scores['cue']:.3f} "
            f"source {scores['source']:.3f} content {scores['content']:.3f} "
            f"({time.time() - t0:.0f}s)")
        if best is None or scores["mean"] > best[0]:
            best = (scores["mean"], snapshot, epoch, scores)
            tagger.save(out)  # the best so far: an interrupted run keeps it
        elif epoch - best[2] >= patience:
            say(f"no gain for {patience} epochs: stop")
            break
        if time.time() - started > time_budget:
            say("time budget spent: stop")
            break
    assert best is not None
    model.from_bytes(best[1])
    meta["best_epoch"] = best[2]
    meta["validation"] = best[3]
    meta["history"] = history
    meta["trained"] = datetime.now(UTC).strftime("%Y-%m-%d")
    meta["train_seconds"] = round(time.time() - started)
    tagger.meta = meta
    tagger.save(out)
    say(f"saved to {out} (epoch {best[2]}, {meta['train_seconds']}s)")
    if dev is not None:
        from ...config import load_settings
        from ...evaluate.polnear import score_polnear
        from ..pipeline import Pipeline
        from ..stage import replace_stages
        from ..stages import DEFAULT_STAGES
        from ..stages.attribution_model import make_stage

        dev_docs = load_polnear(dev)
        stages = replace_stages(DEFAULT_STAGES, {"attribution": make_stage(out)})
        pipe = Pipeline(load_settings(), stages=stages)
        result = score_polnear(dev_docs, pipe)
        meta["dev"] = {k: round(v, 4) for k, v in result.metrics.items()}
        tagger.save(out)
        say("dev: " + json.dumps(meta["dev"]))
    return meta


class _null:
    def __enter__(self) -> None:
        return None

    def __exit__(self, *exc: object) -> None:
        return None


__all__ = ["build_examples", "data_sha256", "gold_tags", "held_out", "train", "validate"]

"""Score the pipeline's statements on the held-out tenth of PolNeAR's train split: the
articles the attribution tagger never trained on, the split on which its changes are
chosen (the dev split is only reported).

    python scripts/attribution_heldout.py ../shared/train/polnear            # the default stage
    python scripts/attribution_heldout.py ../shared/train/polnear --rules    # the rules alone
    python scripts/attribution_heldout.py ../shared/train/polnear --weights DIR

The held-out articles are those ``train_attribution.held_out`` sets aside (a hash of the
name), so the figures are those of ``eventwire eval polnear`` on that tenth."""

from __future__ import annotations

import argparse
import json

from eventwire.config import load_settings
from eventwire.evaluate.polnear import load_polnear, score_polnear
from eventwire.nlp.pipeline import Pipeline
from eventwire.nlp.stage import Stage, replace_stages
from eventwire.nlp.stages import DEFAULT_STAGES
from eventwire.nlp.stages import attribution as rules
from eventwire.nlp.stages.attribution_model import make_stage
from eventwire.nlp.trained.train_attribution import held_out


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("data", help="PolNeAR data (a folder holding train/, or train/ itself)")
    p.add_argument("--rules", action="store_true", help="the rule-based stage alone")
    p.add_argument("--weights", help="the tagger's weights folder (default: the shipped ones)")
    args = p.parse_args(argv)
    docs = [d for d in load_polnear(args.data, split="train") if held_out(d.id)]
    stage: Stage | None = rules.STAGE if args.rules else (
        make_stage(args.weights) if args.weights else None)
    stages = DEFAULT_STAGES if stage is None else replace_stages(
        DEFAULT_STAGES, {"attribution": stage})
    result = score_polnear(docs, Pipeline(load_settings(), stages=stages))
    print(json.dumps({"articles": len(docs),
                      **{k: round(v, 4) for k, v in result.metrics.items()}}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

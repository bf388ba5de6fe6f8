"""Scoring eventwire on public gold sets: one loader + scorer module per dataset.

The list of datasets is ``registry.REGISTRY``; ``registry.run_eval`` / ``run_all`` run them
and ``gate`` checks the results against pinned floors (``eval/baseline.json``).
"""

from __future__ import annotations

from .base import Dataset, EvalError, EvalResult, Extractor

__all__ = ["Dataset", "EvalError", "EvalResult", "Extractor"]

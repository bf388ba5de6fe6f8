"""Cross-article resolution, pure Python over records: the same incident reported by many
articles becomes one canonical event, the same actor under many names one canonical actor.

    block -> score with explained features -> judge (same / different / unsure)
          -> canonical ids derived from the judgements (deterministic, idempotent)

``cluster_events`` and ``cluster_actors`` need no database; ``resolve.storage`` keeps
judgements and canonical tables in the store; ``resolve.commands`` holds the CLI.
"""

from eventwire.resolve.actors import CanonicalActor, Mention, cluster_actors, mentions_of
from eventwire.resolve.canonical import CanonicalEvent, build_canonical, canonical_to_dict
from eventwire.resolve.event_clusters import Clusters, cluster_events
from eventwire.resolve.judgements import Judgement, derive_clusters
from eventwire.resolve.reports import Report, reports_of

__all__ = [
    "CanonicalActor", "CanonicalEvent", "Clusters", "Judgement", "Mention", "Report",
    "build_canonical", "canonical_to_dict", "cluster_actors", "cluster_events",
    "derive_clusters", "mentions_of", "reports_of",
]

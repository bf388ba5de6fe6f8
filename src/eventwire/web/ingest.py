"""Ingest jobs for ``POST /articles``: read the uploads, extract, store, report progress.

One worker thread runs the jobs in order (the spaCy pipeline is loaded once, on the
first job, and is not shared between threads). Jobs live in memory on the app: a
restart forgets them, the stored records stay.
"""

from __future__ import annotations

import secrets
import threading
from collections import OrderedDict
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any, Protocol

from eventwire.config import Settings
from eventwire.errors import EventwireError
from eventwire.model import Article, Record, Skipped
from eventwire.store import Store

MAX_JOBS_KEPT = 100


class Extractor(Protocol):
    def extract(self, article: Article) -> Record: ...


@dataclass(frozen=True, slots=True)
class Upload:
    """One input: a file's bytes or pasted text, with the name it came under."""

    name: str
    data: bytes


@dataclass
class Job:
    id: str
    inputs: int
    state: str = "queued"  # queued, reading, extracting, done, failed
    articles_total: int = 0
    articles_done: int = 0
    articles: list[dict[str, Any]] = field(default_factory=list)
    skipped: list[dict[str, str]] = field(default_factory=list)
    error: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id, "state": self.state, "inputs": self.inputs,
            "articles_total": self.articles_total, "articles_done": self.articles_done,
            "articles": list(self.articles), "skipped": list(self.skipped),
            "error": self.error,
        }


class IngestJobs:
    def __init__(self, store: Store, settings: Settings,
                 pipeline_factory: Callable[[], Extractor]) -> None:
        self._store = store
        self._settings = settings
        self._factory = pipeline_factory
        self._pipeline: Extractor | None = None
        self._jobs: OrderedDict[str, Job] = OrderedDict()
        self._lock = threading.Lock()
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="eventwire-ingest")

    def submit(self, uploads: list[Upload], meta: dict[str, str | None]) -> tuple[Job, Future[Job]]:
        job = Job(id=secrets.token_hex(8), inputs=len(uploads))
        with self._lock:
            self._jobs[job.id] = job
            while len(self._jobs) > MAX_JOBS_KEPT:
                self._jobs.popitem(last=False)
        return job, self._pool.submit(self._run, job, uploads, meta)

    def get(self, job_id: str) -> Job | None:
        with self._lock:
            return self._jobs.get(job_id)

    def close(self) -> None:
        self._pool.shutdown(wait=False, cancel_futures=True)

    def _run(self, job: Job, uploads: list[Upload], meta: dict[str, str | None]) -> Job:
        from eventwire.readers import ArticleMeta, read_bytes

        try:
            job.state = "reading"
            found: list[Article] = []
            for up in uploads:
                for item in read_bytes(up.data, source=up.name, settings=self._settings,
                                       meta=ArticleMeta(**meta)):
                    if isinstance(item, Skipped):
                        job.skipped.append({"source": item.source, "reason": item.reason})
                        self._store.log_skipped(item)
                    else:
                        found.append(item)
            job.articles_total = len(found)
            job.state = "extracting"
            for article in found:
                job.articles.append(self._one(article))
                job.articles_done += 1
            job.state = "done"
        except Exception as err:  # reported on the job; the server keeps serving
            job.error = f"{type(err).__name__}: {err}".splitlines()[0]
            job.state = "failed"
        return job

    def _one(self, article: Article) -> dict[str, Any]:
        summary: dict[str, Any] = {"article_id": article.id, "title": article.title}
        record = None if not self._store.has_article(article.id) else \
            self._store.get_record(article.id)
        if record is not None:
            summary["new"] = False
        else:
            if self._pipeline is None:
                self._pipeline = self._factory()
            try:
                record = self._pipeline.extract(article)
            except EventwireError as err:  # this article broke a stage (named): go on
                summary.update(new=False, events=[],
                               error=f"extraction failed: {err}".splitlines()[0])
                return summary
            summary["new"] = self._store.write(record)
        summary["events"] = [{"id": e.id, "category": e.category, "trigger": e.trigger.text}
                             for e in record.events]
        return summary


__all__ = ["IngestJobs", "Job", "Upload"]

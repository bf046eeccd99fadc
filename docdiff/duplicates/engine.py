"""Where a corpus scan runs: in this process, on local cores, or on a Dask cluster.

Every stage of the scan is a pure function mapped over batches (documents to fingerprint,
hash partitions to pair up, candidate pairs to verify), so one code path serves all three:
the batches go to `map` of an executor — the builtin one for one job, a process pool for
several, a Dask client's executor for a cluster. Batches come back in order and are merged
in order, so the result does not depend on where they ran. Dask is imported only when a
scheduler is named.
"""

from __future__ import annotations

import contextlib
import importlib
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from typing import Any, TypeVar

from docdiff.errors import DocdiffError

T = TypeVar("T")
R = TypeVar("R")

# Batches per worker: enough to even out unequal batches, few enough to keep overhead small.
_BATCHES_PER_WORKER = 4
# Batches submitted and not yet collected, per worker.
_IN_FLIGHT_PER_WORKER = 2


class EngineError(DocdiffError):
    """The scan cannot run where it was asked to (a bad job count, an unreachable scheduler)."""


class Engine:
    """Maps a function over batches, here or on workers; `workers` says how many run at once;
    `shares_files` says whether the workers see this machine's files (local processes)."""

    def __init__(self, executor: Executor | None, workers: int, shares_files: bool = False) -> None:
        self.executor = executor
        self.workers = workers
        self.shares_files = shares_files

    def map(self, function: Callable[[T], R], items: Iterable[T]) -> list[R]:
        """`[function(item) for item in items]`, computed by the engine's workers, in order."""
        return list(self.imap(function, items))

    def imap(self, function: Callable[[T], R], items: Iterable[T]) -> Iterator[R]:
        """The results of `map` one by one as they are ready, in order (for progress)."""
        if self.executor is None:
            return (function(item) for item in items)
        return self._bounded(self.executor, function, items)

    def _bounded(self, executor: Executor, function: Callable[[T], R], items: Iterable[T]) -> Iterator[R]:
        """Submit a few batches per worker at a time: each carries its texts, and holding every
        batch's payload at once would double the scan's memory."""
        pending: deque[Future[R]] = deque()
        for item in items:
            pending.append(executor.submit(function, item))
            if len(pending) >= _IN_FLIGHT_PER_WORKER * self.workers:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()

    def batches(self, items: Sequence[T]) -> list[Sequence[T]]:
        """`items` cut into contiguous batches, a few per worker."""
        count = max(1, min(len(items), self.workers * _BATCHES_PER_WORKER if self.workers > 1 else 1))
        size = -(-len(items) // count) if items else 1
        return [items[i : i + size] for i in range(0, len(items), size)]


def local_jobs(jobs: int | None) -> int:
    """The number of local processes to use: `jobs`, or every core this process may run on."""
    if jobs is None or jobs == 0:
        try:
            return len(os.sched_getaffinity(0))
        except AttributeError:  # pragma: no cover - platforms without affinity
            return os.cpu_count() or 1
    if jobs < 0:
        raise EngineError(f"--jobs {jobs}: give a positive number of processes (0 for every core)")
    return jobs


@contextlib.contextmanager
def engine(jobs: int | None = None, scheduler: str | None = None) -> Iterator[Engine]:
    """An engine for `jobs` local processes (None: every core), or for the Dask cluster at
    `scheduler` (`tcp://HOST:PORT`, or `local` for a cluster on this machine)."""
    if scheduler:
        with _dask(scheduler) as (executor, workers):
            yield Engine(executor, workers)
        return
    count = local_jobs(jobs)
    if count == 1:
        yield Engine(None, 1)
        return
    with ProcessPoolExecutor(max_workers=count) as pool:
        yield Engine(pool, count, shares_files=True)


@contextlib.contextmanager
def _dask(scheduler: str) -> Iterator[tuple[Executor, int]]:
    """A Dask client's executor and its number of worker threads."""
    try:
        # Typed as Any: distributed ships no complete type information.
        distributed: Any = importlib.import_module("distributed")
    except ImportError:
        raise EngineError("--scheduler needs Dask: pip install 'docdiff[dask]'") from None
    cluster: Any = None
    try:
        if scheduler == "local":
            cluster = distributed.LocalCluster(n_workers=local_jobs(None), threads_per_worker=1, dashboard_address=None)
            client = distributed.Client(cluster)
        else:
            client = distributed.Client(scheduler, timeout=10)
    except (OSError, TimeoutError, ValueError) as exc:
        raise EngineError(f"--scheduler {scheduler}: cannot reach the cluster ({exc})") from None
    try:
        workers = max(1, sum(client.nthreads().values()))
        yield client.get_executor(), workers
    finally:
        client.close()
        if cluster is not None:
            cluster.close()

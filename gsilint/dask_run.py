"""Check files on a Dask cluster (``pip install 'gsilint[dask]'``).

``gsilint check --dask-scheduler tcp://HOST:8786 PATHS`` (an existing
cluster) or ``--dask-local N`` (a cluster of N worker processes on this
machine) maps the per-file lint — the function ``--jobs`` runs in its
workers, handed in by :func:`gsilint.parallel.check_files` — over a Dask bag. Workers send back
findings, notes and excerpts; the run's cross-file phase, the cache and the
output stay in this process (:func:`gsilint.parallel.check_files`), so the
output is the same as a local run's.

The workers read the files themselves: they need gsilint (the same version)
installed and the paths, as given, readable where they run (a shared file
system, or paths that are absolute on every machine).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence

from gsilint.config import Config
from gsilint.records import dataclass
from gsilint.run import FileResult

#: Files per Dask task at most: enough to amortise scheduling, small enough to balance.
PARTITION_FILES = 64


class DaskUnavailable(Exception):
    """Dask is not installed: the message says how to install it."""


@dataclass(frozen=True)
class DaskTarget:
    """Where to run: a scheduler's address, or a local cluster of ``local_workers`` processes."""

    scheduler: str | None = None
    local_workers: int | None = None


def lint_on_dask(
    items: Sequence[tuple[str, Config]],
    target: DaskTarget,
    fix: str | None,
    finished: Callable[[int, FileResult], None],
    work: Callable[[str, Config, str | None, str | None], FileResult],
) -> None:
    """``work(path, config, fix, read_from)`` for each item on the cluster, then ``finished``.

    Workers read each file at its absolute path (their working directory is not
    ours); findings name it as given.
    """
    if not items:
        return
    try:
        import dask.bag as db
        from distributed import Client, LocalCluster
    except ImportError:
        raise DaskUnavailable(
            "Dask is not installed: pip install 'gsilint[dask]' (dask[distributed])"
        ) from None
    if target.scheduler:
        cluster = None
        client = Client(target.scheduler)
    else:
        cluster = LocalCluster(
            n_workers=target.local_workers or 1,
            threads_per_worker=1,
            processes=True,
            dashboard_address=None,
        )
        client = Client(cluster)
    try:
        partitions = max(1, -(-len(items) // PARTITION_FILES))
        bag = db.from_sequence(
            [(p, c, fix, os.path.abspath(p)) for p, c in items], npartitions=partitions
        )
        results = bag.starmap(work).compute(scheduler=client)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    for k, result in enumerate(results):
        finished(k, result)

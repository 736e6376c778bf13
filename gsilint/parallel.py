"""Check many files at once: worker processes, a progress bar, the same output.

:func:`check_files` takes ``(path, config)`` pairs (each file may have its own
configuration) and returns one :class:`~gsilint.run.FileResult` per file, in
the order given. With ``jobs == 1`` (or a single file) the files are checked
in this process, otherwise by a pool of processes. Either way the run's
cross-file phase (:func:`gsilint.run.finish_run`) runs once at the end over
all results, so the output does not depend on ``--jobs``.

A progress bar is drawn on stderr only when stderr is a terminal and there
are many files; it never touches stdout, where machine-readable output goes.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Sequence
from contextlib import nullcontext

from gsilint.cache import ResultCache, Slot
from gsilint.config import Config
from gsilint.dask_run import DaskTarget, lint_on_dask
from gsilint.run import FileResult, Run, check_file, finish_run

#: Below this many files, no progress bar (it would only flicker).
PROGRESS_MIN_FILES = 10


def default_jobs() -> int:
    """All cores available to this process."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


def _warm_up() -> None:
    """Load the rules and facts before forking, so workers inherit them."""
    from gsilint.rules import load_rules

    load_rules()


def _pool_context():
    import multiprocessing

    methods = multiprocessing.get_all_start_methods()
    # fork: workers inherit the compiled grammar and loaded rules (cheap start)
    return multiprocessing.get_context("fork" if "fork" in methods else None)


def check_files(
    items: Sequence[tuple[str, Config]],
    jobs: int | None = None,
    progress: bool | None = None,
    fix: str | None = None,
    cache: ResultCache | None = None,
    emit: Callable[[FileResult], None] | None = None,
    dask: DaskTarget | None = None,
    previous: Sequence[tuple[str, Config]] = (),
) -> list[FileResult]:
    """Lint each ``(path, config)``; results in the order of ``items``.

    ``jobs`` None or < 1: all cores. ``progress`` None: show a bar when stderr
    is a terminal and there are at least :data:`PROGRESS_MIN_FILES` files.
    ``fix``: ``"write"`` or ``"diff"`` to fix each file first (see :func:`check_file`).
    ``cache``: take unchanged files' results from it and store the others
    (never with ``fix``: fixing writes files). ``emit``: called with each
    file's result in the order of ``items`` as soon as it and those before it
    are done, before the cross-file phase adds its findings. ``dask``: lint
    on a Dask cluster instead of local processes (:mod:`gsilint.dask_run`).
    ``previous``: last year's reports (``--previous``), checked only for the notes
    their cross-file rules take: never fixed, emitted or returned.
    """
    given = [path for path, _ in items]
    known = {os.path.abspath(p) for p in given}
    extra = []
    for p, c in previous:
        if os.path.abspath(p) not in known:
            known.add(os.path.abspath(p))
            extra.append((p, c))
    items = [*items, *extra]
    results: list[FileResult | None] = [None] * len(items)
    slots: dict[int, Slot] = {}
    if cache is not None and fix is None:
        for i, (path, config) in enumerate(items):
            results[i], slot = cache.lookup(path, config)
            if results[i] is None and slot is not None:
                slots[i] = slot
    todo = [i for i, r in enumerate(results) if r is None]
    emitted = 0

    def flush() -> None:
        nonlocal emitted
        while emit is not None and emitted < len(given) and results[emitted] is not None:
            emit(results[emitted])
            emitted += 1

    def finished(k: int, result: FileResult) -> None:
        i = todo[k]
        results[i] = result
        if i in slots:
            cache.store(slots[i], result)
        flush()

    flush()  # the cached files before the first one to lint
    pending = [items[i] for i in todo]
    # last year's reports are read, never fixed: with --fix/--diff, checked here afterwards
    later = [] if fix is None else [items[i] for i in todo if i >= len(given)]
    pending = pending[: len(pending) - len(later)]
    if dask is not None:
        lint_on_dask(pending, dask, fix, finished, check_in_worker)
    else:
        if progress is None:
            progress = len(todo) >= PROGRESS_MIN_FILES and _stderr_is_terminal()
        _lint(pending, jobs, progress, fix, finished)
    for k, (path, config) in enumerate(later, start=len(pending)):
        finished(k, check_file(path, config))
    done = [r for r in results if r is not None]
    finish_run(Run({r.path: r for r in done}))
    return [r for r in results[: len(given)] if r is not None]


def _lint(
    items: Sequence[tuple[str, Config]],
    jobs: int | None,
    progress: bool,
    fix: str | None,
    finished: Callable[[int, FileResult], None],
) -> None:
    """Lint ``items``, calling ``finished(index, result)`` for each as it is done."""
    jobs = default_jobs() if not jobs or jobs < 1 else jobs
    jobs = max(1, min(jobs, len(items)))
    if jobs == 1:
        with _progress_bar(len(items)) if progress else nullcontext(None) as advance:
            tick = advance or _nothing
            for k, (path, config) in enumerate(items):
                finished(k, check_file(path, config, fix))
                tick()
        return
    _parallel(items, jobs, progress, fix, finished)


def _nothing() -> None:
    pass


def check_in_worker(
    path: str, config: Config, fix: str | None, read_from: str | None = None
) -> FileResult:
    """What a worker sends back: the result with excerpts instead of the whole Source."""
    return check_file(path, config, fix, read_from).without_source()


def _parallel(
    items: Sequence[tuple[str, Config]],
    jobs: int,
    progress: bool,
    fix: str | None,
    finished: Callable[[int, FileResult], None],
) -> None:
    from concurrent.futures import ProcessPoolExecutor, as_completed
    from concurrent.futures.process import BrokenProcessPool

    _warm_up()
    done = [False] * len(items)
    try:
        with ProcessPoolExecutor(
            max_workers=jobs, mp_context=_pool_context(), initializer=_warm_up
        ) as pool:
            # submit (and so fork) before the progress bar starts its thread
            futures = {
                pool.submit(check_in_worker, path, config, fix): k
                for k, (path, config) in enumerate(items)
            }
            with _progress_bar(len(items)) if progress else nullcontext(None) as advance:
                tick = advance or _nothing
                for fut in as_completed(futures):
                    k = futures[fut]
                    try:
                        result = fut.result()
                    except BrokenProcessPool:
                        raise
                    except Exception:  # a result that would not pickle, a worker bug: redo it here
                        result = check_file(*items[k], fix)
                    done[k] = True
                    finished(k, result)
                    tick()
    except (BrokenProcessPool, OSError):
        # a worker died (memory, a signal) or processes are unavailable: finish here
        for k, (path, config) in enumerate(items):
            if not done[k]:
                done[k] = True
                finished(k, check_file(path, config, fix))


def _stderr_is_terminal() -> bool:
    try:
        return sys.stderr.isatty()
    except (AttributeError, ValueError):
        return False


class _progress_bar:
    """A rich progress bar on stderr; entering it returns the ``advance`` callable."""

    def __init__(self, total: int) -> None:
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TextColumn,
            TimeRemainingColumn,
        )

        self._progress = Progress(
            TextColumn("gsilint"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeRemainingColumn(),
            console=Console(stderr=True),
            transient=True,
        )
        self._total = total
        self._task = None

    def __enter__(self) -> Callable[[], None]:
        self._progress.start()
        self._task = self._progress.add_task("check", total=self._total)
        return lambda: self._progress.advance(self._task)

    def __exit__(self, *exc) -> None:
        self._progress.stop()

"""Cross-file rules: a note per file, compared once at the end of the run.

A rule that compares files (X403 carry-over today; stock and similarity
across years next) is registered like any rule, with ``compare=``::

    @rule("X403", "carry-over-mismatch", Severity.WARNING, zh, en, compare=compare_carry_over)
    def carry_over_mismatch(ctx) -> CarryOverNote | None:
        '''docs'''
        return CarryOverNote(...)          # phase 1, per file: plain, picklable data

    def compare_carry_over(notes: Mapping[str, CarryOverNote]) -> Iterator[RunIssue]:
        ...                                # phase 2, once per run: path → note

Phase 1 runs inside each file's lint (in a worker process with ``--jobs``),
so a note may hold only picklable data; places it will report are resolved
there with :meth:`Context.place`. Phase 2 sees every note of the run at
once, so the result does not depend on file order or ``--jobs``. The run
(:func:`gsilint.run.finish_run`) turns each :class:`RunIssue` into a finding
with the file's own configuration (severity, language) and drops those
inside that file's suppressions, like any other finding.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any

from gsilint.findings import Location, Severity
from gsilint.records import dataclass


@dataclass(frozen=True, slots=True)
class Place:
    """A place in one file, resolved while that file was linted (see :meth:`Context.place`)."""

    location: Location
    #: the text there, for fingerprints and baselines
    excerpt: str


@dataclass(frozen=True, slots=True)
class RunIssue:
    """What a cross-file rule's compare phase yields: a finding in file ``path``.

    ``related`` are other places in the same file, each ``(place, zh, en)``.
    """

    path: str
    place: Place
    zh: str
    en: str
    related: tuple[tuple[Place, str, str], ...] = ()
    severity: Severity | None = None


#: ``compare(notes)``: the run phase; ``notes`` maps each file's path to the note
#: its per-file check returned (files where it returned None are left out).
CompareFn = Callable[[Mapping[str, Any]], Iterable[RunIssue]]

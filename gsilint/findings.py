"""What a rule reports. Frozen, sortable, independent of any output format."""

from __future__ import annotations

from dataclasses import field
from enum import IntEnum

from gsilint.positions import Span
from gsilint.records import dataclass


class Severity(IntEnum):
    INFO = 1
    WARNING = 2
    ERROR = 3

    @classmethod
    def parse(cls, name: str) -> Severity:
        try:
            return cls[name.strip().upper()]
        except KeyError:
            raise ValueError(f"unknown severity '{name}' (error, warning or info)") from None

    @property
    def label(self) -> str:
        return self.name.lower()


@dataclass(frozen=True, slots=True)
class Issue:
    """What a rule's check yields: a place in the parsed text and a message.

    ``related`` are other places that explain the finding (the operands of a
    sum, the other side of a contradiction), each ``(span, zh, en)``.
    ``fix`` is ``(span, replacement)`` for an automatic correction.
    """

    span: Span
    zh: str
    en: str
    related: tuple[tuple[Span, str, str], ...] = ()
    fix: tuple[Span, str] | None = None
    severity: Severity | None = None  # override the rule's default for this one


@dataclass(frozen=True, slots=True)
class Location:
    """A resolved place in the original file. Lines/columns are 1-based code points."""

    start: int
    end: int
    line: int
    column: int
    end_line: int
    end_column: int
    #: For formats without lines (DOCX): "段落 41" / "表2 第5行第3列".
    label: str | None = None


@dataclass(frozen=True, slots=True)
class Related:
    location: Location
    message: str


@dataclass(frozen=True, slots=True)
class Fix:
    start: int  # offsets into the original text
    end: int
    replacement: str


@dataclass(frozen=True, slots=True)
class Finding:
    path: str
    code: str
    name: str
    severity: Severity
    message: str
    location: Location
    related: tuple[Related, ...] = ()
    fix: Fix | None = None
    #: A short excerpt of the text at the finding, for fingerprints and baselines.
    context: str = field(default="", compare=False)

    @property
    def line(self) -> int:
        return self.location.line

    @property
    def column(self) -> int:
        return self.location.column

    @property
    def end_line(self) -> int:
        return self.location.end_line

    @property
    def end_column(self) -> int:
        return self.location.end_column

    def sort_key(self) -> tuple:
        """Place, then code; findings of one rule at one place keep the order the rule gave
        them (S101's missing sections in the template's order), since sorting is stable."""
        return (self.path, self.location.line, self.location.column, self.code)

"""The atlas's own error types. Each carries a message a person can act on."""

from __future__ import annotations

from dataclasses import dataclass


class AtlasError(Exception):
    """Base class of every error the ``geo`` package raises on purpose."""


class BoundaryFileError(AtlasError):
    """The municipality boundaries are missing, corrupt or unreadable."""


@dataclass(frozen=True)
class Problem:
    """One thing wrong with one input row: which file, which row (1-based, as a
    spreadsheet shows it, header = row 1), which field, and why."""

    file: str
    row: int | None
    field: str | None
    reason: str

    def __str__(self) -> str:
        where = self.file
        if self.row is not None:
            where += f", row {self.row}"
        if self.field:
            where += f", field '{self.field}'"
        return f"{where}: {self.reason}"


class ProblemsError(AtlasError):
    """Validation failed; ``problems`` lists every problem found, not only the first."""

    what = "the input"

    def __init__(self, problems: list[Problem]):
        self.problems = list(problems)
        shown = "\n".join(f"  - {p}" for p in self.problems[:50])
        more = len(self.problems) - 50
        tail = f"\n  ... and {more} more" if more > 0 else ""
        super().__init__(f"{len(self.problems)} problem(s) in {self.what}:\n{shown}{tail}")


class IncidentDataError(ProblemsError):
    """An incident table failed validation."""

    what = "the incident data"


class AliasFileError(ProblemsError):
    """``data/gazetteer_aliases.csv`` is malformed."""

    what = "the gazetteer aliases"


class GeocodeError(AtlasError):
    """A location query could not be understood (not: could not be found)."""

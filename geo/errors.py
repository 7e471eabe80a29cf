"""Every error type the atlas raises on purpose, in one place. Each carries a message a person
can act on. Validation collects every problem and raises once (:class:`ProblemsError`)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from geo.i18n import _


class AtlasError(Exception):
    """Base class of every error the ``geo`` package raises on purpose."""


class SettingsError(AtlasError):
    """An ``ATLAS_*`` setting holds a value that cannot be used (see :mod:`geo.config`)."""


class BoundaryFileError(AtlasError):
    """The municipality boundaries are missing, corrupt or unreadable."""


class GeocodeError(AtlasError):
    """A location query could not be understood (not: could not be found)."""


class UsageError(AtlasError):
    """A command-line value that cannot be used (exit code 2)."""


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
            where = _("{where}, row {row}").format(where=where, row=self.row)
        if self.field:
            where = _("{where}, field '{field}'").format(where=where, field=self.field)
        return _("{where}: {reason}").format(where=where, reason=self.reason)


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


class LayerDataError(ProblemsError):
    """A sourced layer (``data/foreign_fighters.csv``) failed validation."""

    what = "the foreign-fighter layer"


class AliasFileError(ProblemsError):
    """``data/gazetteer_aliases.csv`` is malformed."""

    what = "the gazetteer aliases"


class CrosswalkFileError(ProblemsError):
    """``data/crosswalk.csv`` is malformed."""

    what = "the crosswalk (data/crosswalk.csv)"


class ImportFileError(AtlasError):
    """A file cannot be imported: unreadable, empty, of an unsupported kind. ``filename`` names it."""

    def __init__(self, filename: str, message: str):
        self.filename = filename
        self.message = message
        super().__init__(_("{where}: {reason}").format(where=filename, reason=message))


class ImportLimitError(ImportFileError):
    """A file is over a limit: ``what`` (``"size"`` or ``"rows"``), ``limit`` and ``actual``."""

    def __init__(self, filename: str, message: str, *, what: str, limit: int, actual: int):
        self.what, self.limit, self.actual = what, limit, actual
        super().__init__(filename, message)


class MappingError(ImportFileError):
    """The column mapping cannot be used with this table. ``missing`` lists the columns it
    names that the table lacks (or the preset's required columns the table lacks)."""

    def __init__(self, filename: str, message: str, *, missing: Sequence[str] = ()):
        self.missing = tuple(missing)
        super().__init__(filename, message)


class DatasetError(AtlasError):
    """A saved dataset cannot be stored, found or read."""


class DatasetNotFoundError(DatasetError):
    """No saved dataset has that slug (or the slug is not a valid one)."""


class LookupTableError(ProblemsError):
    """A lookup table of ``data/`` (read by :mod:`geo.admin.tables`) is malformed."""

    what = "a lookup table of data/"


class DatasetPermissionError(DatasetError):
    """This session (a reader's) or this database login may read saved datasets, not change them."""

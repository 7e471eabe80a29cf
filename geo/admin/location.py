"""What a geocoding answer is: a :class:`Location` (where, how precisely, by which evidence), and
the few ways to make one that :mod:`geo.admin.geocode` and :mod:`geo.admin.postcodes` share.

A municipality's names and codes come from the current boundary file's records
(:meth:`geo.admin.boundaries.Boundaries.municipality_records`); a region's from
:data:`geo.vocab.REGION_NAMES`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from geo import vocab
from geo.admin import boundaries
from geo.admin.boundaries import Municipality

Precision = Literal["point", "municipality", "region", "none"]
Method = Literal["coordinates", "postal_code", "place_name", "none"]
METHODS: tuple[Method, ...] = ("coordinates", "postal_code", "place_name", "none")


@dataclass(frozen=True)
class Location:
    """Where a query lies, and how well that is known.

    ``nis``: 2019 REFNIS municipality code (``None`` unless precision is ``point`` or
    ``municipality``). ``region_nis``: 02000, 03000 or 04000 (``None`` at precision ``none``).
    ``name_nl``/``name_fr``: of the municipality, or of the region at region precision.
    ``arr_nis``/``prov_nis``: of the municipality (``prov_nis`` is 04000 in Brussels, which has no
    province). ``matched``: what the answer rests on (the coordinate as ``"lat, lon"``, the postal
    code, or the gazetteer name that matched). ``note``: ``""`` or a reason a person can read.
    """

    nis: str | None
    region_nis: str | None
    precision: Precision
    method: Method
    name_nl: str | None = None
    name_fr: str | None = None
    arr_nis: str | None = None
    prov_nis: str | None = None
    matched: str | None = None
    note: str = ""


def municipality(nis: str) -> Municipality:
    """The codes and names of a 2019 municipality of the current boundary file."""
    return boundaries.current().municipality_records()[nis]


def both_names(nl: str, fr: str, *, sep: str = " / ") -> str:
    """``"Brussel / Bruxelles"``, or the name once where both languages agree."""
    return nl if nl == fr else f"{nl}{sep}{fr}"


def label(nis: str) -> str:
    """A municipality as people read it in a note: ``"Brussel/Bruxelles (21004)"``."""
    muni = municipality(nis)
    return f"{both_names(muni.name_nl, muni.name_fr, sep='/')} ({nis})"


def at_municipality(nis: str, *, precision: Precision, method: Method, matched: str | None,
                    note: str = "") -> Location:
    muni = municipality(nis)
    return Location(nis=nis, region_nis=muni.reg_nis, precision=precision, method=method,
                    name_nl=muni.name_nl, name_fr=muni.name_fr, arr_nis=muni.arr_nis,
                    prov_nis=muni.prov_nis, matched=matched, note=note)


def at_region(region_nis: str, *, method: Method, matched: str | None, note: str = "") -> Location:
    nl, fr = vocab.REGION_NAMES[region_nis]
    return Location(nis=None, region_nis=region_nis, precision="region", method=method,
                    name_nl=nl, name_fr=fr, matched=matched, note=note)


def nowhere(*, method: Method, matched: str | None = None, note: str) -> Location:
    return Location(nis=None, region_nis=None, precision="none", method=method, matched=matched,
                    note=note)


def among(candidates: Sequence[str], *, method: Method, matched: str | None, note: str) -> Location:
    """Several municipalities fit: the region they share, else nothing. ``note`` names them."""
    regions = {municipality(nis).reg_nis for nis in candidates}
    if len(regions) == 1:
        return at_region(regions.pop(), method=method, matched=matched, note=note)
    return nowhere(method=method, matched=matched, note=note)

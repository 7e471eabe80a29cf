"""What the commands share: argument parsing helpers, checking filter values against the data,
and writing output files safely."""

from __future__ import annotations

import argparse
import os
import re
from pathlib import Path

from geo import vocab
from geo.errors import UsageError

# The same as geo.maps.views.VIEWS and geo.admin.boundaries.LEVELS (a test keeps them equal), spelled out so
# that building the parser does not import geopandas.
VIEW_CHOICES = ("belgium", "brussels", "charleroi")
LEVEL_CHOICES = ("municipality", "arrondissement", "province", "region")


class Parser(argparse.ArgumentParser):
    """argparse with a one-line error message (exit code 2, as argparse)."""

    def error(self, message: str):
        self.exit(2, f"{self.prog}: error: {message} (see {self.prog} --help)\n")


def split(values: str | None) -> list[str]:
    return [v.strip() for v in (values or "").split(",") if v.strip()]


def parse_years(text: str | None) -> tuple[int, int] | None:
    if text is None:
        return None
    match = re.fullmatch(r"\s*(\d{4})(?:\s*-\s*(\d{4}))?\s*", text)
    if not match:
        raise UsageError(f"--years must be YYYY or YYYY-YYYY (e.g. 2016 or 2015-2016), not {text!r}")
    a = int(match.group(1))
    b = int(match.group(2) or a)
    if a > b:
        raise UsageError(f"--years {text!r}: the first year is after the last")
    return a, b


def pick(kind: str, wanted: list[str], allowed: list[str], known_as: str) -> tuple[str, ...]:
    """Match each value to an allowed one (case-insensitively); refuse unknown values."""
    by_fold = {a.casefold(): a for a in allowed}
    picked = []
    for value in wanted:
        hit = by_fold.get(value.casefold())
        if hit is None:
            raise UsageError(f"unknown {kind} {value!r}; {known_as}: {', '.join(allowed) or '(none)'}")
        picked.append(hit)
    return tuple(dict.fromkeys(picked))


def selection(args: argparse.Namespace):
    """Load the data and turn the filter options into :class:`geo.incidents.filters.Filters`, checking
    every value against the data. Returns (data, filters, all_years)."""
    from geo.incidents import table
    from geo.incidents.filters import Filters
    from geo.maps.views import VIEW_SPECS

    spec = VIEW_SPECS[args.view]
    if args.level not in spec.levels:
        raise UsageError(f"the {args.view} view shows level(s) {', '.join(spec.levels)}, not {args.level!r}")
    dataset = getattr(args, "dataset", None)
    if dataset and getattr(args, "data", None):
        raise UsageError("give --data (a CSV file) or --dataset (a saved dataset), not both")
    if dataset:
        from geo.io import store

        chosen = store.configured()  # the command line reads for the person who runs it
        data = chosen.load_dataset(chosen.find(dataset).slug)
    else:
        data = table.load_incidents(getattr(args, "data", None))
    if data.empty:
        raise UsageError("the incident table has no rows")
    all_years = (int(data["year"].min()), int(data["year"].max()))
    years = parse_years(args.years)
    if years is not None and (years[1] < all_years[0] or years[0] > all_years[1]):
        raise UsageError(f"--years {args.years}: the data covers {all_years[0]}–{all_years[1]}")
    cities = sorted(c for c in data["city"].dropna().unique() if c)
    filters = Filters(
        years=years,
        cities=pick("city", split(args.cities), cities, "cities in the data"),
        kinds=pick("kind", split(args.kinds), list(vocab.REPORT_KINDS), "kinds"),
        links=pick("link", split(args.links), list(vocab.LINKS), "links"),
        plots_only=args.plots_only,
        include_reconstructed=not args.documented_only,
    )
    return data, filters, all_years


def check_folder(folder: Path, *, create: bool) -> Path:
    if create:
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise UsageError(f"cannot create the folder {folder}: {exc.strerror or exc}") from None
    if not folder.is_dir():
        raise UsageError(f"cannot write there: {folder} is not an existing folder")
    if not os.access(folder, os.W_OK):
        raise UsageError(f"cannot write there: the folder {folder} is not writable")
    return folder


def write(path: Path, payload: bytes) -> None:
    try:
        path.write_bytes(payload)
    except OSError as exc:
        raise UsageError(f"cannot write {path}: {exc.strerror or exc}") from None
    print(path)


def out_file(out: str, default_name: str, suffix: str) -> Path:
    """``out`` as a file path: inside it when it is a folder, else the path itself."""
    path = Path(out)
    if path.is_dir() or out.endswith(("/", os.sep)):
        return check_folder(path, create=True) / default_name
    if path.suffix.lower() != suffix:
        raise UsageError(f"--out {out!r}: give a {suffix} file or a folder")
    check_folder(path.parent if str(path.parent) else Path("."), create=False)
    return path


def add_map_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--view", default="belgium", choices=VIEW_CHOICES)
    p.add_argument("--level", default="municipality", choices=LEVEL_CHOICES,
                   help="city views show municipalities only")
    p.add_argument("--years", help="YYYY or YYYY-YYYY (inclusive)")
    p.add_argument("--cities", help="comma-separated, as in the data (Brussels = the whole region)")
    p.add_argument("--kinds", help="comma-separated: attack, arrest_action")
    p.add_argument("--links", help="comma-separated: linked, inspired")
    p.add_argument("--plots-only", action="store_true", help="only arrest actions that revealed a plot")
    p.add_argument("--documented-only", action="store_true", help="leave out reconstructed records")
    p.add_argument("--size", default="screen", choices=("screen", "print"))
    p.add_argument("--data", help="incident CSV (default: the report's data/incidents.csv)")
    add_dataset_option(p)
    p.add_argument("--out", required=True, help="file or folder to write")


def add_dataset_option(p: argparse.ArgumentParser) -> None:
    """``--dataset NAME``: a saved dataset (slug or name; ``python -m geo datasets`` lists them),
    read by :func:`selection` from the configured store."""
    p.add_argument("--dataset", metavar="NAME", help="a saved dataset, by slug or name, instead of the "
                   "report's data (see `python -m geo datasets`)")

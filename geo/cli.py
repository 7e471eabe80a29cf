"""Command line: ``python -m geo COMMAND``. Each command calls the same functions as the pages."""

from __future__ import annotations

import argparse
import os
import re
import sys
from collections.abc import Sequence
from pathlib import Path

from geo import text, vocab
from geo.errors import AtlasError, UsageError


def _cmd_boundaries(args: argparse.Namespace) -> int:
    from geo.admin import boundaries

    path = boundaries.boundary_file(download=True)
    frame = boundaries.municipalities()
    print(f"boundaries: {path} ({len(frame)} municipalities)")
    return 0


def _cmd_check_report(args: argparse.Namespace) -> int:
    from geo.report import check

    table = check.check_report()
    if args.update_data_card:
        from geo.report import datacard

        changed = datacard.update(table)
        print(f"{datacard.DATA_CARD.name}: support section {'rewritten' if changed else 'already up to date'}")
    elif args.markdown:
        print(check.support_markdown(table))
    else:
        print(check.format_check(table, support=args.support))
    return 0 if bool(table["matches"].all()) else 1


def _cmd_locate(args: argparse.Namespace) -> int:
    from geo.admin import geocode

    if not args.query:
        print("error: give a coordinate, a postal code or a place name", file=sys.stderr)
        return 2
    location = geocode.locate(" ".join(args.query))
    print(geocode.describe(location))
    return 0 if location.precision != "none" else 1


def _split(values: str | None) -> list[str]:
    return [v.strip() for v in (values or "").split(",") if v.strip()]


def _parse_years(text: str | None) -> tuple[int, int] | None:
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


def _pick(kind: str, wanted: list[str], allowed: list[str], known_as: str) -> tuple[str, ...]:
    """Match each value to an allowed one (case-insensitively); refuse unknown values."""
    by_fold = {a.casefold(): a for a in allowed}
    picked = []
    for value in wanted:
        hit = by_fold.get(value.casefold())
        if hit is None:
            raise UsageError(f"unknown {kind} {value!r}; {known_as}: {', '.join(allowed) or '(none)'}")
        picked.append(hit)
    return tuple(dict.fromkeys(picked))


def _selection(args: argparse.Namespace):
    """Load the data and turn the filter options into :class:`geo.incidents.filters.Filters`, checking
    every value against the data. Returns (data, filters, all_years)."""
    from geo.incidents import table
    from geo.incidents.filters import Filters
    from geo.maps.views import VIEW_SPECS

    spec = VIEW_SPECS[args.view]
    if args.level not in spec.levels:
        raise UsageError(f"the {args.view} view shows level(s) {', '.join(spec.levels)}, not {args.level!r}")
    data = table.load_incidents(args.data)
    if data.empty:
        raise UsageError("the incident table has no rows")
    all_years = (int(data["year"].min()), int(data["year"].max()))
    years = _parse_years(args.years)
    if years is not None and (years[1] < all_years[0] or years[0] > all_years[1]):
        raise UsageError(f"--years {args.years}: the data covers {all_years[0]}–{all_years[1]}")
    cities = sorted(c for c in data["city"].dropna().unique() if c)
    filters = Filters(
        years=years,
        cities=_pick("city", _split(args.cities), cities, "cities in the data"),
        kinds=_pick("kind", _split(args.kinds), list(vocab.REPORT_KINDS), "kinds"),
        links=_pick("link", _split(args.links), list(vocab.LINKS), "links"),
        plots_only=args.plots_only,
        include_reconstructed=not args.documented_only,
    )
    return data, filters, all_years


def _check_folder(folder: Path, *, create: bool) -> Path:
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


def _write(path: Path, payload: bytes) -> None:
    try:
        path.write_bytes(payload)
    except OSError as exc:
        raise UsageError(f"cannot write {path}: {exc.strerror or exc}") from None
    print(path)


def _out_file(out: str, default_name: str, suffix: str) -> Path:
    """``out`` as a file path: inside it when it is a folder, else the path itself."""
    path = Path(out)
    if path.is_dir() or out.endswith(("/", os.sep)):
        return _check_folder(path, create=True) / default_name
    if path.suffix.lower() != suffix:
        raise UsageError(f"--out {out!r}: give a {suffix} file or a folder")
    _check_folder(path.parent if str(path.parent) else Path("."), create=False)
    return path


def _cmd_export_png(args: argparse.Namespace) -> int:
    from dataclasses import replace

    from geo.maps.png import captions, choropleth

    data, filters, all_years = _selection(args)
    total_reconstructed = int((data["provenance"] == "reconstructed").sum())
    stem = f"{args.view}-{args.level}-{args.metric}"

    def draw(f, title_suffix: str = "") -> bytes:
        title = captions.default_title(args.view, args.level, args.metric) + title_suffix
        return choropleth.render_map(
            f.apply(data), view=args.view, level=args.level, metric=args.metric, filters=f,
            title=title, size=args.size, format="png", scheme=args.scheme, k=args.k,
            total_reconstructed=total_reconstructed, all_years=all_years).data

    if args.per is None:
        name = stem
        if filters.years is not None:
            a, b = filters.years
            name += f"-{a}" if a == b else f"-{a}-{b}"
        _write(_out_file(args.out, text.safe_filename(name + ".png"), ".png"), draw(filters))
        return 0
    folder = Path(args.out)
    if folder.suffix.lower() == ".png":
        raise UsageError(f"with --per {args.per}, --out is a folder, not {args.out!r}")
    _check_folder(folder, create=True)
    if args.per == "year":
        lo, hi = filters.years or all_years
        lo, hi = max(lo, all_years[0]), min(hi, all_years[1])
        for year in range(lo, hi + 1):
            f = replace(filters, years=(year, year))
            _write(folder / text.safe_filename(f"{stem}-{year}.png"), draw(f, f", {year}"))
    else:
        cities = filters.cities or tuple(sorted(c for c in data["city"].dropna().unique() if c))
        for city in cities:
            f = replace(filters, cities=(city,))
            _write(folder / text.safe_filename(f"{stem}-{city}.png".lower()), draw(f, f", {city}"))
    return 0


def _cmd_export_animation(args: argparse.Namespace) -> int:
    from geo.maps.png import animation

    if args.frame_seconds <= 0:
        raise UsageError("--frame-seconds must be positive")
    data, filters, all_years = _selection(args)
    name = f"{args.view}-{args.level}-{args.period}{'-cumulative' if args.cumulative else ''}.gif"
    path = _out_file(args.out, name, ".gif")
    selected = filters.apply(data)
    if selected.empty:
        raise UsageError("no incidents pass these filters: nothing to animate")
    try:
        gif = animation.render_animation(
            selected, view=args.view, level=args.level, period=args.period,
            cumulative=args.cumulative, filters=filters, size=args.size, format="gif",
            frame_seconds=args.frame_seconds,
            total_reconstructed=int((data["provenance"] == "reconstructed").sum()), all_years=all_years).data
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    _write(path, gif)
    return 0


# The same as geo.maps.views.VIEWS and geo.admin.boundaries.LEVELS (a test keeps them equal), spelled out so
# that building the parser does not import geopandas.
VIEW_CHOICES = ("belgium", "brussels", "charleroi")
LEVEL_CHOICES = ("municipality", "arrondissement", "province", "region")


def _add_map_options(p: argparse.ArgumentParser) -> None:
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
    p.add_argument("--out", required=True, help="file or folder to write")


class _Parser(argparse.ArgumentParser):
    """argparse with a one-line error message (exit code 2, as argparse)."""

    def error(self, message: str):
        self.exit(2, f"{self.prog}: error: {message} (see {self.prog} --help)\n")


def _cmd_import(args: argparse.Namespace) -> int:
    from pathlib import Path

    from geo.io import store
    from geo.io.mapping import ColumnMapping, preset_mapping, suggest_mapping
    from geo.io.pipeline import import_table
    from geo.io.presets import detect_preset
    from geo.io.readers.formats import read_table

    path = Path(args.file)
    if not path.is_file():
        print(f"error: {path}: no such file", file=sys.stderr)
        return 2
    raw, info = read_table(path, filename=path.name, sheet=args.sheet)
    preset = detect_preset(raw.columns)
    mapping = preset_mapping(preset, raw.columns) if preset else suggest_mapping(raw.columns)
    overrides = {}
    for item in args.map or ():
        field, _, column = item.partition("=")
        if not field or not _:
            print(f"error: --map takes FIELD=COLUMN, not {item!r}", file=sys.stderr)
            return 2
        overrides[field.strip()] = column.strip()
    if overrides:
        mapping = ColumnMapping.from_dict(mapping.to_dict() | overrides)
    result = import_table(raw, mapping=mapping, filename=path.name, info=info)
    s = result.summary
    print(f"{path.name}: {s['rows_in']} rows in, {s['accepted']} accepted, {s['rejected']} rejected, "
          f"{s['not_located']} not located in Belgium (preset: {s.get('preset') or 'none'})")
    print("mapping: " + ", ".join(f"{k}={v}" for k, v in mapping.to_dict().items()))
    for problem in result.problems[:20]:
        print(f"  - {problem}")
    if len(result.problems) > 20:
        print(f"  ... and {len(result.problems) - 20} more (saved with the dataset as rejected.csv)")
    if args.dry_run:
        return 0 if s["accepted"] else 1
    if not s["accepted"]:
        print("error: no row was accepted; nothing saved", file=sys.stderr)
        return 1
    saved = store.save_dataset(result, name=args.name or path.stem)
    print(f"saved as dataset '{saved.slug}' ({saved.name}); pick it in the app's sidebar")
    return 0


def _cmd_serve(args: argparse.Namespace) -> int:
    """``streamlit run app.py`` with the heavy work done before the first visitor arrives: imports,
    the boundary file read and repaired, the report's incidents validated, the web geometry
    simplified, mapclassify imported — all cached in this process. Streamlit then runs as its own
    command (``python -m streamlit``) in the same process, options passed through untouched."""
    import runpy

    from geo.config import ROOT
    from geo.incidents import table
    from geo.maps import classify, views, web

    for level in ("municipality", "province"):
        views.view_units("belgium", level=level, web=True)
    table.load_incidents()
    classify.classify(list(range(20)))
    web.leaflet_assets()
    sys.argv = ["streamlit", "run", str(ROOT / "app.py"), *args.streamlit_args]
    runpy.run_module("streamlit", run_name="__main__", alter_sys=True)
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="python -m geo", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("boundaries", help="find or download (and verify) the boundary file").set_defaults(
        func=_cmd_boundaries)
    chk = sub.add_parser("check-report", help="each published figure of the report beside the computed one; "
                         "exit 1 on any mismatch")
    chk.add_argument("--support", action="store_true",
                     help="under each figure, how much of it rests on documented and on reconstructed rows")
    chk.add_argument("--markdown", action="store_true", help="the support table as Markdown (the data card's)")
    chk.add_argument("--update-data-card", action="store_true",
                     help="rewrite the support section of data/README.md from the check")
    chk.set_defaults(func=_cmd_check_report)
    loc = sub.add_parser("locate", help="a coordinate ('50.85,4.35'), postal code or place name -> "
                         "municipality, codes and precision")
    loc.add_argument("query", nargs=argparse.REMAINDER, help="e.g. 50.8434,4.3772 or -1.5,50 or 1080 or Jumet")
    loc.set_defaults(func=_cmd_locate)
    srv = sub.add_parser("serve", help="start the app (streamlit run app.py) with its data loaded "
                         "before the first visitor; streamlit options pass through")
    srv.add_argument("streamlit_args", nargs=argparse.REMAINDER)
    srv.set_defaults(func=_cmd_serve)
    imp = sub.add_parser("import", help="import a CSV/Excel/GeoJSON/GeoPackage file (GTD and ACLED "
                         "exports recognised) and save it as a dataset")
    imp.add_argument("file")
    imp.add_argument("--name", help="dataset name (default: the file name)")
    imp.add_argument("--sheet", help="sheet (Excel) or layer (GeoPackage)")
    imp.add_argument("--map", action="append", metavar="FIELD=COLUMN",
                     help="override the suggested mapping, e.g. --map date=Datum --map places=Gemeente,Plaats")
    imp.add_argument("--dry-run", action="store_true", help="validate and report; save nothing")
    imp.set_defaults(func=_cmd_import)
    png = sub.add_parser("export-png", help="choropleth PNG(s) of a view, with filters; --per year "
                         "or city writes one image each into the --out folder")
    _add_map_options(png)
    png.add_argument("--metric", default="count", choices=("count", "per_100k"))
    png.add_argument("--per", choices=("year", "city"))
    png.add_argument("--scheme", default="FisherJenks",
                     choices=("FisherJenks", "Quantiles", "EqualInterval", "NaturalBreaks"))
    png.add_argument("--k", type=int, default=5, help="number of classes (default 5)")
    png.set_defaults(func=_cmd_export_png)
    gif = sub.add_parser("export-animation", help="animated GIF of a view, one frame per year or month")
    _add_map_options(gif)
    gif.add_argument("--period", default="year", choices=("year", "month"))
    gif.add_argument("--cumulative", action="store_true", help="each frame adds up all earlier ones")
    gif.add_argument("--frame-seconds", type=float, default=1.0)
    gif.set_defaults(func=_cmd_export_animation)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == ["serve"]:  # everything after "serve" is streamlit's, untouched
        return _cmd_serve(argparse.Namespace(streamlit_args=argv[1:]))
    parser = build_parser()
    args, extra = parser.parse_known_args(argv)
    if extra:  # a negative coordinate ("-1.5,50") looks like an option to argparse
        if args.command == "locate":
            args.query = list(args.query) + extra
        else:
            parser.error(f"unrecognized arguments: {' '.join(extra)}")
    try:
        return int(args.func(args))
    except AtlasError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2

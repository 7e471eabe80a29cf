"""Dataset commands: importing a file as a saved dataset, saying everything the import found
(every reader and geocoder note, rows outside Belgium apart from rows not placed, the rejected
rows with their reasons, the categories not in the crosswalk, and a preview of the rows as they
will be stored)."""

from __future__ import annotations

import argparse
import sys

#: Rejected rows printed before "and N more".
SHOWN_PROBLEMS = 20


def _overrides(items, what: str) -> dict[str, str] | None:
    out: dict[str, str] = {}
    for item in items or ():
        key, sep, value = item.partition("=")
        if not key.strip() or not sep:
            print(f"error: {what} takes NAME=VALUE, not {item!r}", file=sys.stderr)
            return None
        out[key.strip()] = value.strip()
    return out


def _counts(counts: dict) -> str:
    return ", ".join(f"{k} {v}" for k, v in counts.items()) or "none"


def report(result, *, preview: int = 10) -> list[str]:
    """The lines the command prints about an import (also used by tests)."""
    from geo.i18n import _

    s, info = result.summary, result.info
    lines: list[str] = []
    how = [info.format] if info else []
    if info and info.encoding:
        how.append(info.encoding)
    if info and info.delimiter:
        how.append(_("delimiter {d!r}").format(d=info.delimiter))
    if info and info.sheet:
        how.append(_("sheet/layer {s!r}").format(s=info.sheet))
    lines.append(f"{result.filename}: " + _("read as {how}; preset: {preset}").format(
        how=", ".join(how) or "a table", preset=s.get("preset") or _("none")))
    lines.append(_("mapping: ") + ", ".join(f"{k}={v}" for k, v in result.mapping.to_dict().items()))
    lines.append(_("rows: {n} in, {a} accepted, {r} rejected").format(
        n=s["rows_in"], a=s["accepted"], r=s["rejected"]))
    placed = s["accepted"] - s["not_located"]
    lines.append("  " + _("placed in Belgium: {n} ({how})").format(
        n=placed, how=_counts({k: v for k, v in s["geo_precision"].items() if k != "none"})))
    lines.append("  " + _("outside Belgium: {n} (kept, not mapped)").format(n=s["outside_belgium"]))
    lines.append("  " + _("in Belgium but not placed, or nothing to go on: {n} (kept, not mapped)")
                 .format(n=s["not_placed"]))
    lines.append("  " + _("dates: {how}; kinds: {kinds}").format(
        how=_counts(s["date_precision"]), kinds=_counts(s["kind"])))
    known = {k: v for k, v in s.get("casualties", {}).items() if v}
    if known:
        lines.append("  " + _("counts of people known: {how}").format(how=_counts(known)))
    notes = result.notes()
    if notes:
        lines.append(_("notes:"))
        lines += [f"  - {n}" for n in notes]
    if result.problems:
        lines.append(_("rejected rows (row, field: reason):"))
        lines += [f"  - {p}" for p in result.problems[:SHOWN_PROBLEMS]]
        if len(result.problems) > SHOWN_PROBLEMS:
            lines.append("  " + _("… and {n} more (--rejected FILE writes them all)").format(
                n=len(result.problems) - SHOWN_PROBLEMS))
    for title, table in ((_("geocoder notes (each with its number of rows and the first rows):"),
                          result.geocode_notes()),
                         (_("category notes:"), result.kind_notes())):
        if len(table):
            lines.append(title)
            lines += ["  - " + _("[{n} rows: {first}] {note}").format(n=r.rows, first=r.first_rows, note=r.note)
                      for r in table.itertuples(index=False)]
    if preview and s["accepted"]:
        lines.append(_("the first {n} rows as they will be stored:").format(n=min(preview, s["accepted"])))
        table = result.preview(preview).astype("string").fillna("")
        lines += ["  " + line for line in table.to_string(index=False, max_colwidth=60).splitlines()]
    return lines


def _cmd_import(args: argparse.Namespace) -> int:
    from pathlib import Path

    from geo.io import store
    from geo.io.mapping import ColumnMapping, suggest_mapping
    from geo.io.pipeline import import_table
    from geo.io.readers.formats import read_table

    path = Path(args.file)
    if not path.is_file():
        print(f"error: {path}: no such file", file=sys.stderr)
        return 2
    raw, info = read_table(path, filename=path.name, sheet=args.sheet)
    mapping = suggest_mapping(raw.columns, raw)
    overrides = _overrides(args.map, "--map")
    assigned = _overrides(args.assign, "--assign")
    if overrides is None or assigned is None:
        return 2
    if args.crs:
        overrides["crs"] = args.crs
    if overrides or assigned:
        data = mapping.to_dict() | overrides
        if assigned:
            data["categories"] = data.get("categories", {}) | assigned
        mapping = ColumnMapping.from_dict(data)
    result = import_table(raw, mapping=mapping, filename=path.name, info=info)
    print("\n".join(report(result, preview=args.preview)))
    if args.rejected and len(result.rejected):
        Path(args.rejected).write_bytes(result.rejected_csv())
        print(f"rejected rows written to {args.rejected}")
    s = result.summary
    if args.dry_run:
        return 0 if s["accepted"] else 1
    if not s["accepted"]:
        print("error: no row was accepted; nothing saved", file=sys.stderr)
        return 1
    saved = store.configured().save_dataset(result, name=args.name or path.stem)  # for the person who runs it
    print(f"saved as dataset '{saved.slug}' ({saved.name}); pick it in the app's sidebar")
    return 0


def register(sub) -> None:
    imp = sub.add_parser("import", help="import a CSV/Excel/GeoJSON/GeoPackage file (GTD and ACLED "
                         "exports recognised) and save it as a dataset")
    imp.add_argument("file")
    imp.add_argument("--name", help="dataset name (default: the file name)")
    imp.add_argument("--sheet", help="sheet (Excel) or layer (GeoPackage)")
    imp.add_argument("--map", action="append", metavar="FIELD=COLUMN",
                     help="override the suggested mapping, e.g. --map date=Datum --map places=Gemeente,Plaats "
                     "--map x=X --map y=Y")
    imp.add_argument("--crs", help="coordinate system of x/y (and of a WKT column), e.g. EPSG:31370 "
                     "(Belgian Lambert 72, the default for x/y) or EPSG:3812 (Lambert 2008)")
    imp.add_argument("--assign", action="append", metavar="VALUE=KIND",
                     help="give a category value the crosswalk does not know a kind (attack, "
                     "arrest_action, plot, other), e.g. --assign bomaanslag=attack")
    imp.add_argument("--preview", type=int, default=10, metavar="N",
                     help="print the first N rows as they will be stored (0: none; default 10)")
    imp.add_argument("--rejected", metavar="FILE", help="write the rejected rows (CSV) to FILE")
    imp.add_argument("--dry-run", action="store_true", help="validate and report; save nothing")
    imp.set_defaults(func=_cmd_import)

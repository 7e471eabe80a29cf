"""Dataset commands: importing a file as a saved dataset."""

from __future__ import annotations

import argparse
import sys


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
    store.use(store.configured())  # the command line acts for the person who runs it
    saved = store.save_dataset(result, name=args.name or path.stem)
    print(f"saved as dataset '{saved.slug}' ({saved.name}); pick it in the app's sidebar")
    return 0


def register(sub) -> None:
    imp = sub.add_parser("import", help="import a CSV/Excel/GeoJSON/GeoPackage file (GTD and ACLED "
                         "exports recognised) and save it as a dataset")
    imp.add_argument("file")
    imp.add_argument("--name", help="dataset name (default: the file name)")
    imp.add_argument("--sheet", help="sheet (Excel) or layer (GeoPackage)")
    imp.add_argument("--map", action="append", metavar="FIELD=COLUMN",
                     help="override the suggested mapping, e.g. --map date=Datum --map places=Gemeente,Plaats")
    imp.add_argument("--dry-run", action="store_true", help="validate and report; save nothing")
    imp.set_defaults(func=_cmd_import)

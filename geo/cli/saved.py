"""The ``datasets`` command: the saved datasets of the configured store (the data folder, or
PostGIS when ``ATLAS_DATABASE_URL`` is set): list them, delete one (it asks first), and prepare a
PostGIS database for a deployment (the tables, and a readers' login granted ``SELECT`` only).

The command line acts for the person who runs it: it may change what the store lets its login change.
"""

from __future__ import annotations

import argparse
import json
import sys

from geo.errors import UsageError


def _store():
    from geo.io import store

    return store.configured()


def _cmd_list(args: argparse.Namespace) -> int:
    chosen = _store()
    infos = chosen.list_datasets()
    if args.json:
        print(json.dumps([{"slug": i.slug, "name": i.name, "rows": i.accepted, "rejected": i.rejected,
                           "imported_at": i.imported_at, "source_file": i.source_file} for i in infos],
                         ensure_ascii=False, indent=2))
        return 0
    for problem in infos.skipped:
        print(f"warning: skipped: {problem}", file=sys.stderr)
    print(f"{len(infos)} saved dataset{'s' if len(infos) != 1 else ''} in the {chosen.where}")
    if not infos:
        return 0
    rows = [("slug", "name", "rows", "imported at (UTC)")]
    rows += [(i.slug, i.name, f"{i.accepted:,}", i.imported_at.replace("+00:00", "")) for i in infos]
    widths = [max(len(r[k]) for r in rows) for k in range(4)]
    for r in rows:
        print("  ".join([r[0].ljust(widths[0]), r[1].ljust(widths[1]), r[2].rjust(widths[2]), r[3]]).rstrip())
    return 0


def _cmd_delete(args: argparse.Namespace) -> int:
    chosen = _store()
    info = chosen.find(args.name)
    question = (f"Delete '{info.name}' ({info.slug}, {info.accepted:,} rows) from the {chosen.where} "
                "for every user? This cannot be undone. [y/N] ")
    if not args.yes:
        if not sys.stdin.isatty():
            raise UsageError(f"deleting {info.slug!r} asks first: run it in a terminal, or add --yes")
        if input(question).strip().lower() not in ("y", "yes"):
            print("nothing deleted")
            return 1
    chosen.delete_dataset(info.slug)
    print(f"deleted {info.slug}")
    return 0


def _cmd_setup(args: argparse.Namespace) -> int:
    chosen = _store()
    if not hasattr(chosen, "setup"):
        raise UsageError("setup prepares a PostGIS database: set ATLAS_DATABASE_URL first")
    chosen.setup(reader=args.reader)
    print(f"tables ready in the {chosen.where}"
          + (f"; {args.reader} may read them, not change them" if args.reader else ""))
    return 0


def register(sub) -> None:
    ds = sub.add_parser("datasets", help="list the saved datasets (name, rows, imported at); "
                        "'datasets delete NAME' removes one (asks first)")
    ds.add_argument("--json", action="store_true", help="print the list as JSON")
    ds.set_defaults(func=_cmd_list)
    actions = ds.add_subparsers(dest="action")
    delete = actions.add_parser("delete", help="delete a saved dataset for every user (asks first)")
    delete.add_argument("name", help="the dataset's slug, or its name when no other dataset has it")
    delete.add_argument("--yes", action="store_true", help="do not ask (scripts)")
    delete.set_defaults(func=_cmd_delete)
    setup = actions.add_parser("setup", help="PostGIS: create the tables; --reader ROLE may then read, "
                               "not write")
    setup.add_argument("--reader", metavar="ROLE", help="an existing database role to grant SELECT only")
    setup.set_defaults(func=_cmd_setup)

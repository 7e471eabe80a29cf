"""Command line: ``python -m geo COMMAND``. Each command calls the same functions as the pages."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from geo._errors import AtlasError


def _cmd_boundaries(args: argparse.Namespace) -> int:
    from geo import boundaries

    path = boundaries.boundary_file(download=True)
    frame = boundaries.municipalities()
    print(f"boundaries: {path} ({len(frame)} municipalities)")
    return 0


def _cmd_check_report(args: argparse.Namespace) -> int:
    from geo import report

    table = report.check_report()
    print(report.format_check(table))
    return 0 if bool(table["matches"].all()) else 1


def _cmd_locate(args: argparse.Namespace) -> int:
    from geo import geocode

    location = geocode.locate(" ".join(args.query))
    print(geocode.describe(location))
    return 0 if location.precision != "none" else 1


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m geo", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("boundaries", help="find or download (and verify) the boundary file").set_defaults(
        func=_cmd_boundaries)
    sub.add_parser("check-report", help="each published figure of the report beside the computed one; "
                   "exit 1 on any mismatch").set_defaults(func=_cmd_check_report)
    loc = sub.add_parser("locate", help="a coordinate ('50.85,4.35'), postal code or place name -> "
                         "municipality, codes and precision")
    loc.add_argument("query", nargs="+")
    loc.set_defaults(func=_cmd_locate)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return int(args.func(args))
    except AtlasError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2

"""Commands about the data itself: the boundary file, the report check, locating a place."""

from __future__ import annotations

import argparse
import sys


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


def register(sub) -> None:
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

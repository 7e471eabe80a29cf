"""Command line: ``python -m geo COMMAND`` (or ``atlas COMMAND``). Each command calls the same
functions as the pages; each group of commands is one module of ``geo.cli`` with a ``register``
function that adds its sub-commands."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from geo.cli import common, datasets, exports, hotspots, info, saved, serve
from geo.errors import AtlasError

GROUPS = (info, serve, datasets, saved, exports, hotspots)


def build_parser() -> argparse.ArgumentParser:
    parser = common.Parser(prog="python -m geo", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    for group in GROUPS:
        group.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == ["serve"]:  # everything after "serve" is streamlit's, untouched
        return serve.run(argparse.Namespace(streamlit_args=argv[1:]))
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

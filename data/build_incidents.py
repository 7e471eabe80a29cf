"""Build ``data/incidents.csv`` from explicit, auditable tables. Deterministic; no network, no
randomness, standard library only.

    python data/build_incidents.py          # (re)write data/incidents.csv
    python data/build_incidents.py --check  # exit 1 if the committed CSV differs from the build

The report (Van Vlierden, Lewis and Rassler, "Beyond the Caliphate: Islamic State Activity Outside
the Group's Defined Wilayat - Belgium", CTC at West Point, 2018) publishes aggregates, not its
incident list. The table therefore holds:

* ``DOCUMENTED`` (``incidents_build/documented_*.py``): events on the public record, written out literally, each with its citations and
  what those give (``source_date_precision``, ``source_geo_precision``: no row claims more);
* ``RECONSTRUCTED`` (``incidents_build/reconstructed.py``): one line per remaining arrest action, allocated so that every incident figure
  of the report's text holds. Each line says only what a published figure requires (year, place at
  municipality or region precision, link, connection, networks, plot, and so on); everything the
  report does not fix is left empty or ``unknown``. The data card (``data/README.md``) states every
  assumption and why it fits the text.

``build_rows`` checks the report's figures on what it built (``incidents_build.checks``) and
the precision rule before anything is written, so an edit that breaks a published
figure or claims more than a source gives fails here, not later.
"""

from __future__ import annotations

import csv
import io
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
if str(HERE) not in sys.path:  # the incidents_build package beside this script
    sys.path.insert(0, str(HERE))

from incidents_build.checks import check_aggregates, check_precision, check_sources  # noqa: E402
from incidents_build.common import COLUMNS  # noqa: E402
from incidents_build.documented_2014_2015 import ARRESTS_2014_2015  # noqa: E402
from incidents_build.documented_2016_2017 import ARRESTS_2016_2017  # noqa: E402
from incidents_build.documented_attacks import ATTACKS  # noqa: E402
from incidents_build.reconstructed import RECONSTRUCTED, reconstructed_rows  # noqa: E402

OUT = HERE / "incidents.csv"
__all__ = ["COLUMNS", "DOCUMENTED", "OUT", "RECONSTRUCTED", "build_rows", "main", "render_csv"]

#: Every documented row, attacks first, then arrest actions by date.
DOCUMENTED: list[dict[str, str]] = [*ATTACKS, *ARRESTS_2014_2015, *ARRESTS_2016_2017]


def build_rows() -> list[dict[str, str]]:
    """Every row of the table, documented first, in a fixed order; checked before return."""
    rows = [dict(r) for r in DOCUMENTED] + reconstructed_rows()
    for r in rows:
        missing = set(COLUMNS) - set(r)
        extra = set(r) - set(COLUMNS)
        if missing or extra:
            raise ValueError(f"{r.get('site_id')}: missing {sorted(missing)}, "
                             f"unknown {sorted(extra)}")
    check_precision(rows)
    check_sources(rows)
    check_aggregates(rows)
    return rows


def render_csv(rows: list[dict[str, str]] | None = None) -> str:
    rows = build_rows() if rows is None else rows
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    for r in rows:
        writer.writerow({c: r[c] for c in COLUMNS})
    return buf.getvalue()



def main(argv: list[str]) -> int:
    text = render_csv()
    if "--check" in argv:
        current = OUT.read_text(encoding="utf-8") if OUT.exists() else ""
        if current != text:
            print(f"{OUT.name} differs from what build_incidents.py builds; run it to rebuild.",
                  file=sys.stderr)
            return 1
        print(f"{OUT.name} is up to date ({text.count(chr(10)) - 1} rows).")
        return 0
    OUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUT.name}: {text.count(chr(10)) - 1} rows")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))

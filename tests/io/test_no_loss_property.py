"""Property tests of issue 13: whatever the quotes and the encodings of a CSV, no row is lost or
swallowed (every row written comes back, accepted or rejected) and no text is mis-decoded."""

from __future__ import annotations

import csv
import io

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from geo.io.pipeline import import_file
from geo.io.readers.formats import read_table
from geo.io.readers.raw import READ_PROBLEM

SETTINGS = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Words of Belgian text. Accented letters are all above 0xBF in Windows-1252, and € and ’ stand
# alone, so a Windows-1252 line is never valid UTF-8 by accident (as in real text).
WORDS = st.one_of(
    st.text(alphabet="abcdefghijklmnopqrstuvwxyzéèàçêëïôûüöÉÈÀÇ", min_size=1, max_size=10),
    st.sampled_from(["€", "’", "Liège", "Schaerbeek", "Sint-Jans-Molenbeek", "café", "12,5", "a, b"]),
)
TEXT = st.lists(WORDS, min_size=0, max_size=6).map(" ".join)


@st.composite
def tables(draw):
    n = draw(st.integers(1, 12))
    rows = [[f"R{i}", draw(st.dates().map(str)), draw(TEXT), draw(TEXT)] for i in range(n)]
    return rows


@SETTINGS
@given(tables(), st.data(), st.sampled_from([",", ";", "\t"]))
def test_a_stray_quote_swallows_no_row(rows, data, delimiter):
    """One cell of one row gets an opening quote that is never closed: every row written still
    comes back (accepted or rejected), and the broken row is rejected with its line."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\n")
    writer.writerow(["id", "date", "place", "description"])
    broken = data.draw(st.integers(0, len(rows) - 1))
    column = data.draw(st.integers(2, 3))
    lines = []
    for i, row in enumerate(rows):
        buffer = io.StringIO()
        csv.writer(buffer, delimiter=delimiter, lineterminator="\n").writerow(row)
        line = buffer.getvalue()
        if i == broken:
            cells = list(row)
            cells[column] = '"' + cells[column].replace('"', "")
            line = delimiter.join(c.replace(delimiter, " ") if j != column else c.replace(delimiter, " ")
                                  for j, c in enumerate(cells)) + "\n"
        lines.append(line)
    text = out.getvalue() + "".join(lines)
    result = import_file(text.encode("utf-8"), filename="stray.csv")
    s = result.summary
    assert s["rows_in"] == len(rows) == s["accepted"] + s["rejected"]
    ids = set(result.accepted["site_id"]) | set(result.rejected["id"])
    assert ids == {r[0] for r in rows}
    if broken < len(rows) - 1:  # a quote on the last line swallows nothing
        assert f"R{broken}" in set(result.rejected["id"])
        why = result.rejected.set_index("id").loc[f"R{broken}", "reason"]
        assert f"line {broken + 2}" in why


@SETTINGS
@given(st.lists(st.tuples(TEXT, st.sampled_from(["utf-8", "cp1252"])), min_size=1, max_size=15))
def test_each_line_is_read_in_its_own_encoding(lines):
    data = b"id;description\n"
    for i, (value, encoding) in enumerate(lines):
        data += f"D{i};{value}\n".encode(encoding)
    raw, info = read_table(data, filename="mixed.csv")
    assert READ_PROBLEM not in raw.columns
    got = dict(zip(raw["id"], raw["description"]))
    assert got == {f"D{i}": value.strip() for i, (value, _) in enumerate(lines)}
    needed = [i + 2 for i, (v, e) in enumerate(lines) if e == "cp1252" and v != v.encode("ascii", "ignore").decode()]
    if needed and any(e == "utf-8" and not v.isascii() for v, e in lines):
        assert info.encoding == "utf-8+cp1252"
        assert any(str(needed[0]) in n for n in info.notes)

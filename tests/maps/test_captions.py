"""What the static maps say: filters, reconstructed records, credits, what is not shown."""

from __future__ import annotations

import pandas as pd

from geo.incidents.filters import Filters
from geo.maps.model import MapSpec, captions
from geo.maps.png import choropleth


def test_caption_lines_name_the_filters_and_reconstructed_records(tiny_incidents):
    lines = captions.caption_lines(tiny_incidents, filters=Filters(years=(2015, 2016), kinds=("attack",)),
                                   all_years=(2014, 2017), total_reconstructed=5)
    assert "years 2015–2016" in lines[0] and "Attack" in lines[0]
    assert lines[1].startswith("Includes 2 reconstructed records (of 6)")
    assert "leave out 3 other reconstructed records" in lines[1]
    assert lines[-1] == captions.CREDITS
    everything = captions.caption_lines(tiny_incidents, all_years=(2014, 2017))
    assert "years 2014–2017" in everything[0]
    assert "leave out" not in everything[1]


def test_rendered_map_carries_its_caption_and_not_counted_note(tiny_incidents):
    f = Filters(years=(2016, 2016))
    rendered = choropleth.render_map(f.apply(tiny_incidents), MapSpec(view="brussels", filters=f, all_years=(2015, 2016)))
    assert "years 2016" in rendered.captions[0]
    assert "1 site known only to the Brussels-Capital Region is not shown on municipalities" in rendered.notes
    assert any("outside this view" in n for n in rendered.notes)  # Charleroi


def test_not_counted_lines_by_region():
    missing = pd.DataFrame({"region_nis": ["04000"] * 42 + ["03000"], "event_id": range(43)})
    lines = captions.not_counted_lines(missing, "municipality")
    assert "42 sites known only to the Brussels-Capital Region are not shown on municipalities" in lines
    assert "1 site known only to Wallonia is not shown on municipalities" in lines
    assert captions.not_counted_lines(missing.iloc[:0], "municipality") == []

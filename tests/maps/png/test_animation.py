"""The animated choropleth: one frame per period, the same classes on every frame, the GIF."""

from __future__ import annotations

import numpy as np
import pytest
import shapely

from geo.admin import boundaries
from geo.incidents.table import validate_incidents
from geo.maps.classify import classify as shared_classify
from geo.maps.model import MapSpec
from geo.maps.png import animation
from tests.conftest import make_row, table
from tests.maps.png.pixels import MOLENBEEK, UCCLE, dominant_is, image


def _rows_by_year(years=(2014, 2017)):
    rows = [
        make_row(site_id="A", event_id="A", date=f"{years[0]}-02-03"),
        make_row(site_id="B", event_id="B", date=f"{years[1]}-11-20", municipality_nis=UCCLE),
    ]
    return validate_incidents(table(*rows), name="years.csv")


def _frames(gif: bytes) -> list[np.ndarray]:
    img = image(gif)
    out = []
    for i in range(img.n_frames):
        img.seek(i)
        out.append(np.asarray(img.convert("RGB")))
    return out


def _anim_unit_pixels(anim: animation.RenderedAnimation, frame: np.ndarray, code: str, n: int = 15) -> np.ndarray:
    geom = boundaries.units("municipality").set_index("code").geometry[code].buffer(-0.004)
    minx, miny, maxx, maxy = geom.bounds
    xs, ys = np.meshgrid(np.linspace(minx, maxx, n), np.linspace(miny, maxy, n))
    keep = shapely.contains_xy(geom, xs.ravel(), ys.ravel())
    return np.array([frame[r, c].astype(int) for c, r in
                     (anim.pixel_of(x, y) for x, y in zip(xs.ravel()[keep], ys.ravel()[keep]))])


def test_yearly_gif_has_one_frame_per_year_including_empty_ones():
    data = _rows_by_year((2014, 2017))
    anim = animation.render_animation(data, MapSpec(view="brussels"), period="year", frame_seconds=0.5)
    assert anim.format == "gif" and anim.mime == "image/gif"
    assert anim.periods == ("2014", "2015", "2016", "2017")
    img = image(anim.data)
    assert img.format == "GIF" and img.n_frames == 4
    assert 900 <= img.width <= 1100
    assert img.info["duration"] == 500 and img.info["loop"] == 0
    frames = _frames(anim.data)
    colour = anim.classes.color_of(1)
    # Molenbeek is coloured in 2014 only, Uccle in 2017 only; the years between are empty
    assert [dominant_is(_anim_unit_pixels(anim, f, MOLENBEEK), colour) for f in frames] == [
        True, False, False, False]
    assert [dominant_is(_anim_unit_pixels(anim, f, UCCLE), colour) for f in frames] == [
        False, False, False, True]
    assert np.array_equal(frames[1], frames[2]) is False  # the stamp differs


def test_monthly_gif_counts_months_between_first_and_last_and_reports_year_only_rows(tiny_incidents):
    anim = animation.render_animation(tiny_incidents, MapSpec(view="brussels"), period="month")
    assert anim.periods == ("2016-03", "2016-04", "2016-05", "2016-06", "2016-07", "2016-08")
    assert len(anim.left_out) == 2  # S2 and S5 are dated to the year only
    assert "2 sites dated only to the year are left out of the monthly frames" in anim.captions
    assert image(anim.data).n_frames == 6


def test_animation_uses_the_same_classes_on_every_frame():
    rows = [make_row(site_id=f"M{i}", event_id=f"M{i}", date=f"2016-0{1 + i % 3}-0{1 + i}") for i in range(6)]
    rows += [make_row(site_id=f"U{i}", event_id=f"U{i}", date="2016-03-09", municipality_nis=UCCLE)
             for i in range(6)]
    data = validate_incidents(table(*rows), name="m.csv")
    anim = animation.render_animation(data, MapSpec(view="brussels"), period="month", cumulative=True)
    assert anim.periods == ("2016-01", "2016-02", "2016-03")
    molenbeek = [f.table.set_index("code").loc[MOLENBEEK, "count"] for f in anim.frames]
    assert molenbeek == [2, 4, 6]
    every = shared_classify([v for f in anim.frames for v in f.table["count"]])
    assert anim.classes == every
    frames = _frames(anim.data)
    for frame, count in zip(frames, molenbeek):
        assert dominant_is(_anim_unit_pixels(anim, frame, MOLENBEEK), every.color_of(count))
    # Uccle reaches 6 in March only, and then has Molenbeek's March colour: same classes
    uccle = _anim_unit_pixels(anim, frames[2], UCCLE)
    assert dominant_is(uccle, every.color_of(6))


def test_empty_month_selection_is_refused():
    data = validate_incidents(table(make_row(date="2016-01-01", date_precision="year")), name="y.csv")
    with pytest.raises(ValueError, match="month"):
        animation.render_animation(data, MapSpec(), period="month", format="gif")


def test_unknown_animation_format_is_refused(tiny_incidents):
    with pytest.raises(ValueError, match="format"):
        animation.render_animation(tiny_incidents, MapSpec(), format="png")


# --- each frame's own notes, lines, MP4 ----------------------------------------------------------


def _regional_rows():
    """Brussels sites known only to the region: 1 in 2014, 3 more in 2016; one Molenbeek site in 2014."""
    rows = [make_row(site_id="M", event_id="M", date="2014-06-01")]
    rows += [make_row(site_id=f"B{i}", event_id=f"B{i}", date=f"{2014 if i == 0 else 2016}-01-01",
                      date_precision="year", municipality_nis="", geo_precision="region", place="Brussels",
                      provenance="reconstructed", source="report") for i in range(4)]
    return validate_incidents(table(*rows), name="regional.csv")


def test_each_frame_says_what_it_cannot_show_itself():
    """The bug: every frame of the cumulative GIF said the whole period's 42 regional sites."""
    anim = animation.render_animation(_regional_rows(), MapSpec(view="brussels"), period="year", cumulative=True)
    assert anim.periods == ("2014", "2015", "2016")
    said = [[n for n in notes if "Brussels-Capital Region" in n] for notes in anim.notes]
    assert said == [["1 site known only to the Brussels-Capital Region is not shown on municipalities"]] * 2 + [
        ["4 sites known only to the Brussels-Capital Region are not shown on municipalities"]]
    in_period = animation.render_animation(_regional_rows(), MapSpec(view="brussels"), period="year")
    assert [len([n for n in notes if "Brussels-Capital" in n]) for notes in in_period.notes] == [1, 0, 1]
    # and the frames differ where the notes are, not only in the stamp
    frames = _frames(anim.data)
    panel = slice(int(anim.width * 0.7), None)
    assert not np.array_equal(frames[1][:, panel], frames[2][:, panel])


def test_mp4_has_one_frame_per_period_and_the_classes_colours(tmp_path):
    import imageio_ffmpeg

    data = _rows_by_year((2014, 2017))
    anim = animation.render_animation(data, MapSpec(view="brussels"), period="year", format="mp4", frame_seconds=0.5)
    assert anim.format == "mp4" and anim.mime == "video/mp4"
    assert anim.data[4:8] == b"ftyp"
    path = tmp_path / "t.mp4"
    path.write_bytes(anim.data)
    reader = imageio_ffmpeg.read_frames(str(path))
    meta = next(reader)
    frames = [np.frombuffer(f, np.uint8).reshape(meta["size"][1], meta["size"][0], 3) for f in reader]
    assert len(frames) == 4 == len(anim.periods)
    assert meta["fps"] == pytest.approx(2.0)
    assert abs(meta["size"][0] - anim.width) <= 1 and abs(meta["size"][1] - anim.height) <= 1
    colour = anim.classes.color_of(1)
    # lossy video: the fill is within a few levels of the class colour
    assert [dominant_is(_anim_unit_pixels(anim, f, MOLENBEEK), colour, tol=14) for f in frames] == [
        True, False, False, False]


def test_reconstructed_lines_follow_each_frame():
    anim = animation.render_animation(_regional_rows(), MapSpec(view="brussels"), period="year")
    # Molenbeek's 2014 site is documented: never lined
    assert all(MOLENBEEK not in m for m in anim.marked)
    rows = [make_row(site_id=f"R{i}", event_id=f"R{i}", date=f"201{4 + i}-05-01", date_precision="month",
                     provenance="reconstructed", source="report") for i in range(2)]
    rows.append(make_row(site_id="D", event_id="D", date="2015-02-02"))
    anim = animation.render_animation(validate_incidents(table(*rows), name="r.csv"), MapSpec(view="brussels"), period="year", cumulative=True)
    # 2014: 1 of 1 reconstructed; 2015: 2 of 3
    assert anim.marked == ((MOLENBEEK,), (MOLENBEEK,))


def test_each_frame_has_its_own_title_and_the_gif_keeps_every_class_colour(tiny_incidents):
    """Issue 22: the default title names each frame's period (not the period asked from), and the
    GIF's one palette holds every legend colour exactly, so no two classes share a colour."""
    from geo.incidents import table as incidents_table

    data = incidents_table.load_incidents()
    anim = animation.render_animation(data, MapSpec(view="belgium"), period="year")
    assert [t[-4:] for t in anim.titles] == list(anim.periods)
    assert len(set(anim.titles)) == len(anim.periods)
    img = image(anim.data)
    palette = np.array(img.getpalette()[:3 * 256]).reshape(-1, 3)
    colours = anim.model.scale_of(anim.model.frames[0]).colors
    exact = [tuple(int(c[i:i + 2], 16) for i in (1, 3, 5)) for c in colours]
    rows = {tuple(int(v) for v in p) for p in palette}
    assert all(c in rows for c in exact), "a class colour is missing from the GIF's palette"
    # the class colours painted in the frames are the legend's, each its own
    painted = set()
    for f in _frames(anim.data):
        painted |= {tuple(int(v) for v in p) for p in np.unique(f.reshape(-1, 3), axis=0)}
    used = {int(k) for fr in anim.model.frames for k in fr.classes}
    assert {exact[k] for k in used} <= painted
    assert len({exact[k] for k in used}) == len(used)


def test_a_monthly_frame_title_names_its_month(tiny_incidents):
    anim = animation.render_animation(tiny_incidents, MapSpec(view="brussels"), period="month")
    assert len(set(anim.titles)) == len(anim.periods) > 1
    assert all(not t.endswith(anim.titles[0][-8:]) for t in anim.titles[1:])

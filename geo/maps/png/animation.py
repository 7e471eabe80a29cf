"""The animated choropleth: one frame per period (years or months, empty ones included), the same
classes on every frame, the period stamped in the side panel, written as a looping GIF. Frames
are drawn fast (only the fills and the stamp change) and share one palette, so the GIF stores
only what changes."""

from __future__ import annotations

import io
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd
from matplotlib.colors import to_rgba
from PIL import Image

from geo.admin.boundaries import Level
from geo.incidents import aggregate
from geo.incidents.filters import Filters
from geo.maps.classify import ZERO_COLOR, Classes, classify
from geo.maps.png.canvas import Canvas, build_figure, class_legend
from geo.maps.png.captions import caption_lines, frame_notes, metric_label
from geo.maps.png.geometry import view_geometry
from geo.maps.png.layout import LAYOUTS, Size, check_size
from geo.maps.png.output import ANIMATION_FORMATS, AnimationFormat, Rendered, check_format, pixel_mapper
from geo.maps.views import VIEW_SPECS, ViewName


def animation_periods(incidents: pd.DataFrame, period: aggregate.Period) -> list[str]:
    """Every period from the first to the last of ``incidents`` (empty ones included); months only
    from rows whose month is known."""
    if period == "year":
        if not len(incidents):
            return []
        lo, hi = int(incidents["year"].min()), int(incidents["year"].max())
        return [str(y) for y in range(lo, hi + 1)]
    if period == "month":
        months = incidents.loc[incidents["month"] != "", "month"]
        if not len(months):
            return []
        return list(pd.period_range(months.min(), months.max(), freq="M").strftime("%Y-%m"))
    raise ValueError(f"period must be 'year' or 'month', not {period!r}")


def animation_frames(
    incidents: pd.DataFrame,
    *,
    view: ViewName = "belgium",
    level: Level = "municipality",
    period: aggregate.Period = "year",
    cumulative: bool = False,
    unit: aggregate.Unit = "sites",
) -> tuple[list[str], list[aggregate.Counted], pd.DataFrame]:
    """Counts per unit for each period (see :func:`animation_periods`), and the rows left out
    (dated only to the year, in monthly animations)."""
    geo = view_geometry(view, level)
    periods = animation_periods(incidents, period)
    if period == "month":
        usable = incidents["month"] != ""
        keys = incidents["month"]
    else:
        usable = pd.Series(True, index=incidents.index)
        keys = incidents["year"].astype(str)
    left_out = incidents[~usable]
    rows = incidents[usable]
    rkeys = keys[usable]
    frames = []
    seen: dict[tuple, aggregate.Counted] = {}  # periods with the same rows share their counts
    for p in periods:
        subset = rows[rkeys <= p] if cumulative else rows[rkeys == p]
        key = tuple(subset.index)
        if key not in seen:
            seen[key] = aggregate.count_by_unit(subset, level=level, unit=unit, units_frame=geo.units)
        frames.append(seen[key])
    return periods, frames, left_out


def _draw_frames(drawn: Canvas, states: Sequence[tuple[Sequence[str], str]]) -> Iterator[np.ndarray]:
    """RGB arrays of the figure for each (fill colours, stamp) state, fast: the static parts
    (title, legend, notes, captions) and the overlay (outlines, labels, scale bar) are drawn
    once; each frame redraws only the fills and the stamp, then lays the overlay on top."""
    ax, fig, canvas = drawn.ax, drawn.fig, drawn.canvas
    changing = [a for a in (drawn.fills, drawn.hatch, drawn.stamp) if a is not None]
    overlay = [a for a in (*ax.collections, *ax.texts, *ax.lines, *ax.patches) if a not in changing]
    static = [fig.patch, ax.patch, *fig.texts, *fig.legends]
    for a in changing + overlay:
        a.set_visible(False)
    canvas.draw()
    background = canvas.copy_from_bbox(fig.bbox)
    # the overlay alone, on a transparent figure
    for a in static:
        a.set_visible(False)
    for a in overlay:
        a.set_visible(True)
    canvas.draw()
    over = np.asarray(canvas.buffer_rgba())
    mask = over[..., 3] > 0  # the overlay is sparse: blend only where it is
    alpha = over[mask][:, 3:4].astype(np.float32) / 255.0
    ink = over[mask][:, :3].astype(np.float32) * alpha
    for a in static + changing:
        a.set_visible(True)
    for a in overlay:
        a.set_visible(False)
    try:
        for colors, stamp in states:
            canvas.restore_region(background)
            drawn.fills.set_facecolor([to_rgba(c) for c in colors])
            ax.draw_artist(drawn.fills)
            if drawn.stamp is not None:
                drawn.stamp.set_text(stamp)
                fig.draw_artist(drawn.stamp)
            out = np.array(np.asarray(canvas.buffer_rgba())[..., :3])
            blend = ink + out[mask].astype(np.float32) * (1.0 - alpha)
            out[mask] = np.clip(blend + 0.5, 0, 255).astype(np.uint8)
            yield out
    finally:
        for a in overlay:
            a.set_visible(True)


def _gif_palette(first: np.ndarray, colors: Sequence[str]) -> np.ndarray:
    """A palette (n × 3) for every frame: the first frame's colours (median cut), with the entry
    nearest to each of ``colors`` set to exactly that colour, so that flat fills (white, the class
    colours) keep their true value."""
    quantized = Image.fromarray(first).quantize(colors=128, method=Image.Quantize.MEDIANCUT,
                                                dither=Image.Dither.NONE)
    pal = np.array(quantized.getpalette(), dtype=np.int32).reshape(-1, 3)
    for c in colors:
        rgb = np.array([round(v * 255) for v in to_rgba(c)[:3]])
        pal[int(np.argmin(((pal - rgb) ** 2).sum(axis=1)))] = rgb
    return pal


class _PaletteMapper:
    """Maps RGB frames to a fixed palette (nearest entry; exact when present), remembering every
    colour seen in a 2^24 lookup table so that later frames cost one gather."""

    UNKNOWN = 255

    def __init__(self, pal: np.ndarray):
        if len(pal) >= self.UNKNOWN:
            raise ValueError("palette too large")
        self.pal = pal.astype(np.int32)
        self.lut = np.full(1 << 24, self.UNKNOWN, dtype=np.uint8)

    def __call__(self, rgb: np.ndarray) -> Image.Image:
        flat = rgb.reshape(-1, 3).astype(np.int32)
        keys = (flat[:, 0] << 16) | (flat[:, 1] << 8) | flat[:, 2]
        index = self.lut[keys]
        new = np.unique(keys[index == self.UNKNOWN])
        if len(new):
            colors = np.stack([new >> 16, (new >> 8) & 255, new & 255], axis=1)
            for start in range(0, len(colors), 4096):
                chunk = colors[start:start + 4096]
                dist = ((chunk[:, None, :] - self.pal[None, :, :]) ** 2).sum(axis=2)
                self.lut[new[start:start + 4096]] = dist.argmin(axis=1)
            index = self.lut[keys]
        image = Image.fromarray(index.reshape(rgb.shape[:2]), mode="P")
        image.putpalette(self.pal.astype(np.uint8).ravel().tolist())
        return image


def _write_gif(rgb: Sequence[np.ndarray], classes: Classes, frame_seconds: float) -> bytes:
    """The frames as a GIF that loops forever. One palette for every frame (the first frame's
    legend holds every class colour), so that unchanged pixels keep their index and the GIF stores
    only what changes."""
    palette = _gif_palette(rgb[0], ["#ffffff", ZERO_COLOR, *classes.colors])
    to_palette = _PaletteMapper(palette)
    images = [to_palette(a) for a in rgb]
    buf = io.BytesIO()
    images[0].save(buf, format="GIF", save_all=True, append_images=images[1:],
                   duration=int(round(frame_seconds * 1000)), loop=0, optimize=False, disposal=1)
    return buf.getvalue()


@dataclass(frozen=True)
class RenderedAnimation(Rendered):
    """A rendered animation: the file and what each frame shows."""

    periods: tuple[str, ...]
    frames: tuple[aggregate.Counted, ...]
    left_out: pd.DataFrame
    classes: Classes
    captions: tuple[str, ...]
    notes: tuple[str, ...]


def render_animation(
    incidents: pd.DataFrame,
    *,
    view: ViewName = "belgium",
    level: Level = "municipality",
    period: aggregate.Period = "year",
    cumulative: bool = False,
    unit: aggregate.Unit = "sites",
    filters: Filters | None = None,
    size: Size = "screen",
    format: AnimationFormat = "gif",
    frame_seconds: float = 1.0,
    title: str | None = None,
    scheme: str = "FisherJenks",
    k: int = 5,
    total_reconstructed: int | None = None,
    all_years: tuple[int, int] | None = None,
) -> RenderedAnimation:
    """An animation written in ``format``, one frame per period from the first to the last (empty
    ones included; monthly frames use the rows whose month is known and the caption says how many
    year-only rows are left out), the period stamped on each frame, and the same classes on every
    frame (classified over all frames' counts), with what each frame shows. ``screen`` frames are
    1000 px wide, ``print`` 1600 px. Loops forever. Drawn in EPSG:31370 (Belgian Lambert 72)."""
    check_size(size)
    check_format(format, ANIMATION_FORMATS)
    if frame_seconds <= 0:
        raise ValueError("frame_seconds must be positive")
    geo = view_geometry(view, level)
    lay = LAYOUTS["gif" if size == "screen" else "screen"]
    periods, frames, left_out = animation_frames(incidents, view=view, level=level, period=period,
                                                 cumulative=cumulative, unit=unit)
    if not periods:
        raise ValueError("no incidents to animate" + (" with a known month" if period == "month" else ""))
    all_values = np.concatenate([f.table["count"].to_numpy(float) for f in frames])
    classes = classify(all_values.tolist(), k=k, scheme=scheme, integer=True)

    extra = []
    if period == "month" and len(left_out):
        n = len(left_out)
        extra.append(f"{n} {'site' if n == 1 else 'sites'} dated only to the year "
                     f"{'is' if n == 1 else 'are'} left out of the monthly frames")
    usable = incidents[incidents["month"] != ""] if period == "month" else incidents
    whole = aggregate.count_by_unit(usable, level=level, unit=unit, units_frame=geo.units)
    notes = frame_notes(usable, view, level, unit, geo.units, whole)
    captions = caption_lines(incidents, filters=filters, all_years=all_years,
                             total_reconstructed=total_reconstructed, extra=extra)
    label = metric_label("count", level, unit, cumulative=cumulative)
    first = [classes.color_of(v) for v in frames[0].table["count"]]
    drawn = build_figure(
        geo, lay=lay, facecolors=first, hatched=None,
        title=title or f"{label} — {VIEW_SPECS[view].title}",
        legend_title=label + (" (same classes in every frame)" if len(frames) > 1 else ""),
        legend_items=class_legend(classes, hatch_note=False, has_nan=False),
        notes=notes, captions=captions, label_units=(view != "belgium"), stamp=periods[0],
    )
    states = [([classes.color_of(v) for v in counted.table["count"]], p)
              for p, counted in zip(periods, frames)]
    rgb = list(_draw_frames(drawn, states))
    height, width = rgb[0].shape[:2]
    return RenderedAnimation(
        data=_write_gif(rgb, classes, frame_seconds), format=format, width=width, height=height,
        _to_pixel=pixel_mapper(drawn.ax, height), periods=tuple(periods), frames=tuple(frames),
        left_out=left_out, classes=classes, captions=tuple(captions), notes=tuple(notes))


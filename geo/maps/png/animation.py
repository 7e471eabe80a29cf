"""The animated choropleth: one frame per period (years or months, empty ones included), the same
classes on every frame, the period stamped in the side panel, and each frame's own notes (what
could not be placed, in that frame) and diagonal lines on units mostly reconstructed in that frame. Written
as a looping GIF (one shared palette, so the GIF stores only what changes) or an H.264 MP4 (the
``ffmpeg`` that the imageio-ffmpeg package ships). Frames are drawn fast: only the fills, the
lines, the stamp and the notes change."""

from __future__ import annotations

import io
import tempfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd
from matplotlib.colors import to_rgba
from matplotlib.patches import PathPatch
from PIL import Image

from geo.admin.boundaries import Level
from geo.i18n import _, ngettext
from geo.incidents import aggregate
from geo.incidents.readable import period_text
from geo.maps.classify import Classes
from geo.maps.model import MapSpec, build, marks
from geo.maps.model.captions import metric_label
from geo.maps.model.choropleth import Part
from geo.maps.png.canvas import Canvas, legend_boxes, mark_paths, notes_text, unit_marks, wrap
from geo.maps.png.choropleth import draw_frame
from geo.maps.png.geometry import view_geometry
from geo.maps.png.layout import LAYOUTS, Size, check_size
from geo.maps.png.output import ANIMATION_FORMATS, AnimationFormat, Rendered, check_format, pixel_mapper
from geo.maps.views import ViewName


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
) -> tuple[list[str], list[aggregate.Counted], pd.DataFrame, list[pd.DataFrame]]:
    """Counts per unit for each period (see :func:`animation_periods`), the rows left out (dated
    only to the year, in monthly animations), and each period's rows."""
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
    frames, subsets = [], []
    seen: dict[tuple, aggregate.Counted] = {}  # periods with the same rows share their counts
    for p in periods:
        subset = rows[rkeys <= p] if cumulative else rows[rkeys == p]
        key = tuple(subset.index)
        if key not in seen:
            seen[key] = aggregate.count_by_unit(subset, level=level, unit=unit, units_frame=geo.units)
        frames.append(seen[key])
        subsets.append(subset)
    return periods, frames, left_out, subsets


@dataclass(frozen=True)
class FrameState:
    """What changes from one frame to the next."""

    colors: Sequence[str]
    stamp: str
    notes: str
    marked: Sequence[bool]
    title: str = ""


def _draw_frames(drawn: Canvas, paths: Sequence, states: Sequence[FrameState]) -> Iterator[np.ndarray]:
    """RGB arrays of the figure for each state, fast: the static parts (title, legend,
    captions) and the overlay (outlines, labels, scale bar) are drawn once; each frame redraws
    only the fills, the lines, the stamp and the notes, then lays the overlay on top."""
    ax, fig, canvas = drawn.ax, drawn.fig, drawn.canvas
    changing = [a for a in (drawn.fills, drawn.hatch, drawn.stamp, drawn.notes, drawn.title, *(drawn.marks or ()))
                if a is not None]
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
        for state in states:
            canvas.restore_region(background)
            drawn.fills.set_facecolor([to_rgba(c) for c in state.colors])
            ax.draw_artist(drawn.fills)
            if drawn.marks is not None:
                for coll, part in zip(drawn.marks, mark_paths(paths, state.marked, state.colors)):
                    coll.set_paths([PathPatch(p) for p in part])
                    ax.draw_artist(coll)
            title = "\n".join(wrap(state.title, drawn.layout.title * 1.08, drawn.title_w_in)) if state.title else None
            for artist, value in ((drawn.stamp, state.stamp), (drawn.notes, state.notes), (drawn.title, title)):
                if artist is not None and value is not None:
                    artist.set_text(value)
                    fig.draw_artist(artist)
            out = np.array(np.asarray(canvas.buffer_rgba())[..., :3])
            blend = ink + out[mask].astype(np.float32) * (1.0 - alpha)
            out[mask] = np.clip(blend + 0.5, 0, 255).astype(np.uint8)
            yield out
    finally:
        for a in overlay:
            a.set_visible(True)


def _gif_palette(first: np.ndarray, colors: Sequence[str]) -> np.ndarray:
    """A palette (n × 3) for every frame: each of ``colors`` (the legend's) exactly, once, then the
    first frame's other colours (median cut) for text and edges, so that no two classes share an
    entry and each keeps its colour on every frame."""
    fixed = []
    for c in colors:
        rgb = [round(v * 255) for v in to_rgba(c)[:3]]
        if rgb not in fixed:
            fixed.append(rgb)
    quantized = Image.fromarray(first).quantize(colors=128, method=Image.Quantize.MEDIANCUT,
                                                dither=Image.Dither.NONE)
    rest = np.array(quantized.getpalette()[:128 * 3], dtype=np.int32).reshape(-1, 3)
    return np.concatenate([np.array(fixed, dtype=np.int32).reshape(-1, 3), rest])[:_PaletteMapper.UNKNOWN - 1]


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


def _write_gif(rgb: Sequence[np.ndarray], colours: Sequence[str], frame_seconds: float) -> bytes:
    """The frames as a GIF that loops forever. One palette for every frame, holding ``colours``
    (white and the legend's) exactly, so that unchanged pixels keep their index, the GIF stores
    only what changes, and each class keeps its colour."""
    palette = _gif_palette(rgb[0], colours)
    to_palette = _PaletteMapper(palette)
    images = [to_palette(a) for a in rgb]
    buf = io.BytesIO()
    images[0].save(buf, format="GIF", save_all=True, append_images=images[1:],
                   duration=int(round(frame_seconds * 1000)), loop=0, optimize=False, disposal=1)
    return buf.getvalue()


def _write_mp4(rgb: Sequence[np.ndarray], frame_seconds: float) -> bytes:
    """The frames as an H.264 MP4 (yuv420p, which every browser and player reads), one video
    frame per period at 1/``frame_seconds`` frames a second; sizes are padded to even numbers
    with white, as the encoder needs."""
    import imageio_ffmpeg

    height, width = rgb[0].shape[:2]
    pad_h, pad_w = height % 2, width % 2
    with tempfile.TemporaryDirectory(prefix="atlas-mp4-") as tmp:
        path = Path(tmp) / "timeline.mp4"
        writer = imageio_ffmpeg.write_frames(
            str(path), (width + pad_w, height + pad_h), fps=1.0 / frame_seconds, codec="libx264",
            pix_fmt_out="yuv420p", quality=8, macro_block_size=1, ffmpeg_log_level="error",
            output_params=["-movflags", "+faststart", "-fflags", "+bitexact", "-map_metadata", "-1"])
        writer.send(None)  # start ffmpeg
        for frame in rgb:
            if pad_h or pad_w:
                frame = np.pad(frame, ((0, pad_h), (0, pad_w), (0, 0)), constant_values=255)
            writer.send(np.ascontiguousarray(frame))
        writer.close()
        return path.read_bytes()


@dataclass(frozen=True)
class RenderedAnimation(Rendered):
    """A rendered animation: the file and what each frame shows."""

    periods: tuple[str, ...]
    frames: tuple[aggregate.Counted, ...]
    left_out: pd.DataFrame
    classes: Classes
    captions: tuple[str, ...]
    #: each frame's notes
    notes: tuple[tuple[str, ...], ...]
    title: str = ""
    #: each frame's units marked as mostly reconstructed
    marked: tuple[tuple[str, ...], ...] = ()
    #: each frame's title (it names the frame's period)
    titles: tuple[str, ...] = ()
    model: object = None


def _parts(periods: Sequence[str], subsets: Sequence[pd.DataFrame], period: str, cumulative: bool) -> list[Part]:
    """A part per frame: a year's frame names its year (cumulative: the years up to it), a
    month's frame the month in words (cumulative: from the first month)."""
    first = int(periods[0][:4]) if periods else 0
    parts = []
    for p, rows in zip(periods, subsets):
        if period == "year":
            years = (first if cumulative else int(p), int(p))
            parts.append(Part(p, rows, label=p, years=years, whole=False))
        else:
            label = (_("{start} to {end}").format(start=period_text(periods[0]), end=period_text(p)) if cumulative
                     else period_text(p))
            parts.append(Part(p, rows, label=label, whole=False))
    return parts


def render_animation(incidents: pd.DataFrame, spec: MapSpec, *, period: aggregate.Period = "year",
                     cumulative: bool = False, size: Size = "screen", format: AnimationFormat = "gif",
                     frame_seconds: float = 1.0) -> RenderedAnimation:
    """An animation written in ``format`` (gif or mp4), one frame per period from the first to
    the last (empty ones included; monthly frames use the rows whose month is known and the
    caption says how many year-only rows are left out): each frame's own title (it names the
    frame's period), stamp and notes, and the same classes on every frame (one scale of the
    model, fitted over all frames' counts). ``screen`` frames are 1000 px wide, ``print`` 1600 px.
    The GIF loops forever, in one palette holding every class colour exactly. Drawn in
    EPSG:31370 (Belgian Lambert 72)."""
    check_size(size)
    check_format(format, ANIMATION_FORMATS)
    if frame_seconds <= 0:
        raise ValueError("frame_seconds must be positive")
    spec = spec.with_(metric="count")
    geo = view_geometry(spec.view, spec.level)
    lay = LAYOUTS["gif" if size == "screen" else "screen"]
    periods, frames, left_out, subsets = animation_frames(incidents, view=spec.view, level=spec.level, period=period,
                                                          cumulative=cumulative, unit=spec.unit)
    if not periods:
        raise ValueError("no incidents to animate" + (" with a known month" if period == "month" else ""))
    extra = []
    if period == "month" and len(left_out):
        n = len(left_out)
        extra.append(ngettext("{n} site dated only to the year is left out of the monthly frames",
                              "{n} sites dated only to the year are left out of the monthly frames", n).format(n=n))
    label = metric_label("count", spec.level, spec.unit, cumulative=cumulative)
    model = build.build(incidents, spec, _parts(periods, subsets, period, cumulative), units=geo.units,
                        legend_title=label, extra_captions=extra)
    classes = model.extra["classes"]["main"]
    any_marked = any(f.flags.any() for f in model.frames)
    first = model.frames[0]
    drawn = draw_frame(
        geo, model, first, lay=lay,
        legend_title=_("{label} (same classes in every frame)").format(label=label) if len(periods) > 1 else label,
        legend_items=legend_boxes(model.legend()), notes_change=True,
        label_units=(spec.view != "belgium"), stamp=periods[0])
    if not any_marked:
        drawn.marks = None
    states = [FrameState(model.colors(f), p, notes_text(f.notes, lay, drawn.panel_w_in), unit_marks(f.flags)[1],
                         f.title)
              for p, f in zip(periods, model.frames)]
    rgb = list(_draw_frames(drawn, geo.paths, states))
    height, width = rgb[0].shape[:2]
    colours = ["#ffffff", *model.scale_of(first).colors]
    data = _write_gif(rgb, colours, frame_seconds) if format == "gif" else _write_mp4(rgb, frame_seconds)
    return RenderedAnimation(
        data=data, format=format, width=width, height=height,
        _to_pixel=pixel_mapper(drawn.ax, height), periods=tuple(periods), frames=tuple(frames),
        left_out=left_out, classes=classes, captions=model.captions, notes=tuple(f.notes for f in model.frames),
        title=first.title, marked=tuple(model.flagged(f, marks.HATCH) for f in model.frames),
        titles=tuple(f.title for f in model.frames), model=model)

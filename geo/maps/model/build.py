"""Whole choropleth models from incident rows and a :class:`~geo.maps.model.spec.MapSpec`: one
frame per :class:`~geo.maps.model.choropleth.Part` (the single map, each year of the published
page, each panel of a grid, each period of an animation), classes shared by the parts of one
scale, and the words of the map (titles, legend title, notes, provenance lines, captions)."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from geo import i18n
from geo.admin.names import names_of_units
from geo.i18n import _
from geo.incidents import aggregate
from geo.maps.model import choropleth as chor
from geo.maps.model.captions import (
    caption_lines,
    credits,
    default_subtitle,
    default_title,
    filters_line,
    frame_notes,
    metric_label,
    reconstructed_line,
    shown_years,
)
from geo.maps.model.model import MapModel
from geo.maps.model.spec import MapSpec


def frame_title(spec: MapSpec, part: chor.Part, label: str) -> str:
    """The person's title (``{period}`` in it is the frame's period), else the default title of
    the part's years (or, with no years, of its label: a month)."""
    if spec.title and spec.title.strip():
        return spec.title.strip().replace("{period}", part.label or part.key)
    head = default_title(spec.view, spec.level, spec.metric, spec.unit, years=part.years, label=label)
    return f"{head}, {part.label}" if part.years is None and part.label else head


def _provenance(part: chor.Part, spec: MapSpec) -> str:
    """How many reconstructed records a frame includes ("2015: Includes …" for a part of the map)."""
    if part.whole:
        return reconstructed_line(part.rows, spec.total_reconstructed)
    return _("{year}: {line}").format(year=part.label or part.key, line=reconstructed_line(part.rows))


def build(incidents: pd.DataFrame, spec: MapSpec, parts: Sequence[chor.Part], *, units,
          legend_title: str | None = None, scale_notes: dict[str, str] | None = None,
          extra_captions: Sequence[str] = ()) -> MapModel:
    """The model of ``parts`` (rows already filtered; ``spec.filters`` only describes them) on
    ``units`` (a units frame of the view and level, in the geometry's order). Each scale's
    classes are fitted on the values of all its parts."""
    with i18n.using(spec.language or i18n.language(), names=spec.names):
        counted = [aggregate.count_by_unit(p.rows, level=spec.level, unit=spec.unit, units_frame=units)
                   for p in parts]
        classes = {}
        for key in dict.fromkeys(p.scale for p in parts):
            values = np.concatenate([chor.values_of(c, spec.metric) for c, p in zip(counted, parts) if p.scale == key])
            classes[key] = spec.classify(values.tolist())
        label = legend_title or metric_label(spec.metric, spec.level, spec.unit)
        frames = []
        for part, count in zip(parts, counted):
            recon = chor.reconstructed_counts(part.rows, level=spec.level, unit=spec.unit, units=units)
            frames.append(chor.frame_of(
                part.key, count, recon, classes[part.scale], metric=spec.metric, unit=spec.unit,
                title=frame_title(spec, part, label), label=part.label, scale=part.scale,
                notes=frame_notes(part.rows, spec.view, spec.level, spec.unit, units, count),
                provenance=_provenance(part, spec),
                total=chor.total_text(part.rows, spec.unit)))
        notes = scale_notes or {}
        scales = {k: chor.choropleth_scale(c, note=notes.get(k, "")) for k, c in classes.items()}
        years = shown_years(incidents, spec.filters, spec.all_years)
        whole = chor.Part("all", incidents, years=years)
        names = names_of_units(units, language=i18n.language(), mode=i18n.names_mode())
        return MapModel(
            kind="choropleth", view=spec.view, level=spec.level, codes=tuple(units["code"]),
            names=tuple(str(n) for n in names), scales=scales, frames=tuple(frames), legend_title=label,
            title=frame_title(spec, whole, label),
            subtitle=default_subtitle(spec.filters) if spec.subtitle is None else spec.subtitle.strip(),
            note=(spec.note or "").strip(),
            source=spec.source.strip() if spec.source and spec.source.strip() else credits(),
            filters=filters_line(incidents, spec.filters, spec.all_years),
            captions=tuple(caption_lines(incidents, filters=spec.filters, all_years=spec.all_years,
                                         total_reconstructed=spec.total_reconstructed, extra=extra_captions,
                                         note=spec.note, source=spec.source)),
            blank_tip=chor.count_text(0, spec.unit),
            extra={"classes": classes, "counted": tuple(counted)})


def single(incidents: pd.DataFrame, spec: MapSpec, *, units) -> MapModel:
    """One map of all of ``incidents``."""
    years = shown_years(incidents, spec.filters, spec.all_years)
    return build(incidents, spec, [chor.Part("all", incidents, years=years)], units=units)


def yearly(incidents: pd.DataFrame, spec: MapSpec, *, units) -> MapModel:
    """The published page's frames: "all" (its own classes) then every year of the filters'
    years, empty ones included (one set of classes for every year)."""
    years = shown_years(incidents, spec.filters, spec.all_years)
    if not years:
        raise ValueError(_("No incident to publish"))
    from geo.maps.model.captions import years_text

    parts = [chor.Part("all", incidents, label=_("All years ({years})").format(years=years_text(years)), years=years)]
    parts += [chor.Part(str(y), incidents[incidents["year"] == y], label=str(y), years=(y, y), scale="year",
                        whole=False) for y in range(years[0], years[1] + 1)]
    return build(incidents, spec, parts, units=units,
                 scale_notes={"year": _("Same classes for every year")})

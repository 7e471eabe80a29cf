"""Shared by the static-map tests: units to sample, and reading colours off the rendered images."""

from __future__ import annotations

import io

import numpy as np
from PIL import Image

MOLENBEEK, UCCLE, LEUVEN = "21012", "21016", "24062"


def rgb(hex_color: str) -> np.ndarray:
    return np.array([int(hex_color[i:i + 2], 16) for i in (1, 3, 5)])


def image(data: bytes) -> Image.Image:
    return Image.open(io.BytesIO(data))


def dominant_is(pixels: np.ndarray, hex_color: str, tol: int = 6) -> bool:
    """The unit's most common colour (its fill, around any label) is ``hex_color``. Pure greys
    (the labels' black text and white halo, the edges) are not fills and are left out."""
    fills = pixels[~((pixels[:, 0] == pixels[:, 1]) & (pixels[:, 1] == pixels[:, 2]))]
    assert len(fills) >= 5, "the unit's samples are all label or edge"
    colours, counts = np.unique(fills, axis=0, return_counts=True)
    return bool(np.abs(colours[counts.argmax()] - rgb(hex_color)).max() <= tol)

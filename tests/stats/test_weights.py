"""Queen contiguity: neighbours by edge or corner, islands named, a fresh W each time."""

from __future__ import annotations

from geo.stats import weights
from tests.stats.fixtures import grid


def test_queen_counts_corners_and_names_islands():
    contiguity = weights.from_frame(grid(3, island=True), level="municipality")
    assert contiguity.neighbours_of("10000") == ("10001", "10010", "10011")  # edge, edge, corner
    assert len(contiguity.neighbours_of("10011")) == 8
    assert contiguity.islands == ("99999",)
    assert contiguity.neighbours_of("99999") == ()


def test_each_w_is_fresh_and_binary():
    contiguity = weights.from_frame(grid(3))
    first = contiguity.w()
    first.transform = "r"
    second = contiguity.w()
    assert second.transform == "O" and second.id_order == list(contiguity.codes)
    assert set(second.weights["10011"]) == {1.0}


def test_municipalities_of_2019_have_no_island():
    contiguity = weights.queen("municipality")
    assert contiguity.n == 581 and contiguity.islands == ()
    # the Brussels-Capital Region's municipalities touch each other and the Flemish rim
    assert "21001" in contiguity.neighbours_of("21012")  # Molenbeek touches Anderlecht
    # Brussels-Capital touches Halle-Vilvoorde and, at Tervuren, Leuven
    assert weights.queen("arrondissement").neighbours_of("21000") == ("23000", "24000")

"""Tiny hand-made units and layer rows for the foreign-fighter layer's tests."""

from __future__ import annotations

import pandas as pd
import pytest

from geo.layers.schema import COLUMNS


@pytest.fixture
def tiny_munis() -> pd.DataFrame:
    """Seven municipalities: a Flemish province (00100) of two arrondissements (00010: 00001, 00002;
    00020: 00003), a Brussels-like region (04000 = arrondissement 21000 = province 04000: 21001,
    21002), a Walloon province of one arrondissement of one municipality (00200 = 00040 = 00005), and
    a second Walloon arrondissement (00050: 00006, 00007) in province 00300."""
    rows = [
        ("00001", "Aa", "Aa", "00010", "00100", "02000", 100_000),
        ("00002", "Bee", "Bé", "00010", "00100", "02000", 50_000),
        ("00003", "Cee", "Cé", "00020", "00100", "02000", 50_000),
        ("21001", "Anderlecht", "Anderlecht", "21000", "04000", "04000", 120_000),
        ("21002", "Oudergem", "Auderghem", "21000", "04000", "04000", 30_000),
        ("00005", "Waver", "Wavre", "00040", "00200", "03000", 20_000),
        ("00006", "Luik", "Liège", "00050", "00300", "03000", 200_000),
        ("00007", "Seraing", "Seraing", "00050", "00300", "03000", 0),
    ]
    frame = pd.DataFrame(rows, columns=["nis", "name_nl", "name_fr", "arr_nis", "prov_nis", "reg_nis", "population"])
    frame["arr_name_nl"] = "Arrondissement " + frame["arr_nis"]
    frame["arr_name_fr"] = "Arrondissement de " + frame["arr_nis"]
    frame["prov_name_nl"] = "Provincie " + frame["prov_nis"]
    frame["prov_name_fr"] = "Province " + frame["prov_nis"]
    return frame


def ff_row(**overrides: str) -> dict[str, str]:
    """One valid row: 10 people who left or tried to, from municipality 00001, a day-dated figure."""
    row = dict.fromkeys(COLUMNS, "")
    row.update(
        row_id="T1", series="test-series", counts="departed_or_tried", count="10", qualifier="exact",
        unit_nis="00001", geo_precision="municipality", source_geo_precision="municipality", coverage="whole",
        place="Aa", figure_date="2016-01-28", date_precision="day", source_url="https://news.example.be/a",
        outlet="Test outlet", note="A figure for the tests.",
    )
    row.update(overrides)
    return row


def ff_table(*rows: dict[str, str]) -> pd.DataFrame:
    return pd.DataFrame(list(rows), columns=list(COLUMNS))

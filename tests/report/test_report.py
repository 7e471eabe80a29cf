"""geo.report.check: every published figure holds on the project's table, perturbations break the
right figures, and ``python -m geo check-report`` works from any directory."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from fractions import Fraction

import pytest

from geo.cli.main import main as cli_main
from geo.config import ROOT  # noqa: E402
from geo.incidents.table import load_incidents
from geo.report import check, figures, rules


@pytest.fixture(scope="module")
def incidents():
    return load_incidents()


@pytest.fixture(scope="module")
def table(incidents):
    return check.check_report(incidents)


def failing(table) -> set[str]:
    return set(table.loc[~table["matches"], "figure"])


def test_every_published_figure_matches(table):
    assert table["matches"].all(), check.format_check(table, rules=True)


def test_table_shape_and_coverage(table):
    assert list(table.columns) == ["figure", "wording", "published", "computed", "rule",
                                   "matches", "documented", "reconstructed", "support"]
    assert table["figure"].is_unique
    assert (table["wording"].str.len() > 0).all() and (table["rule"].str.len() > 0).all()
    required = {
        "events-107", "attacks-4", "arrest-actions-103", "arrested-135", "sites-108",
        "march-2016-two-sites", "brussels-62", "brussels-57pct", "brussels-attacks-3",
        "brussels-charleroi-71pct", "brussels-detail-20", "molenbeek-45pct", "schaerbeek-25pct",
        "charleroi-14", "charleroi-aa-13", "charleroi-attack-1", "zaventem-5",
        "zaventem-airport-4", "verviers-4", "antwerp-4", "antwerp-arrested-11", "ostend-2",
        "liege-2", "other-cities-max-1", "linked-aa-94", "linked-aa-91pct", "inspired-aa-9",
        "inspired-arrested-14", "inspired-attacks-75pct", "inspired-incidents-attacks-25pct",
        "linked-incidents-attacks-1pct", "connection-known-70", "local-cell-60",
        "local-cell-85.7pct", "deployed-13", "deployed-18pct", "networks-at-least-10",
        "network-actions-56", "table1-dual-zerkani-brussels", "table1-dual-paris-brussels",
        "five-networks-almost-80pct", "plots-18", "plots-17pct", "plots-2016-72pct",
        "fig1-rise-2014-2015", "fig1-peak-2016", "fig1-attacks-first-2016", "fig1-drop-2017",
        "charleroi-traveled-50pct", "brussels-traveled-44pct", "weapons-8", "targets-9",
        "knife-attacks-police-2", "explosive-attacks-2", "tatp-verviers", "charleroi-airport-1",
    } | {f"table1-{n.lower().replace(' ', '-')}" for n in figures.TABLE_1}
    assert required <= set(table["figure"])


def test_default_argument_loads_the_project_table(table):
    again = check.check_report()
    assert list(again["figure"]) == list(table["figure"])
    assert list(again["computed"]) == list(table["computed"])


def test_dropping_a_molenbeek_row_breaks_the_right_figures(incidents):
    molenbeek = incidents[(incidents["municipality_nis"] == "21012")
                          & (incidents["provenance"] == "reconstructed")]
    perturbed = incidents.drop(index=molenbeek.index[0])
    bad = failing(check.check_report(perturbed))
    assert {"events-107", "arrest-actions-103", "sites-108", "brussels-62", "brussels-detail-20",
            "molenbeek-45pct", "schaerbeek-25pct"} <= bad
    # Figures that do not depend on that row still hold.
    assert not bad & {"attacks-4", "charleroi-14", "table1-paris-cell", "weapons-8",
                      "inspired-attacks-75pct"}


def test_flipping_one_link_breaks_the_right_figures(incidents):
    perturbed = incidents.copy()
    pick = perturbed[(perturbed["kind"] == "arrest_action") & (perturbed["link"] == "linked")
                     & (perturbed["connection"] == "local_cell")
                     & (perturbed["networks"] == "")].index[0]
    perturbed.loc[pick, "link"] = "inspired"
    perturbed.loc[pick, "connection"] = ""
    bad = failing(check.check_report(perturbed))
    assert {"linked-aa-94", "inspired-aa-9", "connection-known-70", "local-cell-60",
            "inspired-incidents-attacks-25pct", "inspired-arrested-14"} <= bad
    assert not bad & {"events-107", "brussels-62", "attacks-4", "network-actions-56"}


def test_percent_rule_accepts_rounding_or_truncation_only():
    assert rules.percent(57, "").matches(Fraction(62, 107))   # 57.9% truncated
    assert rules.percent(44, "").matches(Fraction(27, 62))    # 43.5% rounded half up
    assert rules.percent(71, "").matches(Fraction(76, 107))
    assert not rules.percent(71, "").matches(Fraction(76, 108))  # 70.4%
    assert not rules.percent(45, "").matches(Fraction(8, 19))    # 42.1%
    assert rules.percent(85.7, "").matches(Fraction(60, 70))
    assert not rules.percent(85.7, "").matches(Fraction(59, 70))  # 84.3%
    assert not rules.percent(50, "").matches(None)
    more_than_18 = rules.share_range(0.18, 0.19, "", low_strict=True)
    assert more_than_18.matches(Fraction(13, 70)) and not more_than_18.matches(Fraction(18, 100))


def test_summary_and_format(table):
    ok, total = check.summary(table)
    assert ok == total == len(table)
    text = check.format_check(table)
    assert text.splitlines()[-1] == f"{ok} of {total} figures match"
    assert "rule:" in check.format_check(table, rules=True)


def test_format_names_the_failing_figures(incidents):
    perturbed = incidents.drop(index=incidents.index[-1])
    text = check.format_check(check.check_report(perturbed))
    assert re.search(r"^\d+ of \d+ figures match \(not matching: .*events-107", text, re.M)


def test_cli_check_report_runs_from_any_directory(tmp_path):
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    done = subprocess.run([sys.executable, "-m", "geo", "check-report"], cwd=tmp_path, env=env,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
    last = done.stdout.strip().splitlines()[-1]
    match = re.fullmatch(r"(\d+) of (\d+) figures match", last)
    assert match and match.group(1) == match.group(2), last


def test_cli_exits_1_on_a_mismatch(monkeypatch, incidents, capsys):
    perturbed = check.check_report(incidents.drop(index=incidents.index[0]))
    monkeypatch.setattr(check, "check_report", lambda: perturbed)
    assert cli_main(["check-report"]) == 1
    assert "figures match (not matching:" in capsys.readouterr().out


def test_support_splits_what_each_count_rests_on(table):
    counts = table[table["rule"].str.startswith("count: equal")]
    numeric = counts[counts["computed"].str.fullmatch(r"\d+") & (counts["figure"] != "fig1-attacks-first-2016")]
    assert len(numeric) > 30
    for r in numeric.itertuples():
        assert r.documented + r.reconstructed == int(r.computed), r.figure
    sites = table.set_index("figure").loc["sites-108"]
    assert sites["documented"] + sites["reconstructed"] == 108
    assert sites["documented"] == 0 or "documented" in sites["support"]


def test_support_follows_provenance(incidents):
    here = incidents[incidents["municipality_nis"] == "52011"]
    before = check.check_report(incidents).set_index("figure").loc["charleroi-14"]
    flipped = incidents.copy()
    pick = here.index[here["provenance"] == "reconstructed"][0]
    flipped.loc[pick, "provenance"] = "documented"
    after = check.check_report(flipped).set_index("figure").loc["charleroi-14"]
    assert (after["documented"], after["reconstructed"]) == (before["documented"] + 1, before["reconstructed"] - 1)
    assert after["matches"] and after["computed"] == before["computed"]


def test_shares_name_their_denominator_and_sums_their_weight(table):
    share = table.set_index("figure").loc["brussels-57pct"]
    assert "out of 107" in share["support"]
    arrested = table.set_index("figure").loc["arrested-135"]
    assert arrested["documented"] + arrested["reconstructed"] == 135
    assert arrested["support"].startswith("135 people arrested: ")


def test_support_markdown_counts_the_figures(table):
    text = check.support_markdown(table)
    assert text.count("\n| `") == len(table)
    counts = check.by_construction(table)
    assert sum(counts.values()) <= len(table)
    assert f"{counts['reconstructed only']} only on reconstructed rows" in text


def test_the_data_card_states_the_support_of_today_s_data(table):
    from geo.report import datacard

    assert datacard.current_section() == datacard.support_section(table), (
        "run `python -m geo check-report --update-data-card`")


def test_updating_the_data_card_touches_only_its_section(tmp_path, table):
    from geo.report import datacard

    card = tmp_path / "README.md"
    card.write_text(f"# Card\n\nbefore\n\n{datacard.BEGIN}\nold\n{datacard.END}\n\nafter\n", encoding="utf-8")
    assert datacard.update(table, card) is True
    text = card.read_text(encoding="utf-8")
    assert text.startswith("# Card\n\nbefore\n\n") and text.endswith("\n\nafter\n") and "old" not in text
    assert datacard.update(table, card) is False

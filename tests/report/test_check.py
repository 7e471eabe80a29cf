

def test_people_table_and_explanation_show_the_documented_support():
    from geo.report import check

    table = check.check_report()
    people = check.people_table(table)
    assert list(people.columns)[:5] == ["The report's words", "Published", "Computed", "Documented support",
                                        "Matches"]
    assert not {"documented", "reconstructed", "support", "matches", "figure"} & set(people.columns)
    shares = people["Documented support"]
    counted = table["documented"] + table["reconstructed"]
    # 36 of the 107 events are documented: the events figure rests 34% on documented rows
    first = table.index[table["figure"] == "events-107"][0]
    assert shares[first] == round(100 * table.loc[first, "documented"] / counted[first])
    assert shares[counted == 0].isna().all() and shares.between(0, 100).sum() == int((counted > 0).sum())
    only = check.people_table(table, only_reconstructed=True)
    counts = check.by_construction(table)
    assert len(only) == counts["reconstructed only"] and (only["Documented support"] == 0).all()
    text = " ".join(check.explanation(table))
    assert "reconstructed rows were allocated to make its figures hold" in text
    assert f"**{counts['reconstructed only']} only on reconstructed rows**" in text


def test_an_explanation_follows_the_data(tiny_incidents):
    """Perturbation: with other rows, the counts in the explanation change with them."""
    from geo.report import check

    table = check.check_report(tiny_incidents)
    counts = check.by_construction(table)
    text = " ".join(check.explanation(table))
    assert f"{counts['documented only']} rest only on documented rows" in text
    full = check.by_construction(check.check_report())
    assert counts != full

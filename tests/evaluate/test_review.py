"""Review sheets: a seeded random sample of relation assertions to judge by hand, and the
strict precision a judged sheet gives, by relation and by error class."""

from __future__ import annotations

import csv

import pytest
from click.testing import CliRunner

from kgraph.cli import main
from kgraph.errors import KgraphError
from kgraph.evaluate.review import COLUMNS, read_sheet, review, sample_assertions, write_sheet


def test_a_sample_is_seeded_and_carries_what_a_reviewer_needs(seed_build):
    ttl = seed_build.files["ttl"]
    first = sample_assertions(ttl, 5, seed=7)
    assert first == sample_assertions(ttl, 5, seed=7)
    assert first != sample_assertions(ttl, 5, seed=8)
    assert len({r["assertion"] for r in first}) == 5
    for row in first:
        assert row["subject"] and row["object"] and row["evidence"] and row["article"]
        assert row["relation"] not in ("holds", "memberOf") and row["verdict"] == ""


def test_memberships_are_drawn_only_on_request(seed_build):
    ttl = seed_build.files["ttl"]
    everything = sample_assertions(ttl, 10_000, seed=1, memberships=True)
    relations = sample_assertions(ttl, 10_000, seed=1)
    assert {r["relation"] for r in everything} - {r["relation"] for r in relations} == {"memberOf"}


@pytest.mark.parametrize("suffix", [".csv", ".md"])
def test_a_sheet_round_trips_and_a_judged_one_gives_strict_precision(tmp_path, suffix):
    rows = [
        {c: "" for c in COLUMNS} | {"n": str(i), "relation": rel, "verdict": v, "error": e}
        for i, (rel, v, e) in enumerate(
            [
                ("praises", "right", ""),
                ("praises", "wrong", "wrong argument"),
                ("meets", "detail", "modality"),
                ("meets", "right", ""),
                ("criticizes", "", ""),
            ],
            1,
        )
    ]
    rows[0]["evidence"] = 'She said "yes" | then, no.'
    sheet = tmp_path / f"sheet{suffix}"
    write_sheet(rows, sheet)
    assert read_sheet(sheet)[0]["evidence"] == 'She said "yes" | then, no.'
    result = review(sheet)
    assert (result.judged, result.right, result.detail, result.wrong, result.unjudged) == (
        4, 2, 1, 1, 1,
    )  # fmt: skip
    assert result.precision() == 0.5
    assert dict(result.errors) == {"wrong argument": 1, "modality": 1}
    assert result.by_relation["praises"] == {"judged": 2, "right": 1}


def test_an_unknown_verdict_names_the_row(tmp_path):
    sheet = tmp_path / "s.csv"
    with sheet.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=COLUMNS)
        writer.writeheader()
        writer.writerow({"n": "3", "verdict": "maybe"})
    with pytest.raises(KgraphError, match=r"row 3: unknown verdict 'maybe'"):
        review(sheet)


def test_sample_then_evaluate_through_the_cli(tmp_path, seed_build):
    sheet = tmp_path / "review.csv"
    graph = str(seed_build.files["ttl"])
    runner = CliRunner()
    result = runner.invoke(
        main, ["sample", "--graph", graph, "--assertions", "4", "-o", str(sheet)]
    )
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(sheet.open(encoding="utf-8")))
    assert len(rows) == 4
    for row in rows:
        row["verdict"] = "right"
    with sheet.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=COLUMNS)
        writer.writeheader()
        writer.writerows(rows)
    result = runner.invoke(main, ["evaluate", str(sheet)])
    assert result.exit_code == 0, result.output
    assert "judged 4 of 4 assertions: 4 right" in result.output
    assert "precision (strict) 1.000" in result.output

"""Affiliations: who works for or belongs to which organisation, from how people are
introduced (hand-written sentences, exact sets)."""

import pytest

from tests.helpers import relation_names


def memberships(extraction) -> set[tuple[str, str, str]]:
    return {r for r in relation_names(extraction) if r[1] == "memberOf"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Jane Roe, a Acme University law professor, served on the panel.",
            {("Jane Roe", "memberOf", "Acme University")},
        ),
        (
            "Acme University's John Doe said he believes it.",
            {("John Doe", "memberOf", "Acme University")},
        ),
        (
            "Analyst Jane Roe of Acme Futures Inc. said the market fell.",
            {("Jane Roe", "memberOf", "Acme Futures Inc.")},
        ),
        ("Jane Roe, an economist at Acme Bank, agreed.", {("Jane Roe", "memberOf", "Acme Bank")}),
        (
            "Jane Roe, a National Weather Service meteorologist in Ohio, said rain would come.",
            {("Jane Roe", "memberOf", "National Weather Service")},
        ),
    ],
)
def test_introductions_give_affiliations(extract_text, text, expected):
    assert memberships(extract_text(text)) == expected


@pytest.mark.parametrize(
    "text",
    [
        "John Doe of Texas spoke.",  # a place, not an organisation
        "Jane Roe, a longtime critic of Acme Bank, spoke.",  # a critic is no member
        "Acme Bank criticized Jane Roe, a lawyer.",
    ],
)
def test_other_phrasings_give_none(extract_text, text):
    assert memberships(extract_text(text)) == set()

"""Party memberships stated by the conventions of political news."""

import pytest

from tests.helpers import relation_names


@pytest.mark.parametrize(
    ("text", "member", "party"),
    [
        ("Sen. Jane Roe (R-Texas) criticized the bill.", "Jane Roe", "Republican Party"),
        ("Rep. John Doe, D-Calif., said the vote was close.", "John Doe", "Democratic Party"),
        ("Republican Gov. Jane Roe signed the law on Monday.", "Jane Roe", "Republican Party"),
        ("Democrat John Doe won the seat.", "John Doe", "Democratic Party"),
        ("Jane Roe, a Republican, voted no.", "Jane Roe", "Republican Party"),
        ("Jane Roe, the Democratic nominee, spoke.", "Jane Roe", "Democratic Party"),
        ("Democratic presidential candidate John Doe met voters.", "John Doe", "Democratic Party"),
        ("Labour MP Jane Roe spoke in the debate.", "Jane Roe", "Labour Party"),
        ("Labour's Mr Doe said he would not resign.", "Doe", "Labour Party"),
    ],
)
def test_party_conventions_give_memberships(extract_text, text, member, party):
    assert (member, "memberOf", party) in relation_names(extract_text(text))


@pytest.mark.parametrize(
    "text",
    [
        "Republicans criticized John Doe on Monday.",
        "Conservative commentator Jane Roe disagreed.",
        "John Doe met Republican leaders and Jane Roe.",
        "Labour's attack on Mr Doe failed.",
    ],
)
def test_no_membership_without_the_convention(extract_text, text):
    assert not [r for r in relation_names(extract_text(text)) if r[1] == "memberOf"]


def test_party_node_is_typed_from_the_gazetteer(extract_text):
    extraction = extract_text("Sen. Jane Roe (R-Texas) criticized the bill.")
    party = next(e for e in extraction.entities if e.name == "Republican Party")
    assert party.kind == "Organization" and party.subtype == "PoliticalParty"
    claim = next(c for c in extraction.claims if c.predicate == "memberOf")
    assert claim.evidence.text == "Sen. Jane Roe (R-Texas) criticized the bill."

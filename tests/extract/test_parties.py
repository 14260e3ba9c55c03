"""Party memberships stated by the conventions of political news."""

import pytest

from tests.helpers import relation_names


@pytest.mark.parametrize(
    ("text", "member", "party"),
    [
        ("Sen. Jane Roe (R-Texas) criticized the bill.", "Jane Roe", "Republican Party"),
        ("Rep. John Doe, D-Calif., said the vote was close.", "John Doe", "Democratic Party"),
        ("Mary Poe was there, as was Sen. John Doe, R-Texas.", "John Doe", "Republican Party"),
        ("Republican Gov. Jane Roe signed the law on Monday.", "Jane Roe", "Republican Party"),
        ("Democrat John Doe won the seat.", "John Doe", "Democratic Party"),
        ("Jane Roe, a Republican, voted no.", "Jane Roe", "Republican Party"),
        ("Jane Roe, a North Carolina Republican, voted no.", "Jane Roe", "Republican Party"),
        ("Jane Roe, an Ohio Democrat, voted no.", "Jane Roe", "Democratic Party"),
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
        "The letter was signed by John Doe, R. Poe and others.",
        "He won endorsements from Roe, the Wisconsin GOP and the NRA.",
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


def party_members(extraction) -> set[tuple[str, str, str]]:
    return {r for r in relation_names(extraction) if r[1] == "memberOf"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a plural title after the party word gives every person of the list
        (
            "Democratic Sens. Jane Roe, John Doe and Mary Major voted for the bill.",
            {
                ("Jane Roe", "memberOf", "Democratic Party"),
                ("John Doe", "memberOf", "Democratic Party"),
                ("Mary Major", "memberOf", "Democratic Party"),
            },
        ),
        # a party's plural name before the names
        (
            "Republicans Jane Roe and John Doe opposed it.",
            {
                ("Jane Roe", "memberOf", "Republican Party"),
                ("John Doe", "memberOf", "Republican Party"),
            },
        ),
        # a singular title is the first person's only
        (
            "Republican Sen. Jane Roe and John Doe voted no.",
            {("Jane Roe", "memberOf", "Republican Party")},
        ),
        ("Republicans like Jane Roe and John Doe spoke.", set()),
    ],
)
def test_lists_of_people_after_a_plural_title(extract_text, text, expected):
    assert party_members(extract_text(text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a phrase naming one party member, set before the name and its title
        (
            "He faces another retiring Republican, Rep. John Doe of Ohio.",
            {("John Doe", "memberOf", "Republican Party")},
        ),
        (
            "It was a fellow Republican, Senator John Doe of Utah, who spoke first.",
            {("John Doe", "memberOf", "Republican Party")},
        ),
        (
            "And the freshman Ohio Democrat, John Doe, has also backed the plan.",
            {("John Doe", "memberOf", "Democratic Party")},
        ),
        # the name opens the next clause, or the party word is plural: no apposition
        ("He spoke to a Republican, John Doe said.", set()),
        ("It was the Republicans, John Doe said.", set()),
    ],
)
def test_a_party_member_phrase_before_the_name(extract_text, text, expected):
    assert party_members(extract_text(text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a party word and a plural noun, set with a comma before a list of names
        (
            "At least two Democratic senators, Jane Roe of Ohio and John Doe of Iowa, have "
            "failed the test.",
            {
                ("Jane Roe", "memberOf", "Democratic Party"),
                ("John Doe", "memberOf", "Democratic Party"),
            },
        ),
        (
            "Two Republican senators, Jane Roe and John Doe, voted no.",
            {
                ("Jane Roe", "memberOf", "Republican Party"),
                ("John Doe", "memberOf", "Republican Party"),
            },
        ),
        # the name opens the next clause: no list
        ("The Republican senators, Jane Roe said, were wrong.", set()),
    ],
)
def test_a_plural_party_phrase_before_a_list(extract_text, text, expected):
    assert party_members(extract_text(text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a post in a party is held by one of its members
        (
            "Conservative leader Jane Roe is expected to speak.",
            {("Jane Roe", "memberOf", "Conservative Party")},
        ),
        ("Labour Party chairman John Doe spoke.", {("John Doe", "memberOf", "Labour Party")}),
        # a post in something else is no party membership
        ("Foreign Secretary Jane Roe is expected to speak.", set()),
    ],
)
def test_a_party_post_gives_membership_once(extract_text, text, expected):
    extraction = extract_text(text)
    assert party_members(extraction) == expected
    memberships = [c for c in extraction.claims if c.predicate == "memberOf"]
    assert len(memberships) == len(expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a word that is otherwise an ideology names the party before a party role
        (
            "Conservative shadow home secretary Jane Roe was worried.",
            {("Jane Roe", "memberOf", "Conservative Party")},
        ),
        ("Conservative MP Jane Roe said so.", {("Jane Roe", "memberOf", "Conservative Party")}),
        ("Conservative commentator Jane Roe said so.", set()),
    ],
)
def test_a_party_word_before_a_party_role(extract_text, text, expected):
    assert party_members(extract_text(text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # examples of a plural noun for a party's people
        (
            "Democratic presidential candidates like Jane Roe and John Doe are calling for it.",
            {
                ("Jane Roe", "memberOf", "Democratic Party"),
                ("John Doe", "memberOf", "Democratic Party"),
            },
        ),
        (
            "Republican senators, including Jane Roe, voted no.",
            {("Jane Roe", "memberOf", "Republican Party")},
        ),
        # voters and donors are no members
        ("Democratic voters such as Jane Roe were angry.", set()),
        ("Republican donors like Jane Roe gave more.", set()),
    ],
)
def test_examples_of_a_partys_people(extract_text, text, expected):
    assert party_members(extract_text(text)) == expected


def test_a_plural_abbreviated_title_keeps_its_list_in_one_sentence(extract_text):
    extraction = extract_text("Democratic Sens. Jane Roe of Ohio and John Doe of Iowa spoke.")
    assert party_members(extraction) == {
        ("Jane Roe", "memberOf", "Democratic Party"),
        ("John Doe", "memberOf", "Democratic Party"),
    }


def test_a_peer_the_parser_left_out_is_a_person(extract_text):
    text = (
        "But Liberal Democrat peer Lord Askew, the government's reviewer of laws, said it was "
        "possible."
    )
    assert party_members(extract_text(text)) == {("Askew", "memberOf", "Liberal Democrats")}

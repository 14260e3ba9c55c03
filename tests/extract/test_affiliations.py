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


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an apposition whose noun reaches the organisation past other words
        (
            "Jane Roe, a professor of law and history at the University of Acme, agreed.",
            {("Jane Roe", "memberOf", "University of Acme")},
        ),
        (
            "Jane Roe, an expert on tariffs at Acme University, agreed.",
            {("Jane Roe", "memberOf", "Acme University")},
        ),
        (
            "John Doe, a special prosecutor in the fraud section of the Acme Commission, spoke.",
            {("John Doe", "memberOf", "Acme Commission")},
        ),
        # the organisation first, with no article
        (
            "said John Doe, Acme Corp. president and chief executive officer.",
            {("John Doe", "memberOf", "Acme Corp.")},
        ),
        ("Jane Roe, a former Acme Bank official, spoke.", {("Jane Roe", "memberOf", "Acme Bank")}),
        # an age between the name and the apposition
        ("Jane Roe, 41, a lawyer at Acme Bank, spoke.", {("Jane Roe", "memberOf", "Acme Bank")}),
        # relative clauses
        (
            "asks John Doe, who now works for the Acme Institute of Technology.",
            {("John Doe", "memberOf", "Acme Institute of Technology")},
        ),
        (
            "said Jane Roe, who directs Acme Corp. research in Ohio.",
            {("Jane Roe", "memberOf", "Acme Corp.")},
        ),
        # "head of"
        (
            "explains John Doe, head of Acme Corp.'s design department.",
            {("John Doe", "memberOf", "Acme Corp.")},
        ),
        # predicates
        (
            "John Doe will remain a commissioner of the Acme Trading Commission.",
            {("John Doe", "memberOf", "Acme Trading Commission")},
        ),
        (
            "Jane Roe was installed as new chairman of the bipartisan Acme Association.",
            {("Jane Roe", "memberOf", "Acme Association")},
        ),
        (
            "John Doe, 41, was the chief Ohio correspondent for the Acme Press when he left.",
            {("John Doe", "memberOf", "Acme Press")},
        ),
        # "and other members of"
        (
            "Jane Roe and other members of the Acme Expedition Society went north.",
            {("Jane Roe", "memberOf", "Acme Expedition Society")},
        ),
        # people coordinated before a plural apposition
        (
            "Jane Roe and Dr. John Doe, Acme Party candidates, were elected.",
            {("Jane Roe", "memberOf", "Acme Party"), ("John Doe", "memberOf", "Acme Party")},
        ),
        # the organisation and an occupation noun before the name
        (
            "He lost the election to Acme Party candidate John Doe.",
            {("John Doe", "memberOf", "Acme Party")},
        ),
        ("BBC correspondent Jane Roe said it.", {("Jane Roe", "memberOf", "BBC")}),
        # the organisation alone in parentheses after the name
        (
            "The county mayor is Jane Roe (Conservative Party) and the deputy is absent.",
            {("Jane Roe", "memberOf", "Conservative Party")},
        ),
        # one of the organisation's people a plural names
        (
            "As of March, five Acme Party assemblymen, including Jane Roe, signed it.",
            {("Jane Roe", "memberOf", "Acme Party")},
        ),
        # a singular apposition after coordinated people is the last one's
        (
            "Jane Roe and John Doe, a lawyer for Acme Bank, spoke.",
            {("John Doe", "memberOf", "Acme Bank")},
        ),
        # "of the" past an adjective
        (
            "says Jane Roe of the governing Acme Party, which sells firms.",
            {("Jane Roe", "memberOf", "Acme Party")},
        ),
    ],
)
def test_described_affiliations(extract_text, text, expected):
    assert memberships(extract_text(text)) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Jane Roe said in a statement from Acme Corp. that sales fell.",  # a source, no member
        "Jane Roe was in talks with Acme Bank.",  # no noun describes her
        "Jane Roe, a critic of the plan at Acme Bank, spoke.",  # a critic is no member
        "The panel broke with the Acme Commission's belief that John Doe acted alone.",
        "Jane Roe was fired by Acme Bank.",
        "The Acme Bank critic Jane Roe spoke.",
        "Acme Bank critics, including Jane Roe, spoke.",
        "Jane Roe was the communications director for former Acme Council Speaker John Doe.",
        "In a famous case, Norfolk farmer Jane Roe was jailed.",  # a place
        "Health spokesman John Doe said it was good.",  # a portfolio
        "The delegate Jane Roe (UNESCO) spoke on Monday.",  # an acronym abbreviates a name
    ],
)
def test_descriptions_that_are_no_membership(extract_text, text):
    assert memberships(extract_text(text)) == set()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a title of two nouns whose last alone is none
        (
            "Jane Roe, director general of the Ruritanian Institute, spoke.",
            {("Jane Roe", "memberOf", "Ruritanian Institute")},
        ),
        (
            "Jane Roe, the secretary general of the Ruritanian Institute, spoke.",
            {("Jane Roe", "memberOf", "Ruritanian Institute")},
        ),
        # a party's plural name picks its members, past their titles
        (
            "The group includes Democrats such as Senator Jane Roe.",
            {("Jane Roe", "memberOf", "Democratic Party")},
        ),
        (
            "The plan has support from Democrats including Vice President Jane Roe.",
            {("Jane Roe", "memberOf", "Democratic Party")},
        ),
        (
            "The group includes Democrats, like Sen. Jane Roe.",
            {("Jane Roe", "memberOf", "Democratic Party")},
        ),
        ("Countries like Ruritania and people like Jane Roe agree.", set()),
        ("Jane Roe, a general of the Ruritanian Army, spoke.", set()),
    ],
)
def test_member_lists_and_two_word_titles(extract_text, text, expected):
    assert memberships(extract_text(text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a post in an organisation the article names: its holder is a member
        ("Acme Trust spokesman Jane Roe said so.", {("Jane Roe", "memberOf", "Acme Trust")}),
        # a nominee is not (yet) inside the body
        ("Supreme Court nominee Jane Roe was seen.", set()),
        # a shadow minister watches the department from the opposition
        (
            "Responding to the speech, shadow chief secretary to the Treasury, Jane Roe, "
            "said it was talk.",
            set(),
        ),
        ("Shadow Home Office minister Jane Roe said so. The Home Office disagreed.", set()),
        # a post in a person's service: an adviser advises, a spokesman only speaks
        ("Doe adviser Jane Roe said so. John Doe agreed.", {("Jane Roe", "advises", "John Doe")}),
        ("Doe spokesman Jane Roe said so. John Doe agreed.", set()),
        # the served person is a mention of their own before the advising noun
        (
            "John Doe spoke on Monday. Later, Doe counselor Jane Roe agreed.",
            {("Jane Roe", "advises", "John Doe")},
        ),
        (
            "One of John Doe's personal attorneys, Jane Roe, said so.",
            {("Jane Roe", "advises", "John Doe")},
        ),
        ("U.S. Attorney Jane Roe said so.", set()),
        # the possessive of a name ending in s is its apostrophe
        ("Acme News' Jane Roe asked the question.", {("Jane Roe", "memberOf", "Acme News")}),
    ],
)
def test_a_post_held_in_an_organisation_or_a_persons_service(extract_text, text, expected):
    assert relation_names(extract_text(text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Jane Roe, from the human rights group Acme Trust, joined calls.",
            {("Jane Roe", "memberOf", "Acme Trust")},
        ),
        ("Jane Roe, from Ohio, joined calls.", set()),
        (
            "Jane Roe, of the Acme Heads Association, said members were angry.",
            {("Jane Roe", "memberOf", "Acme Heads Association")},
        ),
        ("Jane Roe, of Ohio, said members were angry.", set()),
        ("Tony Roe, of Burnley, said members were angry.", set()),
        # the name opens the next clause: no apposition before it
        ("They held talks with the FBI, Mr John Doe said.", set()),
        (
            "Jane Roe, for the Acme Party, said the vote was lost.",
            {("Jane Roe", "memberOf", "Acme Party")},
        ),
        ("Jane Roe voted for the Acme Party.", {("Jane Roe", "supports", "Acme Party")}),
        ("For the Acme Party, Sir Jane Roe said so.", {("Jane Roe", "memberOf", "Acme Party")}),
        ("For the Acme Party, the vote was good, Jane Roe said.", set()),
        ("Jane Roe, from a statement by Acme Trust, said so.", set()),
    ],
)
def test_a_from_phrase_names_the_organisation(extract_text, text, expected):
    assert relation_names(extract_text(text)) == expected


@pytest.mark.parametrize(
    "text",
    [
        "MPs at Westminster and in the Commons voted. Shadow Treasury chief secretary Jane Roe "
        "said the economy was weak.",
        "MPs at Westminster and in the Commons voted. John Doe, the party's Treasury spokesman, "
        "said so.",
    ],
)
def test_an_opposition_post_is_no_membership_of_the_department(extract_text, text):
    assert relation_names(extract_text(text)) == set()

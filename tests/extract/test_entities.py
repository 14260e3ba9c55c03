"""In-article entity typing: what a lone word the small model calls a person really is."""

import pytest

from kgraph.extract.entities import (
    code_like,
    honorific_before,
    located,
    resolve_mentions,
    word_before,
)
from kgraph.records import Mention


def mention_of(text: str, surface: str, kind: str = "Person") -> Mention:
    start = text.index(surface)
    return Mention(start=start, end=start + len(surface), surface=surface, kind=kind, sentence=0)


def kinds(extraction) -> set[tuple[str, str]]:
    return {(e.name, e.kind) for e in extraction.entities}


@pytest.mark.parametrize(
    "text",
    [
        "Leaflets were handed out in Powys on Monday. Health officials across Powys said "
        "they were shocked.",
        "Campaigners in Torfaen say the plan will fail. Torfaen has long opposed it.",
    ],
)
def test_a_lone_word_after_a_preposition_of_place_is_a_place(extract_text, text):
    name = text.split()[text.split().index("in") + 1]
    assert (name, "Place") in kinds(extract_text(text))


def test_a_code_with_digits_is_no_person(extract_text):
    found = extract_text("The report said MI6 had warned ministers. MI6 declined to comment.")
    assert kinds(found) == {("MI6", "Organization")}


@pytest.mark.parametrize(
    "text, name",
    [
        # an honorific is person evidence, whatever the preposition before another mention
        ("Voters in Okafor have doubts. Mr Okafor said he would stand again.", "Okafor"),
        # a known given name is a person's
        ("Hundreds rallied around Lucy on Monday. Lucy said she was grateful.", "Lucy"),
    ],
)
def test_person_evidence_keeps_a_lone_word_a_person(extract_text, text, name):
    assert (name, "Person") in kinds(extract_text(text))


@pytest.mark.parametrize(
    "full_name, expected",
    [("Robert Kilroy Silk", "Person"), ("Swansea Unite", "Place"), (None, "Place")],
)
def test_a_word_of_a_given_full_name_is_no_place(config, full_name, expected):
    """The model's person tags, so that only the rule decides: "Kilroy" is a word of the
    article's "Robert Kilroy Silk"; "Swansea Unite" starts with no given name."""
    text = f"{full_name or 'Someone'} spoke. Voters were interested in Kilroy."
    found = [mention_of(text, "Kilroy")]
    if full_name:
        found.insert(0, mention_of(text, full_name))
    entities, _ = resolve_mentions(found, config.knowledge(), text)
    assert {e.name: e.kind for e in entities}["Kilroy"] == expected


@pytest.mark.parametrize(
    "text, surface, expected",
    [
        ("Leaflets were handed out in Powys.", "Powys", True),
        ("They met in Roe's office.", "Roe", False),  # owned: a person may own it
        ("They spoke within Powys.", "Powys", False),  # "in" is the tail of "within"
        ("A report from Motherboard.", "Motherboard", False),
    ],
)
def test_located(text, surface, expected):
    assert located(text, mention_of(text, surface)) is expected


@pytest.mark.parametrize(
    "text, surface, expected",
    [
        ("They were working. MSNBC.com reported it.", "MSNBC.com", None),  # not "king"
        ("It was the king. Acme said so.", "Acme", None),  # a sentence's last word
        ("Then Mr. Roe spoke.", "Roe", "Mr."),
        ("Then Mrs Roe spoke.", "Roe", "Mrs"),
        ("his wife Roe spoke.", "Roe", "wife"),
    ],
)
def test_honorific_before(text, surface, expected):
    assert honorific_before(text, mention_of(text, surface)) == expected


def test_word_before_gives_whole_words_only():
    text = "x" * 40 + " Roe"
    assert word_before(text, text.index("Roe")) is None
    assert word_before("in Roe", 3) == "in"


@pytest.mark.parametrize(
    "name, expected", [("MI6", True), ("G8", True), ("FDR", False), ("BAA", False), ("G", False)]
)
def test_code_like(name, expected):
    assert code_like(name) is expected


@pytest.mark.parametrize(
    "text, treasury",
    [
        (
            "MPs at Westminster criticised the Treasury on Monday. The Treasury said MPs "
            "were wrong.",
            "HM Treasury",
        ),
        (
            "Senators in Congress criticised the Treasury on Monday. The Treasury said "
            "Congress was wrong.",
            "Department of the Treasury",
        ),
    ],
)
def test_a_national_alias_names_the_country_s_own_organisation(extract_text, text, treasury):
    names = {e.name for e in extract_text(text).entities}
    assert (
        treasury in names and not {"HM Treasury", "Department of the Treasury"} - {treasury} & names
    )


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Mr Okafor will host a news conference. On Mrs Okafor's role, an aide said she "
            "had campaigned. Mrs Okafor made her debut speech. Mr Okafor praised her.",
            {("Okafor", "Person"), ("Mrs Okafor", "Person")},
        ),
        (
            "Mrs Okafor spoke first. Mr Okafor and Mr Okafor's aides listened. Okafor said "
            "he was pleased.",
            {("Mrs Okafor", "Person"), ("Okafor", "Person")},  # the more often titled wins
        ),
        ("Mr Okafor spoke. Okafor said he was pleased.", {("Okafor", "Person")}),
    ],
)
def test_a_surname_titled_with_both_genders_is_two_people(extract_text, text, expected):
    assert kinds(extract_text(text)) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Defra and the Office of the Deputy Prime Minister replied to the Department of "
            "Constitutional Affairs.",
            {
                "Department for Environment, Food and Rural Affairs",
                "Office of the Deputy Prime Minister",
                "Department for Constitutional Affairs",
            },
        ),
        (
            "The Department for Culture, Media and Sport and DfES met the Department of Work "
            "and Pensions.",
            {
                "Department for Culture, Media and Sport",
                "Department for Education and Skills",
                "Department for Work and Pensions",
            },
        ),
    ],
)
def test_uk_government_departments_are_one_entry_each_under_any_of_their_names(
    extract_text, text, expected
):
    assert {e.name for e in extract_text(text).entities} == expected

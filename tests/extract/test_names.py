"""Table-driven tests of the pure name rules (no spaCy parse needed)."""

import pytest

from kgraph.extract.names import (
    PersonIndex,
    entity_key,
    initials,
    is_acronym,
    name_core,
    strip_nickname,
)
from kgraph.knowledge import load_knowledge


@pytest.fixture(scope="module")
def given_names():
    return load_knowledge().given_names


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Democratic Socialists of America", "DSA"),
        ("American Civil Liberties Union", "ACLU"),
        ("Department of Homeland Security", "DHS"),
        ("The New York Times", "NYT"),
        ("Ways & Means Committee", "WMC"),
        ("Bureau of Alcohol, Tobacco, Firearms and Explosives", "BATFE"),
        ("Jane Roe", "JR"),
    ],
)
def test_initials(name, expected):
    assert initials(name) == expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("DSA", True),
        ("NYPD", True),
        ("F.B.I.", True),
        ("N.A.A.C.P.", True),
        ("NATO", True),
        ("Nato", False),
        ("fbi", False),
        ("A", False),
        ("ABCDEFG", False),
        ("AFL-CIO", False),
        ("CNN2", False),
    ],
)
def test_is_acronym(name, expected):
    assert is_acronym(name) is expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Joe Biden", ("joseph", "biden", "")),
        ("Joseph R. Biden", ("joseph", "biden", "r")),
        ("Joseph R. Biden Jr.", ("joseph", "biden jr", "r")),  # the suffix stays: another person
        ("George W. Bush", ("george", "bush", "w")),
        ("George H.W. Bush", ("george", "bush", "hw")),
        ("Mike Roe", ("michael", "roe", "")),
        ("Michael J. Roe", ("michael", "roe", "j")),
        ("Jane Mary Roe", ("jane", "roe", "m")),
        ("John Doe III", ("john", "doe iii", "")),
        ("  Tom   Poe ", ("thomas", "poe", "")),
        ("Mary Okafor-Smith", ("mary", "okafor-smith", "")),
        ("Roe", None),
        ("Jane 3rd Roe", None),
    ],
)
def test_name_core(given_names, name, expected):
    assert name_core(name, given_names) == expected


@pytest.mark.parametrize(
    ("surface", "expected"),
    [
        ("Jane ‘JJ’ Roe", ("Jane Roe", "JJ")),
        ("John 'Jack' Doe", ("John Doe", "Jack")),
        ('Mary "Mo" Major', ("Mary Major", "Mo")),
        ("Jane “Janie” Roe", ("Jane Roe", "Janie")),
        ("Tom 'The Hammer' Poe", ("Tom Poe", "The Hammer")),
        ("Jane Roe", ("Jane Roe", None)),
        ("John O'Doe", ("John O'Doe", None)),
    ],
)
def test_strip_nickname(surface, expected):
    assert strip_nickname(surface) == expected


@pytest.mark.parametrize(
    ("kind", "name", "expected"),
    [
        ("Person", "Jane Roe", "Person:jane roe"),
        ("Person", "  John   DOE. ", "Person:john doe"),
        ("Organization", "The New York Times", "Organization:new york times"),
        ("Organization", "Anti\u2011Defamation League", "Organization:anti-defamation league"),
        ("Person", "Jane O’Roe", "Person:jane o'roe"),
    ],
)
def test_entity_key(kind, name, expected):
    assert entity_key(kind, name) == expected


@pytest.mark.parametrize(
    ("people", "surface", "expected"),
    [
        ({"jane roe": "Jane Roe"}, "Jane", "Jane Roe"),  # a given name alone
        ({"jane roe": "Jane Roe"}, "Roe", "Jane Roe"),
        ({"roe jr.": "Roe Jr."}, "Roe", None),  # a surname is no given name of "Roe Jr."
        ({"roe attack ads": "Roe Attack Ads"}, "Roe", None),
        ({"jane roe-doe": "Jane Roe-Doe"}, "Roe", "Jane Roe-Doe"),  # a double-barrelled name
        ({"jane roe-doe": "Jane Roe-Doe", "ian roe-smith": "Ian Roe-Smith"}, "Roe", None),
        ({"jane roe-doe": "Jane Roe-Doe", "ian roe": "Ian Roe"}, "Roe", "Ian Roe"),
        ({"jane john-doe": "Jane John-Doe"}, "John", None),  # a given name: someone else
    ],
)
def test_a_lone_word_expands_to_a_full_name_it_starts_only_when_it_is_a_given_name(
    people, surface, expected
):
    assert PersonIndex(people).expand(surface) == expected

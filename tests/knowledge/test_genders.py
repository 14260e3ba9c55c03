"""The given-name table a pronoun's gender is checked against."""

from kgraph.knowledge.genders import gender_of_name, given_name_genders


def test_clear_names_have_their_usual_gender():
    assert gender_of_name("Margaret Roe") == "F"
    assert gender_of_name("John Doe") == "M"


def test_accents_and_case_do_not_matter():
    assert gender_of_name("JOHN Doe") == "M"
    assert gender_of_name("Zoë Roe") == gender_of_name("Zoe Roe")


def test_a_surname_alone_says_nothing():
    assert gender_of_name("Roe") is None


def test_unknown_names_say_nothing():
    assert gender_of_name("Xqzzy Roe") is None


def test_the_table_is_large_and_two_valued():
    table = given_name_genders()
    assert len(table) > 1000
    assert set(table.values()) == {"F", "M"}

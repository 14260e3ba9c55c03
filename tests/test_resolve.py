from conftest import entity_names


def test_trump_aliases_are_one_person(seed_build):
    people = [e for e in seed_build.graph.entities.values() if e.name == "Donald Trump"]
    assert len(people) == 1
    trump = people[0]
    assert trump.kind == "Person"
    assert {"Trump", "President Trump"} <= set(trump.aliases)
    assert not any(
        e.kind != "Person" and e.name in ("Trump", "Donald Trump")
        for e in seed_build.graph.entities.values()
    )


def test_surname_joins_full_name_and_type_is_voted(seed_build):
    names = {e.name: e for e in seed_build.graph.entities.values()}
    assert "Mamdani" not in names
    assert names["Zohran Mamdani"].kind == "Person"
    assert "Mamdani" in names["Zohran Mamdani"].aliases


def test_acronym_joins_long_form(seed_build):
    names = {e.name: e for e in seed_build.graph.entities.values()}
    assert "DSA" not in names
    assert "DSA" in names["Democratic Socialists of America"].aliases
    assert "ICE" in names["Immigration and Customs Enforcement"].aliases


def test_acronym_defined_in_text_without_gazetteer(extract_text):
    text = (
        "The Springfield Tenants Union (STU) met the mayor. Later the STU criticized Jane Roe, "
        "the council member."
    )
    extraction = extract_text(text)
    names = set(entity_names(extraction).values())
    assert "STU" not in names
    assert "Springfield Tenants Union" in names


def test_nickname_in_quotes_is_an_alias(extract_text):
    extraction = extract_text("Mayor Jane ‘JJ’ Roe spoke. Later Jane Roe met the press.")
    roe = [e for e in extraction.entities if e.name == "Jane Roe"]
    assert roe and "JJ" in roe[0].aliases

import pytest

from kgraph.errors import KgraphError
from kgraph.extract.nlp import choose_model, mentions_in
from kgraph.extract.nlp.cleaner import glued


def mentions(config, text):
    return mentions_in(config.nlp()(text), config.knowledge())


def test_pipeline_has_kgraph_components_around_the_ner(config):
    names = config.nlp().pipe_names
    assert (
        names.index("kgraph_gazetteer") < names.index("ner") < names.index("kgraph_entity_cleaner")
    )
    assert names.index("kgraph_paragraphs") < names.index("parser")


def test_unknown_model_is_a_clear_error():
    with pytest.raises(KgraphError, match="not installed"):
        choose_model("no_such_pipeline_xyz")


def test_possessives_and_determiners_are_stripped(config):
    found = mentions(config, "Trump’s team met the Democratic Socialists of America on Friday.")
    surfaces = {m.surface for m in found}
    assert "Trump" in surfaces
    assert "Democratic Socialists of America" in surfaces
    assert not any(s.endswith("’s") or s.lower().startswith("the ") for s in surfaces)


def test_gazetteer_acronyms_are_organisations(config):
    found = mentions(config, "He criticised ICE and praised the NYPD.")
    kinds = {m.surface: m.kind for m in found}
    assert kinds.get("ICE") == "Organization"
    assert kinds.get("NYPD") == "Organization"


def test_title_before_a_name_is_kept(config):
    found = mentions(config, "Former Mayor Eric Adams met New York Governor Kathy Hochul.")
    titles = {m.surface: m.title for m in found}
    assert titles["Eric Adams"] == "Former Mayor"
    assert titles["Kathy Hochul"] == "New York Governor"


def test_photo_credits_are_not_mentions(config):
    found = mentions(config, "The mayor spoke on Friday. [AP Photo/Evan Vucci]")
    assert "Evan Vucci" not in {m.surface for m in found}


def test_blank_lines_end_sentences(config):
    doc = config.nlp()("Perspective\n\nThe mayor met the governor.")
    assert [s.text.strip() for s in doc.sents][0] == "Perspective"


def test_honorifics_are_stripped(config):
    found = mentions(config, "Ms Jane Roe spoke. Later Mr Roe said the plan would fail.")
    surfaces = {m.surface for m in found}
    assert "Jane Roe" in surfaces and "Roe" in surfaces
    assert not any(s.startswith(("Ms", "Mr")) for s in surfaces)


def test_possessive_inside_a_span_is_cut(config):
    found = mentions(config, "Senator Jane Roe’s Russian contacts worried the committee.")
    assert "Jane Roe" in {m.surface for m in found}


def test_glued_page_furniture_is_not_a_person(config):
    found = mentions(config, "Sen. John DoeThe senator from Ohio voted no. John Doe left.")
    assert not any("DoeThe" in m.surface for m in found)


def test_common_words_and_plural_groups_are_not_entities(config):
    text = (
        "Budget talks stalled. The budget was late, and Mormons in Utah worried. "
        "The Council met on Friday."
    )
    surfaces = {m.surface for m in mentions(config, text)}
    assert not surfaces & {"Budget", "Mormons", "Council"}


def test_org_with_a_title_before_it_is_a_person(config):
    found = mentions(config, "Justice Gorsuch wrote the opinion, and President Doe agreed.")
    kinds = {m.surface: m.kind for m in found}
    assert kinds.get("Gorsuch") == "Person"


def test_one_word_place_is_typed_by_the_gazetteer(config):
    found = mentions(config, "Officials in Queens and Cyprus reacted.")
    kinds = {m.surface: m.kind for m in found}
    assert kinds.get("Queens") == "Place" and kinds.get("Cyprus") == "Place"


def test_dashes_between_words_are_split(config):
    doc = config.nlp()("He kept the commissioner”—a reference to the chief—in office.")
    assert "—" in [t.text for t in doc]
    assert "commissioner" in [t.text for t in doc]


def test_headline_words_before_a_name_are_not_part_of_it(config):
    # the bare model tags "Without Biden" as one PERSON span here
    found = mentions(config, "Without Biden, the party is lost.")
    assert "Biden" in {m.surface for m in found}
    assert not any(m.surface.startswith("Without") for m in found)


def test_related_story_link_text_names_nobody(config):
    text = (
        "The bill passed despite a Friday tweet from President Trump Donald John TrumpWest "
        "Virginia announces new rules."
    )
    assert [m.surface for m in mentions_in(config.nlp()(text), config.knowledge())] == []


@pytest.mark.parametrize(
    ("text", "places"),
    [
        (
            "The party campaigned in Bristol, Kent, Cornwall, Grimsby and Penzance on Monday.",
            {"Bristol", "Kent", "Cornwall", "Grimsby"},
        ),
        ("Voters in Penrith, Grimsby, Wrexham and Dunstable were asked.", {"Grimsby", "Wrexham"}),
        (
            "Mr Roe will travel to Bexhill North, where the party holds a majority.",
            {"Bexhill North"},
        ),
    ],
)
def test_the_sentence_shows_a_place(config, text, places):
    kinds = {m.surface: m.kind for m in mentions(config, text)}
    assert {name for name in places if kinds.get(name) == "Place"} == places


def test_people_listed_with_full_names_stay_people(config):
    text = "Mary Major, John Doe and Peter Poe campaigned in Ohio and Texas."
    kinds = {m.surface: m.kind for m in mentions(config, text)}
    assert {kinds.get(n) for n in ("Mary Major", "John Doe", "Peter Poe")} == {"Person"}


def test_a_titled_person_before_where_stays_a_person(config):
    text = "The senator called State Rep. John Doe, where he delivered a message."
    kinds = {m.surface: m.kind for m in mentions(config, text)}
    assert kinds.get("John Doe") == "Person"


def test_a_spaced_dash_ends_the_title(config):
    found = mentions(config, "Photo - President Jane Roe spoke; Mayor-elect John Doe listened.")
    titles = {m.surface: m.title for m in found}
    assert titles["Jane Roe"] == "President"
    assert titles["John Doe"] == "Mayor-elect"


def test_an_honorific_inside_a_span_starts_the_name(config):
    found = mentions(config, "Debt relief for Tanzania Mr Brown has signed a deal with Tanzania.")
    assert "Tanzania Mr Brown" not in {m.surface for m in found}
    assert ("Brown", "Person") in {(m.surface, m.kind) for m in found}


def test_a_team_named_after_a_person_is_an_organisation(config):
    kinds = {m.surface: m.kind for m in mentions(config, "Team Obama hammered him again.")}
    assert kinds.get("Team Obama") == "Organization"


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("McCarthyOcasio-Cortez", True),  # a link's headline glued on the name
        ("CornynThe", True),
        ("DeSantisBiden", True),
        ("McCarthy", False),
        ("MacArthur", False),
        ("DeSantis", False),
        ("JoAnn", False),
    ],
)
def test_glued_page_furniture_is_told_from_names_with_capitals(word, expected):
    assert glued(word) is expected


def test_a_company_word_after_a_given_name_is_a_surname(config):
    found = mentions(config, "Former Mayor Michael Bloomberg thanked Bloomberg News for it.")
    assert {(m.surface, m.kind) for m in found} == {
        ("Michael Bloomberg", "Person"),
        ("Bloomberg News", "Organization"),
    }


def test_one_of_many_people_after_every_or_each_is_no_name(config):
    text = "It was an attack on every single New Yorker, said The New Yorker."
    found = mentions(config, text)
    assert [(m.kind, m.start > text.index("said")) for m in found] == [("Organization", True)]

import pytest
from spacy.tokens import Span

from kgraph.errors import KgraphError
from kgraph.extract.nlp import choose_model, mentions_in
from kgraph.extract.nlp.cleaner import date_word, glued, headline_case, without_post_nominals


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


def test_related_story_link_text_with_a_nickname_names_nobody_in_full(config):
    text = "Democrats hoped for Pete Roe Peter (Pete) Paul RoePoll: voters remain unsure."
    surfaces = {m.surface for m in mentions_in(config.nlp()(text), config.knowledge())}
    assert not any(s.startswith("Pete Roe") for s in surfaces)


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
        # a constituency, a seat one contests, a seat one is a candidate for
        ("Here in this constituency of Bethnal Green and Bow there is anger.", {"Bethnal Green"}),
        ("He said he would contest Bethnal Green, in London.", {"Bethnal Green"}),
        ("He is one of the candidates for Bethnal Green and Bow from it.", {"Bethnal Green"}),
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


def found(config, text):
    return {(m.surface, m.kind) for m in mentions(config, text)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a bracket inside the NER's span splits the name from its acronym
        (
            "The report was released by the Federal Office for Radiation Protection (BfS) "
            "on Monday.",
            {
                ("Federal Office for Radiation Protection", "Organization"),
                ("BfS", "Organization"),
            },
        ),
        # a plural owner stays inside the name, joined to the gazetteer's 'Congress'
        (
            "Delegates to the National People's Congress voted on Friday.",
            {("National People's Congress", "Organization")},
        ),
        # the NER's 'Agrarian' runs into the gazetteer's 'Democratic Party', with its 'of X'
        (
            "Delegates of the Agrarian Democratic Party of Moldova met on Monday.",
            {("Agrarian Democratic Party of Moldova", "Organization")},
        ),
        # a gazetteer alias ('Republicans') is not the end of a longer name
        (
            "House Republicans blocked the bill on Tuesday.",
            {("House", "Organization"), ("Republicans", "Organization")},
        ),
        # a lowercase word opening an organisation is no part of its name
        (
            "Inspectors from the state Department of Environmental Quality arrived on Monday.",
            {("Department of Environmental Quality", "Organization")},
        ),
        # a nickname in quotes stays inside the name
        ("Michael “Mick” Doran spoke first.", {("Michael “Mick” Doran", "Person")}),
    ],
)
def test_spans_are_cut_and_joined_at_name_boundaries(config, text, expected):
    assert found(config, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a word of the landscape ends a place's name
        (
            "Rescuers flew to Copper Falls and Bear Pass by helicopter.",
            {("Copper Falls", "Place"), ("Bear Pass", "Place")},
        ),
        # "X, <state>"
        (
            "Gusts reached 60 mph at Eagle Point, Ore., on Monday.",
            {("Eagle Point", "Place"), ("Ore.", "Place")},
        ),
        # "the town of X"
        (
            "The dam supplies the town of Ortega and the villages of Pinos and Alta Vista.",
            {("Ortega", "Place")},
        ),
        # apposed to a place noun
        (
            "Relief reached the city's poorest slum, Tondo Bajo, on Monday.",
            {("Tondo Bajo", "Place")},
        ),
        # modifying a lowercase place noun
        ("Snow closed roads in the Kalama foothills overnight.", {("Kalama", "Place")}),
        # a lone name 'near X'
        ("Hikers were rescued near Kessler after the storm.", {("Kessler", "Place")}),
        # "the X's waters"
        ("Farmers depend on the Volga's waters for irrigation.", {("Volga", "Place")}),
        # a dateline's town
        (
            "PINEHURST, Ore.\n\nThe council met on Tuesday.",
            {("PINEHURST", "Place"), ("Ore.", "Place")},
        ),
    ],
)
def test_places_are_told_by_their_neighbours(config, text, expected):
    assert found(config, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Gdansk GAZETA WYBORCZA", {("Gdansk", "Place"), ("GAZETA WYBORCZA", "Organization")}),
        (
            "Floods Hit Moravia PM0403112294 Prague CTK in English",
            {("Prague", "Place"), ("CTK", "Organization")},
        ),
    ],
)
def test_a_wire_source_line_names_its_place_and_publication(config, text, expected):
    assert found(config, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Brandt, 37, was arrested on Tuesday.", {("Brandt", "Person")}),
        ("The vote was close, Best said.", {("Best", "Person")}),
        # opening a sentence, any capitalised word may say something: the NER decides
        ("Best said the vote was close.", set()),
        # a headline in title case is not a sentence about someone speaking
        ("‘ Lasting Peace ' in Border Talks Urged", set()),
        ("Profits at the Brenner company rose.", {("Brenner", "Organization")}),
    ],
)
def test_people_and_companies_from_what_the_sentence_says(config, text, expected):
    assert found(config, text) == expected


def test_a_month_after_a_day_number_is_no_name(config):
    doc = config.nlp()("Talks resumed in Hanoi on 14 Jun after a pause.")
    month = next(t.i for t in doc if t.text == "Jun")
    assert date_word(doc[month : month + 1])
    assert not date_word(doc[month - 1 : month])


def test_an_organisation_opening_with_a_known_given_name_is_a_person(config):
    nlp = config.nlp()
    cleaner = nlp.get_pipe("kgraph_entity_cleaner")
    doc = nlp("Viktor Sergeyevich Ivanov spoke. Viktor Sergeyevich left.")
    second = [t.i for t in doc if t.text == "Viktor"][1]
    span = Span(doc, second, second + 2, label="ORG")
    assert cleaner.relabel(span, {"viktor", "ivanov"}).label_ == "PERSON"
    assert cleaner.relabel(span, {"ivanov"}).label_ == "ORG"


def test_a_participle_opening_the_sentence_is_no_part_of_a_name(config):
    text = "Praising Celtic, the minister said the club was great."
    assert [m.surface for m in mentions(config, text)] == ["Celtic"]


@pytest.mark.parametrize(
    ("text", "parties"),
    [
        ("The Connecticut GOP had endorsed Jane Roe.", []),
        ("The Connecticut GOP had endorsed former Meriden Mayor Manny Santos.", []),
        ("Roe got the endorsement of the state Republican Party.", []),
        ("Meanwhile, the state's Democratic Party has demanded that Roe resign.", []),
        ("The Republican Party endorsed Jane Roe.", ["Republican Party"]),
        ("The U.S. Democratic Party endorsed Jane Roe.", ["Democratic Party"]),
    ],
)
def test_a_state_branch_of_a_party_is_not_the_party(config, text, parties):
    knowledge = config.knowledge()
    found = [
        knowledge.lookup(m.surface).name
        for m in mentions(config, text)
        if knowledge.lookup(m.surface) is not None
        and knowledge.lookup(m.surface).subtype == "PoliticalParty"
    ]
    assert found == parties


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        ("Democratic Sens. Jane Roe and John Doe spoke.", 1),
        ("GOP Reps. Jane Roe and John Doe voted no.", 1),
        ("He voted no. Sen. Jane Roe voted yes.", 2),
        ("He lives in the U.S. He works there.", 2),
    ],
)
def test_no_sentence_starts_after_an_abbreviated_title(config, text, sentences):
    assert len(list(config.nlp()(text).sents)) == sentences


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Philippe Sands QC said", ("Philippe Sands", "PERSON")),
        ("Ann Poe OBE said", ("Ann Poe", "PERSON")),
        ("Paul Boateng MP said", ("Paul Boateng", "PERSON")),
        ("Bolton West MP said", ("Bolton West", "GPE")),  # the seat, not its member
    ],
)
def test_letters_after_a_name_are_no_part_of_it(config, text, expected):
    doc = config.nlp().make_doc(text)
    start, end, label = without_post_nominals(doc, 0, 3)
    assert (doc[start:end].text, label) == expected


def test_a_person_with_letters_after_the_name_is_the_person(config):
    found = mentions(config, "A book published by Philippe Sands QC, a lawyer, says so.")
    assert {(m.surface, m.kind) for m in found} == {("Philippe Sands", "Person")}


def test_a_military_rank_is_no_part_of_the_name(config):
    found = mentions(config, "Gen Musharraf met the general secretary. Gen. Roe agreed.")
    assert {m.surface for m in found if m.kind == "Person"} == {"Musharraf", "Roe"}


@pytest.mark.parametrize(
    "text, place",
    [
        ("He first contested the Sheffield Hallam seat in 1974.", "Sheffield Hallam"),
        ("Claims were made against councillors in the Bordesley Green ward.", "Bordesley Green"),
    ],
)
def test_the_name_of_a_seat_or_ward_is_a_place(config, text, place):
    assert (place, "Place") in {(m.surface, m.kind) for m in mentions(config, text)}


def test_a_stance_word_is_no_name_but_a_longer_name_that_begins_so_is(config):
    text = (
        "Anti-Keystone activists marched. Pro-Brexit groups and the Pro-Life Action League agreed."
    )
    assert {m.surface for m in mentions(config, text)} == {"Pro-Life Action League"}


def test_a_holiday_is_no_name(config):
    text = "Parliament returns from its Easter break. Jane Roe spoke before Thanksgiving."
    assert {m.surface for m in mentions(config, text)} == {"Jane Roe", "Parliament"}


@pytest.mark.parametrize(
    "text",
    ["Ex-Welsh Office Minister Jane Roe denied it.", "Ex-Home Office aide John Doe spoke."],
)
def test_a_status_word_left_of_an_organisation_is_no_name(config, text):
    assert not {e.text for e in config.nlp()(text).ents} & {"Ex", "Ex-"}


@pytest.mark.parametrize(
    "text, expected",
    [
        # the NER takes 'May' for a month; the knowledge base knows the MP
        ("Theresa May said the plans were inadequate.", {("Theresa May", "PERSON")}),
        # a listed name inside a longer name is no person
        ("Students at George Washington University protested.", set()),
        # another form of the given name; the NER took it for an organisation
        (
            "Vincent Cable, for the Liberal Democrats, accused him of ducking choices.",
            {("Vincent Cable", "PERSON")},
        ),
    ],
)
def test_a_listed_politician_the_ner_missed_is_a_person(config, text, expected):
    ents = {(e.text, e.label_) for e in config.nlp()(text).ents}
    assert {e for e in ents if e[1] == "PERSON"} == expected


def test_the_owner_of_a_seat_stays_a_person(config):
    kinds = {
        m.surface: m.kind
        for m in mentions(config, "Jane Roe, the candidate for Tom Poe's old seat, spoke.")
    }
    assert kinds.get("Tom Poe") == "Person"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Fractured Establishment Looks to Challenge Donald Trump", True),
        ("Labour Plans Tax Rise For Richest Families", True),
        (  # a body sentence heavy with names: its few common words are lower case
            "Born in Portsmouth, Hampshire, and educated at Portsmouth Northern Secondary "
            "School, Lord Callow joined the Inland Revenue.",
            False,
        ),
    ],
)
def test_headline_case_counts_common_words_not_names(config, text, expected):
    doc = config.nlp()(text)
    assert headline_case(doc[0:1]) is expected

"""Hand-written sentences for each pattern family of the relation extractor."""

import pytest

from tests.helpers import entity_names, relation_names


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Jane Roe met with John Doe in Washington.", ("Jane Roe", "meets", "John Doe")),
        ("Jane Roe praised John Doe for his work.", ("Jane Roe", "praises", "John Doe")),
        ("Jane Roe sharply criticized John Doe on Monday.", ("Jane Roe", "criticizes", "John Doe")),
        ("Jane Roe strongly opposes John Doe.", ("Jane Roe", "opposes", "John Doe")),
        ("Jane Roe endorsed John Doe for mayor.", ("Jane Roe", "supports", "John Doe")),
        ("Jane Roe advised John Doe on the budget.", ("Jane Roe", "advises", "John Doe")),
        ("Jane Roe threatened John Doe with a lawsuit.", ("Jane Roe", "threatens", "John Doe")),
        (
            "Jane Roe reached out to John Doe after the vote.",
            ("Jane Roe", "communicatesWith", "John Doe"),
        ),
        (
            "Jane Roe approached John Doe about running for governor.",
            ("Jane Roe", "communicatesWith", "John Doe"),
        ),
    ],
)
def test_active_verbs(extract_text, text, expected):
    assert expected in relation_names(extract_text(text))


def test_passive_voice(extract_text):
    found = relation_names(extract_text("John Doe was criticized by Jane Roe last week."))
    assert ("Jane Roe", "criticizes", "John Doe") in found


def test_coordinated_subjects(extract_text):
    found = relation_names(extract_text("Jane Roe and John Doe met at City Hall on Friday."))
    assert ("Jane Roe", "meets", "John Doe") in found or ("John Doe", "meets", "Jane Roe") in found


def test_noun_with_possessor(extract_text):
    text = "Jane Roe’s previous clashes with John Doe left relations strained."
    assert ("Jane Roe", "opposes", "John Doe") in relation_names(extract_text(text))


def test_relative_clause(extract_text):
    text = "Voters backed Mary Major, who has balanced private cooperation with John Doe."
    assert ("Mary Major", "cooperatesWith", "John Doe") in relation_names(extract_text(text))


def test_called_names_is_criticism(extract_text):
    text = "Jane Roe attacked the plan, calling John Doe a “fascist” at the rally."
    assert ("Jane Roe", "criticizes", "John Doe") in relation_names(extract_text(text))


def test_membership_by_apposition(extract_text):
    text = "Jane Roe, a member of the Democratic Socialists of America (DSA), spoke."
    found = relation_names(extract_text(text))
    assert ("Jane Roe", "memberOf", "Democratic Socialists of America") in found


def test_pronoun_subject_resolves_to_the_previous_person(extract_text):
    text = "Jane Roe won the primary. Later she praised John Doe."
    assert ("Jane Roe", "praises", "John Doe") in relation_names(extract_text(text))


def test_role_noun_resolves_to_the_post_holder(extract_text):
    text = "President Jane Roe flew home. John Doe met the president on Friday."
    found = relation_names(extract_text(text))
    assert ("John Doe", "meets", "Jane Roe") in found


def test_negation_is_kept_not_asserted(extract_text):
    extraction = extract_text("Jane Roe never met John Doe.")
    assert ("Jane Roe", "meets", "John Doe") not in relation_names(extraction)
    assert ("Jane Roe", "meets", "John Doe") in relation_names(extraction, include_negated=True)


def test_planned_meeting_is_not_a_meeting(extract_text):
    extraction = extract_text("Jane Roe will meet John Doe next week.")
    claims = [c for c in extraction.claims if c.predicate == "meets"]
    assert claims and all(c.modality == "planned" for c in claims)


def test_places_are_not_relation_arguments(extract_text):
    found = relation_names(extract_text("Jane Roe visited Brooklyn and criticized Ohio."))
    assert not any(o in ("Brooklyn", "Ohio") for _, _, o in found)


def test_evidence_is_the_verbatim_sentence(extract_text):
    text = "Intro line.\n\nJane Roe praised John Doe for his work. Other news followed."
    extraction = extract_text(text)
    claim = next(c for c in extraction.claims if c.predicate == "praises")
    assert text[claim.evidence.start : claim.evidence.end] == claim.evidence.text
    assert claim.evidence.text == "Jane Roe praised John Doe for his work."


def test_seed_relations(seed_build):
    graph = seed_build.graph
    names = {k: e.name for k, e in graph.entities.items()}
    found = {(names[s], graph.core(p), names[o]) for (s, p, o) in graph.relations()}
    assert ("Zohran Mamdani", "memberOf", "Democratic Socialists of America") in found
    assert ("Kathy Hochul", "advises", "Zohran Mamdani") in found
    assert ("Donald Trump", "opposes", "Bill de Blasio") in found
    assert ("Democratic Socialists of America", "opposes", "Donald Trump") in found


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        # "called for" asks for something; it is no phone call between the two
        (
            "Jane Roe and John Doe have called for new elections.",
            ("Jane Roe", "communicatesWith", "John Doe"),
        ),
        (
            "Jane Roe and John Doe have repeatedly called for the embargo to be lifted.",
            ("Jane Roe", "communicatesWith", "John Doe"),
        ),
        # object control: the officials investigate, not Jane Roe
        (
            "Jane Roe pressured the officials to investigate John Doe.",
            ("Jane Roe", "opposes", "John Doe"),
        ),
        # a question is not a request
        ("Jane Roe asked John Doe, “Why now?”", ("Jane Roe", "requests", "John Doe")),
        # "was joined by" at an event is company, not cooperation
        (
            "John Doe was joined by Jane Roe at the school.",
            ("Jane Roe", "cooperatesWith", "John Doe"),
        ),
        # an interview with the press is not a political contact
        (
            "Jane Roe spoke to the Associated Press on Monday.",
            ("Jane Roe", "communicatesWith", "Associated Press"),
        ),
    ],
)
def test_false_positive_patterns(extract_text, text, absent):
    assert absent not in relation_names(extract_text(text), include_negated=True)


@pytest.mark.parametrize(
    "text",
    [
        "Jane Roe avoided any criticism of John Doe.",
        "Jane Roe refused to criticize John Doe.",
        "Jane Roe tried to refrain from criticizing John Doe.",
    ],
)
def test_cancelling_verbs_negate(extract_text, text):
    extraction = extract_text(text)
    assert ("Jane Roe", "criticizes", "John Doe") not in relation_names(extraction)


def test_no_longer_a_member_is_negated(extract_text):
    extraction = extract_text("Jane Roe is no longer a member of the Green Party.")
    assert not any(c.predicate == "memberOf" and not c.negated for c in extraction.claims)


def test_praised_for_doing_gives_the_doer(extract_text):
    text = "Jane Roe praised John Doe for retaining Mary Major."
    found = relation_names(extract_text(text))
    assert ("John Doe", "appoints", "Mary Major") in found
    assert ("Jane Roe", "appoints", "Mary Major") not in found


def test_conditional_threat(extract_text):
    text = "Jane Roe warned she would cut off state funds if John Doe won."
    assert ("Jane Roe", "threatens", "John Doe") in relation_names(extract_text(text))


def test_to_infinitive_after_a_noun_inherits_its_owner(extract_text):
    text = "Jane Roe declared a pledge to work together with John Doe."
    assert ("Jane Roe", "cooperatesWith", "John Doe") in relation_names(extract_text(text))


def test_reflexive_is_not_another_person(extract_text):
    text = "John Doe spoke first. Jane Roe later defended herself in court."
    assert not any(
        s == "Jane Roe" and o == "John Doe" for s, _, o in relation_names(extract_text(text))
    )


def test_hope_and_looking_forward_are_planned(extract_text):
    for text in (
        "Jane Roe hopes to meet John Doe.",
        "Jane Roe is looking forward to meeting John Doe.",
    ):
        claims = [c for c in extract_text(text).claims if c.predicate == "meets"]
        assert claims and all(c.modality == "planned" for c in claims), text


def test_descriptor_noun_refers_to_the_person(extract_text):
    text = "Political strategist Jane Roe arrived early. John Doe later praised the strategist."
    assert ("John Doe", "praises", "Jane Roe") in relation_names(extract_text(text))


def test_the_pair_met(extract_text):
    text = "Jane Roe greeted John Doe at noon. The pair met for an hour."
    found = relation_names(extract_text(text))
    assert ("Jane Roe", "meets", "John Doe") in found or ("John Doe", "meets", "Jane Roe") in found


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Jane Roe said she met John Doe in private.", "Jane Roe"),
        # letters after a name stand for the person
        ("Tom Poe QC, a member of the Acme Chambers, says Jane Roe met John Doe.", "Tom Poe"),
    ],
)
def test_reported_speech_keeps_the_speaker(extract_text, text, speaker):
    extraction = extract_text(text)
    names = entity_names(extraction)
    claim = next(c for c in extraction.claims if c.predicate == "meets")
    assert names[claim.stated_by] == speaker


def test_subject_apposition_is_not_speech(extract_text):
    extraction = extract_text("Jane Roe, a member of the Green Party, said the plan would fail.")
    claim = next(c for c in extraction.claims if c.predicate == "memberOf")
    assert claim.stated_by is None


def test_reportedly_is_reported(extract_text):
    extraction = extract_text("Jane Roe reportedly threatened John Doe.")
    claim = next(c for c in extraction.claims if c.predicate == "threatens")
    assert claim.modality == "reported" and claim.confidence < 0.7


def test_description_glossed_by_a_reference_stands_for_the_person(extract_text):
    text = (
        "Jane Roe praised John Doe for “retaining a great budget director”—a reference to "
        "Mary Major, who served under two governors."
    )
    assert ("John Doe", "appoints", "Mary Major") in relation_names(extract_text(text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Jane Roe heaped praise on John Doe at the rally.", ("Jane Roe", "praises", "John Doe")),
        ("Jane Roe poured scorn on John Doe on Monday.", ("Jane Roe", "criticizes", "John Doe")),
        ("Jane Roe called on John Doe to resign.", ("Jane Roe", "requests", "John Doe")),
        ("Jane Roe demanded that John Doe step down.", ("Jane Roe", "requests", "John Doe")),
        ("Jane Roe backed John Doe's nomination.", ("Jane Roe", "supports", "John Doe")),
        (
            "Jane Roe, who has been an outspoken critic of John Doe, spoke on Monday.",
            ("Jane Roe", "criticizes", "John Doe"),
        ),
        (
            "Jane Roe endorsed her old friend, John Doe, in the primary.",
            ("Jane Roe", "supports", "John Doe"),
        ),
        (
            "John Doe, a senior adviser to Jane Roe, said the plan was sound.",
            ("John Doe", "advises", "Jane Roe"),
        ),
        ("Jane Roe's adviser, John Doe, spoke on Monday.", ("John Doe", "advises", "Jane Roe")),
        (
            "John Doe, a longtime supporter of Jane Roe, spoke on Monday.",
            ("John Doe", "supports", "Jane Roe"),
        ),
        ("Jane Roe lost to John Doe in the primary.", ("Jane Roe", "opposes", "John Doe")),
    ],
)
def test_news_wordings(extract_text, text, expected):
    assert expected in relation_names(extract_text(text))


def test_ally_is_cooperation(extract_text):
    found = relation_names(extract_text("John Doe, a close ally of Jane Roe, spoke on Monday."))
    assert ("John Doe", "cooperatesWith", "Jane Roe") in found or (
        "Jane Roe",
        "cooperatesWith",
        "John Doe",
    ) in found


def test_reported_subject_pronoun_is_the_reporter(extract_text):
    text = (
        "Jane Roe claimed that she had known all along that Mary Major was weak, which, "
        "she said, was why she endorsed John Doe in the primary."
    )
    found = relation_names(extract_text(text))
    assert ("Jane Roe", "supports", "John Doe") in found
    assert ("Mary Major", "supports", "John Doe") not in found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Jane Roe lashed out at John Doe on Monday.", ("Jane Roe", "criticizes", "John Doe")),
        ("Jane Roe hit out at John Doe over the budget.", ("Jane Roe", "criticizes", "John Doe")),
        ("Jane Roe hit back at John Doe on Monday.", ("Jane Roe", "criticizes", "John Doe")),
        (
            "Jane Roe hit back on John Doe's criticism of the bill.",
            ("Jane Roe", "criticizes", "John Doe"),
        ),
        ("Jane Roe took a swipe at John Doe.", ("Jane Roe", "criticizes", "John Doe")),
        ("Jane Roe took repeated shots at John Doe.", ("Jane Roe", "criticizes", "John Doe")),
        (
            "Jane Roe threw her support behind John Doe in July.",
            ("Jane Roe", "supports", "John Doe"),
        ),
        ("Jane Roe railed against John Doe at the rally.", ("Jane Roe", "criticizes", "John Doe")),
        ("Jane Roe called out John Doe for his remarks.", ("Jane Roe", "criticizes", "John Doe")),
        ("Jane Roe rebuffed John Doe's demand for a vote.", ("Jane Roe", "opposes", "John Doe")),
        ("Jane Roe was trying to unseat John Doe.", ("Jane Roe", "opposes", "John Doe")),
        ("Jane Roe beat John Doe in the Iowa caucus.", ("Jane Roe", "opposes", "John Doe")),
        ("Jane Roe will take on John Doe in November.", ("Jane Roe", "opposes", "John Doe")),
        ("Jane Roe called John Doe on Sunday.", ("Jane Roe", "communicatesWith", "John Doe")),
        (
            "Judge John Doe, an appointee of President Jane Roe, ruled on Monday.",
            ("Jane Roe", "appoints", "John Doe"),
        ),
        (
            "The senator will serve until Jane Roe's nominee, John Doe, is confirmed.",
            ("Jane Roe", "appoints", "John Doe"),
        ),
        (
            "Mary Major, a researcher at the Cato Institute who has praised John Doe, disagreed.",
            ("Mary Major", "praises", "John Doe"),
        ),
    ],
)
def test_more_news_wordings(extract_text, text, expected):
    assert expected in relation_names(extract_text(text))


def test_commenting_on_a_nomination_is_no_appointment(extract_text):
    text = "Jane Roe declined to comment on the potential nomination of John Doe."
    found = relation_names(extract_text(text), include_negated=True)
    assert not any(r == "appoints" for _, r, _ in found)


@pytest.mark.parametrize(
    ("text", "expected", "absent"),
    [
        (
            "Jane Roe won the backing of John Doe in the primary.",
            ("John Doe", "supports", "Jane Roe"),
            ("Jane Roe", "supports", "John Doe"),
        ),
        (
            "Jane Roe got the endorsement of John Doe after the debate.",
            ("John Doe", "supports", "Jane Roe"),
            ("Jane Roe", "supports", "John Doe"),
        ),
        (
            "Jane Roe has the backing of John Doe.",
            ("John Doe", "supports", "Jane Roe"),
            ("Jane Roe", "supports", "John Doe"),
        ),
        (
            "Jane Roe announced her endorsement of John Doe.",
            ("Jane Roe", "supports", "John Doe"),
            ("John Doe", "supports", "Jane Roe"),
        ),
    ],
)
def test_support_received_is_given_by_its_object(extract_text, text, expected, absent):
    found = relation_names(extract_text(text))
    assert expected in found
    assert absent not in found


@pytest.mark.parametrize(
    ("text", "claim", "modality"),
    [
        (  # the modal of the first verb does not reach a second one with its own tense
            "Jane Roe said she would support John Doe but derided him for his record.",
            ("Jane Roe", "criticizes", "John Doe"),
            "asserted",
        ),
        (
            "Jane Roe said she would support John Doe but derided him for his record.",
            ("Jane Roe", "supports", "John Doe"),
            "hypothetical",
        ),
        (  # "reports" elsewhere in the sentence does not make the claim reported
            "In contrast came Jane Roe's attack on John Doe after reports the agency found fraud.",
            ("Jane Roe", "criticizes", "John Doe"),
            "asserted",
        ),
        (
            "It was reported that Jane Roe met John Doe.",
            ("Jane Roe", "meets", "John Doe"),
            "reported",
        ),
        (  # a base-form verb coordinated under a modal keeps it
            "Jane Roe could vote to impeach and then criticize John Doe.",
            ("Jane Roe", "criticizes", "John Doe"),
            "hypothetical",
        ),
    ],
)
def test_modality_stays_in_its_clause(extract_text, knowledge, text, claim, modality):
    extraction = extract_text(text)
    names = entity_names(extraction)
    found = {
        (names[c.subject], knowledge.core_relation(c.predicate), names[c.object]): c.modality
        for c in extraction.claims
    }
    assert found.get(claim) == modality


def test_a_nouns_possessor_is_its_only_subject(extract_text):
    found = relation_names(
        extract_text("John Doe has criticized Mary Major for her criticism of Peter Poe.")
    )
    assert ("Mary Major", "criticizes", "Peter Poe") in found
    assert ("John Doe", "criticizes", "Peter Poe") not in found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Some Republicans criticized John Doe.", set()),
        ("Three Democrats praised John Doe.", set()),
        ("Republicans criticized John Doe.", {("Republican Party", "criticizes", "John Doe")}),
    ],
)
def test_counted_members_are_not_the_party(extract_text, text, expected):
    assert relation_names(extract_text(text)) == expected


@pytest.mark.parametrize(
    "text", ["MPs criticized John Doe on Monday.", "Super Pacs supported John Doe."]
)
def test_generic_groups_are_no_agents(extract_text, text):
    assert relation_names(extract_text(text)) == set()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Bob praised John Doe at the meeting.", set()),  # a given name alone is no node
        ("Warren criticized John Doe.", {("Warren", "criticizes", "John Doe")}),  # a surname too
    ],
)
def test_a_bare_given_name_is_no_argument(extract_text, text, expected):
    assert relation_names(extract_text(text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Jane Roe won the vote. Roe supporters, like Senator Mark Lane of Ohio, cheered.",
            {("Mark Lane", "supports", "Jane Roe")},
        ),
        (
            "Jane Roe's supporters, including Mark Lane, cheered.",
            {("Mark Lane", "supports", "Jane Roe")},
        ),
        (
            "Critics of Jane Roe, such as Mark Lane, spoke.",
            {("Mark Lane", "criticizes", "Jane Roe")},
        ),
        (
            "Jane Roe won the vote. Mark Lane, a longtime Roe ally, spoke.",
            {("Mark Lane", "cooperatesWith", "Jane Roe")},
        ),
        ("Jane Roe won the vote. Roe supporters rallied in Ohio.", set()),
        ("Jane Roe ran an ad accusing her GOP opponent, Rep. Mark Lane, of neglect.", set()),
        ("Rep. Mark Lane, an ardent Medicare supporter, spoke.", set()),
        ("Voters like Mark Lane backed the plan of Jane Roe's rivals.", set()),
    ],
)
def test_examples_and_compounds_of_role_nouns(extract_text, text, expected):
    found = {r for r in relation_names(extract_text(text)) if r[1] != "memberOf"}
    assert found == expected


def test_an_approach_by_a_reporter_is_contact_and_a_date_approaching_is_not(extract_text):
    found = relation_names(
        extract_text("John Doe spoke on Friday. Mr Doe was approached by reporter Carl Smith.")
    )
    assert found == {("Carl Smith", "communicatesWith", "John Doe")}
    assert not relation_names(extract_text("As the vote approached, Jane Roe and John Doe waited."))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Jane Roe has written to John Doe demanding an explanation.",
            {("Jane Roe", "communicatesWith", "John Doe")},
        ),
        ("Jane Roe wrote to The Times on Monday.", set()),
        ("Jane Roe said she would write a check to the Acme Party.", set()),
        ("Jane Roe backed a House bill on Monday.", set()),
        (
            "Jane Roe held talks with her counterpart, John Doe.",
            {("Jane Roe", "meets", "John Doe")},
        ),
        ("The talk of the town was Jane Roe and John Doe.", set()),
        ("Jane Roe praised John Doe's budget.", {("Jane Roe", "praises", "John Doe")}),
        (
            "Jane Roe backed John Doe's bid for the leadership.",
            {("Jane Roe", "supports", "John Doe")},
        ),
    ],
)
def test_letters_talks_and_what_a_person_put_forward(extract_text, text, expected):
    found = {r for r in relation_names(extract_text(text)) if r[1] != "memberOf"}
    assert found == expected


def test_what_a_rejected_idea_or_denied_claim_says_is_negated(extract_text):
    for text in (
        "Mr Mark Lane rejected the idea Mr John Doe posed a threat to the Acme Party.",
        "Jane Roe denied the claim John Doe criticized Mark Lane.",
    ):
        extraction = extract_text(text)
        assert relation_names(extraction, include_negated=True)
        assert not relation_names(extraction)

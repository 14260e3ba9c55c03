"""Exact relation sets for hand-written sentences.

Each sentence names two or more entities, and the test asserts the whole set of claims,
so an extractor that pairs every entity with every other one in the sentence fails.
"""

import pytest

from tests.helpers import relation_names


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # meets
        (
            "Senator Mary Okafor met with Governor Tom Poe on Tuesday.",
            {("Mary Okafor", "meets", "Tom Poe")},
        ),
        (
            "Jane Roe and John Doe met in Chicago on Thursday.",
            {("Jane Roe", "meets", "John Doe")},
        ),
        (
            "Jane Roe and John Doe met with Mary Okafor.",
            {("Jane Roe", "meets", "Mary Okafor"), ("John Doe", "meets", "Mary Okafor")},
        ),
        # criticizes / praises
        (
            "Jane Roe criticized John Doe over the tax plan.",
            {("Jane Roe", "criticizes", "John Doe")},
        ),
        (
            "Mary Okafor praised Tom Poe for his leadership.",
            {("Mary Okafor", "praises", "Tom Poe")},
        ),
        # supports / endorses
        ("Jane Roe supports John Doe.", {("Jane Roe", "supports", "John Doe")}),
        (
            "The Sierra Club endorsed Mary Okafor for governor.",
            {("Sierra Club", "supports", "Mary Okafor")},
        ),
        # opposes
        (
            "Mary Okafor opposed Tom Poe in the primary.",
            {("Mary Okafor", "opposes", "Tom Poe")},
        ),
        (
            "Jane Roe opposes the Republican Party.",
            {("Jane Roe", "opposes", "Republican Party")},
        ),
        # threatens, with the target in a conditional clause
        (
            "Jane Roe threatened to veto the bill if John Doe refused to negotiate.",
            {("Jane Roe", "threatens", "John Doe")},
        ),
        # advises
        (
            "Mary Okafor advises Tom Poe on foreign policy.",
            {("Mary Okafor", "advises", "Tom Poe")},
        ),
        ("John Doe, who advised Jane Roe, resigned.", {("John Doe", "advises", "Jane Roe")}),
        # appoints, including the apposition that swaps subject and object
        (
            "President Jane Roe appointed John Doe as ambassador.",
            {("Jane Roe", "appoints", "John Doe")},
        ),
        (
            "Judge Mary Okafor, an appointee of Governor Tom Poe, dismissed the case.",
            {("Tom Poe", "appoints", "Mary Okafor")},
        ),
        # requests
        (
            "Jane Roe asked John Doe to withdraw from the race.",
            {("Jane Roe", "requests", "John Doe")},
        ),
        # a joint news conference is a meeting; a conference alone is not
        (
            "Jane Roe, speaking at a joint news conference with John Doe, stressed it.",
            {("Jane Roe", "meets", "John Doe")},
        ),
        ("Jane Roe spoke at a conference with John Doe.", set()),
        # warning someone (not) to do something asks it of them; warning a person that...
        # tells them, and asks nothing; a warning of an organisation may be a speech
        (
            "Jane Roe warned John Doe not to spend the extra cash.",
            {("Jane Roe", "requests", "John Doe")},
        ),
        (
            "Jane Roe warned John Doe that the plan would fail.",
            {("Jane Roe", "communicatesWith", "John Doe")},
        ),
        ("Jane Roe warned Acme Corp that the plan would fail.", set()),
        # an evaluative predicate of someone's plans or comment
        (
            "Labour MPs met at Westminster. Jane Roe said the government's plans were inadequate.",
            {("Jane Roe", "criticizes", "Government of the United Kingdom")},
        ),
        (
            "Jane Roe said John Doe's comment was absurd.",
            {("Jane Roe", "criticizes", "John Doe")},
        ),
        ("Jane Roe said the weather was appalling.", set()),
        # names from the lexicon's list, in the news's words
        (
            "Mary Okafor called Tom Poe a disappointment of historic proportions.",
            {("Mary Okafor", "criticizes", "Tom Poe")},
        ),
        # communicatesWith, with two coordinated objects
        (
            "Mary Okafor spoke with Tom Poe by phone on Friday.",
            {("Mary Okafor", "communicatesWith", "Tom Poe")},
        ),
        (
            "Jane Roe spoke with John Doe and Mary Okafor on Friday.",
            {
                ("Jane Roe", "communicatesWith", "John Doe"),
                ("Jane Roe", "communicatesWith", "Mary Okafor"),
            },
        ),
        # cooperatesWith
        (
            "Mary Okafor worked closely with Tom Poe on the budget.",
            {("Mary Okafor", "cooperatesWith", "Tom Poe")},
        ),
        (
            "Jane Roe and John Doe worked together on the bill.",
            {("Jane Roe", "cooperatesWith", "John Doe")},
        ),
        # memberOf
        (
            "John Doe is a member of the Green Party.",
            {("John Doe", "memberOf", "Green Party")},
        ),
        (
            "Mary Okafor joined the Democratic Socialists of America in 2019.",
            {("Mary Okafor", "memberOf", "Democratic Socialists of America")},
        ),
        (
            "Mary Okafor, a member of the Working Families Party, praised Tom Poe.",
            {
                ("Mary Okafor", "memberOf", "Working Families Party"),
                ("Mary Okafor", "praises", "Tom Poe"),
            },
        ),
    ],
)
def test_exact_relations(extract_text, text, expected):
    assert relation_names(extract_text(text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a news outlet is no contact: "told the AP" / "spoke with CNN"
        ("Jane Roe told the AP that John Doe was wrong.", {("Jane Roe", "criticizes", "John Doe")}),
        ("Jane Roe spoke with CNN about John Doe.", set()),
        ("Jane Roe told the Associated Press that the plan would fail.", set()),
        # a place is no party to a meeting
        ("Jane Roe visited Ohio on Monday.", set()),
        ("Jane Roe met John Doe in Ohio.", {("Jane Roe", "meets", "John Doe")}),
        (
            "Jane Roe advised John Doe during his campaign for governor of Texas.",
            {("Jane Roe", "advises", "John Doe")},
        ),
        # an organisation named in passing is no argument
        (
            "Jane Roe endorsed John Doe in the Senate race.",
            {("Jane Roe", "supports", "John Doe")},
        ),
        # a bystander in the same sentence takes no part
        (
            "Jane Roe criticized John Doe, while Mary Okafor watched.",
            {("Jane Roe", "criticizes", "John Doe")},
        ),
        (
            "Jane Roe praised John Doe at an event hosted by Mary Okafor.",
            {("Jane Roe", "praises", "John Doe")},
        ),
        (
            "Jane Roe endorsed John Doe over Mary Okafor.",
            {("Jane Roe", "supports", "John Doe")},
        ),
        # two clauses, two pairs, never crossed
        (
            "Jane Roe praised John Doe, and Mary Okafor criticized Tom Poe.",
            {("Jane Roe", "praises", "John Doe"), ("Mary Okafor", "criticizes", "Tom Poe")},
        ),
        (
            "Jane Roe met John Doe and later criticized Mary Okafor.",
            {("Jane Roe", "meets", "John Doe"), ("Jane Roe", "criticizes", "Mary Okafor")},
        ),
        (
            "Jane Roe criticized John Doe, an ally of Mary Okafor.",
            {("Jane Roe", "criticizes", "John Doe"), ("John Doe", "cooperatesWith", "Mary Okafor")},
        ),
    ],
)
def test_false_positive_families(extract_text, text, expected):
    assert relation_names(extract_text(text), include_negated=True) == expected


@pytest.mark.parametrize(
    ("text", "triple"),
    [
        ("Jane Roe did not meet John Doe on Monday.", ("Jane Roe", "meets", "John Doe")),
        ("Jane Roe did not criticize John Doe.", ("Jane Roe", "criticizes", "John Doe")),
        ("Jane Roe has never endorsed John Doe.", ("Jane Roe", "supports", "John Doe")),
        (
            "Jane Roe dismissed reports she told John Doe she would quit.",
            ("Jane Roe", "communicatesWith", "John Doe"),
        ),
    ],
)
def test_negated_claim_is_kept_apart(extract_text, text, triple):
    extraction = extract_text(text)
    assert relation_names(extraction) == set()
    assert relation_names(extraction, include_negated=True) == {triple}
    assert all(c.negated for c in extraction.claims)


@pytest.mark.parametrize(
    ("text", "triple", "modality"),
    [
        ("Jane Roe plans to meet John Doe in March.", ("Jane Roe", "meets", "John Doe"), "planned"),
        (
            "Jane Roe could meet John Doe if the talks resume.",
            ("Jane Roe", "meets", "John Doe"),
            "hypothetical",
        ),
        (
            "Jane Roe reportedly criticized John Doe.",
            ("Jane Roe", "criticizes", "John Doe"),
            "reported",
        ),
        (
            "Jane Roe criticized John Doe over the tax plan.",
            ("Jane Roe", "criticizes", "John Doe"),
            "asserted",
        ),
        (
            "Jane Roe stands accused of conspiring with John Doe.",
            ("Jane Roe", "cooperatesWith", "John Doe"),
            "reported",
        ),
        (
            "The report followed claims of a secret meeting between Jane Roe and John Doe.",
            ("Jane Roe", "meets", "John Doe"),
            "reported",
        ),
        (
            "John Doe has broken his promise, the Acme Party claimed.",
            ("Acme Party", "criticizes", "John Doe"),
            "asserted",
        ),
        (
            "The book claimed that Jane Roe told John Doe he would quit.",
            ("Jane Roe", "communicatesWith", "John Doe"),
            "reported",
        ),
        (
            "Jane Roe's reported feud with John Doe has hurt the party.",
            ("Jane Roe", "opposes", "John Doe"),
            "reported",
        ),
    ],
)
def test_modality(extract_text, text, triple, modality):
    extraction = extract_text(text)
    assert relation_names(extraction) == {triple}
    assert [(c.modality, c.negated) for c in extraction.claims] == [(modality, False)]


# Families the relation audit found wrong: each gives exactly the claims listed.
AUDITED = [
    ("Jane Roe's decision to take over the party speaks volumes, John Doe wrote.", set()),
    ("The relationship between Jane Roe and John Doe was tested.", set()),
    ("Jane Roe will investigate John Doe.", set()),
    ("Unnamed allies of Jane Roe and John Doe said the plan had failed.", set()),
    ("Jane Roe and John Doe hosted a dinner for donors.", set()),
    ("Jane Roe and John Doe visited Ohio.", set()),
    (
        "WASHINGTON (Reuters) - Jane Roe met Senate Republicans on Tuesday.",
        {("Jane Roe", "meets", "Republican Party")},
    ),
]


@pytest.mark.parametrize(("text", "expected"), AUDITED)
def test_audited_false_positive_families(extract_text, text, expected):
    assert relation_names(extract_text(text), include_negated=True) == expected


def test_datelines_and_bylines_name_no_entity_of_the_story(extract_text):
    text = "By Mary Major\n\nWASHINGTON (Reuters) - Jane Roe praised John Doe.\n"
    extraction = extract_text(text)
    assert {e.name for e in extraction.entities} == {"Jane Roe", "John Doe"}


# Wordings the audit found missing, each with its exact claims.
MISSED_WORDINGS = [
    ("Jane Roe campaigned for John Doe in Ohio.", {("Jane Roe", "supports", "John Doe")}),
    ("Jane Roe campaigned against John Doe.", {("Jane Roe", "opposes", "John Doe")}),
    ("Jane Roe voted against John Doe.", {("Jane Roe", "opposes", "John Doe")}),
    ("Jane Roe spoke out against John Doe on Monday.", {("Jane Roe", "criticizes", "John Doe")}),
    (
        "Senators Jane Roe and Mary Major voted for John Doe.",
        {("Jane Roe", "supports", "John Doe"), ("Mary Major", "supports", "John Doe")},
    ),
]


@pytest.mark.parametrize(("text", "expected"), MISSED_WORDINGS)
def test_wordings_the_audit_found_missing(extract_text, text, expected):
    assert relation_names(extract_text(text), include_negated=True) == expected


def test_a_speaker_named_after_the_quote_states_the_claim(extract_text):
    extraction = extract_text('"Jane Roe has praised John Doe for months," argued Mary Major.')
    names = {e.key: e.name for e in extraction.entities}
    assert {
        (names[c.subject], c.predicate, names[c.object], names.get(c.stated_by))
        for c in extraction.claims
    } == {("Jane Roe", "praises", "John Doe", "Mary Major")}


# British news wordings: admiration, tributes, welcomes, scorn and rounding on someone,
# siding with, conferring, lobbying, disagreeing; each with the readings that are no relation.
NEWS_WORDINGS = [
    ("Jane Roe said she still admired John Doe.", {("Jane Roe", "praises", "John Doe")}),
    ("Jane Roe paid tribute to John Doe.", {("Jane Roe", "praises", "John Doe")}),
    ("Jane Roe paid a warm tribute to John Doe.", {("Jane Roe", "praises", "John Doe")}),
    ("Jane Roe paid John Doe a visit.", set()),
    ("Jane Roe welcomed John Doe's decision.", {("Jane Roe", "praises", "John Doe")}),
    ("Jane Roe welcomed John Doe to the party.", set()),
    ("Jane Roe was welcomed by John Doe.", set()),
    ("Jane Roe savaged John Doe.", {("Jane Roe", "criticizes", "John Doe")}),
    ("Jane Roe scorned John Doe.", {("Jane Roe", "criticizes", "John Doe")}),
    ("Jane Roe branded John Doe a liar.", {("Jane Roe", "criticizes", "John Doe")}),
    ("Jane Roe rounded on John Doe over the budget.", {("Jane Roe", "criticizes", "John Doe")}),
    ("Jane Roe dismissed John Doe as a failure.", {("Jane Roe", "criticizes", "John Doe")}),
    ("Jane Roe dismissed John Doe from the cabinet.", set()),
    ("Jane Roe sided with John Doe in the dispute.", {("Jane Roe", "supports", "John Doe")}),
    ("Jane Roe conferred with John Doe.", {("Jane Roe", "communicatesWith", "John Doe")}),
    ("Jane Roe negotiated with John Doe.", {("Jane Roe", "communicatesWith", "John Doe")}),
    ("Jane Roe lobbied John Doe to change the law.", {("Jane Roe", "requests", "John Doe")}),
    ("Jane Roe lobbied John Doe.", set()),
    ("Jane Roe disagreed with John Doe.", {("Jane Roe", "opposes", "John Doe")}),
    ("John Doe's chief aide, Jane Roe, ran the campaign.", {("Jane Roe", "advises", "John Doe")}),
    ("Jane Roe, an aide to John Doe, said so.", {("Jane Roe", "advises", "John Doe")}),
    ("Jane Roe, John Doe's chief strategist, said so.", {("Jane Roe", "advises", "John Doe")}),
    ("Jane Roe has often been at odds with John Doe.", {("Jane Roe", "opposes", "John Doe")}),
    ("Jane Roe colluded with John Doe.", {("Jane Roe", "cooperatesWith", "John Doe")}),
    # a one-way relation between exactly two parties runs both ways
    (
        "There was a clash between Jane Roe and John Doe.",
        {("Jane Roe", "opposes", "John Doe"), ("John Doe", "opposes", "Jane Roe")},
    ),
    ("The feud between Jane Roe, John Doe and Mary Major grew.", set()),
    # a description keeps its own polarity under the clause's negation
    ("John Doe failed to investigate his rival, Jane Roe.", {("Jane Roe", "opposes", "John Doe")}),
    # the one who touts backing gets it
    ("Jane Roe's campaign touted the backing of John Doe.", {("John Doe", "supports", "Jane Roe")}),
    ("Jane Roe won the Acme seat from John Doe.", {("Jane Roe", "opposes", "John Doe")}),
    ("Jane Roe won an award from John Doe.", set()),
    # evaluative predicates: the speaker criticizes the clause's subject
    ("Jane Roe said the Acme Trust was simply wrong.", {("Jane Roe", "criticizes", "Acme Trust")}),
    ("Jane Roe said John Doe had lied about the war.", {("Jane Roe", "criticizes", "John Doe")}),
    ('"John Doe is being naive," Jane Roe said.', {("Jane Roe", "criticizes", "John Doe")}),
    ("Jane Roe said John Doe had broken his promise.", {("Jane Roe", "criticizes", "John Doe")}),
    ("Jane Roe said John Doe was misled by aides.", set()),
    ("John Doe lied about the war.", set()),  # the article's own voice relates no two
    ("Jane Roe said something went wrong.", set()),
    # a verb the parser joined to an 'it was' clause is the reporter's own
    (
        "Jane Roe replied it was a mistake and called on the Acme Trust to act.",
        {("Jane Roe", "requests", "Acme Trust")},
    ),
    ("Jane Roe said John Doe was right to act.", {("Jane Roe", "praises", "John Doe")}),
    ('"John Doe has been terrific," Jane Roe said.', {("Jane Roe", "praises", "John Doe")}),
    ("Jane Roe said the Acme Party was on the right side.", set()),
    ("Jane Roe backed John Doe's powers to act.", {("Jane Roe", "supports", "John Doe")}),
    ("Jane Roe told John Doe that she would run.", {("Jane Roe", "communicatesWith", "John Doe")}),
    ("Jane Roe told Fox News that she would run.", set()),
    ("Jane Roe taunted John Doe over the wall.", {("Jane Roe", "criticizes", "John Doe")}),
    ("Jane Roe chided John Doe.", {("Jane Roe", "criticizes", "John Doe")}),
    ("Jane Roe snubbed John Doe.", {("Jane Roe", "opposes", "John Doe")}),
    ("Jane Roe greeted John Doe at the airport.", {("Jane Roe", "meets", "John Doe")}),
    ("Jane Roe huddled with John Doe on Monday.", {("Jane Roe", "meets", "John Doe")}),
    (
        "Jane Roe consulted John Doe before the vote.",
        {("Jane Roe", "communicatesWith", "John Doe")},
    ),
    ("Jane Roe pressured John Doe to resign.", {("Jane Roe", "requests", "John Doe")}),
    ("Jane Roe implored John Doe to stay.", {("Jane Roe", "requests", "John Doe")}),
    ("Jane Roe pressured John Doe.", set()),
    (
        "Jane Roe tweeted that she is communicating with Acme Trust.",
        {("Jane Roe", "communicatesWith", "Acme Trust")},
    ),
    ("Jane Roe told the Acme Gazette that she would run.", set()),
    # an apposition describes: the clause's negation is not its own
    (
        "Tom Poe has not spoken of John Doe, his former lawyer, since May.",
        {("John Doe", "advises", "Tom Poe")},
    ),
    ("Jane Roe, a lawyer for John Doe, said so.", {("Jane Roe", "advises", "John Doe")}),
    ("Jane Roe subpoenaed John Doe for his records.", {("Jane Roe", "requests", "John Doe")}),
    # a name the parser hangs on the organisation closing a role noun's phrase is the role's
    (
        "The director of the Acme Trust, Tom Poe, accused John Doe of lying.",
        {("Tom Poe", "criticizes", "John Doe")},
    ),
    ("A spokesman for Acme Corp criticised John Doe.", {("Acme Corp", "criticizes", "John Doe")}),
    # the people a plural noun is illustrated by are its arguments
    (
        "Jane Roe met senior figures such as John Doe and Tom Poe.",
        {("Jane Roe", "meets", "John Doe"), ("Jane Roe", "meets", "Tom Poe")},
    ),
    # 'as an adviser': the verb's subject, or its object when it makes someone one
    ("Jane Roe is acting as an adviser for John Doe.", {("Jane Roe", "advises", "John Doe")}),
    ("Jane Roe was hired as an adviser to John Doe.", {("Jane Roe", "advises", "John Doe")}),
    (
        "Acme Corp hired Jane Roe as an adviser to John Doe.",
        {("Acme Corp", "appoints", "Jane Roe"), ("Jane Roe", "advises", "John Doe")},
    ),
    ("Jane Roe will be gunning for John Doe.", {("Jane Roe", "opposes", "John Doe")}),
    ("Jane Roe is gunning for the top job.", set()),
    # a participle after an apposition is the apposed person's
    (
        "Jane Roe, a congressman seeking to oust John Doe, won the primary.",
        {("Jane Roe", "opposes", "John Doe")},
    ),
    # what one provides to someone's run goes to them
    (
        "Jane Roe provided advice to John Doe's presidential run.",
        {("Jane Roe", "advises", "John Doe")},
    ),
    # calling someone what one admires praises them
    ("Jane Roe called John Doe a giant of the movement.", {("Jane Roe", "praises", "John Doe")}),
    # an honorific's plural is no name: 'Gens.' is no general
    (
        "Jane Roe won the backing of generals like Gens. Tom Poe and John Doe.",
        set(),
    ),
]


@pytest.mark.parametrize(("text", "expected"), NEWS_WORDINGS)
def test_news_wordings_give_exactly_these_claims(extract_text, text, expected):
    assert relation_names(extract_text(text), include_negated=True) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a party before a noun its possessive would own stands for the party
        ("Jane Roe criticised the Labour proposals.", {("Jane Roe", "criticizes", "Labour Party")}),
        ("Jane Roe attacked Labour's unfair taxes.", {("Jane Roe", "criticizes", "Labour Party")}),
        ("Jane Roe attacked John Doe's record on tax.", {("Jane Roe", "criticizes", "John Doe")}),
        (
            "Jane Roe opened the forum with an attack on John Doe's record.",
            {("Jane Roe", "criticizes", "John Doe")},
        ),
        (
            "John Doe is the chancellor. Jane Roe praised the chancellor's record.",
            {("Jane Roe", "praises", "John Doe")},
        ),
        # one's conduct and character are one's own
        (
            "Jane Roe condemned John Doe's authoritarianism.",
            {("Jane Roe", "criticizes", "John Doe")},
        ),
        ("Jane Roe praised John Doe's honesty.", {("Jane Roe", "praises", "John Doe")}),
        # a chamber before a bill is no stand-in for it
        ("Jane Roe criticised the Senate bill.", set()),
    ],
)
def test_owned_nouns_stand_for_their_owner(extract_text, text, expected):
    assert relation_names(extract_text(text), include_negated=True) == expected

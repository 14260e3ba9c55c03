"""Table-driven tests of the pure title-string functions (no spaCy parse needed)."""

import pytest

from kgraph.extract.posts.titles import (
    parse_title,
    party_state,
    post_body,
    post_label,
    split_tokens,
    years_in,
)
from kgraph.knowledge import load_knowledge


@pytest.fixture(scope="module")
def knowledge():
    return load_knowledge()


def parsed(words, knowledge, **kwargs):
    """(post, jurisdiction, body, status) of the parsed title words, or None."""
    p = parse_title(words, knowledge, **kwargs)
    if p is None:
        return None
    return (p.title.post, p.jurisdiction, p.body, p.status)


def label_and_body(words, knowledge, **kwargs):
    p = parse_title(words, knowledge, **kwargs)
    args = (p.title, p.jurisdiction, knowledge, p.body, p.federal)
    return post_label(*args), post_body(*args)


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        # status cues
        ("former Mayor", ("Mayor", None, None, "former")),
        ("Mayor-elect", ("Mayor", None, None, "elect")),
        ("then-Governor", ("Governor", None, None, "former")),
        ("ex-President", ("President", None, None, "former")),
        ("Acting Attorney General", ("Attorney General", None, None, "acting")),
        ("Interim Police Chief", ("Police Chief", None, None, "interim")),
        ("Prime Minister-designate", ("Prime Minister", None, None, "nominee")),
        ("former acting Attorney General", ("Attorney General", None, None, "former")),
        # jurisdictions from demonyms and places
        ("French President", ("President", "France", None, "current")),
        ("British Prime Minister", ("Prime Minister", "United Kingdom", None, "current")),
        ("Venezuelan leader", ("Leader", "Venezuela", None, "current")),
        ("Texas Sen.", ("Senator", "Texas", None, "current")),
        ("Florida Gov.", ("Governor", "Florida", None, "current")),
        ("California Governor-elect", ("Governor", "California", None, "elect")),
        ("former New York City Mayor", ("Mayor", "New York City", None, "former")),
        ("Governor of California", ("Governor", "California", None, "current")),
        # bodies named before the title
        ("FBI Director", ("Director", None, "Federal Bureau of Investigation", "current")),
        ("AFL-CIO President", ("President", None, "AFL-CIO", "current")),
        ("Oversight Committee Chairman", ("Chair", None, "Oversight Committee", "current")),
        # modifiers stay in the post
        ("Deputy Attorney General", ("Deputy Attorney General", None, None, "current")),
        # a party label is neither jurisdiction nor body
        ("Republican Mayor", ("Mayor", None, None, "current")),
        ("GOP Rep.", ("Representative", None, None, "current")),
        # no title at all
        ("the weather", None),
        ("Democrat", None),
    ],
)
def test_parse_title(knowledge, words, expected):
    assert parsed(words, knowledge) == expected


@pytest.mark.parametrize(
    ("words", "kwargs", "expected"),
    [
        # a place or organisation tagged in the article
        (
            "Springfield Mayor",
            {"places": frozenset({"springfield"})},
            ("Mayor", "Springfield", None, "current"),
        ),
        (
            "Acme Board Chair",
            {"orgs": frozenset({"acme board"})},
            ("Chair", None, "Acme Board", "current"),
        ),
        # strict (apposition): the title must head the phrase
        ("the former governor", {"strict": True}, ("Governor", None, None, "former")),
        ("the mayor of Chicago", {"strict": True}, ("Mayor", "Chicago", None, "current")),
        ("a former aide to the governor", {"strict": True}, None),
    ],
)
def test_parse_title_with_article_context(knowledge, words, kwargs, expected):
    assert parsed(words, knowledge, **kwargs) == expected


@pytest.mark.parametrize(
    ("words", "label", "body"),
    [
        ("President", "President of the United States", None),
        ("French President", "President of France", None),
        ("Senator", "United States Senator", "United States Senate"),
        ("Texas Sen.", "United States Senator from Texas", "United States Senate"),
        (
            "California Rep.",
            "United States Representative from California",
            "United States House of Representatives",
        ),
        ("Texas Attorney General", "Attorney General of Texas", None),
        ("Defense Secretary", "Secretary of Defense", "Department of Defense"),
        ("White House press secretary", "Press Secretary", "White House"),
        (
            "FBI Director",
            "Director of Federal Bureau of Investigation",
            "Federal Bureau of Investigation",
        ),
        (
            "New York City Police Commissioner",
            "Police Commissioner of New York City",
            "New York City Police Department",
        ),
        ("Senate Majority Leader", "Senate Majority Leader", "United States Senate"),
    ],
)
def test_post_label_and_body(knowledge, words, label, body):
    assert label_and_body(words, knowledge) == (label, body)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Jane Roe, governor since 2019, spoke.", (2019, None)),
        ("John Doe served as mayor from 2014 to 2021.", (2014, 2021)),
        ("John Doe served from 2001 until 2005.", (2001, 2005)),
        ("John Doe was mayor from 1990-1994.", (1990, 1994)),
        ("Jane Roe (1997-2007) led the council.", (1997, 2007)),
        ("Jane Roe (1997 – 2007) led the council.", (1997, 2007)),
        ("Jane Roe was elected in 2019.", (None, None)),
        ("No years here.", (None, None)),
    ],
)
def test_years_in(sentence, expected):
    assert years_in(sentence) == expected


@pytest.mark.parametrize(
    ("text_after_name", "expected"),
    [
        ("(R-Texas)", "Texas"),
        ("(D-Calif.)", "California"),
        ("(D-N.Y.)", "New York"),
        ("(D-NY)", "New York"),
        (" (I-Vt.) said on Monday", "Vermont"),
        ("(R–Fla.)", "Florida"),
        ("(D-Calif., 12th District)", "California"),
        (", of Ohio, said", "Ohio"),
        (" of New Mexico", "New Mexico"),
        ("(R)", None),
        ("(D-Ontario)", None),
        (" said Ohio would vote", None),
    ],
)
def test_party_state(knowledge, text_after_name, expected):
    assert party_state(text_after_name, knowledge) == expected


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("then-incoming", ["then", "incoming"]),
        ("Mayor-elect", ["Mayor", "-elect"]),
        ("ex-President", ["ex", "President"]),
        ("Prime Minister - designate", ["Prime", "Minister", "-designate"]),
        ("then-Vice President-elect", ["then", "Vice", "President", "-elect"]),
        ("Secretary-General", ["Secretary-General"]),
        ("AFL-CIO President", ["AFL-CIO", "President"]),
        ("self-described Mayor", ["self-described", "Mayor"]),
    ],
)
def test_split_tokens(knowledge, words, expected):
    assert split_tokens(words, knowledge) == expected


@pytest.mark.parametrize(
    ("words", "label"),
    [
        (
            "Liberal Democrat home affairs spokesman",
            "Home Affairs Spokesperson of Liberal Democrats",
        ),
        ("Plaid Cymru's economics spokesman", "Economics Spokesperson of Plaid Cymru"),
        ("Finance Minister", "Finance Minister"),
        ("Conservative party chairman", "Chair"),  # "party" is no portfolio
        ("Justice Department spokesman", "Spokesperson of Department of Justice"),  # the head
        ("South Bend, Indiana mayor", "Mayor of South Bend, Indiana"),
        ("Labour leader", "Leader of Labour Party"),
    ],
)
def test_portfolios_heads_and_cities_in_post_labels(knowledge, words, label):
    parsed = parse_title(words, knowledge)
    assert post_label(
        parsed.title, parsed.jurisdiction, knowledge, parsed.body, parsed.federal
    ) == (label)


@pytest.mark.parametrize(
    ("words", "qualified"),
    [
        ("CTU president", True),
        ("company President", True),
        ("Republican President", False),
        ("Former President", False),
        ("French President", False),
    ],
)
def test_a_title_qualified_by_other_words_is_some_organisations(knowledge, words, qualified):
    assert parse_title(words, knowledge).qualified is qualified

import pytest

from tests.helpers import entity_names


def holdings(extraction):
    names = entity_names(extraction)
    return {(names[h.holder], h.post, h.status) for h in extraction.holdings}


def test_titles_give_posts_with_status(extract_text):
    text = (
        "New York City Mayor-elect Jane Roe met Former Mayor John Doe. "
        "New York Governor Mary Major was not there."
    )
    found = holdings(extract_text(text))
    assert ("Jane Roe", "Mayor of New York City", "elect") in found
    assert ("John Doe", "Mayor of New York City", "former") in found
    assert ("Mary Major", "Governor of New York", "current") in found


US_NEWS = "At the White House, Republicans in Congress and the Senate waited. "
UK_NEWS = "At Westminster, Labour MPs and the Tories waited. "
ROE = ("Jane Roe",)


def test_default_jurisdiction_and_demonym(extract_text):
    text = US_NEWS + "President Jane Roe called Venezuelan leader John Doe."
    found = holdings(extract_text(text))
    assert ("Jane Roe", "President of the United States", "current") in found
    assert ("John Doe", "Leader of Venezuela", "current") in found


@pytest.mark.parametrize(
    ("news", "sentence", "expected"),
    [
        (UK_NEWS, "President Jane Roe spoke.", ("Jane Roe", "President", "current")),
        ("", "President Jane Roe spoke.", ("Jane Roe", "President", "current")),
        (US_NEWS, "Union president Jane Roe spoke.", ("Jane Roe", "President", "current")),
        (US_NEWS, "CTU president Jane Roe spoke.", ("Jane Roe", "President", "current")),
        (
            UK_NEWS,
            "Prime Minister Jane Roe spoke.",
            ROE + ("Prime Minister of the United Kingdom", "current"),
        ),
        (US_NEWS, "Prime Minister Jane Roe spoke.", ("Jane Roe", "Prime Minister", "current")),
        (UK_NEWS, "Chancellor Jane Roe spoke.", ROE + ("Chancellor of the Exchequer", "current")),
        (
            UK_NEWS,
            "Shadow Chancellor Jane Roe spoke.",
            ROE + ("Shadow Chancellor of the Exchequer", "current"),
        ),
        (UK_NEWS, "German Chancellor Jane Roe spoke.", ROE + ("Chancellor of Germany", "current")),
        (UK_NEWS, "Sen. Jane Roe of the Peronist Party spoke.", ("Jane Roe", "Senator", "current")),
    ],
)
def test_a_countrys_post_is_assumed_only_in_that_countrys_news(
    extract_text, news, sentence, expected
):
    found = holdings(extract_text(news + sentence))
    assert {h for h in found if h[0] == "Jane Roe"} == {expected}


def test_the_extraction_keeps_whose_news_the_article_is(extract_text):
    british = extract_text("Labour MPs met at Westminster. The Tories voted against it.")
    assert british.country == "United Kingdom"
    assert extract_text("The council met on Monday.").country is None


def test_apposition_gives_a_post_and_its_body(extract_text):
    extraction = extract_text(
        "Jane Roe, the police commissioner, spoke to New York City reporters."
    )
    posts = {h.post: h for h in extraction.holdings}
    assert "Police Commissioner" in " ".join(posts)


def test_years_from_the_sentence(extract_text):
    extraction = extract_text("Governor Jane Roe, in office since 2022, met reporters.")
    assert any(h.start_year == 2022 for h in extraction.holdings)


def test_seed_posts(seed_build):
    graph = seed_build.graph
    tenures = {
        (graph.entities[t.holder].name, graph.entities[t.post].name, t.status)
        for t in graph.tenures
    }
    assert ("Kathy Hochul", "Governor of New York", "current") in tenures
    assert ("Eric Adams", "Mayor of New York City", "former") in tenures
    assert ("Zohran Mamdani", "Mayor of New York City", "elect") in tenures
    assert ("Donald Trump", "President of the United States", "current") in tenures


def test_organisation_before_a_title_is_the_body(extract_text):
    extraction = extract_text("AFL-CIO President Jane Roe criticized the ruling.")
    posts = {h.post: h.post_in for h in extraction.holdings}
    assert posts.get("President of AFL-CIO") == "AFL-CIO"


def test_names_and_party_words_are_not_jurisdictions(extract_text):
    found = holdings(extract_text("Republican Mayor Jane Roe met Senator John Doe."))
    assert all("Republican" not in post for _, post, _ in found)


def test_unqualified_title_takes_the_holders_own_jurisdiction(extract_text):
    text = "Russian President John Doe spoke. Later President Doe met reporters."
    found = holdings(extract_text(text))
    assert ("John Doe", "President of Russia", "current") in found
    assert ("John Doe", "President of the United States", "current") not in found


def test_status_cues_and_years(extract_text):
    found = extract_text("Acting Governor Jane Roe, who served from 2014 to 2021, spoke.")
    holding = next(h for h in found.holdings if "Governor" in h.post)
    assert holding.status == "acting"
    assert (holding.start_year, holding.end_year) == (2014, 2021)


def test_modifiers_stay_in_the_post_and_status_words_combine(extract_text):
    text = (
        "Deputy Attorney General Jane Roe met former acting Attorney General John Doe and "
        "then-incoming national security adviser Mary Major."
    )
    found = holdings(extract_text(text))
    assert ("Jane Roe", "Deputy Attorney General", "current") in found
    assert ("John Doe", "Attorney General", "former") in found
    assert any(name == "Mary Major" and "Security" in post for name, post, _ in found)


def test_committee_before_a_title_is_the_body(extract_text):
    extraction = extract_text(
        "Oversight Committee Chairman John Doe opened the hearing. "
        "U.S. Chamber of Commerce president Jane Roe spoke."
    )
    posts = {h.post: h.post_in for h in extraction.holdings}
    assert posts.get("Chair of Oversight Committee") == "Oversight Committee"
    assert posts.get("President of U.S. Chamber of Commerce") == "U.S. Chamber of Commerce"
    assert "President of the United States" not in posts


def test_title_takes_no_jurisdiction_when_the_article_gives_several(extract_text):
    text = (
        "Florida Gov. John Doe met Wisconsin Gov. Jane Roe. Gov. Doe spoke first. "
        "Later Gov. Mary Major arrived."
    )
    found = holdings(extract_text(text))
    assert ("John Doe", "Governor of Florida", "current") in found
    assert ("Jane Roe", "Governor of Wisconsin", "current") in found
    assert ("Mary Major", "Governor of Wisconsin", "current") not in found
    assert ("Mary Major", "Governor of Florida", "current") not in found


def test_party_state_tag_gives_the_congress_seat(extract_text):
    text = (
        "Sen. Jane Roe (R-Texas) and Rep. John Doe (D-Calif.) met Sen. Mary Major (D-NY). "
        "Judiciary Committee Chairman Tom Poe (D-Vt.) joined them."
    )
    extraction = extract_text(text)
    names = entity_names(extraction)
    found = {(names[h.holder], h.post, h.post_in) for h in extraction.holdings}
    assert ("Jane Roe", "United States Senator from Texas", "United States Senate") in found
    representative = "United States Representative from California"
    assert ("John Doe", representative, "United States House of Representatives") in found
    assert ("Mary Major", "United States Senator from New York", "United States Senate") in found
    assert not any(post.startswith("United States") for name, post, _ in found if name == "Tom Poe")


def test_appositions_give_posts_and_status(extract_text):
    text = (
        "John Doe, a former governor of Ohio, met Jane Roe, the Republican nominee for governor. "
        "Mary Major, who served as mayor from 2014 to 2021, greeted Tom Poe, a former aide "
        "to the governor."
    )
    found = holdings(extract_text(text))
    assert ("John Doe", "Governor of Ohio", "former") in found
    assert any(n == "Jane Roe" and "Governor" in p and s == "nominee" for n, p, s in found)
    assert any(n == "Mary Major" and "Mayor" in p and s == "former" for n, p, s in found)
    assert not any(name == "Tom Poe" for name, _, _ in found)


def test_apposition_after_a_party_state_tag(extract_text):
    text = "Sen. Jane Roe (D-Colo.), the chairman of the Senate Rules Committee, spoke."
    found = holdings(extract_text(text))
    assert ("Jane Roe", "Chair of Senate Rules Committee", "current") in found


def test_cabinet_titles(extract_text):
    found = holdings(extract_text(UK_NEWS + "Defence Secretary Jane Roe spoke."))
    assert ("Jane Roe", "Defence Secretary of the United Kingdom", "current") in found
    found = holdings(extract_text(US_NEWS + "Treasury Secretary John Doe spoke."))
    assert ("John Doe", "Secretary of the Treasury", "current") in found


def test_place_after_the_name_and_served_as_with_an_adverb(extract_text):
    text = (
        "Mayor Jane Roe of Springfield met Sen. John Doe of New York. Mary Major, who "
        "previously served as attorney general under President Tom Poe from 1991-1993, spoke."
    )
    extraction = extract_text(text)
    found = holdings(extraction)
    assert ("Jane Roe", "Mayor of Springfield", "current") in found
    assert ("John Doe", "United States Senator from New York", "current") in found
    assert ("Mary Major", "Attorney General", "former") in found
    whip = holdings(extract_text("Majority Whip Jane Roe of Illinois spoke."))
    assert ("Jane Roe", "Majority Whip of Illinois", "current") not in whip
    assert not any(name == "Tom Poe" and "Attorney" in post for name, post, _ in found)
    served = next(h for h in extraction.holdings if h.post == "Attorney General")
    assert (served.start_year, served.end_year) == (1991, 1993)


def test_state_tag_for_governors_prefixed_status_and_party_labels(extract_text):
    found = holdings(extract_text(UK_NEWS + "Critics said ex-Home Secretary John Doe was wrong."))
    assert ("John Doe", "Home Secretary of the United Kingdom", "former") in found
    text = (
        "Gov. Jane Roe (R-Ky.) agreed. GOP Rep. Mary Major disagreed. Labour leader Tom Poe spoke."
    )
    extraction = extract_text(US_NEWS + text)
    found = holdings(extraction)
    assert ("Jane Roe", "Governor of Kentucky", "current") in found
    assert ("Mary Major", "United States Representative", "current") in found
    assert ("Tom Poe", "Leader of Labour Party", "current") in found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            UK_NEWS + "Liberal Democrat home affairs spokesman Jane Roe said no.",
            ("Jane Roe", "Home Affairs Spokesperson of Liberal Democrats", "current"),
        ),
        (UK_NEWS + "Finance Minister Jane Roe spoke.", ("Jane Roe", "Finance Minister", "current")),
        (
            US_NEWS + "The attacks came after company President Jane Roe spoke out.",
            ("Jane Roe", "President", "current"),
        ),
    ],
)
def test_words_qualifying_a_title_name_its_portfolio_or_its_organisation(
    extract_text, text, expected
):
    assert {h for h in holdings(extract_text(text)) if h[0] == "Jane Roe"} == {expected}


def test_a_post_glossed_as_a_reference_to_a_person_is_theirs(extract_text):
    text = (
        US_NEWS + "New York City Mayor John Doe spoke. He praised the city for “keeping a fine "
        "police commissioner”—a reference to Jane Roe, who took office in May."
    )
    found = holdings(extract_text(text))
    assert {h for h in found if h[0] == "Jane Roe"} == {
        ("Jane Roe", "Police Commissioner of New York City", "current")
    }


def test_a_city_post_takes_no_city_the_article_does_not_name(extract_text):
    found = holdings(extract_text(US_NEWS + "Police Commissioner Jane Roe spoke."))
    assert {h for h in found if h[0] == "Jane Roe"} == {
        ("Jane Roe", "Police Commissioner", "current")
    }


def test_a_title_after_an_indefinite_article_names_no_holder(extract_text):
    text = US_NEWS + "Analysts said a President Jane Roe would sign it; Governor John Doe agreed."
    found = holdings(extract_text(text))
    assert not any(name == "Jane Roe" for name, _, _ in found)
    assert ("John Doe", "Governor", "current") in {(n, p.split(" of ")[0], s) for n, p, s in found}


def test_an_apposition_without_an_article_gives_a_post(extract_text):
    text = "The deal is off, said John Doe, spokesman for the Federal Aviation Administration."
    found = holdings(extract_text(text))
    assert ("John Doe", "Spokesperson of Federal Aviation Administration", "current") in found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a hyphenated title after the organisation's name
        (
            "said Acme League Secretary-General Jane Roe.",
            {("Jane Roe", "Secretary-General of Acme League", "Acme League")},
        ),
        # a title that names its body keeps it outside that country's news
        (
            "Mason assured her that HHS Secretary Jane Roe is right.",
            {
                (
                    "Jane Roe",
                    "Secretary of Health and Human Services",
                    "Department of Health and Human Services",
                )
            },
        ),
        # the organisation after "chairman of", past a lowercase suffix
        (
            "Jane Roe, chairman of Acme West inc., said it will grow.",
            {("Jane Roe", "Chair of Acme West inc", "Acme West inc")},
        ),
        (
            "said Jane Roe, director-general of Acme Information, at the opening.",
            {("Jane Roe", "Director-General of Acme Information", "Acme Information")},
        ),
    ],
)
def test_posts_of_organisations_named_with_the_title(extract_text, text, expected):
    extraction = extract_text(text)
    names = entity_names(extraction)
    assert {(names[h.holder], h.post, h.post_in) for h in extraction.holdings} == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a predicate after the name, past a parenthesis of dates
        (
            "Jane Roe (born 3 May 1950) is a lawyer and politician serving as the 37th and "
            "current President of Acmeland since 2016.",
            {("Jane Roe", "President of Acmeland", "current")},
        ),
        (
            "Jane Roe (May 1, 1936 – May 2, 2009) was President of Acmeland from 1989 to 1994.",
            {("Jane Roe", "President of Acmeland", "former")},
        ),
        (
            "Jane Roe reigned as Queen of Acmeland from 1930.",
            {("Jane Roe", "Queen of Acmeland", "former")},
        ),
        (
            "John Doe was an Acmelandic politician who was the second President of Acmeland.",
            {("John Doe", "President of Acmeland", "former")},
        ),
        # the title before a comma and the name
        (
            "He was released by the French President, John Doe, on 2 June.",
            {("John Doe", "President of France", "current")},
        ),
        # a title of a place written out before the name
        (
            "It is an article by then-President of the Acmeland Republic Jane Roe about it.",
            {("Jane Roe", "President of Acmeland Republic", "former")},
        ),
        # the title as the subject of "is"
        (
            "The regional commissioner of the Acme Region is Dr. Jane Roe.",
            {("Jane Roe", "Commissioner of Acme Region", "current")},
        ),
        # a verb that makes the person the holder
        (
            "The assembly elected John Doe the president of Acmeland on Monday.",
            {("John Doe", "President of Acmeland", "current")},
        ),
        (
            "Martin appointed Jane Roe Deputy Leader of the Acme Party after the vote.",
            {("Jane Roe", "Deputy Leader of Acme Party", "current")},
        ),
        ("The board named John Doe to the panel.", set()),
        ("The winner is Jane Roe.", set()),
        # a title before the name does not reach across a sentence end
        (
            "He held offices, including Associate Judge of the Acme County Court. "
            "Jane Roe was elected to Congress.",
            set(),
        ),
        # capitalised words after "of" that name no place or body may begin the name
        ("It was run by the former CEO of Acme Jane Roe.", set()),
        # the portfolio after "of" is the post's; a letter names no place
        (
            "The talks were between United States Secretary of War John Doe and others.",
            {("John Doe", "Secretary of War", "current")},
        ),
        (
            "John Doe was a leader of Party X in Acmeland (1990–1995).",
            {("John Doe", "Leader of Party X", "former")},
        ),
        # the UK Speaker is no Speaker of the US House
        (
            "It was unveiled by the Speaker of the House of Commons, Jane Roe.",
            {("Jane Roe", "Speaker of the House of Commons", "current")},
        ),
        # a predicate that names no post of the person
        ("Jane Roe is a lawyer.", set()),
        ("Jane Roe was a candidate for governor of Acmeland.", set()),
        ("Jane Roe was a guest of the President on Monday.", set()),
    ],
)
def test_predicates_and_titles_around_the_name_give_posts(extract_text, text, expected):
    assert holdings(extract_text(text)) == expected


def test_an_unplaced_title_takes_the_holders_known_office(extract_text):
    found = holdings(extract_text("At the summit, Prime Minister Stephen Harper greeted them."))
    assert found == {("Stephen Harper", "Prime Minister of Canada", "current")}
    found = holdings(extract_text("At the summit, union president Stephen Harper greeted them."))
    assert found == {("Stephen Harper", "President", "current")}


def test_a_country_after_the_name_places_a_title_that_defaults_to_another(extract_text):
    found = holdings(extract_text(US_NEWS + "President Jane Roe of France met the press."))
    assert {(h, p) for h, p, _ in found if h == "Jane Roe"} == {("Jane Roe", "President of France")}
    found = holdings(extract_text(US_NEWS + "President Jane Roe met the press."))
    assert {(h, p) for h, p, _ in found if h == "Jane Roe"} == {
        ("Jane Roe", "President of the United States")
    }


def test_a_party_adjective_names_the_body_of_a_party_title_only(extract_text):
    found = holdings(extract_text(UK_NEWS + "Conservative leader Jane Roe spoke."))
    assert {(h, p) for h, p, _ in found if h == "Jane Roe"} == {
        ("Jane Roe", "Leader of Conservative Party")
    }
    found = holdings(extract_text(UK_NEWS + "Conservative MP Jane Roe spoke."))
    assert {(h, p) for h, p, _ in found if h == "Jane Roe"} == {
        ("Jane Roe", "Member of Parliament")
    }


def test_a_co_chair_is_a_post_of_the_body_named(extract_text):
    found = holdings(extract_text(UK_NEWS + "Tory co-chairman Jane Roe spoke."))
    assert {(h, p) for h, p, _ in found if h == "Jane Roe"} == {
        ("Jane Roe", "Co-Chair of Conservative Party")
    }


def test_an_abbreviated_title_after_a_comma_is_the_next_names(extract_text):
    extraction = extract_text("Reacting to John Doe, Sen. Jane Roe said Doe was wrong.")
    names = {e.key: e.name for e in extraction.entities}
    assert {(names[h.holder], h.post) for h in extraction.holdings} == {("Jane Roe", "Senator")}


def test_a_national_title_takes_the_country_the_article_is_about(extract_text):
    text = (
        "Ecuador votes on Sunday. Ecuadorian voters are tired, and Ecuador's economy is weak. "
        "President Jane Roe is expected to win. Mayor John Doe disagrees."
    )
    found = holdings(extract_text(text))
    assert ("Jane Roe", "President of Ecuador", "current") in found
    assert not any("Ecuador" in post for name, post, _ in found if name == "John Doe")


def test_no_country_when_two_are_named_alike(extract_text):
    text = "Ecuador and Peru met. Ecuador and Peru agreed. President Jane Roe spoke."
    found = holdings(extract_text(text))
    assert not any("Ecuador" in post or "Peru" in post for _, post, _ in found)


def test_demonyms_name_the_countries_of_posts(extract_text):
    found = holdings(extract_text("Kenyan President Jane Roe met Soviet leader John Doe."))
    assert ("Jane Roe", "President of Kenya", "current") in found
    assert ("John Doe", "Leader of Soviet Union", "current") in found


def test_a_head_of_states_title_is_not_lent_to_another_holder(extract_text):
    found = holdings(
        extract_text("French President Jane Roe reacted coolly. He met President John Doe.")
    )
    assert ("Jane Roe", "President of France", "current") in found
    assert not any("France" in post for name, post, _ in found if name == "John Doe")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Jane Roe resigned as home secretary last week.",
            {("Jane Roe", "Home Secretary", "former")},
        ),
        (
            "Jane Roe, who quit as Tory deputy chairman, spoke.",
            {("Jane Roe", "Deputy Chair of Conservative Party", "former")},
        ),
        ("Jane Roe will step down as home secretary.", set()),  # she still holds it
    ],
)
def test_a_post_left_is_a_former_holding(extract_text, text, expected):
    assert holdings(extract_text(text)) == expected


def test_a_newly_appointed_holder_holds_the_post(extract_text):
    found = holdings(extract_text("Jane Roe, the newly-appointed Acme Party leader, said so."))
    assert found == {("Jane Roe", "Leader of Acme Party", "current")}


def test_a_long_time_holder_holds_the_post(extract_text):
    found = holdings(extract_text("Jane Roe, the long-time Acme Party leader, lost the vote."))
    assert found == {("Jane Roe", "Leader of Acme Party", "current")}


def test_a_party_word_before_a_uk_title_keeps_its_national_post(extract_text):
    text = (
        "MPs at Westminster and in the Commons voted. Conservative shadow chancellor Jane Roe "
        "said so. Earlier, ex-Conservative chancellor John Doe welcomed it."
    )
    found = holdings(extract_text(text))
    assert ("Jane Roe", "Shadow Chancellor of the Exchequer", "current") in found
    assert ("John Doe", "Chancellor of the Exchequer", "former") in found


def test_a_shadow_post_keeps_its_country_without_home_cues(extract_text):
    found = holdings(extract_text("Liberal Democrat shadow chancellor Jane Roe warned of cuts."))
    assert found == {("Jane Roe", "Shadow Chancellor of the Exchequer", "current")}


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Trade and Industry Secretary Jane Roe spoke.",
            ("Jane Roe", "Trade and Industry Secretary"),
        ),
        ("Culture, Media and Sport Secretary Jane Roe spoke.", ("Jane Roe", "Culture Secretary")),
        ("Home Affairs spokesman John Doe spoke.", ("John Doe", "Home Affairs Spokesperson")),
        (
            "Food and Rural Affairs Secretary Jane Roe spoke.",
            ("Jane Roe", "Rural Affairs Secretary"),
        ),
    ],
)
def test_a_portfolio_before_a_post_is_the_post_s_and_no_organisation(
    extract_text, sentence, expected
):
    extraction = extract_text(UK_NEWS + sentence)
    posts = {(n, p.removesuffix(" of the United Kingdom")) for n, p, _ in holdings(extraction)}
    assert expected in posts
    names = {e.name for e in extraction.entities} - {expected[0]}
    assert names == {"Labour Party", "Conservative Party", "Parliament of the United Kingdom"}

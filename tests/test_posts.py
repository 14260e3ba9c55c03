def holdings(extraction):
    names = {e.key: e.name for e in extraction.entities}
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


def test_default_jurisdiction_and_demonym(extract_text):
    found = holdings(extract_text("President Jane Roe called Venezuelan leader John Doe."))
    assert ("Jane Roe", "President of the United States", "current") in found
    assert ("John Doe", "Leader of Venezuela", "current") in found


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

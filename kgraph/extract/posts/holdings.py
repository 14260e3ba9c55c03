"""Holdings: who holds which post, from the titles and appositions around each person.

"New York Governor Jane Roe" -> Jane Roe holds "Governor of New York" (current);
"Former Mayor John Doe" -> John Doe holds "Mayor of <the city this article's mayors
govern>" (former); "President X" of a person the knowledge base lists in one country's
presidency -> President of that country. Status comes from the cue words in the text,
years from "since 2022" or "from 2014 to 2021" in the same sentence.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from spacy.tokens import Doc

from ...knowledge import Knowledge, Title, normalize
from ...knowledge.english import NATIONAL_HEAD_POSTS
from ...knowledge.people import known_jurisdiction
from ...records import Evidence, Holding, Mention
from ..text import sentence_evidence, text_of
from .titles import (
    APPOSITION,
    INNER_PREDICATE,
    LEFT_AS,
    MADE_HOLDER,
    OBJECT_TITLE,
    PARTY_STATE,
    PREDICATE,
    PREDICATE_STATUS,
    SERVED_AS,
    STATE_AFTER,
    STATUS_RANK,
    TITLE_COMMA,
    TITLE_IS,
    TITLE_OF_BEFORE,
    Parsed,
    parse_title,
    party_state,
    post_body,
    post_label,
    us_states,
    years_in,
)

# An article is a country's news when that country's cue words occur this often (and twice
# as often as another's).
COUNTRY_MIN_CUES = 3
COUNTRY_MIN_MENTIONS = 2


# ". Jane" right after a one-word apposition: an abbreviated title of the name that follows
ABBREVIATED_TITLE_NEXT = re.compile(r"^\.\s+[A-Z]")
MAX_ABBREVIATION = 5  # "Sen", "Rep", "Gov", "Lt"


def holdings_in(
    doc: Doc,
    mentions: list[Mention],
    keys: list[str],
    knowledge: Knowledge,
    country: str | None,
) -> list[Holding]:
    """Every (person, post) pair the article's titles and appositions state; ``country``
    is the article's (``article_country``)."""
    text = text_of(doc)
    sentences = list(doc.sents)
    places = frozenset(normalize(e.text) for e in doc.ents if e.label_ in ("GPE", "LOC"))
    orgs = frozenset(normalize(e.text) for e in doc.ents if e.label_ == "ORG")
    found: list[tuple[str, Parsed, Evidence]] = []
    congress_state: dict[str, str] = {}
    congress_hint: dict[str, tuple[str, Evidence]] = {}
    for mention, key in zip(mentions, keys, strict=True):
        if not key.startswith("Person:"):
            continue
        evidence = sentence_evidence(sentences[mention.sentence])
        after = text[mention.end : mention.end + 40]
        state = party_state(after, knowledge)
        if state:
            congress_state.setdefault(key, state)
        of_place = STATE_AFTER.match(after)
        local = None  # "Mayor Jane Roe of Springfield"
        if of_place:
            words = re.split(r"\.\s", of_place.group(1))[0].rstrip(".")
            for size in (2, 1):
                phrase = " ".join(words.split()[:size])
                if normalize(phrase) in places or knowledge.is_place(phrase):
                    local = phrase
                    break
        for words, strict, status, needs_place in titles_of(mention, text):
            parsed = parse_title(words, knowledge, places, orgs, strict=strict)
            if parsed is None or (needs_place and not placed(parsed)):
                continue  # "former CEO of Acme X": the words after "of" may begin the name
            if status and STATUS_RANK[status] > STATUS_RANK.get(parsed.status, 0):
                parsed = replace(parsed, status=status)
            if (
                local
                and not strict
                and not parsed.federal
                and parsed.jurisdiction is None
                and parsed.body is None
                and (parsed.title.default_jurisdiction is None or is_country(local, knowledge))
                and (
                    local not in us_states(knowledge)
                    or normalize(parsed.title.post) in knowledge.posts.state_titles
                )
            ):
                parsed = replace(parsed, jurisdiction=local)
            found.append((key, parsed, evidence))
            if state and not parsed.federal:
                chamber = " ".join([words, parsed.body or ""])
                for word in ("Senate", "House"):
                    if re.search(rf"\b{word}\b", chamber):
                        congress_hint.setdefault(key, (word, evidence))
    # "Sen. X (R-Texas)", or a member of a Senate or House committee with a state tag
    federal_keys = {key for key, parsed, _ in found if parsed.federal}
    titles = {"Senate": "senator", "House": "representative"}
    for key, (chamber, evidence) in congress_hint.items():
        if key not in federal_keys and knowledge.title(titles[chamber]):
            title = knowledge.title(titles[chamber])
            federal = knowledge.posts.federal.get(titles[chamber])
            found.append((key, Parsed(title, None, "current", "", None, federal), evidence))
    # an unqualified title takes the jurisdiction the article gives the same holder's title
    # ("Russian President Putin" ... "President Putin"), else the one jurisdiction the
    # article gives that title (never a guess between several: two governors of two states)
    by_title: dict[str, Counter] = {}
    by_holder: dict[tuple[str, str], Counter] = {}
    for key, parsed, _ in found:
        post, jurisdiction = parsed.title.post, parsed.jurisdiction
        if jurisdiction and (
            not knowledge.lookup(jurisdiction) or knowledge.is_place(jurisdiction)
        ):
            by_title.setdefault(post, Counter())[jurisdiction] += 1
        if jurisdiction or parsed.body:
            by_holder.setdefault((key, post), Counter())[(jurisdiction, parsed.body)] += 1
    holdings = []
    seen = set()
    data = knowledge.posts
    foreign = (
        None if country or any_country_cue(text, knowledge) else dominant_country(text, knowledge)
    )
    for key, parsed, evidence in found:
        title, jurisdiction, body = parsed.title, parsed.jurisdiction, parsed.body
        in_state = parsed.federal or normalize(title.post) in data.state_titles
        if in_state and key in congress_state and jurisdiction is None and body is None:
            jurisdiction = congress_state[key]
        elif jurisdiction is None and body is None and (key, title.post) in by_holder:
            jurisdiction, body = by_holder[(key, title.post)].most_common(1)[0][0]
        if (
            jurisdiction is None
            and body is None
            and not parsed.qualified
            and title.post_in is None
            and parsed.federal is None
        ):  # "President Jane Roe" of a person the knowledge base knows in that post
            name = key.split(":", 1)[1]
            jurisdiction = known_jurisdiction(name, title.post, knowledge.is_place)
        federal = parsed.federal
        unplaced = jurisdiction is None and body is None
        if unplaced and not parsed.qualified and foreign and national_title(title):
            # "President X" in news about Ecuador, unless the KB has X president elsewhere
            name = key.split(":", 1)[1]
            jurisdiction = known_jurisdiction(name, title.post, knowledge.is_place) or foreign
            unplaced = False
        opposition = title.post.startswith("Shadow ")  # a shadow post exists in one system
        if (
            unplaced
            and not opposition
            and (parsed.qualified or title.default_jurisdiction not in (None, country))
        ):
            # "President X" names the US president only in US news: elsewhere no country;
            # a title that names its body ("HHS Secretary") keeps the body
            post_in = title.post_in if names_its_body(parsed.written, title, knowledge) else None
            title, federal = replace(title, default_jurisdiction=None, post_in=post_in), None
        if (
            unplaced
            and title.default_jurisdiction is None
            and len(by_title.get(title.post, ())) == 1
            and not national_title(title)  # "French President X ... President Y": Y is not
        ):
            jurisdiction = next(iter(by_title[title.post]))
        elif unplaced and title.post_in_by_jurisdiction:
            # a city's post in an article about one of its cities: the police commissioner
            # of an article whose mayor is New York City's is New York City's
            towns = dict(title.post_in_by_jurisdiction).keys()
            cities = {j for counts in by_title.values() for j in counts} & towns
            if len(cities) == 1:
                jurisdiction = next(iter(cities))
        place = jurisdiction or (title.default_jurisdiction if body is None else None)
        title = national_post(title, place, knowledge)
        start, end = years_in(evidence.text)
        holding = Holding(
            holder=key,
            post=post_label(title, jurisdiction, knowledge, body, federal),
            evidence=evidence,
            status=parsed.status,
            post_in=post_body(title, jurisdiction, knowledge, body, federal),
            start_year=start,
            end_year=end,
        )
        marker = (holding.holder, holding.post, holding.status, evidence.start)
        if marker not in seen:
            seen.add(marker)
            holdings.append(holding)
    return holdings


def is_country(place: str, knowledge: Knowledge) -> bool:
    """'President X of Pakistan': a country the demonyms name (the title's default
    country gives way to it)."""
    known = knowledge.lookup(place)
    return known is not None and known.name in knowledge.demonyms.values()


def names_its_body(written: str, title: Title, knowledge: Knowledge) -> bool:
    """Whether the title words themselves name the organisation the post belongs to:
    'HHS Secretary' names the Department of Health and Human Services, 'President' none."""
    if title.post_in is None:
        return False
    body = knowledge.lookup(title.post_in)
    words = written.split()
    for size in range(len(words), 0, -1):
        for start in range(len(words) - size + 1):
            known = knowledge.lookup(" ".join(words[start : start + size]))
            if known is not None and body is not None and known.name == body.name:
                return True
    return False


def article_country(text: str, knowledge: Knowledge) -> str | None:
    """The country whose news this is, from its cue words ('Congress', 'Westminster', 'MPs'):
    the one with at least ``COUNTRY_MIN_CUES`` hits and twice the hits of any other."""
    hits = sorted(
        ((sum(len(p.findall(text)) for p in patterns), country)
         for country, patterns in knowledge.country_cues.items()),
        reverse=True,
    )  # fmt: skip
    if not hits or hits[0][0] < COUNTRY_MIN_CUES:
        return None
    if len(hits) > 1 and hits[0][0] < 2 * hits[1][0]:
        return None
    return hits[0][1]


def any_country_cue(text: str, knowledge: Knowledge) -> bool:
    """Whether the text has any of the home-country cues ('Congress', 'MPs'): news from
    there may name a foreign country often and still mean its own president."""
    return any(p.search(text) for patterns in knowledge.country_cues.values() for p in patterns)


def dominant_country(text: str, knowledge: Knowledge) -> str | None:
    """The country an article without home-country cues is about: named (or its people
    named) at least ``COUNTRY_MIN_MENTIONS`` times and twice as often as any other."""
    names: dict[str, list[str]] = {country: [country] for country in knowledge.countries}
    for demonym, country in knowledge.demonyms.items():
        if country in names:
            names[country].append(demonym)
    counts = sorted(
        ((sum(len(re.findall(rf"\b{re.escape(n)}\b", text)) for n in words), country)
         for country, words in names.items()),
        reverse=True,
    )  # fmt: skip
    if not counts or counts[0][0] < COUNTRY_MIN_MENTIONS:
        return None
    if len(counts) > 1 and counts[0][0] < 2 * counts[1][0]:
        return None
    return counts[0][1]


def national_title(title: Title) -> bool:
    """A head of state's or government's title, held for a country: 'President', 'Prime
    Minister', 'King' (not 'Mayor', not 'Senator')."""
    return title.post in NATIONAL_HEAD_POSTS


def national_post(title: Title, place: str | None, knowledge: Knowledge) -> Title:
    """A title's post under its national name: 'Chancellor' in the United Kingdom is the
    Chancellor of the Exchequer ('Shadow Chancellor': Shadow Chancellor of the Exchequer)."""
    for country, post, post_in in title.national_posts:
        if place == country:
            base = knowledge.titles[normalize(title.title)].post
            prefix = title.post[: -len(base)] if title.post.endswith(base) else ""
            return replace(
                title,
                post=prefix + post,
                post_in=post_in or title.post_in,
                default_jurisdiction=None,
            )
    return title


# "a great police commissioner”—a reference to X": the phrase before the gloss is X's post
REFERENCE_GLOSS = re.compile(
    r"(?P<phrase>(?:[A-Za-z.-]+ ){0,3}[A-Za-z.-]+)[”\"’']?\s*[—–-]+\s*"
    r"(?:an? )?(?:clear |apparent |obvious |thinly veiled )?(?:reference|allusion|nod) to $"
)


def titles_of(mention: Mention, text: str) -> list[tuple[str, bool, str | None, bool]]:
    """Title words before the name, and after it in an apposition (', the police chief,'),
    each with whether it must be the head of its phrase, the status the clause gives, and
    whether the words after its "of" must name a place, body or portfolio (a capitalised
    word before the name may begin the name instead)."""
    titles: list[tuple[str, bool, str | None, bool]] = []
    if mention.title and not indefinite_before(mention, text):
        titles.append((mention.title, False, None, False))
    glossed = REFERENCE_GLOSS.search(text[max(0, mention.start - 120) : mention.start])
    if glossed:  # "retaining a great police commissioner”—a reference to X"
        titles.append((glossed.group("phrase"), False, None, False))
    following = text[mention.end : mention.end + 160]
    tag = PARTY_STATE.match(following)  # "Sen. X (R-Texas), the chairman of ..."
    if tag:
        following = following[tag.end() :]
    before = text[max(0, mention.start - 80) : mention.start]
    named = TITLE_COMMA.search(before)
    if named and not mention.title:  # "the Russian President, Dmitry Medvedev,"
        titles.append((named.group("phrase"), True, None, False))
    named = TITLE_OF_BEFORE.search(before)
    if named and not mention.title:  # "then-President of the United States Barack Obama"
        titles.append((named.group("phrase").strip(), True, None, True))
    named = TITLE_IS.search(before)
    if named and not mention.title:  # "The police chief of Acme is Dr. X."
        status = PREDICATE_STATUS.get(named.group("verb"))
        titles.append((named.group("phrase"), True, status, False))
    made = OBJECT_TITLE.match(following) if MADE_HOLDER.search(before) else None
    if made:  # "the board elected X the president of Acme"
        titles.append((made.group("phrase"), True, None, False))
    predicate = PREDICATE.match(following)
    if predicate:  # "X (born 1940) is the 37th President of Brazil since 2016"
        phrase = predicate.group("phrase")
        inner = INNER_PREDICATE.search(phrase)
        verb = (inner.group("verb") if inner else predicate.group("verb")) or ""
        words = inner.group("phrase") if inner else phrase
        titles.append((words, True, PREDICATE_STATUS.get(verb), False))
    match = APPOSITION.match(following)
    if (
        match
        and len(match.group(1)) <= MAX_ABBREVIATION
        and ABBREVIATED_TITLE_NEXT.match(following[match.end(1) :])
    ):
        match = None  # "reacting to Doe, Sen. Jane Roe said": the title is the next name's
    if match:
        was = re.match(r"^\s*,\s+who (?:was|had been) ", following)
        titles.append((match.group(1), True, "former" if was else None, False))
    else:
        left = LEFT_AS.match(following)
        if left:  # "X resigned as home secretary last week"
            titles.append((left.group(1), True, "former", False))
        match = None if left else SERVED_AS.match(following)
        if match:
            verb = match.group(1)
            status = "former" if verb in ("served", "was", "had served") else None
            titles.append((match.group(2), True, status, False))
    return titles


def placed(parsed: Parsed) -> bool:
    """Whether the words after the title's "of" name its place, body or portfolio."""
    return bool(parsed.jurisdiction or parsed.body or " of " in parsed.title.post)


def indefinite_before(mention: Mention, text: str) -> bool:
    """'a President Jane Roe's agenda', 'an Attorney General Doe': a title after an
    indefinite article imagines a holder, it does not name one."""
    before = text[max(0, mention.start - len(mention.title or "") - 12) : mention.start]
    head = before[: before.rfind(mention.title)] if mention.title in before else ""
    return bool(re.search(r"(?:^|\s)(?:a|an|A|An)\s+$", head))


def role_holders(holdings: list[Holding], knowledge: Knowledge) -> dict[str, str]:
    """Role noun -> the entity the article gives that role ('president' -> its president);
    of two holders ('Gov. Roe' of one state, 'Gov. Doe' of another) only one named at least
    twice as often, else 'the governor' stays unresolved."""
    votes: dict[str, Counter] = {}
    for holding in holdings:
        if holding.status not in ("current", "elect", "acting", "interim"):
            continue
        role = normalize(holding.post.split(" of ")[0])
        votes.setdefault(role, Counter())[holding.holder] += 1
        for title_key, title in knowledge.titles.items():
            if normalize(title.post) == role:
                votes.setdefault(title_key, Counter())[holding.holder] += 1
    return {
        role: top[0][0]
        for role, counter in votes.items()
        if len(top := counter.most_common(2)) == 1 or top[0][1] >= 2 * top[1][1]
    }

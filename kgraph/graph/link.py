"""Linking: a person node that the bundled knowledge base names gets its Wikidata IRI.

A node is linked when its full name (two words or more) fits exactly one KB person by name
core (given name in its full form, surname, middle initials: "Mike Pence" is "Michael
Richard Pence"); when several fit, titles the articles use ("Senator Brown", "Gov.
Brown") and the articles' dates within the candidates' terms of office choose, or the node
stays unlinked. The KB is a prior, not a gate: linking only adds ``same_as`` to nodes the
articles name, never a node, a fact or a triple.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field, replace

from ..extract.names import name_core
from ..knowledge import normalize
from ..knowledge.english import NAME_SUFFIXES
from ..knowledge.people import KnownPerson, load_people, people_by_surname, surname_word
from ..knowledge.text import QUOTES
from ..vocab import PERSON
from .nodes import Entity

# A title before a name in an alias -> a word of the office titles it fits.
TITLE_HINTS = {
    "president": "president",
    "vice president": "vice president",
    "senator": "senator",
    "sen": "senator",
    "rep": "representative",
    "representative": "representative",
    "congressman": "representative",
    "congresswoman": "representative",
    "governor": "governor",
    "gov": "governor",
    "secretary": "secretary",
    "minister": "minister",
    "prime minister": "prime minister",
    "chancellor": "chancellor",
    "speaker": "speaker",
    "leader": "leader",
    "mayor": "mayor",
    "mp": "member of parliament",
}
DATE_SLACK_YEARS = 1  # an article a year before or after a term still speaks of the office
FUTURE_YEARS = 9  # a person first in office more than this after the articles is another


class PeopleIndex:
    """KB people by (given name, surname) core, with the middle initials of their names;
    only the surnames asked for are indexed (a corpus names a few thousand of the KB's)."""

    def __init__(self, surnames: set[str], given_names: Mapping[str, str]):
        self.given_names = dict(given_names)
        found: dict[tuple[str, str], dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
        people: dict[str, KnownPerson] = {}
        by_surname = people_by_surname()
        for word in sorted(surnames):
            for person, name in by_surname.get(word, ()):
                core = name_core(name, self.given_names)
                if core:
                    people[person.qid] = person
                    middles = found[core[:2]][person.qid]
                    middles.add(core[2])
                    if initials_only(name):
                        middles.add(INITIALS)
        self.by_core = {
            core: tuple((people[q], frozenset(m)) for q, m in sorted(by_qid.items()))
            for core, by_qid in found.items()
        }

    def candidates(self, name: str, suffixed: bool = False) -> list[KnownPerson]:
        """The KB people the name fits; ``suffixed``: those known only with a generational
        suffix the name lacks ("Jon Roe" for "Jonathan Q. Roe II")."""
        core = name_core(name, self.given_names)
        if core is None:
            return []
        given, surname, middle = core
        if not suffixed:
            keys = [(given, surname)]
        else:
            keys = [(given, f"{surname} {s}") for s in sorted(NAME_SUFFIXES)]
        return [
            person
            for key in keys
            for person, middles in self.by_core.get(key, ())
            if fits_middles(middle, middles)
        ]


INITIALS = "*"  # among a KB person's middles: known by a name with initials at most


def initials_only(name: str) -> bool:
    """Whether a name's middle words are initials at most ('John R. Bolton', not
    'Jonathan Guy Allen')."""
    words = [w for w in normalize(name).replace(".", " ").split() if w not in NAME_SUFFIXES]
    return all(len(w) <= 2 for w in words[1:-1])


def fits_middles(middle: str, known: set[str] | frozenset[str]) -> bool:
    """A name without middle initials fits people known without a middle name ("John
    Bolton" is "John R. Bolton"; "Alastair Campbell" is not "Alastair Colin Leckie
    Campbell"); one with them fits people whose initials agree, or who have none known
    ("George W. Bush" is not "George H. W. Bush")."""
    if not middle:
        return "" in known or INITIALS in known
    spelt = [m for m in known if m not in ("", INITIALS)]
    return not spelt or any(fits(middle, m) for m in spelt)


def fits(middle: str, known: str) -> bool:
    """'w' fits 'w' and 'wm'; 'hw' does not fit 'w'."""
    return known.startswith(middle) or middle.startswith(known)


@dataclass(frozen=True)
class Context:
    """What the articles tell about where their people act: the country whose news each
    article is (``None`` when its cue words do not say), its text, the words that name a
    country in a text (the country and its demonyms) and the places that lie in a country
    ('Texas' in the United States, 'Scotland' in the United Kingdom)."""

    countries: Mapping[str, str | None] = field(default_factory=dict)
    texts: Mapping[str, str] = field(default_factory=dict)
    country_words: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    parts: Mapping[str, str] = field(default_factory=dict)
    party_words: tuple[str, ...] = ()  # lower case: 'labour', 'tory', 'lib dem'
    posts: Mapping[str, tuple[str, ...]] = field(default_factory=dict)  # entity key -> posts


def link_people(
    entities: dict[str, Entity],
    dates: Mapping[str, str | None],
    given_names: Mapping[str, str],
    context: Context | None = None,
) -> dict[str, Entity]:
    """The entities, with ``same_as`` the Wikidata IRI of the one KB person each person
    node's name and context fit (``dates``: article id -> ISO date)."""
    context = context or Context()
    names = {
        e.key: name
        for e in entities.values()
        if e.kind == PERSON and not e.same_as and (name := lookup_name(e))
    }
    index = PeopleIndex({surname_word(n) for n in names.values()}, given_names)
    first = link_pass(entities, names, index, dates, context, era=None)
    era = corpus_year(entities, first, dates)
    return first if era is None else link_pass(entities, names, index, dates, context, era)


def link_pass(
    entities: dict[str, Entity],
    names: dict[str, str],
    index: PeopleIndex,
    dates: Mapping[str, str | None],
    context: Context,
    era: int | None,
) -> dict[str, Entity]:
    """One linking of every person node; ``era``: the year undated articles are taken to
    speak of, for the test that nobody first in office a decade later is meant."""
    linked = dict(entities)
    for key, name in names.items():
        entity = entities[key]
        found = index.candidates(name)
        if era is not None and undated(entity, dates):
            found = [p for p in found if not later(p, era)]
        if not found and not suffixed(name):
            found = [
                p
                for p in index.candidates(name, suffixed=True)
                if in_term(entity, p, dates, default=any(holds(p, h) for h in title_hints(entity)))
            ]
        if peerage(name):
            found = [p for p in found if in_term(entity, p, dates, LORDS, default=True)]
        found = [p for p in found if supported(entity, name, p, dates, context)]
        person = choose(entity, found, dates, index.given_names)
        if person is not None:
            linked[entity.key] = replace(entity, same_as=(person.iri,))
    return linked


def corpus_year(
    entities: Mapping[str, Entity], linked: Mapping[str, Entity], dates: Mapping[str, str | None]
) -> int | None:
    """The year an undated corpus speaks of, from the people it links by a title they held
    (the median year of those spells: a 'Chancellor Jane Roe' in office 2001-07 and a
    'Home Secretary John Doe' of 2004-06 date the news to about 2004); None when every
    node has a dated article or no title dates any."""
    if not any(undated(e, dates) for e in entities.values() if e.kind == PERSON):
        return None
    by_qid = {p.qid: p for p in load_people()}
    years = []
    for key, entity in sorted(linked.items()):
        if not entity.same_as or entities[key].same_as or not undated(entity, dates):
            continue
        person = by_qid.get(entity.same_as[0].rsplit("/", 1)[-1])
        hints = title_hints(entity) | described_as(entity)
        for office in person.offices if person else ():
            start, end = year_of(office.start), year_of(office.end)
            if start is None or not any(h in office.title.lower() for h in hints):
                continue
            if "member of" in office.title.lower():
                continue  # a seat held for decades dates nothing
            years.append((start + (end if end is not None else start)) // 2)
    if len(years) < ERA_MIN_TITLES:
        return None
    return sorted(years)[len(years) // 2]


ERA_MIN_TITLES = 5
PEER_STYLES = ("lord", "baroness", "lady")
LORDS = "house of lords"


def lookup_name(entity: Entity) -> str | None:
    """The name a person node is looked up by: its label when it has two words or more
    (typographic apostrophes made plain: "O’Roe" is "O'Roe"), or the peerage form of a
    one-word label known only as "Lord Roe" / "Baroness Roe"; else None."""
    name = entity.name.translate(QUOTES)
    if len(name.split()) >= 2:
        return name
    for alias in sorted(entity.aliases):
        words = alias.translate(QUOTES).split()
        if len(words) == 2 and words[0].lower() in PEER_STYLES and words[1] == name:
            return " ".join(words)
    return None


def supported(
    entity: Entity,
    name: str,
    person: KnownPerson,
    dates: Mapping[str, str | None],
    context: Context,
) -> bool:
    """Whether the articles back a name match with more than the name where it is weak
    evidence: a title the articles give that fits one of the person's offices, or else an
    article dated within a term. Weak: a KB person whose own label has a generational
    suffix the name lacks (the son, 'John Q. Roe, Jr.', for the father 'John Roe'); a
    person whose offices all lie in other countries than the articles' news, none of which
    the articles name (a 'John Doe' of the local party in British news is no speaker of
    an Australian parliament)."""
    hints = title_hints(entity) | described_as(entity)
    if any(holds(person, hint) for hint in hints):
        return True
    if hints and not undated(entity, dates) and not in_term(entity, person, dates):
        return False  # 'Mayor Jane Roe' in 2012 news: no deputy secretary of 2007-09
    if legislator(person) and political(entity, context):
        return True
    if someone_else(entity, person, dates, context):
        return False
    if undated(entity, dates) and legislator(person) and unpolitical(entity, person, context):
        return False
    weak = (
        (suffixed(person.label) and not suffixed(name))
        or foreign(entity, person, context)
        or (bare(entity, dates) and not peerage(name))
    )
    return not weak or in_term(entity, person, dates)


# Words of a post that make it a public office or a political role: a person the KB has
# in office may be given such a post the KB does not list, never only other ones.
OFFICE_WORDS = frozenset(
    {"president", "governor", "senator", "representative", "congressman", "congresswoman"}
    | {"mayor", "minister", "secretary", "member", "parliament", "congress", "senate", "house"}
    | {"assembly", "council", "committee", "cabinet", "government", "administration"}
    | {"department", "ministry", "party", "campaign", "caucus", "candidate", "nominee"}
    | {"leader", "speaker", "whip", "chancellor", "ambassador", "commissioner", "lord"}
    | {"justice", "judge", "attorney", "prosecutor", "spokesman", "spokeswoman", "shadow"}
    | {"mp", "msp", "mep", "lawmaker", "legislator", "delegate", "chair", "chairman"}
    | {"counsel", "adviser", "advisor", "aide", "solicitor"}
)
STOP_WORDS = frozenset({"of", "the", "for", "and", "to", "in", "on", "at", "a", "an"})


def undated(entity: Entity, dates: Mapping[str, str | None]) -> bool:
    return all(year_of(dates.get(a)) is None for a in entity.articles)


def bare(entity: Entity, dates: Mapping[str, str | None]) -> bool:
    """Whether the entity comes from one undated article that describes it in no alias:
    nothing but the name ('Simon Wright said') to tell the MP from a namesake."""
    if len(entity.articles) != 1 or not undated(entity, dates):
        return False
    return not any(description(entity, alias) for alias in entity.aliases)


def unpolitical(entity: Entity, person: KnownPerson, context: Context) -> bool:
    """Whether the articles give the entity posts and only posts that are none of the
    person's offices nor any public or political role (a 'police chief John Roe' is not
    the banker of that name in the Lords)."""
    posts = context.posts.get(entity.key, ())
    if not posts:
        return False
    known = {w for o in person.offices for w in normalize(o.title).split()} - STOP_WORDS
    for post in posts:
        words = set(normalize(post).replace(",", " ").split()) - STOP_WORDS
        if words & (known | OFFICE_WORDS):
            return False
    return True


def someone_else(
    entity: Entity, person: KnownPerson, dates: Mapping[str, str | None], context: Context
) -> bool:
    """Whether the articles, dated within a legislator's term, give the entity posts and
    only posts that are none of the person's offices nor any public or political role:
    'John Roe, the executive director of a trade association' in 2016 news is not the
    Representative John Roe, in Congress then."""
    if not legislator(person) or not in_term(entity, person, dates):
        return False
    return unpolitical(entity, person, context)


def foreign(entity: Entity, person: KnownPerson, context: Context) -> bool:
    """Whether every article of the entity is known to be another country's news than
    any of the person's offices, and none of them names one of those countries near the
    entity's name (within ``NEAR`` characters: an Australian strategist two sentences on
    says nothing of a local John Doe)."""
    news = {context.countries.get(a) for a in entity.articles}
    if not news or None in news:
        return False
    where = {context.parts.get(o.where, o.where) for o in person.offices}
    if "" in where or news & where:
        return False
    surname = entity.name.split()[-1]
    for article in entity.articles:
        full = context.texts.get(article, "")
        text = " ".join(
            full[max(0, m.start() - NEAR) : m.end() + NEAR]
            for m in re.finditer(re.escape(surname), full)
        )
        for country in sorted(where):
            short = STATE_PREFIX.sub("", country)  # 'State of Palestine': 'Palestine'
            words = (country, short, *context.country_words.get(country, ()))
            if any(word in text for word in words) or demonym_like(short, text):
                return False
    return True


NEAR = 200


def demonym_like(country: str, text: str) -> bool:
    """Whether the text has an adjective built on the country's name: its stem without the
    final vowels and then more letters ('Palestine' -> 'Palestinian', 'Ukraine' ->
    'Ukrainian'); stems shorter than five letters say too little."""
    stem = country.rstrip("aeiouy")
    if " " in country or len(stem) < 5:
        return False
    return re.search(rf"\b{re.escape(stem)}[a-z]+", text) is not None


STATE_PREFIX = re.compile(r"^(?:State|Republic|Kingdom|Commonwealth) of (?:the )?")


def peerage(name: str) -> bool:
    """Whether a name is a peer's style ('Lord Roe'), which only a member of the
    House of Lords at the articles' dates can bear."""
    return name.split()[0].lower() in PEER_STYLES


def suffixed(name: str) -> bool:
    words = normalize(name).replace(".", "").replace(",", " ").split()
    return any(w in NAME_SUFFIXES for w in words[1:])


def in_term(
    entity: Entity,
    person: KnownPerson,
    dates: Mapping[str, str | None],
    office: str = "",
    default: bool = False,
) -> bool:
    """Whether an article of the entity dates within one of the person's terms (of an
    office whose title contains ``office``, when given); ``default`` when no article of
    the entity has a date."""
    years = {y for y in (year_of(dates.get(a)) for a in entity.articles) if y is not None}
    if not years:
        return default
    if office:
        person = replace(
            person,
            spells=";".join(
                "|".join((o.title, o.where, o.start, o.end))
                for o in person.offices
                if office in o.title.lower()
            ),
        )
    return any(in_office(person, year) for year in sorted(years))


def choose(
    entity: Entity,
    candidates: list[KnownPerson],
    dates: Mapping[str, str | None],
    given_names: dict[str, str],
) -> KnownPerson | None:
    """The one candidate that fits, by name alone, then titles, then dates, then the
    label; else None. Nobody first in office a decade after the articles fits: "David
    Frost" in 2005 news is the broadcaster, not the peer of 2020."""
    years = [y for y in (year_of(dates.get(a)) for a in entity.articles) if y is not None]
    if years:
        candidates = [p for p in candidates if not later(p, max(years))]
    if len(candidates) <= 1:
        return candidates[0] if candidates else None
    hints = title_hints(entity)
    if hints:
        titled = [p for p in candidates if any(holds(p, hint) for hint in hints)]
        if len(titled) == 1:
            return titled[0]
        candidates = titled or candidates
    if years:
        scores = [(sum(in_office(p, y) for y in years), p) for p in candidates]
        best = max(score for score, _ in scores)
        if best:
            candidates = [p for score, p in scores if score == best]
    if len(candidates) == 1:
        return candidates[0]
    # The one whose own label is the name, over those who only have it as a variant
    # ("Michael Howard" the MP, not "Michael Howard, 21st Earl of Suffolk").
    core = name_core(entity.name, given_names)
    labelled = [p for p in candidates if core and name_core(p.label, given_names) == core]
    return labelled[0] if len(labelled) == 1 else None


def title_hints(entity: Entity) -> set[str]:
    """Office words the aliases put before the name: 'President Trump' -> {'president'}."""
    hints = set()
    for alias in entity.aliases:
        words = normalize(alias).replace(".", "").split()
        for n in (2, 1):
            hint = TITLE_HINTS.get(" ".join(words[:n]))
            if hint and len(words) > n:
                hints.add(hint)
                break
    return hints


LEGISLATURES = ("member of parliament", "senator", "representative", "house of lords")
# Words of a description that make its bearer a politician ('shadow health secretary',
# 'Tory spokesman'), with the party words of the gazetteer.
POLITICAL_WORDS = frozenset(
    {"minister", "secretary", "spokesman", "spokeswoman", "spokesperson", "shadow", "mp"}
    | {"senator", "sen", "rep", "congressman", "congresswoman", "whip", "lawmaker"}
)


def legislator(person: KnownPerson) -> bool:
    return any(word in o.title.lower() for o in person.offices for word in LEGISLATURES)


def political(entity: Entity, context: Context) -> bool:
    """Whether an alias describes the entity as a politician: an office word or a party
    word before the name ('Tory MP Jane Roe', 'Labour's campaign spokesman Jane Roe')."""
    words = set()
    for alias in entity.aliases:
        words |= set(description(entity, alias))
    text = " ".join(sorted(words))
    return bool(words & POLITICAL_WORDS) or any(
        f" {p} " in f" {text} " for p in context.party_words
    )


def description(entity: Entity, alias: str) -> list[str]:
    """The words an alias puts before the entity's name, normalized."""
    names = set(normalize(entity.name).replace(".", "").split())
    words = normalize(alias).replace(".", "").replace("'s", "").split()
    while words and words[-1] in names:
        words.pop()
    return words


def described_as(entity: Entity) -> set[str]:
    """Office words anywhere in the descriptions the aliases put before the name: 'Tory MP
    Jane Roe' -> {'member of parliament'}, 'local government minister Jane Roe' ->
    {'minister'}."""
    hints = set()
    for alias in entity.aliases:
        words = description(entity, alias)
        for i in range(len(words)):
            for n in (2, 1):
                hint = TITLE_HINTS.get(" ".join(words[i : i + n]))
                if hint:
                    hints.add(hint)
    return hints


def holds(person: KnownPerson, hint: str) -> bool:
    return any(hint in office.title.lower() for office in person.offices)


def year_of(date: str | None) -> int | None:
    if date and len(date) >= 4 and date[:4].isdigit():
        return int(date[:4])
    return None


def in_office(person: KnownPerson, year: int) -> bool:
    """Whether any of the person's terms (give or take a year) includes ``year``."""
    for office in person.offices:
        start = year_of(office.start)
        end = year_of(office.end)
        low = (start if start is not None else 0) - DATE_SLACK_YEARS
        high = (end if end is not None else 9999) + DATE_SLACK_YEARS
        if low <= year <= high and (start is not None or end is not None):
            return True
    return False


def later(person: KnownPerson, year: int) -> bool:
    """Whether every known term of the person starts more than ``FUTURE_YEARS`` after
    ``year``."""
    starts = [y for y in (year_of(o.start) for o in person.offices) if y is not None]
    return bool(starts) and min(starts) > year + FUTURE_YEARS

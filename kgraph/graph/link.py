"""Linking: a person node that the bundled knowledge base names gets its Wikidata IRI.

A node is linked when its full name (two words or more) fits exactly one KB person by name
core (given name in its full form, surname, middle initials: "Mike Pence" is "Michael
Richard Pence"); when several fit, titles the articles use ("Senator Brown", "Gov.
Brown") and the articles' dates within the candidates' terms of office choose, or the node
stays unlinked. The KB is a prior, not a gate: linking only adds ``same_as`` to nodes the
articles name, never a node, a fact or a triple.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import replace

from ..extract.names import name_core
from ..knowledge import normalize
from ..knowledge.english import NAME_SUFFIXES
from ..knowledge.people import KnownPerson, people_by_surname, surname_word
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

    def candidates(self, name: str) -> list[KnownPerson]:
        core = name_core(name, self.given_names)
        if core is None:
            return []
        given, surname, middle = core
        return [
            person
            for person, middles in self.by_core.get((given, surname), ())
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


def link_people(
    entities: dict[str, Entity],
    dates: Mapping[str, str | None],
    given_names: Mapping[str, str],
) -> dict[str, Entity]:
    """The entities, with ``same_as`` the Wikidata IRI of the one KB person each person
    node's name and context fit (``dates``: article id -> ISO date)."""
    people = [
        e
        for e in entities.values()
        if e.kind == PERSON and not e.same_as and len(e.name.split()) >= 2
    ]
    index = PeopleIndex({surname_word(e.name) for e in people}, given_names)
    linked = dict(entities)
    for entity in people:
        person = choose(entity, index.candidates(entity.name), dates, index.given_names)
        if person is not None:
            linked[entity.key] = replace(entity, same_as=(person.iri,))
    return linked


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

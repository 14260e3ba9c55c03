"""Holdings the knowledge base contradicts: "President Jane Roe" in 2016 news.

For a few posts the bundled knowledge base lists every holder since a given year
(``kb_complete_posts`` in the gazetteer): in an article of such a year, only the people it
lists in office then (give or take a year, for the elect and the outgoing) hold the post
now. A current holding by anyone else is a past holder written with the title ("President
Nixon" in 2019 news: former), or, for someone the KB knows never to have held it, a merge
of two people ("President Clinton" joined to the wrong Clinton) or a misread title, and is
dropped. Former holdings and other posts are kept as the articles state them.
"""

from __future__ import annotations

from functools import cache

from ..knowledge import Knowledge
from ..knowledge.people import WIKIDATA, load_people
from .link import DATE_SLACK_YEARS, year_of

NOW_STATUSES = ("current", "elect", "acting", "interim")


@cache
def spells_by_post(place_phrases: tuple[tuple[str, str], ...]) -> dict[str, tuple]:
    """Post label -> ((Wikidata IRI, start year, end year), ...) from the KB's office spells;
    a spell's label is its title, with " of <where>" added unless the title has a place."""
    phrase = dict(place_phrases)
    found: dict[str, set] = {}
    for person in load_people():
        for office in person.offices:
            where = phrase.get(office.where, office.where)
            label = office.title if " of " in office.title else f"{office.title} of {where}"
            spell = (person.iri, year_of(office.start), year_of(office.end))
            found.setdefault(label, set()).add(spell)
    return {label: tuple(sorted(spells, key=str)) for label, spells in found.items()}


def spells_of(post: str, knowledge: Knowledge) -> tuple[tuple[str, int | None, int | None], ...]:
    places = tuple(sorted((p, knowledge.place_phrase(p)) for p in knowledge.definite_places))
    return spells_by_post(places).get(post, ())


def in_spell(year: int, start: int | None, end: int | None) -> bool:
    """Whether a year falls in a spell, give or take a year (the elect, the outgoing)."""
    low = (start if start is not None else 0) - DATE_SLACK_YEARS
    high = (end if end is not None else 9999) + DATE_SLACK_YEARS
    return low <= year <= high


def holders_in(post: str, year: int, knowledge: Knowledge) -> set[str]:
    """The Wikidata IRIs of the KB's holders of a post in a year (with a year's slack)."""
    return {iri for iri, start, end in spells_of(post, knowledge) if in_spell(year, start, end)}


def checked_status(
    post: str, status: str, same_as: tuple[str, ...], date: str | None, knowledge: Knowledge
) -> str | None:
    """The status a holding keeps where the KB is complete for its post at the article's
    date: unchanged when the KB has the holder in office then; "former" when the KB has
    them in it earlier, or does not know them at all (so they held it before the KB's
    records begin: "President Nixon" in 2019 news); None (dropped) when the KB knows the
    person and they never held it ("a President Roe", a Clinton merged into the other)."""
    since = knowledge.complete_posts.get(post)
    year = year_of(date)
    if since is None or year is None or year < since or status not in NOW_STATUSES:
        return status
    known = [(s, e) for iri, s, e in spells_of(post, knowledge) if iri in same_as]
    if any(in_spell(year, start, end) for start, end in known):
        return status
    if known:
        return "former" if any(end is not None and end < year for _, end in known) else None
    if any(iri.startswith(WIKIDATA) for iri in same_as):
        return None
    return "former"

"""Holdings the knowledge base contradicts: "President Hillary Clinton's agenda" in 2016.

For a few posts the bundled knowledge base lists every holder since a given year
(``kb_complete_posts`` in the gazetteer): in an article of such a year, only the people it
lists in office then (give or take a year, for the elect and the outgoing) can hold the post
now. A current or elect holding by anyone else is a hypothetical ("a President X"), a
merge of two people ("President Clinton" joined to the wrong Clinton) or a misread title,
and is dropped. Former holdings and other posts are kept as the articles state them.
"""

from __future__ import annotations

from functools import cache

from ..knowledge import Knowledge
from ..knowledge.people import load_people
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


def holders_in(post: str, year: int, knowledge: Knowledge) -> set[str]:
    """The Wikidata IRIs of the KB's holders of a post in a year (with a year's slack)."""
    places = tuple(sorted((p, knowledge.place_phrase(p)) for p in knowledge.definite_places))
    holders = set()
    for iri, start, end in spells_by_post(places).get(post, ()):
        low = (start if start is not None else 0) - DATE_SLACK_YEARS
        high = (end if end is not None else 9999) + DATE_SLACK_YEARS
        if low <= year <= high:
            holders.add(iri)
    return holders


def contradicted(
    post: str, status: str, same_as: tuple[str, ...], date: str | None, knowledge: Knowledge
) -> bool:
    """Whether the KB, complete for this post at the article's date, says the holder of a
    current or elect holding (known by ``same_as``, maybe unlinked) did not hold it then."""
    since = knowledge.complete_posts.get(post)
    year = year_of(date)
    if since is None or year is None or year < since or status not in NOW_STATUSES:
        return False
    return not (set(same_as) & holders_in(post, year, knowledge))

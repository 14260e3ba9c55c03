"""The bundled knowledge base of politicians (``data/people.tsv.gz``), read once per process.

Built from open data by ``tools/build_kb.py`` (sources and licences in the README). One row
per person with a Wikidata QID: the label, name variants, office spells and parties.
"""

from __future__ import annotations

import gzip
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, lru_cache

from .english import KNIGHTLY_HONORIFICS, NAME_SUFFIXES, PLAIN_HONORIFICS, SURNAME_PARTICLES
from .files import DATA
from .text import normalize

PEOPLE_FILE = "people.tsv.gz"
WIKIDATA = "http://www.wikidata.org/entity/"


@dataclass(frozen=True)
class Office:
    """One spell in an office: title, where (country or state), ISO start and end ('' if
    unknown or still running; sometimes a year only)."""

    title: str
    where: str
    start: str
    end: str


@dataclass(frozen=True)
class KnownPerson:
    qid: str
    label: str
    names: tuple[str, ...]  # the label first, then the variants
    spells: str  # the offices as stored, parsed on demand (most people are never asked)
    parties: tuple[str, ...]

    @property
    def iri(self) -> str:
        return WIKIDATA + self.qid

    @property
    def offices(self) -> tuple[Office, ...]:
        return parse_offices(self.spells)


@lru_cache(maxsize=1 << 14)
def parse_offices(spells: str) -> tuple[Office, ...]:
    """'title|where|start|end;...' -> the office spells."""
    found = []
    for spell in filter(None, spells.split(";")):
        title, where, start, end = (spell.split("|") + [""] * 4)[:4]
        found.append(Office(title, where, start, end))
    return tuple(found)


def parse_people(text: str) -> list[KnownPerson]:
    """The rows of a people file (see tools/build_kb.py for the format)."""
    people = []
    for line in text.splitlines():
        if not line or line.startswith("#"):
            continue
        qid, label, names, offices, parties = (line.split("\t") + [""] * 5)[:5]
        people.append(
            KnownPerson(
                qid=qid,
                label=label,
                names=(label, *filter(None, names.split("|"))),
                spells=offices,
                parties=tuple(filter(None, parties.split("|"))),
            )
        )
    return people


@cache
def load_people() -> tuple[KnownPerson, ...]:
    """Every person of the shipped knowledge base."""
    data = (DATA / PEOPLE_FILE).read_bytes()
    return tuple(parse_people(gzip.decompress(data).decode("utf-8")))


@cache
def written_full_names() -> tuple[str, ...]:
    """The knowledge base's people as news copy writes them in full ('Theresa May', 'Nicola
    Sturgeon'): two or more capitalised words (particles aside), no honorific ('Lord Jones')
    and no comma ('Elaine Murphy, Baroness Murphy')."""
    found = set()
    for person in load_people():
        for name in person.names:
            words = name.split()
            if (
                len(words) >= 2
                and "," not in name
                and words[0].lower() not in KNIGHTLY_HONORIFICS | PLAIN_HONORIFICS
                and all(w[:1].isupper() or w.lower() in SURNAME_PARTICLES for w in words)
            ):
                found.add(name)
    return tuple(sorted(found))


def surname_word(name: str) -> str:
    """The last word of a name that is not a generational suffix, lower-cased: a cheap
    key that groups every name "Jane Roe", "Jane Q. Roe" and "Jane Roe Jr." could match."""
    words = [w.strip(".,") for w in name.lower().split()]
    while len(words) > 1 and words[-1] in NAME_SUFFIXES:
        words.pop()
    return words[-1] if words else ""


@cache
def people_by_surname() -> dict[str, tuple[tuple[KnownPerson, str], ...]]:
    """(person, name variant) pairs of the knowledge base by ``surname_word``."""
    found: dict[str, list[tuple[KnownPerson, str]]] = {}
    for person in load_people():
        for name in person.names:
            found.setdefault(surname_word(name), []).append((person, name))
    return {word: tuple(pairs) for word, pairs in found.items()}


@cache
def people_by_name() -> dict[str, tuple[KnownPerson, ...]]:
    """The people of the knowledge base by each of their names, normalised."""
    found: dict[str, dict[str, KnownPerson]] = {}
    for person in load_people():
        for name in person.names:
            found.setdefault(normalize(name), {})[person.qid] = person
            if "." in name:  # British style drops the initial's point: "George W Bush"
                found.setdefault(normalize(" ".join(name.replace(".", " ").split())), {})[
                    person.qid
                ] = person
    return {name: tuple(people.values()) for name, people in found.items()}


def known_jurisdiction(
    name: str, post: str, is_place: Callable[[str], bool] = lambda _: True
) -> str | None:
    """Where the one person of the knowledge base of this full name held ``post``: 'Rick
    Roe' with 'Governor of Florida' -> Florida (the office's own place when ``is_place``
    says so, else where it was held: 'Chancellor of the Exchequer' -> United Kingdom);
    None when the name is a single word, names several people, or the person held the post
    in no or several places."""
    if len(name.split()) < 2:
        return None
    people = people_by_name().get(normalize(name), ())
    if len(people) != 1:
        return None
    wanted = normalize(post)
    places: dict[str, str] = {}
    for office in people[0].offices:
        title = normalize(office.title)
        if title == wanted and office.where:
            places.setdefault(normalize(office.where), office.where)
        elif title.startswith(wanted + " of "):
            where = office.title[len(post) + 4 :].removeprefix("the ")
            if not is_place(where):
                where = office.where
            if where:
                places.setdefault(normalize(where), where)
    return next(iter(places.values())) if len(places) == 1 else None

"""World knowledge as data: the political gazetteer and the relation lexicon.

Both live as documented JSON files in ``kgraph/data/``; a user adds their own files of the
same format (``--gazetteer``, ``--lexicon``), merged over the shipped ones.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache, lru_cache
from importlib import resources
from pathlib import Path

from .errors import KgraphError

DATA = resources.files("kgraph") / "data"


@lru_cache(maxsize=1 << 16)
def normalize(name: str) -> str:
    """A comparison key: case, curly quotes, dashes, a leading "the" and spacing ignored."""
    text = unicodedata.normalize("NFKC", name)
    text = text.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    text = re.sub(r"[\u2010-\u2015]", "-", text)
    text = re.sub(r"\s+", " ", text).strip().lower()
    text = re.sub(r"^the ", "", text)
    return text.strip(" .,'\"")


def slug(name: str) -> str:
    """An IRI-safe, stable path segment derived from a name."""
    text = unicodedata.normalize("NFKD", normalize(name))
    text = text.encode("ascii", "ignore").decode()
    text = re.sub(r"[^a-z0-9]+", "-", text).strip("-")
    return text or "x"


@dataclass(frozen=True)
class KnownOrg:
    name: str
    kind: str  # Organization | Place
    subtype: str | None
    aliases: tuple[str, ...]
    same_as: tuple[str, ...]


@dataclass(frozen=True)
class Title:
    title: str
    post: str
    default_jurisdiction: str | None = None
    post_in: str | None = None
    post_in_by_jurisdiction: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class Trigger:
    """One lexicon entry: a word that signals a relation, and where its arguments sit."""

    lemma: str
    pos: str
    relation: str
    objects: tuple[str, ...]
    subjects: tuple[str, ...]
    requires: tuple[tuple[str, tuple[str, ...]], ...] = ()
    forbids: tuple[str, ...] = ()
    confidence: float = 0.7


@dataclass
class PostData:
    """The gazetteer sections only posts use: title modifiers, US state abbreviations and
    the labels of US Congress titles."""

    modifiers: set[str] = field(default_factory=set)
    state_titles: set[str] = field(default_factory=set)  # posts held for a state: "Gov. X"
    party_titles: set[str] = field(default_factory=set)  # a party can be their body
    states: dict[str, str] = field(default_factory=dict)  # "Calif." -> "California"
    federal: dict[str, tuple[str, str]] = field(default_factory=dict)  # title -> label parts


@dataclass
class Knowledge:
    """Everything kgraph knows before it reads an article."""

    known: dict[str, KnownOrg] = field(default_factory=dict)  # normalized alias -> entry
    titles: dict[str, Title] = field(default_factory=dict)  # normalized title -> entry
    demonyms: dict[str, str] = field(default_factory=dict)
    status_cues: dict[str, str] = field(default_factory=dict)
    triggers: dict[tuple[str, str], list[Trigger]] = field(default_factory=dict)
    properties: dict[str, dict] = field(default_factory=dict)  # finer relation -> info
    not_entities: frozenset[str] = frozenset()
    honorifics: frozenset[str] = frozenset()  # "Mr", "Ms": stripped, never a post
    given_names: dict[str, str] = field(default_factory=dict)  # "mike" -> "michael"
    posts: PostData = field(default_factory=PostData)
    party_codes: dict[str, str] = field(default_factory=dict)  # "R" -> "Republican Party"
    party_words: dict[str, str] = field(default_factory=dict)  # "Democrat" -> "Democratic Party"
    organization_words: frozenset[str] = frozenset()  # "Party", "Committee": an ORG keyword
    definite_places: frozenset[str] = frozenset()
    sources: tuple[str, ...] = ()

    def lookup(self, name: str) -> KnownOrg | None:
        return self.known.get(normalize(name))

    def is_place(self, name: str | None) -> bool:
        known = self.lookup(name or "")
        return known is not None and known.kind == "Place"

    def place_phrase(self, place: str) -> str:
        """'United States' -> 'the United States', as in 'President of the United States'."""
        return f"the {place}" if place in self.definite_places else place

    def title(self, words: str) -> Title | None:
        return self.titles.get(normalize(words))

    def core_relation(self, relation: str) -> str:
        """The core property a finer one reaches through rdfs:subPropertyOf."""
        seen = set()
        while relation in self.properties and relation not in seen:
            seen.add(relation)
            relation = self.properties[relation]["parent"]
        return relation


def load_json(path: Path, kind: str = "file") -> dict:
    """A JSON object from a user-given file; any problem is one KgraphError sentence."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise KgraphError(f"{path}: no such {kind}") from None
    except IsADirectoryError:
        raise KgraphError(f"{path}: is a folder, expected a JSON {kind}") from None
    except (json.JSONDecodeError, UnicodeDecodeError) as err:
        raise KgraphError(f"{path}: not a valid JSON file ({err})") from None
    if not isinstance(data, dict):
        raise KgraphError(f"{path}: expected one JSON object at the top level")
    return data


def add_gazetteer(knowledge: Knowledge, data: dict, origin: str) -> None:
    try:
        for entry in data.get("organizations", []):
            add_known(knowledge, entry, "Organization")
        for entry in data.get("places", []):
            add_known(knowledge, entry, "Place")
        for entry in data.get("titles", []):
            title = Title(
                title=entry["title"],
                post=entry["post"],
                default_jurisdiction=entry.get("default_jurisdiction"),
                post_in=entry.get("post_in"),
                post_in_by_jurisdiction=tuple(
                    sorted(entry.get("post_in_by_jurisdiction", {}).items())
                ),
            )
            knowledge.titles[normalize(title.title)] = title
            if entry.get("federal_label"):
                knowledge.posts.federal[normalize(title.title)] = (
                    entry["federal_label"],
                    entry.get("state_preposition", "from"),
                )
        add_post_sections(knowledge.posts, data)
        knowledge.demonyms.update(data.get("demonyms", {}))
        knowledge.status_cues.update(data.get("status_cues", {}))
        knowledge.definite_places = knowledge.definite_places | set(data.get("definite_places", []))
        knowledge.not_entities = knowledge.not_entities | {
            normalize(n) for n in data.get("not_entities", [])
        }
        knowledge.party_codes.update(data.get("party_codes", {}))
        knowledge.party_words.update(data.get("party_words", {}))
        knowledge.given_names.update(
            {normalize(k): normalize(v) for k, v in data.get("given_name_variants", {}).items()}
        )
        knowledge.honorifics = knowledge.honorifics | {
            normalize(n) for n in data.get("honorifics", [])
        }
        knowledge.organization_words = knowledge.organization_words | {
            w.lower() for w in data.get("organization_words", [])
        }
    except (KeyError, TypeError, AttributeError) as err:
        raise KgraphError(f"{origin}: malformed gazetteer entry ({err!r})") from None


def add_post_sections(posts: PostData, data: dict) -> None:
    posts.modifiers.update(w.lower() for w in data.get("title_modifiers", []))
    posts.states.update(data.get("state_abbreviations", {}))
    posts.state_titles.update(normalize(t) for t in data.get("state_titles", []))
    posts.party_titles.update(normalize(t) for t in data.get("party_titles", []))


def add_known(knowledge: Knowledge, entry: dict, kind: str) -> None:
    entry_kind = entry.get("kind", kind)
    known = KnownOrg(
        name=entry["name"],
        kind=entry_kind,
        subtype=entry.get("type"),
        aliases=tuple(entry.get("aliases", [])),
        same_as=tuple(entry.get("sameAs", [])),
    )
    for alias in (known.name, *known.aliases):
        knowledge.known[normalize(alias)] = known


def add_lexicon(knowledge: Knowledge, data: dict, origin: str) -> None:
    try:
        for name, info in data.get("properties", {}).items():
            knowledge.properties[name] = info
        for entry in data.get("triggers", []):
            pos = entry.get("pos", "VERB")
            default_subjects = ["nsubj"] if pos == "VERB" else ["poss", "governor"]
            trigger = Trigger(
                lemma=entry["lemma"].lower(),
                pos=pos,
                relation=entry["relation"],
                objects=tuple(entry.get("objects", ["dobj"])),
                subjects=tuple(entry.get("subjects", default_subjects)),
                requires=tuple(
                    (dep, tuple(w.lower() for w in words))
                    for dep, words in sorted(entry.get("requires", {}).items())
                ),
                forbids=tuple(entry.get("forbids", [])),
                confidence=float(entry.get("confidence", 0.7)),
            )
            knowledge.triggers.setdefault((trigger.lemma, pos), []).append(trigger)
    except (KeyError, TypeError, AttributeError, ValueError) as err:
        raise KgraphError(f"{origin}: malformed lexicon entry ({err!r})") from None


@cache
def load_knowledge(gazetteers: tuple[str, ...] = (), lexicons: tuple[str, ...] = ()) -> Knowledge:
    """The shipped knowledge plus the user's files, loaded once per process."""
    knowledge = Knowledge()
    add_gazetteer(knowledge, load_json(DATA / "gazetteer.json"), "gazetteer.json")
    add_lexicon(knowledge, load_json(DATA / "relations.json"), "relations.json")
    for path in gazetteers:
        add_gazetteer(knowledge, load_json(Path(path)), path)
    for path in lexicons:
        add_lexicon(knowledge, load_json(Path(path)), path)
    knowledge.sources = gazetteers + lexicons
    return knowledge

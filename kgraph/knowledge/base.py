"""Everything kgraph knows before it reads an article, loaded once per process.

The shipped gazetteer and lexicon (``data/``) plus the user's files of the same format
(``--gazetteer``, ``--lexicon``), merged over the shipped ones.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path

from .files import DATA, load_json
from .gazetteer import KnownOrg, PostData, Title, add_gazetteer
from .lexicon import RelationRules, Trigger, add_lexicon, rules_of
from .text import normalize


@dataclass
class Knowledge:
    """Everything kgraph knows before it reads an article."""

    known: dict[str, KnownOrg] = field(default_factory=dict)  # normalized alias -> entry
    titles: dict[str, Title] = field(default_factory=dict)  # normalized title -> entry
    demonyms: dict[str, str] = field(default_factory=dict)
    status_cues: dict[str, str] = field(default_factory=dict)
    triggers: dict[tuple[str, str], list[Trigger]] = field(default_factory=dict)
    properties: dict[str, dict] = field(default_factory=dict)  # finer relation -> info
    rules: dict[str, RelationRules] = field(default_factory=dict)  # core relation -> rules
    not_entities: frozenset[str] = frozenset()
    honorifics: frozenset[str] = frozenset()  # "Mr", "Ms": stripped, never a post
    given_names: dict[str, str] = field(default_factory=dict)  # "mike" -> "michael"
    posts: PostData = field(default_factory=PostData)
    party_codes: dict[str, str] = field(default_factory=dict)  # "R" -> "Republican Party"
    party_words: dict[str, str] = field(default_factory=dict)  # "Democrat" -> "Democratic Party"
    role_party_words: dict[str, str] = field(default_factory=dict)  # only before a party role
    national_governments: dict[str, str] = field(default_factory=dict)  # country -> its government
    organization_words: frozenset[str] = frozenset()  # "Party", "Committee": an ORG keyword
    country_cues: dict[str, tuple[re.Pattern, ...]] = field(default_factory=dict)
    place_words: frozenset[str] = frozenset()  # "Tower", "Square": a name ending so is a place
    geographic_words: frozenset[str] = frozenset()  # "Falls", "River": ends a place name
    definite_places: frozenset[str] = frozenset()
    complete_posts: dict[str, int] = field(default_factory=dict)  # post -> KB complete since
    # KB office title -> the post the gazetteer's titles name it by ("Secretary of State for
    # the Home Department" -> "Home Secretary")
    kb_office_posts: dict[str, str] = field(default_factory=dict)
    countries: frozenset[str] = frozenset()  # the world's sovereign countries, by name
    # country -> normalized alias -> entry: aliases that name it only in that country's news
    national_known: dict[str, dict[str, KnownOrg]] = field(default_factory=dict)
    national_views: dict[str, Knowledge] = field(default_factory=dict, repr=False, compare=False)
    sources: tuple[str, ...] = ()

    def lookup(self, name: str) -> KnownOrg | None:
        return self.known.get(normalize(name))

    def in_country(self, country: str | None) -> Knowledge:
        """This knowledge as news from ``country`` reads it: the country's national aliases
        win ("the Treasury" in British news is HM Treasury). One view per country."""
        aliases = self.national_known.get(country or "")
        if not aliases:
            return self
        if country not in self.national_views:
            known = {**self.known, **aliases}
            self.national_views[country] = replace(self, known=known, national_views={})
        return self.national_views[country]

    def is_place(self, name: str | None) -> bool:
        known = self.lookup(name or "")
        return known is not None and known.kind == "Place"

    def place_phrase(self, place: str) -> str:
        """'United States' -> 'the United States', as in 'President of the United States'."""
        return f"the {place}" if place in self.definite_places else place

    def honorific(self, word: str) -> bool:
        """'Gen', 'Gens', 'mr': an honorific or its plural (the word normalised)."""
        return word in self.honorifics or (word.endswith("s") and word[:-1] in self.honorifics)

    def title(self, words: str) -> Title | None:
        return self.titles.get(normalize(words))

    def core_relation(self, relation: str) -> str:
        """The core property a finer one reaches through rdfs:subPropertyOf (the lexicon
        is checked for cycles when it is loaded)."""
        while relation in self.properties:
            relation = self.properties[relation]["parent"]
        return relation

    def relation_rules(self, relation: str) -> RelationRules:
        """How the extractor treats the arguments of ``relation`` (by its core relation)."""
        return rules_of(self, self.core_relation(relation))


@cache
def load_knowledge(gazetteers: tuple[str, ...] = (), lexicons: tuple[str, ...] = ()) -> Knowledge:
    """The shipped knowledge plus the user's files, loaded once per process."""
    knowledge = Knowledge()
    # the world's countries first, so the hand-made gazetteer's entries (and aliases) win
    countries = load_json(DATA / "countries.json")
    add_gazetteer(knowledge, countries, "countries.json")
    knowledge.countries = frozenset(place["name"] for place in countries.get("places", []))
    add_gazetteer(knowledge, load_json(DATA / "gazetteer.json"), "gazetteer.json")
    add_lexicon(knowledge, load_json(DATA / "relations.json"), "relations.json")
    for path in gazetteers:
        add_gazetteer(knowledge, load_json(Path(path)), path)
    for path in lexicons:
        add_lexicon(knowledge, load_json(Path(path)), path)
    knowledge.sources = gazetteers + lexicons
    return knowledge

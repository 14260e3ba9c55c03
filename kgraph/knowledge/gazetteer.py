"""The political gazetteer: organisations, places, titles of posts and the words around them.

``gazetteer.json`` (and every ``--gazetteer`` file) is read section by section into the
``Knowledge`` the extraction rules consult; see ``data/README.md`` for each section.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..errors import KgraphError
from .text import normalize

if TYPE_CHECKING:
    from .base import Knowledge


@dataclass(frozen=True)
class KnownOrg:
    name: str
    kind: str  # Organization | Place
    subtype: str | None
    aliases: tuple[str, ...]
    same_as: tuple[str, ...]
    # (country, alias): names it has only in that country's news ("Treasury" in British news)
    national_aliases: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class Title:
    title: str
    post: str
    default_jurisdiction: str | None = None
    post_in: str | None = None
    post_in_by_jurisdiction: tuple[tuple[str, str], ...] = ()
    # (country, post, body): the post's name in that country ('Chancellor' in the UK)
    national_posts: tuple[tuple[str, str, str | None], ...] = ()


@dataclass
class PostData:
    """The gazetteer sections only posts use: title modifiers, US state abbreviations and
    the labels of US Congress titles."""

    modifiers: set[str] = field(default_factory=set)
    state_titles: set[str] = field(default_factory=set)  # posts held for a state: "Gov. X"
    party_titles: set[str] = field(default_factory=set)  # a party can be their body
    portfolio_posts: set[str] = field(default_factory=set)  # "Finance Minister": a portfolio
    states: dict[str, str] = field(default_factory=dict)  # "Calif." -> "California"
    federal: dict[str, tuple[str, str]] = field(default_factory=dict)  # title -> label parts


def add_gazetteer(knowledge: Knowledge, data: dict, origin: str) -> None:
    try:
        for entry in data.get("organizations", []):
            add_known(knowledge, entry, "Organization")
        for entry in data.get("places", []):
            add_known(knowledge, entry, "Place")
        for entry in data.get("titles", []):
            add_title(knowledge, entry)
        add_post_sections(knowledge.posts, data)
        knowledge.demonyms.update(data.get("demonyms", {}))
        knowledge.status_cues.update(data.get("status_cues", {}))
        knowledge.definite_places = knowledge.definite_places | set(data.get("definite_places", []))
        knowledge.not_entities = knowledge.not_entities | {
            normalize(n) for n in data.get("not_entities", [])
        }
        knowledge.party_codes.update(data.get("party_codes", {}))
        knowledge.party_words.update(data.get("party_words", {}))
        knowledge.national_governments.update(
            (country, name)
            for country, name in data.get("national_governments", {}).items()
            if not country.startswith("_")
        )
        knowledge.role_party_words.update(
            (word, party)
            for word, party in data.get("party_words_before_roles", {}).items()
            if not word.startswith("_")
        )
        knowledge.given_names.update(
            {normalize(k): normalize(v) for k, v in data.get("given_name_variants", {}).items()}
        )
        knowledge.honorifics = knowledge.honorifics | {
            normalize(n) for n in data.get("honorifics", [])
        }
        knowledge.place_words = knowledge.place_words | set(data.get("place_words", []))
        knowledge.geographic_words = knowledge.geographic_words | set(
            data.get("geographic_words", [])
        )
        knowledge.complete_posts.update(
            {k: int(v) for k, v in data.get("kb_complete_posts", {}).items() if k != "_about"}
        )
        knowledge.kb_office_posts.update(
            {k: v for k, v in data.get("kb_office_titles", {}).items() if k != "_about"}
        )
        for country, cues in data.get("country_cues", {}).items():
            knowledge.country_cues[country] = tuple(
                re.compile(rf"(?<!\w){re.escape(cue)}(?!\w)") for cue in cues
            )
        knowledge.organization_words = knowledge.organization_words | {
            w.lower() for w in data.get("organization_words", [])
        }
    except (KeyError, TypeError, AttributeError, ValueError) as err:
        raise KgraphError(f"{origin}: malformed gazetteer entry ({err!r})") from None


def add_title(knowledge: Knowledge, entry: dict) -> None:
    title = Title(
        title=entry["title"],
        post=entry["post"],
        default_jurisdiction=entry.get("default_jurisdiction"),
        post_in=entry.get("post_in"),
        post_in_by_jurisdiction=tuple(sorted(entry.get("post_in_by_jurisdiction", {}).items())),
        national_posts=tuple(
            (country, national["post"], national.get("post_in"))
            for country, national in sorted(entry.get("national_posts", {}).items())
        ),
    )
    knowledge.titles[normalize(title.title)] = title
    if entry.get("federal_label"):
        knowledge.posts.federal[normalize(title.title)] = (
            entry["federal_label"],
            entry.get("state_preposition", "from"),
        )


def add_post_sections(posts: PostData, data: dict) -> None:
    posts.modifiers.update(w.lower() for w in data.get("title_modifiers", []))
    posts.states.update(data.get("state_abbreviations", {}))
    posts.state_titles.update(normalize(t) for t in data.get("state_titles", []))
    posts.party_titles.update(normalize(t) for t in data.get("party_titles", []))
    posts.portfolio_posts.update(data.get("portfolio_posts", []))


def add_known(knowledge: Knowledge, entry: dict, kind: str) -> None:
    entry_kind = entry.get("kind", kind)
    known = KnownOrg(
        name=entry["name"],
        kind=entry_kind,
        subtype=entry.get("type"),
        aliases=tuple(entry.get("aliases", [])),
        same_as=tuple(entry.get("sameAs", [])),
        national_aliases=tuple(
            (country, alias)
            for country, aliases in sorted(entry.get("national_aliases", {}).items())
            for alias in aliases
        ),
    )
    for alias in (known.name, *known.aliases):
        knowledge.known[normalize(alias)] = known
    for country, alias in known.national_aliases:
        knowledge.national_known.setdefault(country, {})[normalize(alias)] = known

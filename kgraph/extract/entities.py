"""In-article entity resolution: one article's mentions become its local entities.

"Trump", "Donald Trump" and "President Trump" share an entity; "DSA" joins "Democratic
Socialists of America"; the type is decided by the evidence of all mentions and the
gazetteer, not by one sentence. Merging across articles is ``kgraph.graph.resolve``.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from ..knowledge import Knowledge, normalize
from ..knowledge.english import (
    KNIGHTLY_HONORIFICS,
    LOCATIVE_PREPOSITIONS,
    PLAIN_HONORIFICS,
    TITLE_GENDERS,
)
from ..knowledge.genders import gender_of_name, starts_with_given_name
from ..records import LocalEntity, Mention
from ..vocab import ORGANIZATION, PERSON, PLACE
from .names import PersonIndex, entity_key, initials, is_acronym, strip_nickname, surname_only

KIND_PRIORITY = {PERSON: 3, ORGANIZATION: 2, PLACE: 1}


@dataclass
class Cluster:
    name: str
    kinds: Counter = field(default_factory=Counter)
    surfaces: Counter = field(default_factory=Counter)
    subtype: str | None = None
    same_as: tuple[str, ...] = ()
    known: bool = False
    person_evidence: bool = False
    placed: int = 0  # mentions after a preposition of place ("in X")


def resolve_mentions(
    mentions: list[Mention], knowledge: Knowledge, text: str = ""
) -> tuple[list[LocalEntity], list[str]]:
    """Cluster one article's mentions; returns its entities and each mention's entity key.
    ``text`` (the article's) lets a gendered honorific before a surname ("Mrs Roe") keep it
    from the full name of another gender ("John Roe")."""
    full_people = person_full_names(mentions)
    people = PersonIndex(full_people)
    long_orgs = [
        m.surface for m in mentions if m.kind == ORGANIZATION and not is_acronym(m.surface)
    ]
    name_words = {
        word for full in full_people if starts_with_given_name(full) for word in full.split()
    }
    clusters: dict[str, Cluster] = {}
    mention_cluster: list[str] = []
    knighted = titled_full_names(mentions, text)
    untitled = PersonIndex({n: f for n, f in full_people.items() if n not in knighted})
    honorifics = [honorific_before(text, mention) for mention in mentions]
    spouses = minority_genders(mentions, honorifics)
    for mention, honorific in zip(mentions, honorifics, strict=True):
        plain = bool(honorific) and normalize(honorific) in PLAIN_HONORIFICS
        index = untitled if plain and knighted else people  # "Mr Roe" is no "Sir Ian Roe"
        name, nickname = canonical_surface(mention, knowledge, index, long_orgs, honorific)
        if plain and normalize(name) in knighted:
            name, nickname = strip_nickname(mention.surface)  # "Mr Roe" is not "Sir John Roe"
        if honorific and (normalize(name), gender_of_honorific(honorific)) in spouses:
            name = titled(honorific, name)  # "Mrs Roe" beside her husband "Mr Roe"
        cluster = clusters.setdefault(normalize(name), Cluster(name=name))
        known = knowledge.lookup(name)
        if known is not None:
            cluster.known, cluster.subtype, cluster.same_as = True, known.subtype, known.same_as
            cluster.kinds[known.kind] += 100
        cluster.kinds[mention.kind] += 1
        if (
            normalize(name) in full_people
            or (mention.title and mention.kind == PERSON)
            or honorific
        ):
            cluster.person_evidence = True
        cluster.placed += located(text, mention)
        cluster.surfaces[mention.surface] += 1
        if mention.title:
            cluster.surfaces[f"{mention.title} {mention.surface}"] += 0
        elif is_honorific(honorific) and len(mention.surface.split()) == 1:
            cluster.surfaces[f"{honorific} {mention.surface}"] += 0  # "Mrs Roe": her gender
        if nickname:
            cluster.surfaces[nickname] += 0
        mention_cluster.append(normalize(name))
    entities = {}
    keys = {}
    for norm, cluster in clusters.items():
        kind = decide_kind(cluster, in_full_name=norm in name_words)
        key = entity_key(kind, cluster.name)
        keys[norm] = key
        aliases = sorted(s for s in cluster.surfaces if s != cluster.name)
        entities[key] = merge_local(
            entities.get(key),
            LocalEntity(
                key=key,
                name=cluster.name,
                kind=kind,
                subtype=cluster.subtype if kind == ORGANIZATION else None,
                aliases=tuple(aliases),
                mention_count=sum(cluster.surfaces.values()),
                same_as=cluster.same_as,
            ),
        )
    ordered = [entities[k] for k in sorted(entities)]
    return ordered, [keys[norm] for norm in mention_cluster]


def merge_local(old: LocalEntity | None, new: LocalEntity) -> LocalEntity:
    if old is None:
        return new
    return LocalEntity(
        key=old.key,
        name=old.name,
        kind=old.kind,
        subtype=old.subtype or new.subtype,
        aliases=tuple(sorted(set(old.aliases) | set(new.aliases))),
        mention_count=old.mention_count + new.mention_count,
        same_as=tuple(sorted(set(old.same_as) | set(new.same_as))),
    )


def person_full_names(mentions: list[Mention]) -> dict[str, str]:
    """Multi-word person names of the article, normalized -> surface (nicknames removed)."""
    names: dict[str, str] = {}
    for mention in mentions:
        if mention.kind != PERSON:
            continue
        surface, _ = strip_nickname(mention.surface)
        if len(surface.split()) >= 2:
            names.setdefault(normalize(surface), surface)
    return {norm: surface for norm, surface in names.items() if not surname_of_another(norm, names)}


def surname_of_another(norm: str, names: dict[str, str]) -> bool:
    """'de blasio' beside 'bill de blasio': a surname with its particle, written with a
    capital at the start of a sentence, is the longer name's surname ('Van Jones' alone is
    a full name)."""
    return surname_only(norm) and any(other.endswith(" " + norm) for other in names)


def gender_of_honorific(word: str) -> str | None:
    return TITLE_GENDERS.get(normalize(word))


def minority_genders(mentions: list[Mention], honorifics: list[str | None]) -> set[tuple[str, str]]:
    """(surname, gender) of the less often titled of two people the article calls by one
    bare surname with honorifics of both genders ("Mr Roe" four times, "Mrs Roe" twice:
    his wife is ("roe", "F")); on a tie, the one titled first keeps the bare surname.
    ``honorifics``: the word before each mention that ``honorific_before`` gives."""
    counts: Counter = Counter()  # (surname, gender) -> times titled so
    first: dict[tuple[str, str], int] = {}  # (surname, gender) -> first mention titled so
    for order, (mention, honorific) in enumerate(zip(mentions, honorifics, strict=True)):
        gender = gender_of_honorific(honorific) if honorific else None
        if gender and mention.kind == PERSON and len(mention.surface.split()) == 1:
            pair = (normalize(mention.surface), gender)
            counts[pair] += 1
            first.setdefault(pair, order)
    both = {surname for surname, gender in counts if gender == "M" and (surname, "F") in counts}
    return {min(((s, "M"), (s, "F")), key=lambda pair: (counts[pair], -first[pair])) for s in both}


def titled(honorific: str | None, surname: str) -> str:
    """'Mrs Roe': a bare surname named with its honorific, never with a kinship word."""
    bare = len(surname.split()) == 1
    return f"{honorific} {surname}" if bare and is_honorific(honorific) else surname


def is_honorific(word: str | None) -> bool:
    """'Mrs', 'Sir' (an alias may keep them), not 'wife' or 'congressman'."""
    return bool(word) and normalize(word) in PLAIN_HONORIFICS | KNIGHTLY_HONORIFICS


def honorific_before(text: str, mention: Mention) -> str | None:
    """'Mrs' in 'Mrs Roe', 'wife' in 'his wife Roe': the gendered word right before a
    mention (the cleaner strips honorifics from the span itself)."""
    word = word_before(text, mention.start)
    if not word or (word.endswith(".") and word.lower() not in TITLE_GENDERS):
        return None  # "the king. X": the word ends a sentence, it is no "Mr."
    return word if normalize(word) in TITLE_GENDERS else None


def word_before(text: str, start: int, reach: int = 24) -> str | None:
    """The whole word right before ``start`` (never the tail of a longer word: "king" of
    "working")."""
    head = text[max(0, start - reach) : start]
    words = head.split()
    if not words or (len(words) == 1 and start > reach and not head[0].isspace()):
        return None
    return words[-1]


def titled_full_names(mentions: list[Mention], text: str) -> set[str]:
    """Full names the article writes with "Sir", "Dame" or "Lord": news copy never calls
    them "Mr" or "Mrs", so a "Mr Roe" of the same article is someone else."""
    return {
        normalize(m.surface)
        for m in mentions
        if len(m.surface.split()) >= 2
        and normalize(honorific_before(text, m) or "") in KNIGHTLY_HONORIFICS
    }


def gender_conflict(honorific: str | None, full_name: str | None) -> bool:
    """'Mrs Roe' is not 'John Roe'; 'Mr Roe' is not 'Jane Roe'."""
    if not honorific or not full_name:
        return False
    wanted = TITLE_GENDERS.get(normalize(honorific))
    known = gender_of_name(full_name)
    return bool(wanted and known and wanted != known)


def canonical_surface(
    mention: Mention,
    knowledge: Knowledge,
    people: PersonIndex,
    long_orgs: list[str],
    honorific: str | None = None,
) -> tuple[str, str | None]:
    """The name a mention's cluster is keyed by: a surname or given name expanded to the
    one full name of the article it fits ('Roe' -> 'Jane Roe', not for 'Mr Roe'), an alias
    to its entry."""
    surface, nickname = strip_nickname(mention.surface)
    full = people.expand(surface) if mention.kind == PERSON else None
    if gender_conflict(honorific, full):
        return surface, nickname
    known = knowledge.lookup(mention.surface)
    if known is not None and not (full and known.kind == PLACE):
        return known.name, None
    full = full or people.expand(surface)
    if full:
        return full, nickname
    if is_acronym(surface):
        expansions = sorted({o for o in long_orgs if initials(o) == surface.replace(".", "")})
        if len(expansions) == 1:
            known = knowledge.lookup(expansions[0])
            return (known.name if known else expansions[0]), None
    return surface, nickname


def decide_kind(cluster: Cluster, in_full_name: bool = False) -> str:
    """Gazetteer first, then any person evidence, then, for a lone word the small model
    calls a person without evidence, its code shape or a preposition of place; then the
    majority of mentions. ``in_full_name``: the name is a word of one of the article's full
    person names ("Kilroy" of "Robert Kilroy Silk"), so no place or code."""
    if cluster.known:
        return cluster.kinds.most_common(1)[0][0]
    if cluster.person_evidence:
        return PERSON
    if PERSON in cluster.kinds and not in_full_name and unevidenced_word(cluster.name):
        if code_like(cluster.name):
            return ORGANIZATION  # "MI6", "G8": no person is written so ("FDR" is)
        if cluster.placed:
            return PLACE  # "leaflets in Swansea"
    return max(cluster.kinds, key=lambda k: (cluster.kinds[k], KIND_PRIORITY.get(k, 0)))


def unevidenced_word(name: str) -> bool:
    """One word that is no given name: nothing but the model's tag says it is a person."""
    return len(name.split()) == 1 and not starts_with_given_name(name)


def code_like(name: str) -> bool:
    """Capitals with digits: a code ("MI6", "G8"), never a person's initials."""
    return name.isupper() and name.isalnum() and any(c.isdigit() for c in name)


def located(text: str, mention: Mention) -> bool:
    """The mention follows a preposition of place and owns nothing ("in Swansea", not
    "in Swansea's mosque", whose owner could be a person)."""
    word = word_before(text, mention.start)
    owned = text[mention.end : mention.end + 2] in ("'s", "’s")
    return bool(word) and word.lower() in LOCATIVE_PREPOSITIONS and not owned

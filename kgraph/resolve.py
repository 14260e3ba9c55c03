"""Stage 3: entity resolution, first inside each article, then across the corpus.

Mentions become one node per real-world entity: "Trump", "Donald Trump" and
"President Trump" share a node; "DSA" joins "Democratic Socialists of America"; the type
is decided by the evidence of all mentions and the gazetteer, not by one sentence.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from .knowledge import Knowledge, normalize
from .records import ArticleExtraction, LocalEntity, Mention
from .vocab import ORGANIZATION, PERSON, PLACE, POST

KIND_PRIORITY = {PERSON: 3, ORGANIZATION: 2, PLACE: 1}
NICKNAME = re.compile(r"\s+[‘'\"“]([^‘’'\"“”]+)[’'\"”]\s+")
STOP_INITIALS = {"of", "the", "and", "for", "in", "on", "at", "to", "&"}


def entity_key(kind: str, name: str) -> str:
    return f"{kind}:{normalize(name)}"


def strip_nickname(surface: str) -> tuple[str, str | None]:
    """'Jane ‘JJ’ Roe' -> ('Jane Roe', 'JJ')."""
    match = NICKNAME.search(surface)
    if not match:
        return surface, None
    return surface[: match.start()] + " " + surface[match.end() :], match.group(1)


def initials(name: str) -> str:
    words = [w for w in re.split(r"[\s-]+", name) if w and w.lower() not in STOP_INITIALS]
    return "".join(w[0] for w in words if w[0].isalpha()).upper()


def is_acronym(name: str) -> bool:
    bare = name.replace(".", "")
    return 2 <= len(bare) <= 6 and bare.isupper() and bare.isalpha()


def tokens(name: str) -> list[str]:
    return normalize(name).split()


@dataclass
class Cluster:
    name: str
    kinds: Counter = field(default_factory=Counter)
    surfaces: Counter = field(default_factory=Counter)
    subtype: str | None = None
    same_as: tuple[str, ...] = ()
    known: bool = False
    person_evidence: bool = False


def resolve_mentions(
    mentions: list[Mention], knowledge: Knowledge
) -> tuple[list[LocalEntity], list[str]]:
    """Cluster one article's mentions; returns its entities and each mention's entity key."""
    full_people = person_full_names(mentions)
    long_orgs = [
        m.surface for m in mentions if m.kind == ORGANIZATION and not is_acronym(m.surface)
    ]
    clusters: dict[str, Cluster] = {}
    mention_cluster: list[str] = []
    for mention in mentions:
        name, nickname = canonical_surface(mention, knowledge, full_people, long_orgs)
        cluster = clusters.setdefault(normalize(name), Cluster(name=name))
        known = knowledge.lookup(name)
        if known is not None:
            cluster.known, cluster.subtype, cluster.same_as = True, known.subtype, known.same_as
            cluster.kinds[known.kind] += 100
        cluster.kinds[mention.kind] += 1
        if normalize(name) in full_people or (mention.title and mention.kind == PERSON):
            cluster.person_evidence = True
        cluster.surfaces[mention.surface] += 1
        if mention.title:
            cluster.surfaces[f"{mention.title} {mention.surface}"] += 0
        if nickname:
            cluster.surfaces[nickname] += 0
        mention_cluster.append(normalize(name))
    entities = {}
    keys = {}
    for norm, cluster in clusters.items():
        kind = decide_kind(cluster)
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
    return names


def canonical_surface(
    mention: Mention, knowledge: Knowledge, full_people: dict[str, str], long_orgs: list[str]
) -> tuple[str, str | None]:
    """The name a mention's cluster is keyed by."""
    surface, nickname = strip_nickname(mention.surface)
    full = expand_surname(surface, full_people) if mention.kind == PERSON else None
    known = knowledge.lookup(mention.surface)
    if known is not None and not (full and known.kind == PLACE):
        return known.name, None
    full = full or expand_surname(surface, full_people)
    if full:
        return full, nickname
    if is_acronym(surface):
        expansions = sorted({o for o in long_orgs if initials(o) == surface.replace(".", "")})
        if len(expansions) == 1:
            known = knowledge.lookup(expansions[0])
            return (known.name if known else expansions[0]), None
    return surface, nickname


def expand_surname(surface: str, full_people: dict[str, str]) -> str | None:
    """'Roe' -> 'Jane Roe' when exactly one full name of the article ends with it."""
    words = tokens(surface)
    if not words or normalize(surface) in full_people:
        return full_people.get(normalize(surface))
    matches = {
        surface_full
        for norm, surface_full in full_people.items()
        if norm.split()[-len(words) :] == words and len(norm.split()) > len(words)
    }
    if len(matches) == 1:
        return matches.pop()
    if matches or len(words) != 1:
        return None
    return expand_given_name(words[0], full_people)


def expand_given_name(word: str, full_people: dict[str, str]) -> str | None:
    """'Hillary' -> 'Hillary Clinton' when exactly one full name starts with the word and
    no full name ends with it (then it is a surname, and ambiguous)."""
    starts = {full for norm, full in full_people.items() if norm.split()[0] == word}
    if len(starts) == 1 and not any(norm.split()[-1] == word for norm in full_people):
        return starts.pop()
    return None


def decide_kind(cluster: Cluster) -> str:
    """Gazetteer first, then any full-name person evidence, then the majority of mentions."""
    if cluster.known:
        return cluster.kinds.most_common(1)[0][0]
    if cluster.person_evidence:
        return PERSON
    return max(cluster.kinds, key=lambda k: (cluster.kinds[k], KIND_PRIORITY.get(k, 0)))


# --- across articles -------------------------------------------------------------------


@dataclass(frozen=True)
class Entity:
    """One node of the graph, merged over all articles."""

    key: str
    name: str
    kind: str
    subtype: str | None
    aliases: tuple[str, ...]
    mention_count: int
    same_as: tuple[str, ...]
    articles: tuple[str, ...]


@dataclass
class Resolution:
    entities: dict[str, Entity]
    key_map: dict[tuple[str, str], str]  # (article id, local key) -> global key

    def global_key(self, article_id: str, local_key: str) -> str:
        return self.key_map[(article_id, local_key)]


def resolve_corpus(
    extractions: Iterable[ArticleExtraction], given_names: dict[str, str] | None = None
) -> Resolution:
    """Merge the articles' local entities into the graph's nodes.

    ``given_names`` maps name variants to one form ("mike" -> "michael", from the
    gazetteer), so "Mike Roe" and "Michael Roe" across articles are one person.
    """
    extractions = list(extractions)
    local_to_name: dict[tuple[str, str], str] = {}
    by_key: dict[str, list[tuple[str, LocalEntity]]] = defaultdict(list)
    for extraction in extractions:
        for entity in extraction.entities:
            by_key[entity.key].append((extraction.article.id, entity))
    renames = compose_renames(
        by_key,
        [kind_renames, lambda groups: variant_renames(groups, given_names or {}), corpus_renames],
    )
    merged: dict[str, list[tuple[str, LocalEntity]]] = defaultdict(list)
    for key, items in by_key.items():
        target = renames.get(key, key)
        merged[target].extend(items)
        for article_id, entity in items:
            local_to_name[(article_id, entity.key)] = target
    entities = {key: merge_entities(key, items) for key, items in sorted(merged.items())}
    return Resolution(entities=entities, key_map=local_to_name)


def kind_renames(by_key: dict[str, list[tuple[str, LocalEntity]]]) -> dict[str, str]:
    """One name typed differently in different articles gets the type most mentions give.

    The small model tags a person's surname as an organisation in some articles; the
    corpus outvotes it. Gazetteer entries keep their type; a person vote counts double,
    since a name seen as a person anywhere rarely names an organisation.
    """
    by_name: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    known = set()
    for key, items in by_key.items():
        kind, norm = key.split(":", 1)
        if kind == POST:
            continue
        weight = 2 if kind == PERSON else 1
        by_name[norm][kind] += weight * sum(e.mention_count for _, e in items)
        if any(e.same_as or e.subtype for _, e in items):
            known.add(norm)
    renames = {}
    for norm, votes in by_name.items():
        if len(votes) < 2 or norm in known:
            continue
        best = max(sorted(votes), key=lambda k: (votes[k], KIND_PRIORITY.get(k, 0)))
        for kind in votes:
            if kind != best:
                renames[f"{kind}:{norm}"] = f"{best}:{norm}"
    return renames


Renamer = Callable[[dict[str, list[tuple[str, LocalEntity]]]], dict[str, str]]


def compose_renames(
    by_key: dict[str, list[tuple[str, LocalEntity]]], stages: list[Renamer]
) -> dict[str, str]:
    """Apply merge stages in turn, each on the groups the previous ones left."""
    target = {key: key for key in by_key}
    groups = by_key
    for stage in stages:
        renames = stage(groups)
        target = {key: renames.get(t, t) for key, t in target.items()}
        regrouped: dict[str, list[tuple[str, LocalEntity]]] = defaultdict(list)
        for key, items in groups.items():
            regrouped[renames.get(key, key)].extend(items)
        groups = regrouped
    return {key: t for key, t in target.items() if t != key}


NAME_SUFFIXES = {"jr", "sr", "ii", "iii", "iv"}


def name_core(name: str, given_names: dict[str, str]) -> tuple[str, str, str] | None:
    """(given name in its full form, surname, middle initials) of a person's name.

    "Joe Biden" and "Joseph R. Biden" share ("joseph", "biden"); the initials keep
    "George W. Bush" ("w") apart from "George H.W. Bush" ("hw").
    """
    words = [w.replace(".", "") for w in normalize(name).split()]
    words = [w for w in words if w and w not in NAME_SUFFIXES]
    if len(words) < 2 or not all(w[:1].isalpha() for w in words):
        return None
    middle = "".join(w if len(w) <= 2 else w[0] for w in words[1:-1])
    return given_names.get(words[0], words[0]), words[-1], middle


def variant_renames(
    groups: dict[str, list[tuple[str, LocalEntity]]], given_names: dict[str, str]
) -> dict[str, str]:
    """Full names that differ only by a nickname or a middle initial name one person."""
    by_core: dict[tuple[str, str], list[tuple[int, str, str, str]]] = defaultdict(list)
    for key, items in groups.items():
        if not key.startswith(PERSON + ":"):
            continue
        name = group_name(key, items)
        core = name_core(name, given_names)
        if core:
            mentions = sum(e.mention_count for _, e in items)
            by_core[core[:2]].append((-mentions, name, key, core[2]))
    renames: dict[str, str] = {}
    for members in by_core.values():
        clusters: list[list[str]] = []  # [representative key, its middle initials]
        for _, _, key, middle in sorted(members, key=lambda m: (m[0], -len(m[1]), m[1])):
            home = next((c for c in clusters if not middle or not c[1] or c[1] == middle), None)
            if home is None:
                clusters.append([key, middle])
                continue
            home[1] = home[1] or middle
            renames[key] = home[0]
    return renames


class PersonIndex:
    """expand_surname over a whole corpus in constant time per name.

    The same answers as ``expand_surname(name, people without name)``, from dictionaries
    built once, so resolution stays linear in the number of people.
    """

    def __init__(self, people: dict[str, str]):
        self.names = people
        self.by_suffix: dict[tuple[str, ...], set[str]] = {}
        self.by_first: dict[str, set[tuple[str, str]]] = {}
        self.last_words: Counter = Counter()
        for norm, surface in people.items():
            words = norm.split()
            if not words:
                continue
            for k in range(1, len(words)):
                self.by_suffix.setdefault(tuple(words[-k:]), set()).add(surface)
            self.by_first.setdefault(words[0], set()).add((norm, surface))
            self.last_words[words[-1]] += 1

    def expand(self, surface: str, exclude: str | None = None) -> str | None:
        words = tokens(surface)
        norm = normalize(surface)
        if not words:
            return None
        if norm in self.names and norm != exclude:
            return self.names[norm]
        matches = self.by_suffix.get(tuple(words), set())
        if len(matches) == 1:
            return next(iter(matches))
        if matches or len(words) != 1:
            return None
        word = words[0]
        starts = {s for n, s in self.by_first.get(word, ()) if n != exclude}
        lasts = self.last_words[word] - (1 if exclude and exclude.split()[-1] == word else 0)
        if len(starts) == 1 and not lasts:
            return starts.pop()
        return None


def group_name(key: str, items: list[tuple[str, LocalEntity]]) -> str:
    """The name a merged group is keyed by (its members may carry other names)."""
    return next((e.name for _, e in items if entity_key(e.kind, e.name) == key), items[0][1].name)


def corpus_renames(by_key: dict[str, list[tuple[str, LocalEntity]]]) -> dict[str, str]:
    """Single-word person names and acronyms that one full name of the corpus explains."""
    renames: dict[str, str] = {}
    people = {k: group_name(k, v) for k, v in by_key.items() if k.startswith(PERSON + ":")}
    orgs = {k: group_name(k, v) for k, v in by_key.items() if k.startswith(ORGANIZATION + ":")}
    index = PersonIndex({normalize(n): n for n in people.values()})
    key_of = {normalize(name): key for key, name in people.items()}
    for key, name in people.items():
        full = index.expand(name, exclude=normalize(name))
        if full:
            renames[key] = key_of[normalize(full)]
    renames.update(surnames_tagged_as_organisations(by_key, people, orgs))
    for key, name in orgs.items():
        if is_acronym(name):
            longs = [
                k for k, n in orgs.items() if k != key and initials(n) == name.replace(".", "")
            ]
            if len(longs) == 1:
                renames[key] = longs[0]
    return renames


def surnames_tagged_as_organisations(
    by_key: dict[str, list[tuple[str, LocalEntity]]],
    people: dict[str, str],
    orgs: dict[str, str],
) -> dict[str, str]:
    """A one-word 'organisation' that is the surname of exactly one person of the corpus.

    The small model often tags a lone surname as ORG in an article that never gives the
    full name; another article does. Unknown organisations only (no gazetteer type or
    identifier), and only when the person is mentioned at least as often.
    """
    by_surname: dict[str, list[str]] = {}
    for key, name in people.items():
        words = name.split()
        if len(words) >= 2:
            by_surname.setdefault(normalize(words[-1]), []).append(key)
    renames = {}
    for key, name in orgs.items():
        items = [e for _, e in by_key[key]]
        if len(name.split()) != 1 or any(e.subtype or e.same_as for e in items):
            continue
        candidates = by_surname.get(normalize(name), [])
        if len(candidates) != 1:
            continue
        person_mentions = sum(e.mention_count for _, e in by_key[candidates[0]])
        if sum(e.mention_count for e in items) <= person_mentions:
            renames[key] = candidates[0]
    return renames


def merge_entities(key: str, items: list[tuple[str, LocalEntity]]) -> Entity:
    named = [e for _, e in items if entity_key(e.kind, e.name) == key] or [e for _, e in items]
    name = max(named, key=lambda e: (len(e.name.split()), e.mention_count, e.name)).name
    kind = key.split(":", 1)[0]
    aliases = set()
    for _, entity in items:
        aliases.update(entity.aliases)
        aliases.add(entity.name)
    aliases.discard(name)
    subtypes = sorted({e.subtype for _, e in items if e.subtype})
    return Entity(
        key=key,
        name=name,
        kind=kind,
        subtype=subtypes[0] if subtypes else None,
        aliases=tuple(sorted(aliases)),
        mention_count=sum(e.mention_count for _, e in items),
        same_as=tuple(sorted({s for _, e in items for s in e.same_as})),
        articles=tuple(sorted({a for a, _ in items})),
    )


def post_key(label: str) -> str:
    return entity_key(POST, label)

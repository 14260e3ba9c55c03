"""Corpus resolution: the articles' local entities merged into the graph's nodes.

One name typed differently in different articles takes the type most mentions give; full
names that differ by a nickname or middle initial are one person; a lone surname or an
acronym joins the one full name of the corpus that explains it.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from ..extract.entities import KIND_PRIORITY, gender_conflict
from ..extract.names import (
    PersonIndex,
    entity_key,
    initials,
    is_acronym,
    name_core,
    surname_only,
)
from ..knowledge import normalize
from ..knowledge.english import PLAIN_HONORIFICS
from ..knowledge.genders import starts_with_given_name
from ..records import ArticleExtraction, LocalEntity
from ..vocab import ORGANIZATION, PERSON, POST
from .nodes import Entity


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
        [
            kind_renames,
            hyphen_renames,
            lambda groups: variant_renames(groups, given_names or {}),
            corpus_renames,
        ],
    )
    merged: dict[str, list[tuple[str, LocalEntity]]] = defaultdict(list)
    for key, items in by_key.items():
        target = renames.get(key, key)
        merged[target].extend(items)
        for article_id, entity in items:
            local_to_name[(article_id, entity.key)] = target
    dates = {x.article.id: article_year(x.article.date) for x in extractions}
    for (article_id, local_key), target in surname_choices(merged, dates).items():
        source = local_to_name[(article_id, local_key)]
        moved = [item for item in merged[source] if item[0] == article_id]
        merged[source] = [item for item in merged[source] if item[0] != article_id]
        merged[target].extend(moved)
        local_to_name[(article_id, local_key)] = target
    merged = {k: v for k, v in merged.items() if v}
    entities = {key: merge_entities(key, items) for key, items in sorted(merged.items())}
    return Resolution(entities=entities, key_map=local_to_name)


# A lone surname is the full-name person of that surname who has this many times the
# mentions of all the others (in articles of the same years when dates are known).
SURNAME_DOMINANCE = 3
SURNAME_MIN_MENTIONS = 3
SURNAME_YEARS = 2  # how far apart articles may be to count as the same time
# Inside an article that names several of them in full, the one it mentions this many
# times as often as the others together.
ARTICLE_DOMINANCE = 2


def article_year(date: str | None) -> int | None:
    """The year of an ISO-like date ('2016-05-01', '2016'), or None."""
    if date and len(date) >= 4 and date[:4].isdigit():
        return int(date[:4])
    return None


def surname_choices(
    merged: dict[str, list[tuple[str, LocalEntity]]], years: dict[str, int | None]
) -> dict[tuple[str, str], str]:
    """(article, local key) of a lone-surname person -> the full-name person it means.

    "Trump" in an article that names no Trump in full is the Trump the corpus mentions most
    around the article's date, when that one has ``SURNAME_DOMINANCE`` times the mentions
    of every other full name ending so ("Clinton" in 2016 news; in 1998 news, another).
    Generational suffixes are other people ("Donald Trump Jr."); family members mentioned
    about as often stay apart, and so does an article that names two of them in full.
    """
    people = {k: v for k, v in merged.items() if k.startswith(PERSON + ":")}
    by_suffix: dict[tuple[str, ...], list[str]] = defaultdict(list)
    for key in people:
        words = tuple(key.split(":", 1)[1].split())
        for k in range(1, len(words)):
            by_suffix[words[-k:]].append(key)
            if "-" in words[-1]:  # "Mr Roe Smith" is "Jane Roe-Smith" written without the hyphen
                by_suffix[tuple(" ".join(words[-k:]).replace("-", " ").split())].append(key)
    mentions_by_year: dict[str, Counter] = {}
    for key, items in people.items():
        counter: Counter = Counter()
        for article_id, entity in items:
            counter[years.get(article_id)] += entity.mention_count
        mentions_by_year[key] = counter
    in_article: dict[str, Counter] = defaultdict(Counter)  # article -> mentions per person
    for key, items in people.items():
        for article_id, entity in items:
            in_article[article_id][key] += entity.mention_count
    choices: dict[tuple[str, str], str] = {}
    for key, items in people.items():
        words = tuple(key.split(":", 1)[1].split())
        surnamed = by_suffix.get(words, [])
        if not surnamed:
            continue
        for article_id, entity in items:
            candidates = [k for k in surnamed if not honorific_conflict(entity, k)]
            if not candidates:
                continue
            named = {k: in_article[article_id][k] for k in candidates if in_article[article_id][k]}
            if named:  # the article names them: its own mentions decide, or nobody
                choice = dominant(named, ratio=ARTICLE_DOMINANCE) or likeliest(
                    sorted(named), years.get(article_id), mentions_by_year
                )
            else:
                choice = likeliest(candidates, years.get(article_id), mentions_by_year)
            if choice is not None:
                choices[(article_id, entity.key)] = choice
    return choices


def honorific_conflict(entity: LocalEntity, full_key: str) -> bool:
    """'Mrs Roe' (an alias of the lone surname) is not 'John Roe'."""
    full_name = full_key.split(":", 1)[1]
    return any(gender_conflict(alias.split()[0], full_name) for alias in entity.aliases if alias)


def likeliest(
    candidates: list[str], year: int | None, mentions_by_year: dict[str, Counter]
) -> str | None:
    """The dominant candidate by mentions near ``year`` (all years when unknown)."""

    def near(key: str) -> int:
        counts = mentions_by_year[key]
        if year is None:
            return sum(counts.values())
        return sum(n for y, n in counts.items() if y is not None and abs(y - year) <= SURNAME_YEARS)

    return dominant({k: near(k) for k in candidates}, SURNAME_MIN_MENTIONS)


def dominant(counts: dict[str, int], least: int = 1, ratio: int = SURNAME_DOMINANCE) -> str | None:
    """The key with ``ratio`` times the count of all the others together."""
    scores = sorted(((n, k) for k, n in counts.items()), reverse=True)
    best, key = scores[0]
    rest = sum(n for n, _ in scores[1:])
    if best >= least and best >= ratio * rest:
        return key
    return None


def kind_renames(by_key: dict[str, list[tuple[str, LocalEntity]]]) -> dict[str, str]:
    """One name typed differently in different articles gets the type most mentions give.

    The small model tags a person's surname as an organisation in some articles; the
    corpus outvotes it. Gazetteer entries keep their type; a person vote counts double
    when the name starts with a known given name or is one word (a surname), since such a
    name seen as a person anywhere rarely names an organisation; "Goldman Sachs" or "Royal
    Mail" the model calls a person has no such weight.
    """
    by_name: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    known = set()
    for key, items in by_key.items():
        kind, norm = key.split(":", 1)
        if kind == POST:
            continue
        weight = 2 if kind == PERSON and person_like(items) else 1
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


def person_like(items: list[tuple[str, LocalEntity]]) -> bool:
    """A one-word name, or one whose first word is a known given name."""
    name = items[0][1].name
    return len(name.split()) == 1 or starts_with_given_name(name)


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


def hyphen_renames(groups: dict[str, list[tuple[str, LocalEntity]]]) -> dict[str, str]:
    """Full names that differ only by a hyphen written as a space ("Robert Kilroy Silk",
    "Robert Kilroy-Silk") are one person, named as most mentions write it."""
    by_form: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for key, items in groups.items():
        kind, norm = key.split(":", 1)
        if kind == PERSON and " " in norm:
            mentions = sum(e.mention_count for _, e in items)
            by_form[norm.replace("-", " ")].append((-mentions, key))
    renames = {}
    for members in by_form.values():
        target = min(members)[1]
        renames.update((key, target) for _, key in members if key != target)
    return renames


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
    mentions = {key: sum(e.mention_count for _, e in by_key[key]) for key in people}
    for key, name in people.items():
        full = index.expand(name, exclude=normalize(name))
        if not full or any(honorific_conflict(e, f"{PERSON}:{full}") for _, e in by_key[key]):
            continue
        target = key_of[normalize(full)]
        if surname_only(name) or mentions[target] >= mentions[key]:
            renames[key] = target  # "Roe" -> "Jane Roe", "Ann Doe" -> "Mary Ann Doe"
        elif target not in renames:
            renames[target] = key  # "Lyin' James Comey" (rare) joins "James Comey"
    renames.update(surnames_tagged_as_organisations(by_key, people, orgs))
    by_initials: dict[str, list[str]] = defaultdict(list)  # once, not once per acronym
    for key, name in orgs.items():
        by_initials[initials(name)].append(key)
    for key, name in orgs.items():
        if is_acronym(name):
            longs = [k for k in by_initials.get(name.replace(".", ""), ()) if k != key]
            if len(longs) == 1:
                renames[key] = longs[0]
    return followed(renames)


def followed(renames: dict[str, str]) -> dict[str, str]:
    """Renames with chains followed to their end (A -> B -> C: A -> C), cycles left out."""
    final = {}
    for key in renames:
        seen, target = {key}, renames[key]
        while target in renames and target not in seen:
            seen.add(target)
            target = renames[target]
        if target != key:
            final[key] = target
    return final


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


def canonical_label(named: list[LocalEntity]) -> str:
    """The form most mentions use (then the fullest, then the first in order): spelling,
    capitals and punctuation follow the body's usage, not one odd article."""
    counts: Counter = Counter()
    for entity in named:
        counts[entity.name] += entity.mention_count
    return max(sorted(counts), key=lambda n: (counts[n], len(n.split()))) if counts else ""


# Honorifics a bare surname is labelled with when the node has only that one ("Mrs Roe",
# "Lord Roe"): they say who the node is, where the surname alone says less.
LABEL_HONORIFICS = PLAIN_HONORIFICS | {"lord", "lady", "baroness"}


def titled_label(name: str, aliases: set[str]) -> str:
    """A one-word person label given as its one honorific form ("Roe" known as "Mrs Roe"
    is labelled "Mrs Roe", a peer "Roe" known as "Lord Roe" "Lord Roe"); else the name."""
    if len(name.split()) != 1:
        return name
    forms = sorted(
        a for a in aliases if len(a.split()) == 2 and a.split()[1] == name
        and normalize(a.split()[0]) in LABEL_HONORIFICS
    )  # fmt: skip
    one = len({normalize(f.split()[0]) for f in forms}) == 1
    return min(forms, key=lambda f: (len(f), f)) if one else name


def merge_entities(key: str, items: list[tuple[str, LocalEntity]]) -> Entity:
    named = [e for _, e in items if entity_key(e.kind, e.name) == key] or [e for _, e in items]
    name = canonical_label(named)
    kind = key.split(":", 1)[0]
    aliases = set()
    for _, entity in items:
        aliases.update(entity.aliases)
        aliases.add(entity.name)
    if kind == PERSON:
        name = titled_label(name, aliases)
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

"""Role nouns the article leaves without a holder, resolved from the knowledge base.

"Gordon Roe ... Mr Roe ... a claim denied by the chancellor": the article never writes
"Chancellor Gordon Roe", so its own titles give "the chancellor" nobody. When exactly one
person the article names is, by the bundled knowledge base, a holder of the office the
role noun names (at the article's date, when it has one), the role noun stands for that
person. The knowledge base only picks the referent of a phrase the text uses; it adds no
holding and no claim.
"""

from __future__ import annotations

from ...knowledge import Knowledge, normalize
from ...knowledge.people import Office, people_by_name
from ...records import Holding, LocalEntity
from ...vocab import PERSON


def known_role_holders(
    entities: list[LocalEntity],
    holdings: list[Holding],
    knowledge: Knowledge,
    date: str | None,
    roles: dict[str, str],
) -> dict[str, str]:
    """Role noun -> the one person of the article the knowledge base gives that office at
    the article's time, for the role nouns the article's own titles leave open. The time is
    the article's date, else the spells of the current posts the article itself states
    ("Home Secretary Jane Roe"); an article with neither resolves nothing this way."""
    index = office_roles(knowledge)
    window = (date, date) if date else stated_window(entities, holdings, index, knowledge)
    if window is None:
        return {}
    candidates: dict[str, set[str]] = {}
    for entity in entities:
        for office in known_offices(entity):
            if overlaps(office, window):
                for role in roles_of(office, index, knowledge):
                    candidates.setdefault(role, set()).add(entity.key)
    return {
        role: next(iter(keys))
        for role, keys in sorted(candidates.items())
        if len(keys) == 1 and role not in roles
    }


def stated_window(
    entities: list[LocalEntity],
    holdings: list[Holding],
    index: dict[str, tuple[str, ...]],
    knowledge: Knowledge,
) -> tuple[str, str] | None:
    """The time the article's current holdings place it in: the overlap of the knowledge
    base's spells of each post the article says a known person holds now."""
    by_key = {e.key: e for e in entities}
    start, end = "", "9999"
    anchored = False
    for holding in holdings:
        entity = by_key.get(holding.holder)
        if holding.status != "current" or entity is None:
            continue
        role = normalize(holding.post.split(" of ")[0])
        spells = [o for o in known_offices(entity) if role in roles_of(o, index, knowledge)]
        if len(spells) != 1 or not spells[0].start:
            continue
        anchored = True
        start = max(start, spells[0].start)
        end = min(end, spells[0].end or "9999")
    return (start, end) if anchored and start <= end else None


def known_offices(entity: LocalEntity) -> tuple[Office, ...]:
    """The offices of the one knowledge-base person of this full name."""
    if entity.kind != PERSON or len(entity.name.split()) < 2:
        return ()
    people = people_by_name().get(normalize(entity.name), ())
    return people[0].offices if len(people) == 1 else ()


def overlaps(office: Office, window: tuple[str, str]) -> bool:
    """Whether the spell meets the window (ISO strings compare by prefix: a spell given by
    years only covers every date of those years)."""
    start, end = window
    return (not office.start or office.start[: len(end)] <= end) and (
        not office.end or start[: len(office.end)] <= office.end
    )


def roles_of(office: Office, index: dict[str, tuple[str, ...]], knowledge: Knowledge) -> tuple:
    """The role nouns naming a KB office, under its own title or the gazetteer's name."""
    post = knowledge.kb_office_posts.get(office.title, office.title)
    return index.get(normalize(post), ())


def office_roles(knowledge: Knowledge) -> dict[str, tuple[str, ...]]:
    """Office title, normalised -> the role nouns that name it: 'Chancellor of the
    Exchequer' -> ('chancellor', ...), by the gazetteer's titles and national posts."""
    found: dict[str, set[str]] = {}
    for key, title in knowledge.titles.items():
        names = {title.post} | {national[1] for national in title.national_posts}
        for name in names:
            found.setdefault(normalize(name), set()).add(key)
    return {office: tuple(sorted(keys)) for office, keys in found.items()}

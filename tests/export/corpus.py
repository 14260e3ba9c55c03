"""A generated news corpus for the map's browser tests: hundreds of articles composed from
hand-written sentence templates and invented names (no real text, nothing copied).

A few people are in most stories and the rest in few, as in real news, so the graph has
hubs, a long tail and more entities than a first view may show.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

FIRST = (  # noqa: SIM905 (a list of names reads best as words)
    "Alma Brenna Corvin Delphine Emrys Farah Gideon Halvard Ilsabet Joram Katrin Lucan "
    "Marit Nerys Oskar Perrin Quilla Rasmus Sigrun Tobiah Ursel Varian Wenna Xaver Ysolde "
    "Zorian Anselm Berit Caspian Dagny"
).split()
LAST = (  # noqa: SIM905 (a list of names reads best as words)
    "Ashgrove Brackwell Calloway Dunmore Elsworth Fenwright Galloway Harwood Inglethorpe "
    "Jessop Kilbride Lockhart Marlowe Norcross Oakridge Pellinore Quartermaine Rosewarne "
    "Stanhope Thornbury Underhill Vantongeren Whitlock Yardley"
).split()
CITIES = ("Port Alderney", "Kestrel Falls", "New Hollis", "Brightwater", "Marrow Bay")
OUTLETS = ("The Lantern", "Morning Courier", "Valley Ledger", "Harbour Times", "Civic Post")
TOPICS = ("the housing plan", "the transit budget", "the school reform", "the water deal")

# (polarity, template): polarity says what the sentence asserts between {a} and {b}
TEMPLATES = (
    ("cooperative", "{a} praised {b} for the work on {topic}."),
    ("cooperative", "{a} endorsed {b} in the race on {day}."),
    ("cooperative", "{a} said she supports {b} on {topic}."),
    ("conflictual", "{a} criticized {b} over {topic}."),
    ("conflictual", "{a} accused {b} of wasting money on {topic}."),
    ("conflictual", "{a} condemned {b} after the vote on {day}."),
    ("neutral", "{a} met {b} in {city} on {day}."),
)
ROLES = ("Senator", "Representative", "Governor", "Mayor", "Commissioner")
DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")


def people(count: int, rng: random.Random) -> list[str]:
    """``count`` distinct invented full names, in a fixed order."""
    names = sorted({f"{f} {last}" for f in FIRST for last in LAST})
    rng.shuffle(names)
    return names[:count]


def pick(cast: list[str], rng: random.Random) -> str:
    """A person: half the time a Zipf-like draw (hubs), else anyone (the long tail)."""
    if rng.random() < 0.5:
        return rng.choice(cast)
    return cast[min(int(rng.paretovariate(0.8)) - 1, len(cast) - 1)]


def titled(name: str, cast: list[str]) -> str:
    """The name with the same title every time (so the entity is a person with a post)."""
    return f"{ROLES[cast.index(name) % len(ROLES)]} {name}"


def article(n: int, cast: list[str], rng: random.Random) -> dict:
    """One dated article of a few sentences between pairs of the cast."""
    sentences = []
    for _ in range(rng.randint(3, 5)):
        a = pick(cast, rng)
        b = next(p for p in (pick(cast, rng) for _ in range(50)) if p != a)
        _, template = rng.choice(TEMPLATES)
        sentences.append(
            template.format(
                a=titled(a, cast),
                b=titled(b, cast),
                topic=rng.choice(TOPICS),
                city=rng.choice(CITIES),
                day=rng.choice(DAYS),
            )
        )
    month, day = 1 + n % 12, 1 + n % 28
    return {
        "id": f"gen-{n:04d}",
        "title": f"Council report {n} from {rng.choice(CITIES)}",
        "date": f"2023-{month:02d}-{day:02d}",
        "source": OUTLETS[n % len(OUTLETS)],
        "text": " ".join(sentences),
    }


def write_corpus(folder: Path, articles: int = 300, cast: int = 260, seed: int = 7) -> Path:
    """Write ``articles`` generated articles as one .jsonl file; same arguments, same file."""
    rng = random.Random(seed)
    names = people(cast, rng)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "generated.jsonl"
    lines = [json.dumps(article(n, names, rng), sort_keys=True) for n in range(articles)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path

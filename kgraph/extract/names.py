"""Rules on people's and organisations' names, shared by in-article and corpus resolution.

"Roe" is "Jane Roe" when exactly one full name ends with it; "Mike Roe" and "Michael J.
Roe" share a core; "DSA" is the initials of "Democratic Socialists of America".
"""

from __future__ import annotations

import re
from collections import Counter

from ..knowledge import normalize
from ..knowledge.english import INITIALS_STOP_WORDS, NAME_SUFFIXES, SURNAME_PARTICLES
from ..knowledge.genders import given_name_genders

NICKNAME = re.compile(r"\s+[‘'\"“]([^‘’'\"“”]+)[’'\"”]\s+")


def entity_key(kind: str, name: str) -> str:
    return f"{kind}:{normalize(name)}"


def strip_nickname(surface: str) -> tuple[str, str | None]:
    """'Jane ‘JJ’ Roe' -> ('Jane Roe', 'JJ')."""
    match = NICKNAME.search(surface)
    if not match:
        return surface, None
    return surface[: match.start()] + " " + surface[match.end() :], match.group(1)


def initials(name: str) -> str:
    words = [w for w in re.split(r"[\s-]+", name) if w and w.lower() not in INITIALS_STOP_WORDS]
    return "".join(w[0] for w in words if w[0].isalpha()).upper()


def is_acronym(name: str) -> bool:
    bare = name.replace(".", "")
    return 2 <= len(bare) <= 6 and bare.isupper() and bare.isalpha()


def tokens(name: str) -> list[str]:
    return normalize(name).split()


def surname_only(name: str) -> bool:
    """'Roe', 'de Roe', 'Van Doe': a surname alone, its particles included."""
    words = tokens(name)
    return bool(words) and all(w in SURNAME_PARTICLES for w in words[:-1])


def name_core(name: str, given_names: dict[str, str]) -> tuple[str, str, str] | None:
    """(given name in its full form, surname, middle initials) of a person's name.

    "Joe Biden" and "Joseph R. Biden" share ("joseph", "biden"); the initials keep
    "George W. Bush" ("w") apart from "George H.W. Bush" ("hw"), and a generational suffix
    stays with the surname, so "Donald Trump Jr." ("trump jr") is not his father.
    """
    words = [w.replace(".", "").strip(",") for w in normalize(name).split()]
    suffixes = [w for w in words if w in NAME_SUFFIXES]
    words = [w for w in words if w and w not in NAME_SUFFIXES]
    if len(words) < 2 or not all(w[:1].isalpha() for w in words):
        return None
    middle = "".join(w if len(w) <= 2 else w[0] for w in words[1:-1])
    surname = " ".join([words[-1], *suffixes])
    return given_names.get(words[0], words[0]), surname, middle


class PersonIndex:
    """Full person names (normalized -> surface), indexed to expand a partial name.

    Built once per article or corpus, so each lookup takes constant time and resolution
    stays linear in the number of people.
    """

    def __init__(self, people: dict[str, str]):
        self.names = people
        self.by_suffix: dict[tuple[str, ...], set[str]] = {}
        self.by_first: dict[str, set[tuple[str, str]]] = {}
        self.last_words: Counter = Counter()
        self.hyphen_heads: dict[str, set[str]] = {}
        for norm, surface in people.items():
            words = norm.split()
            if not words:
                continue
            if "-" in words[-1].strip("-"):
                self.hyphen_heads.setdefault(words[-1].split("-")[0], set()).add(surface)
            for k in range(1, len(words)):
                self.by_suffix.setdefault(tuple(words[-k:]), set()).add(surface)
            self.by_first.setdefault(words[0], set()).add((norm, surface))
            self.last_words[words[-1]] += 1

    def expand(self, surface: str, exclude: str | None = None) -> str | None:
        """'Roe' -> 'Jane Roe' when exactly one full name ends with it; a lone given name
        ('Hillary') when exactly one full name starts with it and none ends with it (then
        it is a surname, and ambiguous). ``exclude`` leaves out the name itself."""
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
        if len(starts) == 1 and not lasts and word in given_name_genders():
            return starts.pop()  # "Trump" is not "Trump Jr.", nor "Obama" "Obama Attack Ads"
        return self.hyphen_head(word, lasts, exclude)

    def hyphen_head(self, word: str, lasts: int, exclude: str | None) -> str | None:
        """'Kilroy' -> 'Robert Kilroy-Silk': the first half of one double-barrelled surname,
        when no full name ends with the word and it is no given name ('Jane' of 'Smith-Jane'
        stays alone)."""
        heads = {s for s in self.hyphen_heads.get(word, ()) if normalize(s) != exclude}
        if len(heads) == 1 and not lasts and word not in given_name_genders():
            return heads.pop()
        return None

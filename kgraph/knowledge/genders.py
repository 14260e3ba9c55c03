"""Given names and the gender they point to (``data/given_names.tsv``), read once per
process, so that a pronoun is not resolved to a person it cannot stand for.

Built from open data on politicians by ``tools/build_given_names.py`` (sources and
licences in the README); names borne by both genders are not in it.
"""

from __future__ import annotations

from functools import cache

from .files import DATA
from .text import fold

GIVEN_NAMES_FILE = "given_names.tsv"


@cache
def given_name_genders() -> dict[str, str]:
    """Folded given name -> "F" or "M"."""
    table = {}
    for line in (DATA / GIVEN_NAMES_FILE).read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            name, gender, _count = line.split("\t")
            table[name] = gender
    return table


def gender_of_name(name: str) -> str | None:
    """The gender a person's name points to by its first word, or None when unknown or
    shared ("Margaret Roe" -> "F", "Roe" -> None, "Robin Roe" -> whatever the data says)."""
    words = name.split()
    if len(words) < 2:
        return None
    return given_name_genders().get(fold(words[0]))


def starts_with_given_name(name: str) -> bool:
    """Whether the first word is a known given name ("Robert Kilroy Silk", "Lucy"; not
    "Swansea Unite", "Goldman Sachs")."""
    words = name.split()
    return bool(words) and fold(words[0]) in given_name_genders()

"""Text normalisation: the comparison keys and IRI segments every phase derives from names."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache


@lru_cache(maxsize=1 << 16)
def normalize(name: str) -> str:
    """A comparison key: case, curly quotes, dashes, a leading "the" and spacing ignored."""
    text = unicodedata.normalize("NFKC", name)
    text = text.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    text = re.sub(r"[\u2010-\u2015]", "-", text)
    text = re.sub(r"\s+", " ", text).strip().lower()
    text = re.sub(r"^the ", "", text)
    return text.strip(" .,'\"")


QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"'})


def fold(text: str) -> str:
    """'  Jane RÖE ' -> 'jane roe': no accents, no case, single spaces (how names are
    looked up in data files and typed by users)."""
    decomposed = unicodedata.normalize("NFKD", text.translate(QUOTES))
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(bare.casefold().split())


def slug(name: str) -> str:
    """An IRI-safe, stable path segment derived from a name."""
    text = unicodedata.normalize("NFKD", normalize(name))
    text = text.encode("ascii", "ignore").decode()
    text = re.sub(r"[^a-z0-9]+", "-", text).strip("-")
    return text or "x"

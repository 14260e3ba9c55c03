"""Reading articles: one reader per file format (``readers``), metadata index files
(``metadata``) and the corpus of unique articles they make (``corpus``)."""

from .corpus import read_articles

__all__ = ["read_articles"]

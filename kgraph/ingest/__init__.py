"""Reading articles: one reader per file format (``readers``), metadata index files
(``metadata``) and the corpus of unique articles they make (``corpus``)."""

from .corpus import Corpus, InputCounts, read_articles, read_corpus

__all__ = ["Corpus", "InputCounts", "read_articles", "read_corpus"]

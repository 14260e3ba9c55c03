"""What kgraph knows before it reads an article: gazetteer, lexicon, English word lists.

Knowledge is data (``data/*.json``, ``english.py``); the extraction rules that use it live
in ``kgraph.extract``.
"""

from .base import Knowledge, load_knowledge
from .files import DATA, load_json
from .gazetteer import KnownOrg, PostData, Title
from .lexicon import RelationRules, Trigger
from .text import normalize, slug

__all__ = [
    "DATA",
    "Knowledge",
    "KnownOrg",
    "PostData",
    "RelationRules",
    "Title",
    "Trigger",
    "load_json",
    "load_knowledge",
    "normalize",
    "slug",
]

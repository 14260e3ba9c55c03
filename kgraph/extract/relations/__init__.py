"""Political relations from the dependency parse, driven by the relation lexicon.

The engine in layers: ``context`` (what one article's rules know), ``references``
(pronouns, role and proxy nouns), ``paths`` (lexicon path steps over the parse),
``arguments`` (subjects and objects), ``qualifiers`` (negation, modality, speaker) and
``extractor`` (claims from matched triggers).
"""

from .extractor import claims_in

__all__ = ["claims_in"]

"""'The government' in news from a country whose government the gazetteer names: a mention
of that government, so that "X criticised the government" relates X to it.

Only the bare phrase counts: "the Iraqi government", "the local government", "the
government of Iraq" and "the government in Baghdad" name some other government.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ..knowledge import Knowledge
from ..knowledge.english import STAND_IN_NOUNS
from ..records import Mention
from ..vocab import ORGANIZATION

# Words after "the government" that say whose or where it is.
QUALIFYING_WORDS = frozenset({"of", "in", "at"})


def government_mentions(
    doc: Doc, mentions: list[Mention], knowledge: Knowledge, country: str | None
) -> list[Mention]:
    """The article's mentions with one added for each bare 'the government' of the
    article's ``country`` (``article_country``), in order."""
    name = knowledge.national_governments.get(country or "")
    if name is None:
        return mentions
    taken = {i for m in mentions for i in range(m.start, m.end)}
    sentence_of = {token.i: n for n, sent in enumerate(doc.sents) for token in sent}
    added = [
        Mention(
            start=token.idx,
            end=token.idx + len(token.text),
            surface=name,
            kind=ORGANIZATION,
            sentence=sentence_of[token.i],
        )
        for token in doc
        if bare_government(token) and token.idx not in taken
    ]
    return sorted([*mentions, *added], key=lambda m: m.start)


def bare_government(token: Token) -> bool:
    """'the government' with no word that makes it another one, or 'government' before
    the plans it owns ('government proposals are unrealistic')."""
    doc = token.doc
    if token.text != "government":
        return False
    if owning_government(token):
        return True
    if token.i == 0 or doc[token.i - 1].lower_ != "the":
        return False
    if any(c.dep_ in ("amod", "compound", "nmod", "poss") for c in token.children):
        return False
    after = doc[token.i + 1] if token.i + 1 < len(doc) else None
    return after is None or after.lower_ not in QUALIFYING_WORDS


def owning_government(token: Token) -> bool:
    """'government proposals', 'the government plans': 'government' qualifying the plans
    it makes, with no word before it that makes it another one ('local government plans',
    'Iraqi government proposals')."""
    head = token.head
    if token.dep_ != "compound" or head.lower_ not in STAND_IN_NOUNS:
        return False
    if any(c.dep_ in ("amod", "compound", "nmod", "poss") for c in token.children):
        return False
    before = [c for c in head.children if c.i < token.i and c.dep_ != "det"]
    return not before

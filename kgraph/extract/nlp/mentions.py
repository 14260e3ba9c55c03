"""Mentions: the cleaned entity spans of a parsed document, with the titles before people."""

from __future__ import annotations

from spacy.tokens import Doc, Span

from ...knowledge import Knowledge
from ...knowledge.english import PORTFOLIO_WORDS, POSSESSIVE_ENDINGS
from ...records import Mention
from ...vocab import ORGANIZATION, PERSON, PLACE

DASHES = frozenset({"-", "–", "—"})

LABEL_KINDS = {
    "PERSON": PERSON,
    "ORG": ORGANIZATION,
    "GPE": PLACE,
    "LOC": PLACE,
    "FAC": PLACE,
    "NORP": None,
}


def mention_kind(ent: Span, knowledge: Knowledge) -> str | None:
    known = knowledge.lookup(ent.ent_id_ or ent.text)
    if known is not None:
        return known.kind
    return LABEL_KINDS.get(ent.label_)


def mentions_in(doc: Doc, knowledge: Knowledge) -> list[Mention]:
    """Every entity mention in the document, with the title words in front of a person."""
    sentence_of = {}
    for index, sent in enumerate(doc.sents):
        for token in sent:
            sentence_of[token.i] = index
    mentions = []
    for ent in doc.ents:
        kind = mention_kind(ent, knowledge)
        if kind is None:
            continue
        title = title_before(ent, knowledge) if kind == PERSON or ent.label_ == "PERSON" else None
        mentions.append(
            Mention(
                start=ent.start_char,
                end=ent.end_char,
                surface=ent.text,
                kind=kind,
                sentence=sentence_of[ent.start],
                title=title,
            )
        )
    return mentions


def title_before(ent: Span, knowledge: Knowledge) -> str | None:
    """The run of title, status and jurisdiction words right before a person's name.

    'New York City Mayor-elect Jane Roe' -> 'New York City Mayor-elect';
    'Former Mayor John Doe' -> 'Former Mayor'. Returns None when no title word is there.
    """
    doc = ent.doc
    i = ent.start - 1
    has_title = False
    in_org = False  # inside a capitalised organisation name: 'Oversight Committee Chairman'
    modifiers = knowledge.posts.modifiers
    org_words = knowledge.organization_words
    while i >= ent.sent.start:
        token = doc[i]
        if token.text in DASHES and token.whitespace_:
            break  # 'Photo - President Roe': a spaced dash ends the title ('Mayor-elect' does not)
        two = words_before(doc, i, 2, ent.sent.start)
        three = words_before(doc, i, 3, ent.sent.start)
        if three and knowledge.title(three):
            has_title, i = True, i - 3
        elif two and knowledge.title(two):
            has_title, i = True, i - 2
        elif knowledge.title(token.text) and token.pos_ in ("PROPN", "NOUN") and not token.is_punct:
            has_title, i = True, i - 1
        elif (
            token.lower_ in knowledge.status_cues
            or token.text in DASHES
            or token.lower_ == "elect"
            or token.ent_type_ in ("GPE", "NORP", "LOC", "ORG")
            or token.text in knowledge.demonyms
            or token.lower_ in POSSESSIVE_ENDINGS
            and has_title
            or token.lower_ in modifiers
            and has_title
            or has_title
            and "-" in token.text
            and token.text.split("-")[0].lower() in knowledge.status_cues
        ):
            i -= 1
        elif has_title and token.is_alpha and token.is_upper and len(token.text) >= 2:
            i -= 1  # an acronym before the title: 'CTU president', 'ACPO president'
        elif (
            has_title
            and token.is_alpha
            and token.pos_ in ("NOUN", "ADJ", "PROPN")
            and token.dep_ in ("compound", "amod", "nmod")
            and i < token.head.i < ent.end
        ):
            i -= 1  # words qualifying the title: 'home affairs spokesman', 'company President'
        elif has_title and portfolio_word(doc, i):
            i -= 1  # 'Culture, Media and Sport Secretary', 'Trade and Industry Secretary'
        elif has_title and token.text[:1].isupper() and token.lower_ in org_words:
            in_org, i = True, i - 1
        elif in_org and (token.pos_ == "PROPN" and token.is_title or token.lower_ == "of"):
            i -= 1
        else:
            break
    if not has_title:
        return None
    start = i + 1
    while start < ent.start and (doc[start].is_punct or doc[start].text in DASHES):
        start += 1  # '- President Roe' (a caption's dash) -> 'President'
    return doc[start : ent.start].text.strip() or None


def portfolio_word(doc: Doc, i: int) -> bool:
    """A capitalised word of a portfolio, or the 'and' or comma between two of them."""
    token = doc[i]
    if token.lower_ in PORTFOLIO_WORDS:
        return token.text[:1].isupper()
    return (
        token.lower_ in (",", "and", "&")
        and i > 0
        and doc[i - 1].lower_ in PORTFOLIO_WORDS
        and doc[i - 1].text[:1].isupper()
    )


def intraword_hyphen(token) -> bool:
    """The hyphen of 'Secretary-General': no space on either side."""
    return (
        token.text == "-"
        and not token.whitespace_
        and token.i > 0
        and not token.doc[token.i - 1].whitespace_
    )


def words_before(doc: Doc, i: int, size: int, floor: int) -> str:
    """The ``size`` tokens ending at ``i``, or '' when they cross punctuation or the sentence."""
    if i - size + 1 < floor:
        return ""
    span = doc[i - size + 1 : i + 1]
    if any(tok.is_punct and tok.text != "." and not intraword_hyphen(tok) for tok in span):
        return ""
    return span.text

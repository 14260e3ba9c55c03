"""The entity cleaner: trims entity spans to the bare name and drops what is no name.

It also corrects the small model's person-vs-organisation errors from evidence in the
sentence (a title or honorific before the span, "X said", a person's surname).
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from ...knowledge import Knowledge, normalize
from ...knowledge.english import (
    CAMPAIGN_WORDS,
    CASE_SEPARATORS,
    CLOSE_QUOTES,
    CONSTITUENCY_MEMBERS,
    CREDIT_WORDS,
    DETERMINERS,
    DISTRIBUTIVE_DETERMINERS,
    LOCATIVE_PREPOSITIONS,
    NOT_NAMES,
    OPEN_QUOTES,
    PERSON_PRONOUNS,
    PERSON_SPEECH_VERBS,
    PLACE_RELATIVES,
    PLAIN_HONORIFICS,
    POSSESSIVE_ENDINGS,
)
from ...knowledge.genders import gender_of_name, given_name_genders
from ...knowledge.text import fold

CREDIT = re.compile(rf"\b({'|'.join(CREDIT_WORDS)})s?\b", re.I)
FUNCTION_POS = {"DET", "ADP", "CCONJ", "SCONJ", "PART", "PRON", "AUX"}


# "CornynThe", "McCarthyOcasio-Cortez", "LeeMike": page furniture glued on a name; the
# capital after a surname prefix ("McCarthy", "MacArthur", "DeSantis") is the name's own.
SURNAME_PREFIX = re.compile(r"^(?:Mac|Mc|De|Di|Da|Du|La|Le|Van|Von|Fitz|O')(?=[A-Z])")
GLUED_WORD = re.compile(r"^[A-Z][a-z]{2,}[A-Z]")


def glued(word: str) -> bool:
    prefix = SURNAME_PREFIX.match(word)
    return bool(GLUED_WORD.match(word[prefix.end() :] if prefix else word))


class EntityCleaner:
    """Trims entity spans to the bare name and drops spans that are not names.

    It also corrects the small model's person-vs-organisation errors from evidence in the
    sentence: an ORG span with no organisation word that has a title or honorific before it,
    or that speaks ("X said"), or that repeats a person's surname, is a person.
    """

    def __init__(self, knowledge: Knowledge):
        self.knowledge = knowledge

    def __call__(self, doc: Doc) -> Doc:
        lowercase = {t.lower_ for t in doc if t.is_lower}
        spans = [s for s in (self.trim(e) for e in join_nicknames(doc)) if s is not None]
        spans = [person_with_known_surname(s, lowercase) for s in spans]
        people = person_words(spans)
        cleaned = []
        for span in spans:
            span = self.as_place(self.relabel(span, people))
            if self.is_name(span, lowercase, people):
                cleaned.append(span)
        doc.ents = filter_spans(cleaned)
        return doc

    def trim(self, ent: Span) -> Span | None:
        """Drop quotes, determiners, honorifics, possessives, titles and dangling words."""
        start, end = ent.start, ent.end
        doc = ent.doc
        label = ent.label_
        while start < end and (
            doc[start].lower_ in DETERMINERS or doc[start].is_punct or doc[start].is_space
        ):
            start += 1
        while start < end - 1 and normalize(doc[start].text) in self.knowledge.honorifics:
            start, label = start + 1, "PERSON"
        for i in range(start + 1, end - 1):  # 'Tanzania Mr Brown': the name starts after Mr
            if doc[i].lower_ in PLAIN_HONORIFICS and doc[i].text[:1].isupper():
                start, label = i + 1, "PERSON"
        start, end = cut_possessive(doc, start, end, label)
        while end > start and (
            doc[end - 1].lower_ in POSSESSIVE_ENDINGS
            or doc[end - 1].is_punct
            or doc[end - 1].is_space
            or (doc[end - 1].is_lower and doc[end - 1].pos_ in FUNCTION_POS)
        ):
            end -= 1
        if label == "PERSON":
            start = self.skip_titles(doc, start, end)
            start = skip_headline_words(doc, start, end)
        if start >= end:
            return None
        kb_id = ent.kb_id_ if (start, end) == (ent.start, ent.end) else ""
        return Span(doc, start, end, label=label, kb_id=kb_id, span_id=ent.id_)

    def skip_titles(self, doc: Doc, start: int, end: int) -> int:
        """'President Trump' as one PERSON span becomes 'Trump'; the title is found later."""
        for size in (3, 2, 1):
            words = doc[start : min(start + size, end)].text
            cue = normalize(words)
            if start + size < end and (
                self.knowledge.title(words)
                or cue in self.knowledge.status_cues
                or cue in self.knowledge.honorifics
            ):
                return self.skip_titles(doc, start + size, end)
        return start

    def as_place(self, span: Span) -> Span:
        """'Trump Tower', 'Grosvenor Square': a 'person' ending in a place word is a place;
        so is a person or organisation the sentence shows to be a place (see
        ``placed_by_context``)."""
        if (
            span.label_ == "PERSON"
            and len(span) >= 2
            and span[-1].text in self.knowledge.place_words
        ):
            return Span(span.doc, span.start, span.end, label="FAC")
        if span.label_ in ("PERSON", "ORG") and not self.known(span) and placed_by_context(span):
            return Span(span.doc, span.start, span.end, label="GPE")
        if span.label_ == "PERSON" and len(span) >= 2 and span[0].lower_ in CAMPAIGN_WORDS:
            return Span(span.doc, span.start, span.end, label="ORG")  # 'Team Roe': her campaign
        return span

    def known(self, span: Span) -> bool:
        return bool(span.kb_id_) or self.knowledge.lookup(span.text) is not None

    def relabel(self, span: Span, people: set[str]) -> Span:
        """An ORG or place span that the sentence shows to be a person becomes PERSON."""
        if span.label_ not in ("ORG", "GPE") or self.known(span):
            return span
        words = [t for t in span if not t.is_punct]
        if not words or len(words) > 3 or not all(t.text[:1].isupper() for t in words):
            return span
        if any(t.lower_ in self.knowledge.organization_words for t in words):
            return span
        if is_acronym_token(span):
            return span
        if (
            words[-1].lower_ in people
            or self.has_title_before(span)
            or (len(words) >= 2 and speaks(span))
            or (span.label_ == "ORG" and len(words) >= 2 and described_as_person(span))
        ):
            start = self.skip_titles(span.doc, span.start, span.end)
            return Span(span.doc, start, span.end, label="PERSON")
        return span

    def has_title_before(self, span: Span) -> bool:
        if span.start == 0:
            return False
        before = span.doc[span.start - 1]
        key = normalize(before.text)
        return key in self.knowledge.honorifics or (
            self.knowledge.title(before.text) is not None and before.text[:1].isupper()
        )

    def is_name(self, span: Span, lowercase: set[str], people: set[str]) -> bool:
        text = span.text.strip()
        key = normalize(text)
        if len(key) < 2 or key in NOT_NAMES or key in self.knowledge.not_entities:
            return False
        if not any(ch.isupper() for ch in text) or "\n" in text or key.startswith("non-"):
            return False
        if all(tok.is_stop or tok.is_punct or tok.like_num for tok in span):
            return False
        if after_distributive(span):
            return False
        if self.known(span):
            return not in_photo_credit(span)
        if len(span) == 1 and not self.plausible_single_word(span[0], lowercase, people):
            return False
        if span.label_ == "PERSON" and (not plausible_person(span) or link_text_follows(span)):
            return False
        if glued(span[0].text):  # "TrumpWest Virginia": link text glued to a name
            return False
        return not in_photo_credit(span)

    def plausible_single_word(self, token, lowercase: set[str], people: set[str]) -> bool:
        """One capitalised word is a name unless the text also uses it as a common word."""
        if token.pos_ in ("ADV", "ADJ", "VERB", "PRON", "ADP", "INTJ", "AUX"):
            return False
        if token.text in self.knowledge.demonyms or token.tag_ in ("NNPS", "NNS"):
            return False
        return token.lower_ in people or token.lower_ not in lowercase


def after_distributive(span: Span) -> bool:
    """'every single New Yorker', 'each Texan': one of many people, no name."""
    i = span.start - 1
    while i >= span.sent.start and span.doc[i].pos_ == "ADJ":
        i -= 1
    return i >= span.sent.start and span.doc[i].lower_ in DISTRIBUTIVE_DETERMINERS


def person_with_known_surname(span: Span, lowercase: set[str]) -> Span:
    """'Michael Bloomberg', 'Mike Honda': a one-word organisation name right after a given
    name (a capitalised word the text never writes in lower case) is a person's surname,
    though the gazetteer knows the word as a company's."""
    if span.label_ != "ORG" or len(span) != 1 or span.start == 0:
        return span
    given = span.doc[span.start - 1]
    if (
        not given.is_title
        or not given.is_alpha
        or given.lower_ in lowercase
        or fold(given.text) not in given_name_genders()
        or given.ent_type_
    ):
        return span
    span[0].ent_id_ = ""  # the gazetteer's entry no longer names it
    return Span(span.doc, span.start - 1, span.end, label="PERSON")


def cut_possessive(doc: Doc, start: int, end: int, label: str) -> tuple[int, int]:
    """'Tillerson's Russian' -> 'Tillerson'; "the institute's City Journal" -> 'City Journal'."""
    for i in range(start + 1, end - 1):
        if doc[i].lower_ in ("'s", "’s"):
            if label != "PERSON" and doc[i + 1].text[:1].isupper():
                return i + 1, end
            return start, i
    return start, end


def person_words(spans: list[Span]) -> set[str]:
    """First and last words of the multi-word person names of the document."""
    words = set()
    for span in spans:
        if span.label_ == "PERSON" and len(span) >= 2:
            words.update((span[0].lower_, span[-1].lower_))
    return words


def placed_by_context(span: Span) -> bool:
    """'Dorset and Torbay' (listed with places only), 'Leicester South, where ...', 'the
    MP for Leicester South': the small model's person or organisation is a place."""
    doc = span.doc
    followed = span.end + 1 < len(doc) and doc[span.end].text == ","
    if followed and doc[span.end + 1].lower_ in PLACE_RELATIVES and not named_like_a_person(span):
        return True
    after_for = span.start >= 2 and doc[span.start - 1].lower_ == "for"
    if after_for and doc[span.start - 2].lower_ in CONSTITUENCY_MEMBERS:
        return True
    return listed_with_places(span)


def named_like_a_person(span: Span) -> bool:
    """'State Rep. Jane Roe, where ...': a title before it or a given name in front keep a
    name a person's even before "where" (the reporter's "where" is then loose)."""
    before = span.doc[span.start - 1] if span.start else None
    titled = before is not None and before.text[:1].isupper() and before.pos_ == "PROPN"
    return titled or gender_of_name(span.text) is not None


def listed_with_places(span: Span) -> bool:
    """A one-word name in a list ('Bath, Dorset and Torbay') with at least two places in
    it, or one in a list after "in" or "across", and no full-named person: people in lists
    are written with their full names."""
    if len(span) != 1:
        return False
    first = span.root
    while first.dep_ == "conj" and first.head is not first:
        first = first.head
    doc = span.doc
    others = [doc[i] for i in coordinated(first) if i != span.start and doc[i].ent_type_]
    places = sum(t.ent_type_ in ("GPE", "LOC") for t in others)
    if first.dep_ == "pobj" and first.head.lower_ in LOCATIVE_PREPOSITIONS:
        places += 1  # "campaigned in A, B and C": the list itself is of places
    full_people = any(t.ent_type_ == "PERSON" and t.ent_iob_ == "I" for t in others) or any(
        t.ent_type_ == "PERSON" and t.i + 1 < len(doc) and doc[t.i + 1].ent_iob_ == "I"
        for t in others
    )
    return places >= 2 and not full_people


def coordinated(first: Token) -> set[int]:
    """The token indices of a coordination's items: its first item and the conj chain."""
    items = {first.i}
    frontier = [first]
    while frontier:
        for child in frontier.pop().children:
            if child.dep_ == "conj":
                items.add(child.i)
                frontier.append(child)
    return items


def is_acronym_token(span: Span) -> bool:
    return len(span) == 1 and span.text.replace(".", "").isupper()


def speaks(span: Span) -> bool:
    """'X said', 'X told reporters', 'said X': only people speak in news copy."""
    root = span.root
    if root.dep_ in ("nsubj", "nsubjpass") and root.head.lemma_ in PERSON_SPEECH_VERBS:
        return True
    after = span.doc[span.end] if span.end < len(span.doc) else None
    return after is not None and after.lemma_ in PERSON_SPEECH_VERBS and after.pos_ == "VERB"


def described_as_person(span: Span) -> bool:
    """'X, who ...' or a person pronoun right after the name in the same sentence."""
    doc = span.doc
    following = doc[span.end : min(span.end + 3, span.sent.end)]
    return any(t.lower_ == "who" for t in following) or any(
        t.lower_ in PERSON_PRONOUNS for t in following[1:]
    )


def link_text_follows(span: Span) -> bool:
    """'President Trump Donald John TrumpWest Virginia ...': a name running into a glued
    token that starts with one of its words is the text of a related-story link."""
    doc = span.doc
    words = {t.text for t in span if t.is_alpha}
    for token in doc[span.end : min(span.end + 3, len(doc))]:
        if glued(token.text) and any(token.text.startswith(w) for w in words):
            return True
    return False


def plausible_person(span: Span) -> bool:
    """No glued page furniture ('CornynThe'), no court case ('Roe v. Wade'), no all-caps
    acronyms of four letters or more."""
    if any(glued(t.text) for t in span):
        return False
    if any(t.lower_ in CASE_SEPARATORS for t in span[1:-1]):
        return False
    bare = span.text.replace(".", "").replace(" ", "")
    return not (len(bare) >= 4 and bare.isupper())


# Parts of speech that never open a person's name: headline verbs and prepositions glued
# to a name by the NER ("Without Biden", "Blocks Obama").
NOT_NAME_START = {"VERB", "ADP", "NUM", "DET", "SCONJ", "CCONJ", "PRON"}


def skip_headline_words(doc: Doc, start: int, end: int) -> int:
    """Drop leading words of a person span that are not part of a name: headline verbs,
    prepositions, and a common noun before a full name ("Photographer Jane Roe")."""
    while end - start > 1 and (
        doc[start].pos_ in NOT_NAME_START
        or not doc[start].text[:1].isalpha()
        or (doc[start].pos_ == "NOUN" and end - start > 2)
    ):
        start += 1
    return start


def join_nicknames(doc: Doc) -> list[Span]:
    """'Jane ‘JJ’ Roe' is one person, even when the NER splits it in two."""
    ents = list(doc.ents)
    by_token = {t.i: e for e in ents for t in e}
    joined = []
    for i, token in enumerate(doc[1:-3], start=1):
        if token.text not in OPEN_QUOTES or doc[i + 2].text not in CLOSE_QUOTES:
            continue
        left, right = by_token.get(i - 1), by_token.get(i + 3)
        if right is None or right.label_ != "PERSON" or not doc[i - 1].text[:1].isupper():
            continue
        start = left.start if left is not None else i - 1
        joined.append(Span(doc, start, right.end, label="PERSON"))
    if not joined:
        return ents
    return filter_spans(joined + ents)


def in_photo_credit(span: Span) -> bool:
    """Names inside '[AP Photo/Jane Doe]' credit lines are not part of the story."""
    sent = span.sent.text
    left = sent[: span.start_char - span.sent.start_char]
    opening = max(left.rfind("["), left.rfind("("))
    if opening < 0 or "]" in left[opening:] or ")" in left[opening:]:
        return False
    inside = sent[opening:]
    return bool(CREDIT.search(inside)) and "/" in inside

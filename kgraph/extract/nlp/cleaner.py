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
    COLLECTIVE_OWNERS,
    COMPANY_NOUNS,
    CONSTITUENCY_MEMBERS,
    CREDIT_WORDS,
    DETERMINERS,
    DISTRIBUTIVE_DETERMINERS,
    LOCAL_BRANCH_WORDS,
    LOCATIVE_PREPOSITIONS,
    NAME_PARTICLES,
    NOT_NAMES,
    OPEN_QUOTES,
    PEERAGE_HONORIFICS,
    PERSON_PRONOUNS,
    PERSON_SPEECH_VERBS,
    PLACE_HEAD_NOUNS,
    PLACE_NOUNS,
    PLACE_PREPOSITIONS,
    PLACE_RELATIVES,
    PLAIN_HONORIFICS,
    PORTFOLIO_POST_WORDS,
    PORTFOLIO_WORDS,
    POSSESSIVE_ENDINGS,
    POST_NOMINALS,
    SEAT_VERBS,
    SPAN_BREAKS,
)
from ...knowledge.genders import gender_of_name, starts_with_given_name

CREDIT = re.compile(rf"\b({'|'.join(CREDIT_WORDS)})s?\b", re.I)
# One hyphenated word for a stance towards a name ("Anti-Keystone", "Pro-Brexit"); a
# longer name that begins so ("Pro-Life Action League") is still a name.
STANCE_WORD = re.compile(r"(?:anti|pro)-\S+")
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
        pieces = [
            p
            for e in join_ruler_neighbours(join_nicknames(doc), self.knowledge)
            for p in split_span(e)
        ]
        spans = [s for s in (self.trim(e) for e in pieces) if s is not None]
        spans = [person_with_known_surname(s, lowercase) for s in spans]
        people = person_words(spans)
        cleaned = []
        for span in spans:
            span = self.as_place(self.relabel(span, people), people)
            if self.is_name(span, lowercase, people):
                cleaned.append(span)
        forced = self.source_lines(doc) + self.datelines(doc, cleaned)
        forced += self.unseen_people(doc, cleaned + forced, lowercase)
        taken = {i for span in forced for i in range(span.start, span.end)}
        cleaned = [s for s in cleaned if not any(i in taken for i in range(s.start, s.end))]
        doc.ents = filter_spans(cleaned + forced)
        return doc

    def source_lines(self, doc: Doc) -> list[Span]:
        """The source line of a wire digest: 'Kiev HOLOS UKRAYINY in Ukrainian 20 Apr 94',
        'Sofia BTA in English', 'Jerusalem THE JERUSALEM POST' on a line of its own. At the
        start of a paragraph or after a document code, title-case words (the place) and
        capitals (the publication or agency), then "in <Language>", a comma or the line's
        end: the place is a place, the capitals an organisation."""
        found = []
        for start in line_starts(doc):
            i = start
            place_end = i
            while place_end < len(doc) and place_end - i < 4 and place_word(doc[place_end]):
                place_end += 1
            if place_end == i or doc[place_end - 1].is_lower:
                continue
            end = place_end
            while end < len(doc) and end - place_end < 5 and capitals_word(doc, end):
                end += 1
            if end == place_end or not capitals_word(doc, end - 1, last=True):
                continue
            if not source_line_ends(doc, end):
                continue
            found.append(Span(doc, i, place_end, label="GPE"))
            found.append(Span(doc, place_end, end, label="ORG"))
        return found

    def unseen_people(self, doc: Doc, spans: list[Span], lowercase: set[str]) -> list[Span]:
        """A capitalised name the NER left out that news copy only writes of a person: the
        subject of "said" ("Roe said", "Roe, a lawyer, said") or given an age ("Roe, 37,")."""
        taken = {i for span in spans for i in range(span.start, span.end)}
        found = []
        for token in doc:
            if token.i in taken or not person_like_word(token, lowercase):
                continue
            peer = token.i > 0 and doc[token.i - 1].text in PEERAGE_HONORIFICS
            if (
                not peer
                and token.i
                and doc[token.i - 1].pos_ == "PROPN"
                and doc[token.i - 1].is_title
            ):
                continue  # inside a longer run of names: the NER's call
            nxt = doc[token.i + 1] if token.i + 1 < len(doc) else None
            if nxt is not None and nxt.pos_ == "PROPN" and nxt.is_title:
                continue
            span = Span(doc, token.i, token.i + 1, label="PERSON")
            if self.known(span) or token.text in self.knowledge.demonyms:
                continue
            if normalize(token.text) in self.knowledge.not_entities:
                continue  # 'the Court said'
            if self.knowledge.title(token.text) or self.knowledge.title(token.text.rstrip("s")):
                continue  # 'Mayor said', 'Attorneys said'
            if token.is_sent_start and not (nxt is not None and nxt.text == ","):
                continue  # 'Best said ...' opening a sentence may be any word
            if token.i and doc[token.i - 1].lower_ in DETERMINERS:
                continue
            if peer and not headline_case(span):
                found.append(span)  # 'Lord Carlile', 'Baroness Roe': only people are so styled
            elif (speaks(span) and not headline_case(span)) or aged(span):
                found.append(span)
        return found

    def datelines(self, doc: Doc, spans: list[Span]) -> list[Span]:
        """'FRESNO, Calif.', 'TUNIS, Tunisia (AP)': the place opening a dateline, when the
        NER left it out, is the town of the state or country after the comma."""
        taken = {i for span in spans for i in range(span.start, span.end)}
        found = []
        for start in line_starts(doc, codes=False):
            end = start
            while end < len(doc) and end - start < 3 and dateline_word(doc[end]):
                end += 1
            if end == start or any(i in taken for i in range(start, end)):
                continue
            if end + 1 < len(doc) and doc[end].text == "," and self.region_after(doc, end + 1):
                found.append(Span(doc, start, end, label="GPE"))
        return found

    def trim(self, ent: Span) -> Span | None:
        """Drop quotes, determiners, honorifics, possessives, titles and dangling words."""
        start, end = ent.start, ent.end
        doc = ent.doc
        label = ent.label_
        while start < end and (
            doc[start].lower_ in DETERMINERS
            or doc[start].is_punct
            or doc[start].is_space
            or (label != "PERSON" and start < end - 1 and lowercase_debris(doc[start]))
        ):
            start += 1  # "the state Department of X": 'state' is no part of the name
        if leading_participle(ent, start, end) and not self.known(ent):
            start += 1  # "Praising Celtic, the minister said": the verb opens the sentence
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
        if label in ("PERSON", "ORG") and end - start > 2 and doc[end - 1].text in POST_NOMINALS:
            start, end, label = without_post_nominals(doc, start, end)
        if label == "PERSON":
            start = self.skip_titles(doc, start, end)
            start = skip_headline_words(doc, start, end)
        if (
            start >= end
            or self.status_words_only(doc[start:end])
            or self.honorific_only(doc[start:end])
        ):
            return None
        kb_id = ent.kb_id_ if (start, end) == (ent.start, ent.end) else ""
        return Span(doc, start, end, label=label, kb_id=kb_id, span_id=ent.id_)

    def honorific_only(self, span: Span) -> bool:
        """'like Gens. Jane Roe and John Doe': an honorific or its plural alone is no name."""
        return len(span) == 1 and self.knowledge.honorific(normalize(span[0].text))

    def status_words_only(self, span: Span) -> bool:
        """'Ex' left of 'Ex-Welsh Office Minister' once the office is taken: a status cue
        alone is no name."""
        return all(normalize(t.text) in self.knowledge.status_cues or t.is_punct for t in span)

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

    def as_place(self, span: Span, people: frozenset[str] | set[str] = frozenset()) -> Span:
        """'Trump Tower', 'Grosvenor Square': a 'person' ending in a place word is a place;
        so is a person or organisation the sentence shows to be a place (see
        ``placed_by_context``)."""
        if (
            span.label_ == "PERSON"
            and len(span) >= 2
            and span[-1].text in self.knowledge.place_words
        ):
            return Span(span.doc, span.start, span.end, label="FAC")
        if span.label_ in ("PERSON", "ORG") and not self.known(span):
            if self.geographic(span):
                return Span(span.doc, span.start, span.end, label="LOC")
            if placed_by_context(span) or self.placed_by_neighbours(span, people):
                return Span(span.doc, span.start, span.end, label="GPE")
        if span.label_ in ("PERSON", "GPE") and not self.known(span) and named_company(span):
            return Span(span.doc, span.start, span.end, label="ORG")  # 'the Roe company'
        if span.label_ == "PERSON" and len(span) >= 2 and span[0].lower_ in CAMPAIGN_WORDS:
            return Span(span.doc, span.start, span.end, label="ORG")  # 'Team Roe': her campaign
        return span

    def geographic(self, span: Span) -> bool:
        """'Idaho Falls', 'Payette National Forest', 'Sabine Pass': a name ending in a word
        of the landscape, with no organisation word, is a place."""
        words = [t for t in span if not t.is_punct]
        return (
            len(words) >= 2
            and words[-1].text in self.knowledge.geographic_words
            and all(t.text[:1].isupper() for t in words)
            and not any(t.lower_ in self.knowledge.organization_words for t in words)
        )

    def placed_by_neighbours(self, span: Span, people: set[str] | frozenset[str]) -> bool:
        """'X, Ohio', 'X, Italy': a name followed by a comma and a state or a country; "the
        city of X", "the X airport"; and a lone name 'at X' or 'near X' that no full name of
        the article explains. Not for names with a person's given name in front, unless a
        place noun governs them ("the towns of A and John Day", "the largest slum, X")."""
        if self.organization_like(span) or is_acronym_token(span):
            return False
        if of_a_place_noun(span):
            return True
        if gender_of_name(span.text) is not None:
            return False
        if apposed_to_a_place_noun(span):
            return True
        doc = span.doc
        if (
            span.end + 1 < len(doc)
            and doc[span.end].text == ","
            and self.region_after(doc, span.end + 1)
        ):
            return True
        after = doc[span.end] if span.end < len(doc) else None
        if (
            after is not None
            and after.is_lower
            and after.lower_ in PLACE_HEAD_NOUNS
            and span.root.head.i == after.i
        ):
            return True
        if span.label_ != "PERSON" or len(span) != 1 or span[0].lower_ in people:
            return False
        if span.root.dep_ == "pobj" and span.root.head.lower_ in PLACE_PREPOSITIONS:
            return not possessive_follows(span)
        # "the Danube's waters": a lone name owned with "the" is no person
        before = doc[span.start - 1] if span.start else None
        return before is not None and before.lower_ == "the" and possessive_follows(span)

    def organization_like(self, span: Span) -> bool:
        return any(t.lower_ in self.knowledge.organization_words for t in span)

    def region_after(self, doc: Doc, i: int) -> bool:
        """A US state (full name or AP abbreviation, not a two-letter postal code) or a
        country (the NER's or the gazetteer's) at token ``i``, closing its clause: "X,
        Ohio." or "X, Italy (AP)", not "X, Europe's largest ..."."""
        token = doc[i]
        end = None
        if token.text in self.knowledge.posts.states and not (
            len(token.text) == 2 and token.text.isupper()
        ):
            end = i + 1
        elif token.ent_iob_ == "B":
            ent = next((e for e in doc.ents if e.start == i), None)
            if ent is not None and self.knowledge.is_place(ent.text):
                end = ent.end
        if end is None:
            return False
        return (
            end >= len(doc)
            or doc[end].is_space
            or (doc[end].is_punct and doc[end].text not in POSSESSIVE_ENDINGS | {"-"})
        )

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
            or (span.label_ == "ORG" and len(words) >= 2 and words[0].lower_ in people)
            or self.has_title_before(span)
            or aged(span)
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
        if STANCE_WORD.fullmatch(key):
            return False  # "Anti-Keystone activists": a stance, not a name
        if all(tok.is_stop or tok.is_punct or tok.like_num for tok in span):
            return False
        if after_distributive(span) or self.local_branch_of_party(span):
            return False
        if portfolio(span) and not self.known(span):
            return False  # "Trade and Industry Secretary X": a post's portfolio
        if self.known(span):
            return not in_photo_credit(span)
        if len(span) == 1 and not (self.plausible_single_word(span[0], lowercase, people)):
            return False
        if len(span) == 1 and date_word(span):
            return False
        if span.label_ == "PERSON" and (not plausible_person(span) or link_text_follows(span)):
            return False
        if glued(span[0].text):  # "TrumpWest Virginia": link text glued to a name
            return False
        return not in_photo_credit(span)

    def local_branch_of_party(self, span: Span) -> bool:
        """'the Connecticut GOP', 'the state Republican Party', "the state's Democrats": a
        state or local branch is not the national party, which it would join by name (no
        node is made for it; 'US Democratic Party' stays the party)."""
        known = self.knowledge.lookup(span.text)
        if known is None or known.subtype != "PoliticalParty" or span.start == 0:
            return False
        before = span.doc[span.start - 1]
        if before.lower_ in POSSESSIVE_ENDINGS and span.start >= 2:
            before = span.doc[span.start - 2]
        if before.lower_ in LOCAL_BRANCH_WORDS:
            return True
        place = self.knowledge.lookup(before.text)  # the tagger may call it an ORG
        return (
            place is not None
            and place.kind == "Place"
            and place.name not in self.knowledge.country_cues
        )

    def plausible_single_word(self, token, lowercase: set[str], people: set[str]) -> bool:
        """One capitalised word is a name unless the text also uses it as a common word."""
        if token.pos_ in ("ADV", "ADJ", "VERB", "PRON", "ADP", "INTJ", "AUX"):
            return False
        if token.text in self.knowledge.demonyms:
            return False
        if token.tag_ in ("NNPS", "NNS") and not (
            token.ent_type_ == "PERSON" and speaks(token.doc[token.i : token.i + 1])
        ):
            return False  # 'Democrats'; but 'Shutes noted' is a person
        return token.lower_ in people or token.lower_ not in lowercase


def portfolio(span: Span) -> bool:
    """'Culture, Media and Sport' before 'Secretary Tessa Jowell': words of a portfolio
    only, then (over the rest of the portfolio) a minister's or spokesman's post."""
    if not all(t.lower_ in PORTFOLIO_WORDS or t.lower_ in ("and", "&") for t in span):
        return False
    doc = span.doc
    for token in doc[span.end : span.end + 6]:
        if token.lower_ in PORTFOLIO_POST_WORDS:
            return True
        if not (token.lower_ in PORTFOLIO_WORDS or token.lower_ in (",", "and", "&")):
            return False
    return False


def leading_participle(ent: Span, start: int, end: int) -> bool:
    """'Praising Celtic, ...': a participle opening the sentence is a verb, not a name's
    first word."""
    first = ent.doc[start]
    return end - start >= 2 and first.tag_ == "VBG" and first.is_sent_start


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
        or not starts_with_given_name(given.text)
        or given.ent_type_
    ):
        return span
    span[0].ent_id_ = ""  # the gazetteer's entry no longer names it
    return Span(span.doc, span.start - 1, span.end, label="PERSON")


def cut_possessive(doc: Doc, start: int, end: int, label: str) -> tuple[int, int]:
    """'Tillerson's Russian' -> 'Tillerson'; "the institute's City Journal" -> 'City Journal';
    "National People's Congress" stays whole (a plural owner inside the name)."""
    for i in range(start + 1, end - 1):
        if doc[i].lower_ in ("'s", "’s"):
            owner = doc[i - 1]
            if label != "PERSON" and owner.lower_ in COLLECTIVE_OWNERS and owner.is_title:
                continue
            if label != "PERSON" and doc[i + 1].text[:1].isupper():
                return i + 1, end
            return start, i
    return start, end


def lowercase_debris(token: Token) -> bool:
    """A lowercase word opening an organisation or place span ('state', 'federal'), not a
    particle of the name ('de', 'al-'), nor part of a hyphenated word ('pro-French')."""
    doc = token.doc
    hyphened = token.i + 1 < len(doc) and doc[token.i + 1].text == "-" and not token.whitespace_
    return token.is_lower and token.is_alpha and token.lower_ not in NAME_PARTICLES and not hyphened


def possessive_follows(span: Span) -> bool:
    doc = span.doc
    return span.end < len(doc) and doc[span.end].lower_ in POSSESSIVE_ENDINGS


def person_like_word(token: Token, lowercase: set[str]) -> bool:
    """A title-case proper noun the text never writes in lowercase."""
    return (
        token.pos_ == "PROPN"
        and token.is_alpha
        and token.is_title
        and len(token.text) >= 3
        and token.lower_ not in lowercase
        and token.tag_ == "NNP"
    )


MONTH_ABBREVIATIONS = frozenset({
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
})  # fmt: skip


def date_word(span: Span) -> bool:
    """'23 Jun': a month's abbreviation after a day number is a date, not a name."""
    doc = span.doc
    before = doc[span.start - 1] if span.start else None
    word = span.text.rstrip(".").lower()
    return word in MONTH_ABBREVIATIONS and before is not None and before.like_num


def headline_case(span: Span) -> bool:
    """Whether the span's sentence is written in title case, as headlines are: most of
    its words of four letters or more are capitalised. Proper nouns do not count while
    other words remain, so a body sentence full of names ('educated at Portsmouth Northern
    Secondary School, Lord Roe became a clerk') is not a headline."""
    words = [t for t in span.sent if t.is_alpha and len(t.text) >= 4]
    common = [t for t in words if t.pos_ != "PROPN"]
    words = common or words
    return bool(words) and sum(t.text[:1].isupper() for t in words) * 2 > len(words)


def aged(span: Span) -> bool:
    """'Roe, 37, ...': a one- or two-digit number between commas right after the name."""
    doc = span.doc
    i = span.end
    return (
        i + 2 < len(doc)
        and doc[i].text == ","
        and doc[i + 1].is_digit
        and len(doc[i + 1].text) <= 2
        and doc[i + 2].text == ","
    )


def named_company(span: Span) -> bool:
    """'the Roe company', 'the Roe firm': a name the NER took for a person or place that
    modifies a lowercase company noun after it."""
    doc = span.doc
    after = doc[span.end] if span.end < len(doc) else None
    return (
        after is not None
        and after.is_lower
        and after.lower_ in COMPANY_NOUNS
        and span.root.head.i == after.i
        and span.start > 0
        and doc[span.start - 1].lower_ in DETERMINERS
    )


def apposed_to_a_place_noun(span: Span) -> bool:
    """'Bangkok's largest slum, X', 'X, the capital of Y', 'X, a town in Y'."""
    root = span.root
    if root.dep_ == "appos" and root.head.is_lower and root.head.lemma_ in PLACE_NOUNS:
        return True
    return any(
        child.dep_ == "appos" and child.is_lower and child.lemma_ in PLACE_NOUNS
        for child in root.children
    )


def of_a_place_noun(span: Span) -> bool:
    """'the city of X', 'the towns of X, Y and Z', 'the Armenian capital of X'."""
    first = span.root
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head
    of = first.head
    if first.dep_ != "pobj" or of.lower_ != "of":
        return False
    noun = of.head
    return noun.is_lower and noun.lemma_ in PLACE_NOUNS


QUOTE_MARKS = frozenset({"“", "”", '"', "‘", "’"})  # "’" closes a nickname, never breaks
# A document code of a wire digest ('AU1502173794', '94WS0095B'): letters and six digits.
DOCUMENT_CODE = re.compile(r"^(?=(?:.*\d){6})(?=.*[A-Za-z])[A-Za-z0-9]+$")


def split_span(ent: Span) -> list[Span]:
    """An entity span cut at tokens that never stand inside a name: brackets, double
    quotes, spaced dashes and document codes ('Bosnia AU1502173794 Sofia' is two names)."""
    doc = ent.doc
    nickname = quoted_nickname(ent)
    breaks = [i for i in range(ent.start, ent.end) if breaks_name(doc[i]) and i not in nickname]
    if not breaks:
        return [ent]
    pieces, start = [], ent.start
    for i in [*breaks, ent.end]:
        if i > start:
            pieces.append(Span(doc, start, i, label=ent.label_))
        start = i + 1
    return pieces


def line_starts(doc: Doc, codes: bool = True) -> list[int]:
    """Token indices that open a line (after a newline or at the start), and, with
    ``codes``, those right after a document code ('AU1502173794 Sofia ...')."""
    starts = []
    for token in doc:
        if token.is_space:
            continue
        before = doc[token.i - 1] if token.i else None
        opens = before is None or "\n" in before.whitespace_ or "\n" in before.text
        if opens or (codes and DOCUMENT_CODE.match(before.text)):
            starts.append(token.i)
    return starts


def place_word(token: Token) -> bool:
    """A word of a place name in a source line: 'Rio de Janeiro', 'Mexico City'."""
    text = token.text
    if (
        token.is_lower
        and token.lower_ in NAME_PARTICLES
        and token.i
        and token.doc[token.i - 1].is_title
    ):
        return True
    return (
        token.is_alpha
        and token.is_title
        and not text.isupper()
        and token.pos_ == "PROPN"
        and not token.is_stop
    )


def capitals_word(doc: Doc, i: int, last: bool = False) -> bool:
    """A word in capitals ('HOLOS', 'ITAR-TASS'); a one-letter word ('O GLOBO') only
    inside the run."""
    if i >= len(doc):
        return False
    text = doc[i].text
    if text == "-" and not last and i and not doc[i - 1].whitespace_:  # 'ITAR-TASS'
        return capitals_word(doc, i - 1) and capitals_word(doc, i + 1)
    letters = text.replace("-", "")
    if not letters.isalpha() or not letters.isupper():
        return False
    return len(letters) >= 2 or not last


def source_line_ends(doc: Doc, i: int) -> bool:
    """What follows a source line's publication: 'in <Language>' or the line's end."""
    if i >= len(doc) or doc[i].is_space or "\n" in doc[i - 1].whitespace_:
        return True
    token = doc[i]
    after = doc[i + 1] if i + 1 < len(doc) else None
    return token.lower_ == "in" and after is not None and after.is_title and after.is_alpha


def dateline_word(token: Token) -> bool:
    """A word of the place opening a dateline, in capitals ('FRESNO', 'ATLANTIC CITY')."""
    return token.is_alpha and token.is_upper and len(token.text) >= 2


def quoted_nickname(ent: Span) -> set[int]:
    """The quote marks of a nickname inside a name ('Michael "Mike" Roe'): a quoted run of
    one to three words with name words on both sides."""
    doc = ent.doc
    marks = [i for i in range(ent.start + 1, ent.end - 1) if doc[i].text in QUOTE_MARKS]
    kept = set()
    for a, b in zip(marks, marks[1:], strict=False):
        if 1 <= b - a - 1 <= 3 and b < ent.end - 1 and doc[a - 1].is_title:
            kept.update((a, b))
    return kept


def breaks_name(token: Token) -> bool:
    return token.text in SPAN_BREAKS or bool(DOCUMENT_CODE.match(token.text))


def join_ruler_neighbours(ents: list[Span], knowledge: Knowledge) -> list[Span]:
    """'National People' + "'s" + 'Congress', 'Agrarian' + 'Democratic Party': a gazetteer
    match ('Congress', 'Democratic Party') that the NER's own organisation span runs into is
    the end of a longer, other name, with its "of X" ('... Party of Moldova'). Not after a
    place ('U.S.' + 'Department of Agriculture' is the known department)."""
    joined: list[Span] = []
    for ent in ents:
        before = joined[-1] if joined else None
        if (
            before is not None
            and ent.ent_id_
            and not before.ent_id_
            and before.label_ == "ORG"
            and ent.label_ == "ORG"
            and knowledge.lookup(before.text) is None
            and (ent.text == ent.ent_id_ or possessive_gap(before, ent))
            and gap_is_possessive(before, ent)
        ):
            joined[-1] = Span(ent.doc, before.start, of_name_end(ent), label="ORG")
            continue
        joined.append(ent)
    return [e for i, e in enumerate(joined) if i == 0 or e.start >= joined[i - 1].end]


def of_name_end(ent: Span) -> int:
    """Where a name runs on with "of" and capitalised words ('... Party of Moldova')."""
    doc = ent.doc
    i = ent.end
    if i + 1 >= len(doc) or doc[i].lower_ != "of" or not doc[i + 1].is_title:
        return ent.end
    i += 1
    while i < len(doc) and doc[i].is_title and doc[i].pos_ == "PROPN":
        i += 1
    return i


def possessive_gap(before: Span, ent: Span) -> bool:
    """An "'s" between the two spans, or at the end of the first."""
    return ent.start - before.end == 1 or before[-1].lower_ in ("'s", "’s")


def gap_is_possessive(before: Span, ent: Span) -> bool:
    doc = ent.doc
    gap = doc[before.end : ent.start]
    if not gap.text:
        if before[-1].lower_ in ("'s", "’s"):
            return len(before) >= 2 and before[-2].lower_ in COLLECTIVE_OWNERS
        return before.end == ent.start and doc[before.end - 1].whitespace_ != ""
    return (
        len(gap) == 1
        and gap[0].lower_ in ("'s", "’s")
        and doc[before.end - 1].lower_ in COLLECTIVE_OWNERS
    )


def person_words(spans: list[Span]) -> set[str]:
    """First and last words of the multi-word person names of the document."""
    words = set()
    for span in spans:
        if span.label_ == "PERSON" and len(span) >= 2:
            words.update((span[0].lower_, span[-1].lower_))
    return words


def placed_by_context(span: Span) -> bool:
    """'Dorset and Torbay' (listed with places only), 'Leicester South, where ...', 'the
    MP for Leicester South', 'candidates for X', 'contest X': the small model's person or
    organisation is a place."""
    doc = span.doc
    followed = span.end + 1 < len(doc) and doc[span.end].text == ","
    if followed and doc[span.end + 1].lower_ in PLACE_RELATIVES and not named_like_a_person(span):
        return True
    after_for = span.start >= 2 and doc[span.start - 1].lower_ == "for"
    if after_for and doc[span.start - 2].lower_ in CONSTITUENCY_MEMBERS:
        return not possessive_follows(span)  # "the candidate for Roe's old seat": Roe owns it
    if span.root.dep_ == "dobj" and span.root.head.lemma_ in SEAT_VERBS:
        return True  # "he would contest Bethnal Green"
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
    while first.dep_ == "conj" and first.head.i != first.i:
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
    """'President Trump Donald John TrumpWest Virginia ...', 'Pete Buttigieg Peter (Pete)
    Paul ButtigiegPoll: ...': a name running, over a full name with its nickname, into a
    glued token that starts with one of its words is the text of a related-story link."""
    doc = span.doc
    words = {t.text for t in span if t.is_alpha}
    for token in doc[span.end : min(span.end + 6, len(doc))]:
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


def without_post_nominals(doc: Doc, start: int, end: int) -> tuple[int, int, str]:
    """'Jane Roe QC' (the NER's person or organisation) is the person Jane Roe, as is
    'Jane Roe MP'; 'Bolton West MP', a seat whose first word is no given name, is the place
    its member sits for."""
    letters = doc[end - 1].text
    while end - start > 2 and doc[end - 1].text in POST_NOMINALS:
        end -= 1
    if letters.lower() in CONSTITUENCY_MEMBERS and not starts_with_given_name(doc[start].text):
        return start, end, "GPE"
    return start, end, "PERSON"

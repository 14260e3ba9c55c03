"""Cheap access to a parsed document's text, and the evidence every claim carries."""

from __future__ import annotations

from spacy.tokens import Doc, Span

from ..records import Evidence


def text_of(doc: Doc) -> str:
    """The document's text, computed once: ``Doc.text`` joins every token on each call,
    and extraction reads it for every mention and sentence."""
    text = doc.user_data.get("kgraph_text")
    if text is None:
        text = doc.user_data["kgraph_text"] = doc.text
    return text


def sentence_evidence(sent: Span) -> Evidence:
    """The sentence verbatim, trimmed of surrounding whitespace, with its offsets."""
    text = text_of(sent.doc)
    start, end = sent.start_char, sent.end_char
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Evidence(text=text[start:end], start=start, end=end)

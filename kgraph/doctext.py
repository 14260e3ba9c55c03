"""Cheap access to a parsed document's text, shared by the extraction stages."""

from __future__ import annotations

from spacy.tokens import Doc


def text_of(doc: Doc) -> str:
    """The document's text, computed once: ``Doc.text`` joins every token on each call,
    and extraction reads it for every mention and sentence."""
    text = doc.user_data.get("kgraph_text")
    if text is None:
        text = doc.user_data["kgraph_text"] = doc.text
    return text

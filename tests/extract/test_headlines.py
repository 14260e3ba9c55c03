"""Headlines are context, not names: a headline mention is cut to what the body writes, and
dropped when the body writes none of it."""

from __future__ import annotations

import pytest

from kgraph.extract.headlines import (
    confirm_headline_mentions,
    headline_end,
    headline_spans,
    link_text_spans,
)
from kgraph.records import Mention

TEXT = (
    "Senators Rush to Challenge Jane Roe\n\n"
    "Jane Roe, the governor, met John Doe on Monday. Roe said little.\n"
)


def mention(text: str, surface: str, kind: str = "Person") -> Mention:
    start = text.index(surface)
    return Mention(start, start + len(surface), surface, kind, 0)


@pytest.mark.parametrize(
    ("text", "end"),
    [
        (TEXT, TEXT.index("\n\n")),
        ("One paragraph only, no headline.", 0),
        ("A title\nwith two lines\n\nBody.", 0),
        ("  Title after spaces\n\nBody text.", len("  Title after spaces")),
    ],
)
def test_the_headline_is_a_short_first_paragraph(text, end):
    assert headline_end(text) == end


def test_a_headline_mention_is_cut_to_the_name_the_body_writes():
    kept = confirm_headline_mentions([mention(TEXT, "Challenge Jane Roe")], TEXT)
    assert [(m.surface, TEXT[m.start : m.end]) for m in kept] == [("Jane Roe", "Jane Roe")]


def test_a_headline_mention_the_body_never_writes_is_dropped():
    text = "Okafor Blocks the Plan\n\nThe council met on Monday.\n"
    assert confirm_headline_mentions([mention(text, "Okafor Blocks")], text) == []


def test_body_mentions_stay_as_they_are():
    body = mention(TEXT, "John Doe")
    assert confirm_headline_mentions([body], TEXT) == [body]


def test_a_headline_repeated_above_the_story_does_not_confirm_itself():
    text = "Roe Fires Aide\n\nRoe Fires Aide\n\nThe governor, Jane Roe, acted on Monday.\n"
    second = text.index("Roe Fires Aide", 3)
    assert headline_spans(text) == [(0, 14), (second, second + 14)]
    repeated = Mention(second, second + len("Roe Fires"), "Roe Fires", "Person", 1)
    kept = confirm_headline_mentions([repeated], text)
    assert [m.surface for m in kept] == ["Roe"]


def test_the_whole_article_takes_its_label_from_the_body(extract_text):
    names = {e.name for e in extract_text(TEXT).entities if e.kind == "Person"}
    assert names == {"Jane Roe", "John Doe"}


def test_inline_link_titles_are_headline_words():
    text = (
        "Whip Jane Roe said it. Rep. Tom Poe Thomas Poe PoeDoe defends Roe Ohio call: "
        "he spoke. Later Jane Roe left."
    )
    start = text.index("Roe Ohio")
    linked = Mention(start, start + len("Roe Ohio"), "Roe Ohio", "Person", 1)
    kept = confirm_headline_mentions([linked], text)
    assert [m.surface for m in kept] == ["Roe"]
    assert [text[s:e] for s, e in link_text_spans(text)] == ["Doe defends Roe Ohio call: he spoke"]

"""Headlines are context, not names.

A title-case headline ("Fractured Establishment Looks to Challenge Donald Trump") fools the
NER into names the body never uses. A headline mention names an entity only when the body
confirms it: it is cut to the longest run of its words that the body writes too ("Donald
Trump"), and dropped when the body writes none of them.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..records import Mention

MAX_HEADLINE = 200  # the corpus convention: a title is one short first line


def headline_end(text: str) -> int:
    """Where the headline ends: the first paragraph when it is one short line followed by
    more text, else 0 (no headline)."""
    start = len(text) - len(text.lstrip())
    cut = text.find("\n\n", start)
    if cut < 0:
        return 0
    first = text[start:cut].strip()
    if first and "\n" not in first and len(first) < MAX_HEADLINE and text[cut:].strip():
        return cut
    return 0


def written_in(phrase: str, body: str) -> bool:
    """Whether ``body`` writes ``phrase`` as whole words, with the same capitals."""
    return re.search(rf"(?<!\w){re.escape(phrase)}(?!\w)", body) is not None


def confirmed_part(mention: Mention, body: str) -> Mention | None:
    """The longest run of the mention's words the body writes too (the leftmost among
    equals), with its offsets; None when the body writes none of them."""
    words = [(m.start(), m.end()) for m in re.finditer(r"\S+", mention.surface)]
    for size in range(len(words), 0, -1):
        for first in range(len(words) - size + 1):
            start, end = words[first][0], words[first + size - 1][1]
            phrase = mention.surface[start:end].strip(".,:;!?\"'’‘“”()")
            if len(phrase) < 2 or not written_in(phrase, body):
                continue
            offset = mention.start + mention.surface.index(phrase, start)
            return replace(mention, start=offset, end=offset + len(phrase), surface=phrase)
    return None


def headline_spans(text: str) -> list[tuple[int, int]]:
    """The headline, and every later paragraph that repeats it (scraped pages often print
    the title again above the story)."""
    end = headline_end(text)
    if not end:
        return []
    title = text[:end].strip()
    spans = [(0, end)]
    for match in re.finditer(r"[^\n]+", text[end:]):
        line = match.group().strip()
        if len(line) > 8 and (line.startswith(title) or title.startswith(line)):
            spans.append((end + match.start(), end + match.end()))
    return spans


WORD = re.compile(r"\S+")
GLUED_NAME = re.compile(r"^([A-Z][a-z]{2,})([A-Z]\S*)$")
LINK_WORDS = 8  # how far a related story's title runs after its glued-on link name


def link_text_spans(text: str) -> list[tuple[int, int]]:
    """Related-story links printed inline ('Steve ScaliseScalise defends Trump Ukraine
    call'): after a name glued to the next title, the title's words are headline words."""
    words = list(WORD.finditer(text))
    spans = []
    for k, word in enumerate(words):
        glued = GLUED_NAME.match(word.group())
        if not glued or glued.group(1) not in {
            w.group().strip("()") for w in words[max(0, k - 4) : k]
        }:
            continue
        start = word.start() + len(glued.group(1))
        end = words[min(len(words) - 1, k + LINK_WORDS)].end()
        stop = re.search(r"[.!?](\s|$)|\n", text[start:end])
        spans.append((start, start + stop.start() if stop else end))
    return spans


def confirm_headline_mentions(mentions: list[Mention], text: str) -> list[Mention]:
    """Body mentions as they are; headline mentions (and those in inline link titles) cut
    to what the body confirms."""
    spans = headline_spans(text) + link_text_spans(text)
    if not spans:
        return mentions
    body = text
    for start, end in spans:  # blanked, so offsets stay and no headline confirms itself
        body = body[:start] + " " * (end - start) + body[end:]
    kept = []
    for mention in mentions:
        if not any(start <= mention.start < end for start, end in spans):
            kept.append(mention)
            continue
        confirmed = confirmed_part(mention, body)
        if confirmed is not None:
            kept.append(confirmed)
    return kept

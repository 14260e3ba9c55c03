"""Page furniture is never an argument: datelines ("WASHINGTON (AP) --", "(Reuters) -"),
bylines ("By Jane Doe") and photo credit lines ("Photo: ...") name the wire service or the
reporter, not someone the story is about, so their mentions are left out."""

from __future__ import annotations

import re

from ..records import Mention

FURNITURE = (
    # a dateline at the start of a paragraph: place words, the agency in parentheses, a dash
    re.compile(r"(?m)^[ \t]*(?:[A-Z][A-Za-z.,' -]{0,60}?[ \t]*)?\([^()\n]{2,40}\)[ \t]*[-–—]+"),
    # a byline on a line of its own
    re.compile(
        r"(?m)^[ \t]*By[ \t]+[A-Z][\w.'’-]*(?:[ \t]+(?:and[ \t]+)?[A-Z][\w.'’-]*){0,6}[ \t]*$"
    ),
    # a credit line
    re.compile(r"(?mi)^[ \t]*(?:photo|image|credit|photograph)s?[ \t]*:.*$"),
)


def furniture_spans(text: str) -> list[tuple[int, int]]:
    return sorted(m.span() for pattern in FURNITURE for m in pattern.finditer(text))


def drop_furniture_mentions(mentions: list[Mention], text: str) -> list[Mention]:
    """The mentions that lie outside datelines, bylines and credit lines."""
    spans = furniture_spans(text)
    if not spans:
        return mentions
    return [m for m in mentions if not any(s <= m.start < e for s, e in spans)]

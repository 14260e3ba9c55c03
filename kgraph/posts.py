"""Stage 4a: posts (offices) and who holds them, from titles and appositions.

"New York Governor Jane Roe" -> Jane Roe holds "Governor of New York" (current);
"Former Mayor Eric Adams" -> Eric Adams holds "Mayor of <the city this article's mayors
govern>" (former). Status comes from the cue words in the text, years from "since 2022" or
"from 2014 to 2021" in the same sentence.
"""

from __future__ import annotations

import re
from collections import Counter

from spacy.tokens import Doc, Span

from .knowledge import Knowledge, Title, normalize
from .records import Evidence, Holding, Mention

SINCE = re.compile(r"\bsince (\d{4})\b")
FROM_TO = re.compile(r"\bfrom (\d{4}) (?:to|until|through|till) (\d{4})\b")
RANGE = re.compile(r"\((\d{4})\s*[-–]\s*(\d{4})\)")
APPOSITION = re.compile(
    r"^\s*,\s+(?:(?:who|who's) (?:is|was|has been) )?"
    r"(?:the|a|an|its|their|his|her)\s+([^,;.()]{3,80}?)\s*(?:[,;.()]|$)"
)


def sentence_evidence(sent: Span) -> Evidence:
    """The sentence verbatim, trimmed of surrounding whitespace, with its offsets."""
    text = sent.doc.text
    start, end = sent.start_char, sent.end_char
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Evidence(text=text[start:end], start=start, end=end)


def parse_title(
    words: str, knowledge: Knowledge, places: frozenset[str] = frozenset()
) -> tuple[Title, str | None, str, str] | None:
    """Split title words into (title entry, jurisdiction, status, title as written).

    Only a place (known, or tagged as one in the article) or a known organisation counts as
    the jurisdiction: other capitalised words before a title are names or party labels
    ("Republican Mayor"), not where the office is.
    """
    text = re.sub(r"\s*[-–]\s*", "-", words.strip())
    tokens = text.replace("-elect", " -elect").split()
    status = "current"
    best: tuple[int, int, Title] | None = None
    for i in range(len(tokens)):
        for j in range(len(tokens), i, -1):
            title = knowledge.title(" ".join(tokens[i:j]))
            if title and (best is None or j - i > best[1] - best[0]):
                best = (i, j, title)
    if best is None:
        return None
    i, j, title = best
    before, after = tokens[:i], tokens[j:]
    jurisdiction_words = []
    for token in before + after:
        cue = knowledge.status_cues.get(token.lower().strip("-")) or knowledge.status_cues.get(
            token.lower()
        )
        if cue:
            if cue != "current" or status == "current":
                status = cue if cue != "current" else status
        elif token in knowledge.demonyms:
            jurisdiction_words.append(knowledge.demonyms[token])
        elif token[:1].isupper() and token not in ("The", "A", "An"):
            jurisdiction_words.append(
                token.rstrip("’'s") if token.endswith(("’s", "'s")) else token
            )
    jurisdiction = jurisdiction_of(jurisdiction_words, knowledge, places)
    return title, jurisdiction, status, " ".join(tokens[i:j])


def jurisdiction_of(words: list[str], knowledge: Knowledge, places: frozenset[str]) -> str | None:
    """The longest run of words that names a place or a known organisation."""
    for size in range(len(words), 0, -1):
        for start in range(len(words) - size + 1):
            phrase = " ".join(words[start : start + size])
            known = knowledge.lookup(phrase)
            if known is not None:
                return known.name
            if normalize(phrase) in places:
                return phrase
    return None


def post_label(title: Title, jurisdiction: str | None, knowledge: Knowledge) -> str:
    place = jurisdiction or title.default_jurisdiction
    if place and " of " not in title.post:
        return f"{title.post} of {knowledge.place_phrase(place)}"
    return title.post


def post_body(title: Title, jurisdiction: str | None, knowledge: Knowledge) -> str | None:
    """The organisation the post belongs to: by place, else the title's, else the
    organisation named before the title ('AFL-CIO President')."""
    by_place = dict(title.post_in_by_jurisdiction)
    known = knowledge.lookup(jurisdiction or "")
    named = known.name if known is not None and known.kind == "Organization" else None
    return by_place.get(jurisdiction or "") or title.post_in or named


def years_in(sentence: str) -> tuple[int | None, int | None]:
    for pattern in (FROM_TO, RANGE):
        match = pattern.search(sentence)
        if match:
            return int(match.group(1)), int(match.group(2))
    match = SINCE.search(sentence)
    if match:
        return int(match.group(1)), None
    return None, None


def holdings_in(
    doc: Doc, mentions: list[Mention], keys: list[str], knowledge: Knowledge
) -> list[Holding]:
    """Every (person, post) pair the article's titles and appositions state."""
    sentences = list(doc.sents)
    places = frozenset(normalize(e.text) for e in doc.ents if e.label_ in ("GPE", "LOC"))
    found: list[tuple[str, Title, str | None, str, Evidence]] = []
    for mention, key in zip(mentions, keys, strict=True):
        if not key.startswith("Person:"):
            continue
        evidence = sentence_evidence(sentences[mention.sentence])
        for words in titles_of(mention, doc.text):
            parsed = parse_title(words, knowledge, places)
            if parsed:
                title, jurisdiction, status, _ = parsed
                found.append((key, title, jurisdiction, status, evidence))
    # an unqualified title takes the jurisdiction the article gives the same holder's title
    # ("Russian President Putin" ... "President Putin"), else the same title of anyone
    by_title: dict[str, Counter] = {}
    by_holder: dict[tuple[str, str], Counter] = {}
    for key, title, jurisdiction, _, _ in found:
        if jurisdiction and not knowledge.lookup(jurisdiction) or knowledge.is_place(jurisdiction):
            by_title.setdefault(title.post, Counter())[jurisdiction] += 1
        if jurisdiction:
            by_holder.setdefault((key, title.post), Counter())[jurisdiction] += 1
    holdings = []
    seen = set()
    for key, title, jurisdiction, status, evidence in found:
        if jurisdiction is None and (key, title.post) in by_holder:
            jurisdiction = by_holder[(key, title.post)].most_common(1)[0][0]
        elif jurisdiction is None and title.default_jurisdiction is None and title.post in by_title:
            jurisdiction = by_title[title.post].most_common(1)[0][0]
        start, end = years_in(evidence.text)
        holding = Holding(
            holder=key,
            post=post_label(title, jurisdiction, knowledge),
            evidence=evidence,
            status=status,
            post_in=post_body(title, jurisdiction, knowledge),
            start_year=start,
            end_year=end,
        )
        marker = (holding.holder, holding.post, holding.status, evidence.start)
        if marker not in seen:
            seen.add(marker)
            holdings.append(holding)
    return holdings


def titles_of(mention: Mention, text: str) -> list[str]:
    """Title words before the name, and after it in an apposition (', the police chief,')."""
    titles = [mention.title] if mention.title else []
    match = APPOSITION.match(text[mention.end : mention.end + 120])
    if match:
        titles.append(match.group(1))
    return titles


def role_holders(holdings: list[Holding], knowledge: Knowledge) -> dict[str, str]:
    """Role noun -> the entity the article gives that role ('president' -> its president)."""
    votes: dict[str, Counter] = {}
    for holding in holdings:
        if holding.status not in ("current", "elect", "acting", "interim"):
            continue
        role = normalize(holding.post.split(" of ")[0])
        votes.setdefault(role, Counter())[holding.holder] += 1
        for title_key, title in knowledge.titles.items():
            if normalize(title.post) == role:
                votes.setdefault(title_key, Counter())[holding.holder] += 1
    return {role: counter.most_common(1)[0][0] for role, counter in votes.items()}

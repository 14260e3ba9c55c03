"""Stage 4a: posts (offices) and who holds them, from titles and appositions.

"New York Governor Jane Roe" -> Jane Roe holds "Governor of New York" (current);
"Former Mayor Eric Adams" -> Eric Adams holds "Mayor of <the city this article's mayors
govern>" (former). Status comes from the cue words in the text, years from "since 2022" or
"from 2014 to 2021" in the same sentence.

Members of the US Congress get one labelling: "United States Senator from Texas" (postIn the
United States Senate) and "United States Representative from California" (postIn the House),
the state taken from "Texas Sen. X" or from a party-state tag after the name ("(R-Texas)",
"(D-Calif.)"); without a state, "United States Senator".
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span

from .doctext import text_of
from .knowledge import Knowledge, Title, normalize
from .records import Evidence, Holding, Mention

SINCE = re.compile(r"\bsince (\d{4})\b")
FROM_TO = re.compile(r"\bfrom (\d{4})(?: to | until | through | till |\s*[-–]\s*)(\d{4})\b")
RANGE = re.compile(r"\((\d{4})\s*[-–]\s*(\d{4})\)")
APPOSITION = re.compile(
    r"^\s*,\s+(?:(?:who|who's) (?:is|was|has been|had been) )?"
    r"(?:the|a|an|its|their|his|her)\s+([^,;.()]{3,80}?)\s*(?:[,;.()]|$)"
)
# ", who served as mayor from 2014 to 2021," / ", who is now governor,"
SERVED_AS = re.compile(
    r"^\s*,\s+who (?:[a-z]+ly )?(served|serves|is now|was|has served|had served|became)"
    r"(?: as)?\s+(?:the |a |an )?([^,;.()]{3,80}?)\s*(?:[,;.()]|$)"
)
# "(R-Texas)", "(D-N.Y.)", "(D-Calif., 12th District)"
PARTY_STATE = re.compile(
    r"^\s*\(\s*[RDI]\s*[-–]\s*([A-Z][A-Za-z. ]{0,20}?)\s*(?:[,;][^)]{0,40})?\)"
)
# "Sen. X of New York"
STATE_AFTER = re.compile(r"^,?\s+of\s+([A-Z][A-Za-z.]*(?:\s[A-Z][A-Za-z.]*)?)")
STATUS_RANK = {"current": 0, "acting": 1, "interim": 1, "elect": 2, "nominee": 3, "former": 4}
ARTICLES = ("the", "a", "an")
CONNECTORS = ("of", "and", "&", "for", "on")
# lowercase words an apposition may hold before its title: "the state's top ..."
APPOSITION_FILLERS = ("the", "a", "an", "top", "longtime", "longest-serving", "current", "now")


@dataclass(frozen=True)
class Parsed:
    title: Title
    jurisdiction: str | None
    status: str
    written: str
    body: str | None = None  # an organisation named with the title ("FBI Director")
    federal: tuple[str, str] | None = None


def sentence_evidence(sent: Span) -> Evidence:
    """The sentence verbatim, trimmed of surrounding whitespace, with its offsets."""
    text = text_of(sent.doc)
    start, end = sent.start_char, sent.end_char
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Evidence(text=text[start:end], start=start, end=end)


def split_tokens(words: str, knowledge: Knowledge) -> list[str]:
    """Title words, with status prefixes and suffixes split off: 'then-incoming' ->
    'then incoming', 'Mayor-elect' -> 'Mayor -elect'."""
    text = re.sub(r"\s*[-–]\s*", "-", words.strip())
    tokens = []
    for token in text.split():
        parts = token.split("-")
        if len(parts) > 1 and (
            parts[0].lower() in knowledge.status_cues
            or all(p.lower() in knowledge.status_cues or knowledge.title(p) for p in parts if p)
        ):
            first, *rest = parts
            tokens.append(first)
            tokens.extend(f"-{p}" if p.lower() in ("elect", "designate") else p for p in rest)
        else:
            tokens.append(token)
    return [t for t in tokens if t]


def cue_of(token: str, knowledge: Knowledge) -> str | None:
    lower = token.lower()
    return knowledge.status_cues.get(lower.strip("-")) or knowledge.status_cues.get(lower)


def parse_title(
    words: str,
    knowledge: Knowledge,
    places: frozenset[str] = frozenset(),
    orgs: frozenset[str] = frozenset(),
    strict: bool = False,
) -> Parsed | None:
    """Split title words into the title entry, its jurisdiction or body, and the status.

    Only a place (known, or tagged as one in the article) or an organisation (known, tagged
    in the article, or capitalised words ending in an organisation word) counts as the
    jurisdiction or body: other capitalised words before a title are names or party labels
    ("Republican Mayor"), not where the office is. Modifier words stay in the post ("Deputy
    Attorney General"). ``strict`` (appositions) asks the title to be the head of the phrase:
    'a former aide to the governor' names no post of the person.
    """
    data = knowledge.posts
    tokens = split_tokens(words, knowledge)
    best: tuple[int, int, Title] | None = None
    for i in range(len(tokens)):
        for j in range(len(tokens), i, -1):
            title = knowledge.title(" ".join(tokens[i:j]))
            if title and (best is None or j - i > best[1] - best[0]):
                best = (i, j, title)
    if best is None:
        return None
    i, j, title = best
    federal = data.federal.get(normalize(" ".join(tokens[i:j])))
    # modifiers right before the title belong to the post
    m = i
    while m > 0 and tokens[m - 1].lower() in data.modifiers:
        m -= 1
    if m < i:
        prefix = " ".join(t.capitalize() for t in tokens[m:i])
        title = replace(title, post=f"{prefix} {title.post}")
        federal = None
    before, after = tokens[:m], tokens[j:]
    if strict and not head_of_phrase(before, after, knowledge):
        return None
    status = "current"
    for token in before + after:
        cue = cue_of(token, knowledge)
        if cue and STATUS_RANK.get(cue, 0) > STATUS_RANK.get(status, 0):
            status = cue
    jurisdiction, body = place_or_body(before, knowledge, places, orgs)
    known_body = knowledge.lookup(body or "")
    if (
        known_body is not None
        and known_body.subtype == "PoliticalParty"
        and normalize(title.post) not in data.party_titles
    ):
        body = None  # "GOP Rep. X", "Republican Governor X": a label, not the post's body
    if (
        jurisdiction is None
        and body is None
        and after
        and after[0].lower()
        in CONNECTORS[:1]
        + (
            "for",
            "from",
            "in",
        )
    ):
        jurisdiction, body = place_or_body(after[1:], knowledge, places, orgs)
    return Parsed(title, jurisdiction, status, " ".join(tokens[m:j]), body, federal)


def head_of_phrase(before: list[str], after: list[str], knowledge: Knowledge) -> bool:
    for k, token in enumerate(before):
        lower = token.lower()
        if (
            cue_of(token, knowledge)
            or token[:1].isupper()
            or lower in APPOSITION_FILLERS
            or lower.endswith(("'s", "’s"))
            or lower == "for"
            and k > 0
            and cue_of(before[k - 1], knowledge) == "nominee"
        ):
            continue
        return False
    return not after or after[0].lower() in (
        "of",
        "for",
        "from",
        "in",
        "at",
        "under",
        "since",
        "during",
        "until",
        "between",
    )


def place_or_body(
    tokens: list[str], knowledge: Knowledge, places: frozenset[str], orgs: frozenset[str]
) -> tuple[str | None, str | None]:
    """(jurisdiction, body) the words before (or after) a title name."""
    words = [t for t in tokens if not cue_of(t, knowledge) and t.lower() not in ARTICLES]
    # the capitalised run closest to the title: an organisation as a whole
    run: list[str] = []
    for token in reversed(words):
        if token[:1].isupper() or (token.lower() in CONNECTORS and run):
            run.insert(0, token)
        else:
            break
    while run and run[0].lower() in CONNECTORS:
        run.pop(0)
    for start in range(len(run)):
        phrase = " ".join(run[start:])
        phrase = phrase[:-2] if phrase.endswith(("'s", "’s")) else phrase
        known = knowledge.lookup(phrase)
        if known is not None and known.kind == "Organization":
            return None, known.name
        if known is not None:
            break
        if normalize(phrase) in orgs or (
            len(run) - start > 1 and run[-1].lower() in knowledge.organization_words
        ):
            return None, phrase
    jurisdiction_words = []
    for token in words:
        if token in knowledge.demonyms:
            jurisdiction_words.append(knowledge.demonyms[token])
        elif token[:1].isupper():
            jurisdiction_words.append(token[:-2] if token.endswith(("’s", "'s")) else token)
    return jurisdiction_of(jurisdiction_words, knowledge, places), None


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


def us_states(knowledge: Knowledge) -> frozenset[str]:
    return frozenset(knowledge.posts.states.values())


def post_label(
    title: Title,
    jurisdiction: str | None,
    knowledge: Knowledge,
    body: str | None = None,
    federal: tuple[str, str] | None = None,
) -> str:
    if body and not jurisdiction and " of " not in title.post:
        return f"{title.post} of {body}"
    place = jurisdiction or title.default_jurisdiction
    if federal and place == title.default_jurisdiction:
        return federal[0]
    if federal and place in us_states(knowledge):
        return f"{federal[0]} {federal[1]} {place}"
    if place and " of " not in title.post:
        return f"{title.post} of {knowledge.place_phrase(place)}"
    return title.post


def post_body(
    title: Title,
    jurisdiction: str | None,
    knowledge: Knowledge,
    body: str | None = None,
    federal: tuple[str, str] | None = None,
) -> str | None:
    """The organisation the post belongs to: by place, else the title's, else the
    organisation named before the title ('AFL-CIO President')."""
    by_place = dict(title.post_in_by_jurisdiction)
    known = knowledge.lookup(jurisdiction or "")
    named = known.name if known is not None and known.kind == "Organization" else body
    if (
        federal
        and jurisdiction not in (None, title.default_jurisdiction)
        and jurisdiction not in us_states(knowledge)
    ):
        return named
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


def party_state(text: str, knowledge: Knowledge) -> str | None:
    """'(R-Texas)' / '(D-Calif.)' right after a name -> the state."""
    match = PARTY_STATE.match(text) or STATE_AFTER.match(text)
    if not match:
        return None
    states = knowledge.posts.states
    code = match.group(1).strip()
    return states.get(code) or states.get(code.rstrip(".")) or states.get(f"{code}.")


def holdings_in(
    doc: Doc, mentions: list[Mention], keys: list[str], knowledge: Knowledge
) -> list[Holding]:
    """Every (person, post) pair the article's titles and appositions state."""
    sentences = list(doc.sents)
    places = frozenset(normalize(e.text) for e in doc.ents if e.label_ in ("GPE", "LOC"))
    orgs = frozenset(normalize(e.text) for e in doc.ents if e.label_ == "ORG")
    found: list[tuple[str, Parsed, Evidence]] = []
    congress_state: dict[str, str] = {}
    congress_hint: dict[str, tuple[str, Evidence]] = {}
    for mention, key in zip(mentions, keys, strict=True):
        if not key.startswith("Person:"):
            continue
        evidence = sentence_evidence(sentences[mention.sentence])
        after = text_of(doc)[mention.end : mention.end + 40]
        state = party_state(after, knowledge)
        if state:
            congress_state.setdefault(key, state)
        of_place = STATE_AFTER.match(after)
        local = None  # "Mayor Jane Roe of Springfield"
        if of_place:
            words = re.split(r"\.\s", of_place.group(1))[0].rstrip(".")
            for size in (2, 1):
                phrase = " ".join(words.split()[:size])
                if normalize(phrase) in places or knowledge.is_place(phrase):
                    local = phrase
                    break
        for words, strict, status in titles_of(mention, text_of(doc)):
            parsed = parse_title(words, knowledge, places, orgs, strict=strict)
            if parsed is None:
                continue
            if status and STATUS_RANK[status] > STATUS_RANK.get(parsed.status, 0):
                parsed = replace(parsed, status=status)
            if (
                local
                and not strict
                and not parsed.federal
                and parsed.jurisdiction is None
                and parsed.body is None
                and parsed.title.default_jurisdiction is None
                and (
                    local not in us_states(knowledge)
                    or normalize(parsed.title.post) in knowledge.posts.state_titles
                )
            ):
                parsed = replace(parsed, jurisdiction=local)
            found.append((key, parsed, evidence))
            if state and not parsed.federal:
                chamber = " ".join([words, parsed.body or ""])
                for word in ("Senate", "House"):
                    if re.search(rf"\b{word}\b", chamber):
                        congress_hint.setdefault(key, (word, evidence))
    # "Sen. X (R-Texas)", or a member of a Senate or House committee with a state tag
    federal_keys = {key for key, parsed, _ in found if parsed.federal}
    titles = {"Senate": "senator", "House": "representative"}
    for key, (chamber, evidence) in congress_hint.items():
        if key not in federal_keys and knowledge.title(titles[chamber]):
            title = knowledge.title(titles[chamber])
            federal = knowledge.posts.federal.get(titles[chamber])
            found.append((key, Parsed(title, None, "current", "", None, federal), evidence))
    # an unqualified title takes the jurisdiction the article gives the same holder's title
    # ("Russian President Putin" ... "President Putin"), else the one jurisdiction the
    # article gives that title (never a guess between several: two governors of two states)
    by_title: dict[str, Counter] = {}
    by_holder: dict[tuple[str, str], Counter] = {}
    for key, parsed, _ in found:
        post, jurisdiction = parsed.title.post, parsed.jurisdiction
        if jurisdiction and (
            not knowledge.lookup(jurisdiction) or knowledge.is_place(jurisdiction)
        ):
            by_title.setdefault(post, Counter())[jurisdiction] += 1
        if jurisdiction or parsed.body:
            by_holder.setdefault((key, post), Counter())[(jurisdiction, parsed.body)] += 1
    holdings = []
    seen = set()
    data = knowledge.posts
    for key, parsed, evidence in found:
        title, jurisdiction, body = parsed.title, parsed.jurisdiction, parsed.body
        in_state = parsed.federal or normalize(title.post) in data.state_titles
        if in_state and key in congress_state and jurisdiction is None and body is None:
            jurisdiction = congress_state[key]
        elif jurisdiction is None and body is None and (key, title.post) in by_holder:
            jurisdiction, body = by_holder[(key, title.post)].most_common(1)[0][0]
        elif (
            jurisdiction is None
            and body is None
            and title.default_jurisdiction is None
            and len(by_title.get(title.post, ())) == 1
        ):
            jurisdiction = next(iter(by_title[title.post]))
        start, end = years_in(evidence.text)
        holding = Holding(
            holder=key,
            post=post_label(title, jurisdiction, knowledge, body, parsed.federal),
            evidence=evidence,
            status=parsed.status,
            post_in=post_body(title, jurisdiction, knowledge, body, parsed.federal),
            start_year=start,
            end_year=end,
        )
        marker = (holding.holder, holding.post, holding.status, evidence.start)
        if marker not in seen:
            seen.add(marker)
            holdings.append(holding)
    return holdings


def titles_of(mention: Mention, text: str) -> list[tuple[str, bool, str | None]]:
    """Title words before the name, and after it in an apposition (', the police chief,'),
    each with whether it must be the head of its phrase and the status the clause gives."""
    titles: list[tuple[str, bool, str | None]] = []
    if mention.title:
        titles.append((mention.title, False, None))
    following = text[mention.end : mention.end + 160]
    tag = PARTY_STATE.match(following)  # "Sen. X (R-Texas), the chairman of ..."
    if tag:
        following = following[tag.end() :]
    match = APPOSITION.match(following)
    if match:
        was = re.match(r"^\s*,\s+who (?:was|had been) ", following)
        titles.append((match.group(1), True, "former" if was else None))
    else:
        match = SERVED_AS.match(following)
        if match:
            verb = match.group(1)
            status = "former" if verb in ("served", "was", "had served") else None
            titles.append((match.group(2), True, status))
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

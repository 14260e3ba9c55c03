"""Title phrases as strings: which post, of which place or body, with which status.

"New York Governor" -> Governor of New York (current); "Former Mayor" -> Mayor (former);
"FBI Director" -> Director of the FBI. Pure functions of the words and the gazetteer,
with no parse, so they are tested table by table.

Members of the US Congress get one labelling: "United States Senator from Texas" (postIn
the United States Senate) and "United States Representative from California" (postIn the
House), the state taken from "Texas Sen. X" or from a party-state tag after the name
("(R-Texas)", "(D-Calif.)"); without a state, "United States Senator".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from ...knowledge import Knowledge, KnownOrg, Title, normalize
from ...knowledge.english import (
    APPOSITION_FILLERS,
    ARTICLES,
    JURISDICTION_PREPOSITIONS,
    NAME_CONNECTORS,
    POSSESSIVE_CLITICS,
    TITLE_PREPOSITIONS,
)

SINCE = re.compile(r"\bsince (\d{4})\b")


FROM_TO = re.compile(r"\bfrom (\d{4})(?: to | until | through | till |\s*[-–]\s*)(\d{4})\b")


RANGE = re.compile(r"\((\d{4})\s*[-–]\s*(\d{4})\)")


APPOSITION = re.compile(
    r"^\s*,\s+(?:(?:who|who's) (?:is|was|has been|had been) )?"
    r"(?:(?:the|a|an|its|their|his|her)\s+|(?!who\b|which\b|whose\b))([^,;.()]{3,80}?)\s*(?:[,;.()]|$)"
)


# "X resigned as home secretary last week", "X, who quit as Tory deputy chairman,": a post
# the person has left (a phrase that is no title, "resigned as UKIP's treasurer", parses to
# none and is dropped).
LEFT_AS = re.compile(
    r"^(?:\s*,\s+who)?\s+(?:has |had |was |later |then |eventually )*"
    r"(?:resigned|quit|stepped down|dismissed|fired|ousted|sacked|removed|retired)\s+as\s+"
    r"(?:the |a |an )?([^,;.()\"“”]{3,80}?)\s*"
    r"(?:[,;.()\"“”]|\s(?:on|in|at|after|before|over|last|this|earlier|when|because|and|but|to|"
    r"for|from|amid|following|in)\b|$)"
)

# ", who served as mayor from 2014 to 2021," / ", who is now governor,"
SERVED_AS = re.compile(
    r"^\s*,\s+who (?:[a-z]+ly )?(served|serves|is now|was|has served|had served|became)"
    r"(?: as)?\s+(?:the |a |an )?([^,;.()]{3,80}?)\s*(?:[,;.()]|$)"
)


# "X (born 1940) is the 37th President of Brazil", "X was Queen of Mauritius from 1968",
# "X reigned as King of Romania": a predicate after the name (and a parenthesis of dates)
PREDICATE = re.compile(
    r"^\s*(?:\([^()]{0,80}\)\s*)?\s(?P<verb>is|was|has been|had been|became|becomes|remains"
    r"|remained|reigned as|reigns as|ruled as|rules as|served as|serves as|has served as"
    r"|was elected|was appointed|was named|was sworn in as|was installed as)"
    r"\s+(?:as\s+)?(?:the |a |an )?(?P<phrase>[^,;.()]{3,100}?)\s*(?:[,;.()]|$)"
)
# "... a Zambian politician who was the second President of Zambia": the predicate's own
# relative clause (or participle) is about the same person
INNER_PREDICATE = re.compile(
    r"\b(?:who (?P<verb>is|was|has been|had been|became|serves as|served as|reigned as)"
    r"|serving as)\s+(?:the |a |an )?(?P<phrase>.{3,})$"
)
PREDICATE_STATUS = {
    "was": "former", "had been": "former", "remained": "former", "reigned as": "former",
    "ruled as": "former", "served as": "former",
}  # fmt: skip
# "the Russian President, Dmitry Medvedev," / "a new Prime Minister, Jane Roe."
TITLE_COMMA = re.compile(
    r"(?:^|\s)(?:the|a new|the new)\s+(?P<phrase>(?:[\w.'’-]+\s+){0,9}[\w.'’-]+),\s*$"
)
# "The regional commissioner of the Acme Region is Dr. X": the title as the subject
TITLE_IS = re.compile(
    r"(?:^|\s)(?:The|the)\s+(?P<phrase>(?:[\w.'’-]+\s+){0,9}[\w.'’-]+)\s+"
    r"(?P<verb>is|was|has been|had been|remains)\s+(?:(?:Dr|Mr|Mrs|Ms|Sir|Dame)\.?\s+)?$"
)
# "elected X the president of Acme", "appointed X Deputy Leader of Acme": the title after
# the name of the person a verb makes its holder
MADE_HOLDER = re.compile(r"\b(?:elected|appointed|named|made|nominated|chose|picked)\s+$")
OBJECT_TITLE = re.compile(
    r"^\s+(?:as\s+)?(?:the |a |an |its |their )?(?P<phrase>[^,;.()]{3,80}?)\s*(?:[,;.()]|$)"
)
# "then-President of the United States Barack Obama": a title of a place before the name
TITLE_OF_BEFORE = re.compile(
    r"(?:^|\s)(?P<phrase>(?:(?:former|then|ex|late)[\s-]+)?(?:[A-Z][\w'’-]*\s+){0,2}"
    r"[A-Z][\w'’-]*\s+of\s+(?:the\s+)?(?:(?:[A-Z](?:\.[A-Z])+\.?|[A-Z][\w'’-]*)\s+){1,4})$"
)
ORDINAL = re.compile(r"^(?:\d+(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh"
                     r"|eighth|ninth|tenth|eleventh|twelfth|last|longest-serving)$")  # fmt: skip


# "(R-Texas)", "(D-N.Y.)", "(D-Calif., 12th District)"
PARTY_STATE = re.compile(
    r"^\s*\(\s*[RDI]\s*[-–]\s*([A-Z][A-Za-z. ]{0,20}?)\s*(?:[,;][^)]{0,40})?\)"
)


# "Sen. X of New York"
STATE_AFTER = re.compile(r"^,?\s+of\s+([A-Z][A-Za-z.]*(?:\s[A-Z][A-Za-z.]*)?)")


STATUS_RANK = {"current": 0, "acting": 1, "interim": 1, "elect": 2, "nominee": 3, "former": 4}


@dataclass(frozen=True)
class Parsed:
    title: Title
    jurisdiction: str | None
    status: str
    written: str
    body: str | None = None  # an organisation named with the title ("FBI Director")
    federal: tuple[str, str] | None = None
    # other words qualify the title ("union president", "CTU president", "company
    # President"): it is some organisation's post, so no country is assumed for it
    qualified: bool = False


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
            longer = best is None or j - i > best[1] - best[0]
            # of equally long titles the last is the head: "Justice Department spokesman"
            if title and (longer or (j - i == best[1] - best[0] and j > best[1])):
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
        and after[0].lower() in JURISDICTION_PREPOSITIONS
    ):
        jurisdiction, body = place_or_body(after[1:], knowledge, places, orgs, whole=True)
        if jurisdiction is None and body is None:
            body = organisation_at_start(after[1:], knowledge, orgs)
    if after and after[0].lower() == "of" and not any(
        (*place_or_body(after[1:], knowledge, places, orgs, whole=True),
         organisation_at_start(after[1:], knowledge, orgs))
    ):  # fmt: skip
        portfolio = portfolio_after(after, title, knowledge)
        if portfolio:  # "Secretary of War", "Minister of Internal Affairs"
            title = replace(title, post=f"{title.post} of {portfolio}", default_jurisdiction=None)
            federal = None
    qualified = jurisdiction is None and body is None and qualifies(before, knowledge)
    portfolio = portfolio_of(before, title, knowledge, placed=bool(jurisdiction or body))
    if portfolio:  # "home affairs spokesman", "Finance Minister": the portfolio is the post's
        title = replace(title, post=f"{portfolio} {title.post}")
        federal = None
    return Parsed(title, jurisdiction, status, " ".join(tokens[m:j]), body, federal, qualified)


def portfolio_after(after: list[str], title: Title, knowledge: Knowledge) -> str:
    """The portfolio a generic post names after 'of' ('Secretary of War', 'Minister of
    Internal Affairs'): up to four capitalised words, '' when there are none."""
    if title.post not in knowledge.posts.portfolio_posts or " of " in title.post:
        return ""
    words = []
    for token in after[1:5]:
        if not token[:1].isupper() and not (words and token.lower() in ("and", "for")):
            break
        words.append(token.rstrip(".,;"))
    while words and words[-1].lower() in ("and", "for"):
        words.pop()
    return " ".join(words)


def portfolio_of(before: list[str], title: Title, knowledge: Knowledge, placed: bool) -> str:
    """The portfolio words right before a generic post ('home affairs' spokesman, 'Finance'
    Minister), title-cased; '' when there are none or the post takes no portfolio."""
    if title.post not in knowledge.posts.portfolio_posts:
        return ""
    words: list[str] = []
    for token in reversed(before):
        lower = token.lower()
        if (
            not token.isalpha()
            or cue_of(token, knowledge)
            or lower in ARTICLES
            or lower in APPOSITION_FILLERS
            or token in knowledge.party_words
            or token in knowledge.demonyms
            or knowledge.is_place(token)
            or lower in knowledge.organization_words
            or (token[:1].isupper() and (placed or knowledge.lookup(token) is not None))
        ):
            break
        words.insert(0, token)
    words = words[-3:]
    while words and words[0].lower() in ("and", "&"):
        words.pop(0)  # "Food and Rural Affairs" cut to its last three words
    return " ".join(w if w.lower() in ("and", "&") else w.capitalize() for w in words)


def qualifies(before: list[str], knowledge: Knowledge) -> bool:
    """Words before a title other than status cues, articles, possessives and party labels."""
    for token in before:
        word = token[:-2] if token.endswith(POSSESSIVE_CLITICS) else token
        known = knowledge.lookup(word)
        if (
            not word
            or cue_of(word, knowledge)
            or word.lower() in ARTICLES
            or word in knowledge.party_words
            or word in knowledge.role_party_words  # "Conservative shadow chancellor"
            or (known is not None and known.subtype == "PoliticalParty")
            or word in knowledge.demonyms
            or knowledge.is_place(word)
        ):
            continue
        return True
    return False


def head_of_phrase(before: list[str], after: list[str], knowledge: Knowledge) -> bool:
    for k, token in enumerate(before):
        lower = token.lower()
        if (
            cue_of(token, knowledge)
            or token[:1].isupper()
            or lower in APPOSITION_FILLERS
            or ORDINAL.match(lower)  # "the 37th and current President"
            or lower == "and"
            and 0 < k < len(before) - 1
            or lower.endswith(POSSESSIVE_CLITICS)
            or lower == "for"
            and k > 0
            and cue_of(before[k - 1], knowledge) == "nominee"
        ):
            continue
        return False
    return not after or after[0].lower() in TITLE_PREPOSITIONS


def place_or_body(
    tokens: list[str],
    knowledge: Knowledge,
    places: frozenset[str],
    orgs: frozenset[str],
    whole: bool = False,
) -> tuple[str | None, str | None]:
    """(jurisdiction, body) the words before (or after) a title name; ``whole`` (the words
    after 'of') asks an organisation to be named by the whole run, not its tail ('of the
    Democratic People's Republic of Korea' is no 'Republic of Korea')."""
    words = [t for t in tokens if not cue_of(t, knowledge) and t.lower() not in ARTICLES]
    # the capitalised run closest to the title: an organisation as a whole
    run: list[str] = []
    for token in reversed(words):
        if token[:1].isupper() or (token.lower() in NAME_CONNECTORS and run):
            run.insert(0, token)
        else:
            break
    while run and run[0].lower() in NAME_CONNECTORS:
        run.pop(0)
    for start in range(1 if whole and run else len(run)):
        phrase = " ".join(run[start:])
        phrase = phrase[:-2] if phrase.endswith(POSSESSIVE_CLITICS) else phrase
        known = knowledge.lookup(phrase) or party_named_by_adjective(phrase, knowledge)
        if known is not None and known.kind == "Organization":
            return None, known.name
        if known is not None:
            break
        if normalize(phrase) in orgs or (
            len(run) - start > 1 and run[-1].lower() in knowledge.organization_words
        ):
            return None, phrase
    if whole:  # "leader of Party X in Poland": the place is the run right after "of"
        first = 0
        while first < len(words) and (
            words[first][:1].isupper() or words[first].lower() in NAME_CONNECTORS
        ):
            first += 1
        words = words[:first]
    jurisdiction_words = []
    for k, token in enumerate(words):
        if token in knowledge.demonyms:
            jurisdiction_words.append(knowledge.demonyms[token])
        elif token[:1].isupper():
            # a possessive ends the name ("Ohio's governor"), it is no part of one inside
            # it ("Democratic People's Republic of Korea")
            last = k == len(words) - 1 or not words[k + 1][:1].isupper()
            possessive = token.endswith(POSSESSIVE_CLITICS) and last
            jurisdiction_words.append(token[:-2] if possessive else token)
    return jurisdiction_of(jurisdiction_words, knowledge, places), None


def party_named_by_adjective(word: str, knowledge: Knowledge) -> KnownOrg | None:
    """'Conservative leader X', 'Liberal leader Y': a capitalised adjective whose "<word>
    Party" is a known party (the caller keeps it only for a party's own titles)."""
    if " " in word or not word[:1].isupper():
        return None
    known = knowledge.lookup(f"{word} Party")
    return known if known is not None and known.subtype == "PoliticalParty" else None


def organisation_at_start(
    tokens: list[str], knowledge: Knowledge, orgs: frozenset[str]
) -> str | None:
    """The organisation the words after 'chairman of' begin with, past articles and
    lowercase words: 'of the bipartisan Acme Association', 'of Acme West inc.'."""
    words = list(tokens)
    while words and (words[0].lower() in ARTICLES or words[0].islower()):
        words.pop(0)
    for size in range(len(words), 0, -1):
        phrase = " ".join(words[:size]).rstrip(",;.")
        known = knowledge.lookup(phrase)
        if known is not None and known.kind == "Organization":
            return known.name
        if normalize(phrase) in orgs:
            return phrase
    return None


def jurisdiction_of(words: list[str], knowledge: Knowledge, places: frozenset[str]) -> str | None:
    """The longest run of words that names a place or a known organisation; a city before
    its state ('South Bend, Indiana') is the city, written so."""
    states = set(knowledge.posts.states.values())
    for k in range(1, len(words)):
        state = " ".join(words[k:])
        if words[k - 1].endswith(",") and state in states:
            city = [w.rstrip(",") for w in words[max(0, k - 3) : k]]
            return f"{' '.join(city)}, {state}"
    for size in range(len(words), 0, -1):
        for start in range(len(words) - size + 1):
            phrase = " ".join(words[start : start + size])
            if len(phrase.strip(".")) < 2:
                continue  # "Party X": a letter names no place or organisation
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

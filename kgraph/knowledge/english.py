"""English function words and word classes the extraction rules look for.

One list per kind of word, defined once (in the way of spaCy's ``lang/en/`` data files):
the rules in ``kgraph.extract`` import them by name. Political knowledge (organisations,
titles, trigger words) is in ``data/``; these are the words of the language itself.
"""

from __future__ import annotations

# --- pronouns and determiners ------------------------------------------------------------
PERSON_PRONOUNS = frozenset({"he", "she", "him", "her", "his", "hers", "himself", "herself"})
REFLEXIVE_PRONOUNS = frozenset({"himself", "herself", "themselves", "itself"})
FIRST_PERSON_SINGULAR = frozenset({"i", "me", "my", "myself"})  # "we" may be a group
# The gender a third-person pronoun asks of its antecedent ("she" cannot be a John).
PRONOUN_GENDERS = {
    "he": "M", "him": "M", "his": "M", "himself": "M",
    "she": "F", "her": "F", "hers": "F", "herself": "F",
}  # fmt: skip
CAMPAIGN_WORDS = frozenset({"team"})  # "Team Roe" is a person's campaign, not a person
# "Mr", "Ms": inside a span they start the name ("Tanzania Mr Roe" -> "Roe").
PLAIN_HONORIFICS = frozenset({"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "miss", "mx"})
# "Sir Jane Roe" is never "Mr Roe" or "Mrs Roe" in news copy.
KNIGHTLY_HONORIFICS = frozenset({"sir", "dame", "lord", "lady", "baroness"})
# Titles written before a name that say its bearer's gender ("Mrs May", "Sir Keir");
# not "chairman" or "spokesman", which are said of women too.
TITLE_GENDERS = {
    "mr": "M", "mr.": "M", "sir": "M", "lord": "M", "congressman": "M",
    "king": "M", "prince": "M", "father": "M", "brother": "M", "son": "M", "husband": "M",
    "mrs": "F", "mrs.": "F", "ms": "F", "ms.": "F", "miss": "F", "dame": "F", "lady": "F",
    "baroness": "F", "congresswoman": "F", "chairwoman": "F", "queen": "F", "princess": "F",
    "mother": "F", "sister": "F", "daughter": "F", "wife": "F", "spokeswoman": "F",
    "businesswoman": "F",
}  # fmt: skip
RELATIVE_PRONOUNS = frozenset({"who", "that", "which", "whom"})
PERSON_RELATIVES = ("who", "whom")
DETERMINERS = frozenset({"the", "a", "an", "this", "that", "these", "those"})
# "the state Republican Party", "the county Democrats": a local branch, not the party.
LOCAL_BRANCH_WORDS = frozenset({"state", "county", "local", "city", "district", "precinct"})
# "every single New Yorker", "each Texan": what follows is one of many people, not a name.
DISTRIBUTIVE_DETERMINERS = frozenset({"every", "each", "any"})
ARTICLES = ("the", "a", "an")
DEFINITE_DETERMINERS = ("the", "this")  # "the president", "this strategist"
POSSESSIVE_CLITICS = ("’s", "'s")
# The subject areas of a minister's portfolio, and the posts they come before: "Culture,
# Media and Sport Secretary Tessa Jowell", "Home Affairs spokesman Mark Oaten" name a post,
# and its words are no organisation (the post is read by kgraph/extract/posts).
PORTFOLIO_WORDS = frozenset({
    "affairs", "agriculture", "arts", "business", "change", "children", "climate",
    "communities", "constitutional", "culture", "defence", "defense", "development",
    "digital", "economic", "education", "employment", "energy", "enterprise", "environment",
    "equalities", "europe", "european", "families", "finance", "fisheries", "food", "foreign",
    "health", "heritage", "home", "housing", "immigration", "industry", "innovation",
    "international", "justice", "local", "media", "pensions", "planning", "policing",
    "regions", "rural", "schools", "science", "security", "skills", "social", "sport",
    "technology", "tourism", "trade", "transport", "welfare", "women", "work", "youth",
})  # fmt: skip
PORTFOLIO_POST_WORDS = frozenset({
    "secretary", "minister", "spokesman", "spokeswoman", "spokesperson", "spokespeople",
    "secretaries", "ministers",
})  # fmt: skip
POSSESSIVE_ENDINGS = frozenset({"'s", "’s", "'", "’", "s"})
# Letters after a name that are no part of it: "Jane Roe QC", "John Doe MEP", "Ann Poe OBE"
# (a generational "Jr." or "III" is part of the name: another person).
POST_NOMINALS = frozenset({
    "QC", "KC", "MP", "MEP", "MSP", "MLA", "AM", "TD", "OBE", "MBE", "CBE", "KBE", "DBE",
    "PhD", "Esq", "Esq.",
})  # fmt: skip
OPEN_QUOTES = frozenset({"‘", "'", "“", '"'})
CLOSE_QUOTES = frozenset({"’", "'", "”", '"'})
# Tokens that never stand inside one name: a span the NER runs across them is split there
# ("Institute of X (IOX" -> "Institute of X", "IOX"; "Red Sun” central committee").
SPAN_BREAKS = frozenset({"(", ")", "[", "]", "“", "”", '"', "‘", "--", "—", "–"})
# Plural owners that stay inside an organisation's name: "National People's Congress",
# "Women's Institute", "Children's Defense Fund" (not "Obama's White House").
COLLECTIVE_OWNERS = frozenset({
    "people", "peoples", "women", "men", "children", "workers", "citizens", "veterans",
    "farmers", "teachers", "governors", "mothers", "nurses", "journalists", "soldiers",
    "voters", "students", "lawyers", "physicians", "doctors", "writers", "consumers",
})  # fmt: skip
# Lowercase particles of names ("de Klerk", "al-Tuffah", "van Gogh"): not leading debris.
NAME_PARTICLES = frozenset({
    "de", "del", "della", "di", "da", "du", "van", "von", "der", "den", "la", "le", "al", "el",
    "bin", "ibn", "ben", "dos", "das", "do", "ter", "zu",
})  # fmt: skip

# --- words around a place name ---------------------------------------------------------
# "the MP for X", "Member for X": X is a constituency, a place.
CONSTITUENCY_MEMBERS = frozenset({
    "mp", "msp", "mep", "mla", "ms", "td", "member", "members", "candidate", "candidates",
})  # fmt: skip
# "he would contest Bethnal Green": one contests a seat, not a person.
SEAT_VERBS = frozenset({"contest"})
PLACE_RELATIVES = frozenset({"where"})  # "X, where ...": X is a place
# "campaigned in A, B and C": a list of places; "leaflets in X", for a lone word the article
# gives no person evidence ("faith in X" has X's full name elsewhere; "from X" is also whom
# a report comes from, so it is not here)
LOCATIVE_PREPOSITIONS = frozenset({"in", "across", "throughout", "around"})
# "the city of X", "the towns of X and Y", "the Armenian capital of X": X is a place.
PLACE_NOUNS = frozenset({
    "city", "cities", "town", "towns", "village", "villages", "capital", "hamlet", "suburb",
    "province", "region", "port", "township", "municipality", "county", "island", "state",
    "valley", "slum", "district", "neighborhood", "neighbourhood", "resort", "settlement",
    "centre", "constituency", "constituencies", "borough", "boroughs", "ward", "parish",
})  # fmt: skip
# "the X airport", "the X territory", "X foothills": a lowercase place noun the name modifies.
PLACE_HEAD_NOUNS = frozenset({
    "airport", "territory", "reservation", "range", "foothills", "region", "area", "province",
    "district", "valley", "coast", "suburbs", "outskirts", "border", "harbor", "harbour",
    "ward", "seat",  # "the Sheffield Hallam seat" ("constituency" is also a voter base)
})  # fmt: skip
# "the Roe company": a lowercase noun that makes the name before it a company's.
COMPANY_NOUNS = frozenset({"company", "firm", "corporation", "conglomerate", "carmaker"})
# Prepositions of being somewhere: "near X" (a lone surname is rarely written so; "at X"
# is also where people work or study, "in X" what they are trusted in: "faith in X").
PLACE_PREPOSITIONS = frozenset({"near", "outside"})

# --- verbs of saying and thinking ----------------------------------------------------------
SPEECH_VERBS = frozenset({
    "say", "tell", "add", "argue", "write", "tweet", "explain", "insist", "claim", "note",
})  # fmt: skip
# "X said ...", "X announced ...": a claim in their complement is stated by their subject.
ATTRIBUTION_VERBS = SPEECH_VERBS | {
    "state", "announce", "declare", "allege", "assert", "post", "confirm", "acknowledge",
}  # fmt: skip
# "X warned", "X replied": in news copy only people do these (an ORG span that does is a person).
PERSON_SPEECH_VERBS = SPEECH_VERBS | {
    "ask", "warn", "respond", "reply", "recall", "vow", "urge", "admit", "deny",
}  # fmt: skip
# "X claimed that she had known ...": the subject pronoun of the reported clause is X.
REPORTING_VERBS = ATTRIBUTION_VERBS | {
    "know", "think", "believe", "feel", "claim", "admit", "deny", "concede", "hope", "fear",
    "suggest", "boast", "brag", "promise", "vow", "warn", "recall", "realize",
}  # fmt: skip

# "a number of Senate Republicans", "a handful of Tories": part of a group, not the group.
PARTITIVE_NOUNS = frozenset({
    "number", "handful", "group", "couple", "dozen", "dozens", "hundreds", "majority",
    "minority", "faction", "band", "bloc", "wing", "section", "few",
})  # fmt: skip
# "not the only issue of agreement", "not just a meeting": a negated exclusivity, not a denial.
EXCLUSIVES = frozenset({"only", "just", "merely", "simply", "sole", "solely"})
# "voted against impeaching X", "argued against meeting X": the trigger is what is opposed.
AGAINST_WORDS = frozenset({"against"})
# "some Democrats", "several Tories": part of a group, not the group.
GROUP_QUANTIFIERS = frozenset({
    "some", "several", "many", "few", "most", "other", "both", "two", "three", "dozens",
    "numerous", "fellow", "individual", "moderate", "rank-and-file", "dissident", "rebel",
})  # fmt: skip

# "Jane Roe, an economist at Acme Bank": the organisation a person works for or with.
AFFILIATION_PREPOSITIONS = frozenset({"at", "with", "for"})
# "a member of Y", "head of Y's design department": nouns whose "of" names the organisation
# a person belongs to (titles count too: "chairman of Y"); units inside an organisation
# ("the crime section of Y") pass the membership on.
MEMBERSHIP_NOUNS = frozenset({
    "member", "members", "head", "chief", "employee", "employees", "official", "officials",
    "staff", "staffer", "staffers", "officer", "officers", "founder", "co-founder", "leader",
    "candidate", "candidates", "executive", "executives", "veteran", "partner", "fellow",
})  # fmt: skip
ORGANIZATION_UNITS = frozenset({
    "section", "department", "division", "office", "bureau", "unit", "branch", "staff",
    "faculty", "board", "team", "wing",
})  # fmt: skip
# ", a critic of Y", ", an opponent at Y": nouns that stand against or outside Y.
NON_MEMBER_NOUNS = frozenset({
    "critic", "critics", "opponent", "opponents", "rival", "rivals", "supporter", "supporters",
    "donor", "donors", "client", "clients", "customer", "customers", "fan", "fans", "target",
    "victim", "victims", "friend", "ally", "adversary", "foe", "lawsuit", "complaint",
    "nominee", "nominees",  # "Supreme Court nominee X" is not on the court
})  # fmt: skip
# "X, who works for Y" / "X was named chairman of Y": the verbs that lead to the phrase.
AFFILIATION_VERBS = frozenset({
    "be", "remain", "become", "serve", "install", "instal", "name", "elect", "appoint", "work",
    "join",
})  # fmt: skip
# "X, who directs Y's studies" / "X heads Y": verbs whose object is the organisation run.
LEADING_VERBS = frozenset({"direct", "head", "lead", "chair", "run", "manage", "found"})

# "X gave his backing to Y", "threw her support behind Y", "took a swipe at Y": the noun
# goes where the verb's preposition points.
GIVING_VERBS = frozenset({
    "give", "lend", "offer", "extend", "throw", "pledge", "provide", "take", "fire", "aim",
})  # fmt: skip
# "X got the endorsement of Y": Y endorses X (the noun's object gave it to the verb's subject).
RECEIVING_VERBS = frozenset({
    "get", "receive", "win", "earn", "secure", "gain", "land", "garner", "attract", "enjoy",
    "collect", "pick", "accept", "tout", "trumpet", "draw", "face",
})  # fmt: skip

# --- modality and negation -----------------------------------------------------------------
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP"})  # a verb with a tense of its own
PLANNING_VERBS = frozenset({
    "plan", "expect", "intend", "aim", "prepare", "propose", "schedule", "hope", "promise",
    "pledge", "vow", "want", "seek", "try", "threaten",
})  # fmt: skip
# "X was willing to work with Y", "ready to meet", "due to meet": only intended (and
# "unwilling to", a negating word too, not even that); an adjective's subject does them.
READINESS_ADJECTIVES = frozenset({
    "willing", "ready", "eager", "prepared", "keen", "determined", "anxious", "happy", "due",
    "unwilling",
})  # fmt: skip
# "X was right to reject Y", "quick to praise Y": a judgement of what the subject did.
DEED_ADJECTIVES = frozenset({
    "right", "wrong", "quick", "first", "last", "brave", "bold", "foolish", "wise", "smart",
    "careful", "proud", "fast", "slow",
})  # fmt: skip
# The adjectives whose subject does what follows them ("willing to", "right to").
SUBJECT_PASSING_ADJECTIVES = READINESS_ADJECTIVES | DEED_ADJECTIVES
# "urged X to attack Y", "X was asked to meet Y": what someone is asked to do is not done.
ASKING_VERBS = frozenset({
    "ask", "urge", "press", "call", "invite", "implore", "beg", "encourage", "order",
    "instruct", "pressure", "pressurise", "pressurize", "challenge", "exhort", "dare", "tell",
    "advise", "appeal", "petition", "lobby",
})  # fmt: skip
HYPOTHETICAL_AUXILIARIES = frozenset(
    {"would", "could", "may", "might", "should", "’d", "'d", "can"}
)
FUTURE_AUXILIARIES = frozenset({"will", "shall", "’ll", "'ll"})
# "accused X of attacking Y", "suspected of meeting Y": what X is charged with is alleged.
ALLEGING_VERBS = frozenset({"accuse", "suspect", "charge", "allege", "blame"})
REPORTED_ADVERBS = frozenset({"reportedly", "allegedly", "apparently", "purportedly", "supposedly"})
# "the reported feud between X and Y", "his alleged ties to Y": the noun's event is reported.
REPORTED_ADJECTIVES = frozenset({
    "reported", "alleged", "rumoured", "rumored", "apparent", "purported", "supposed",
})  # fmt: skip
# "it was reported that X met Y", "the book claims X told Y": what they say is reported.
HEARSAY_VERBS = frozenset({"report", "claim", "allege", "rumour", "rumor"})
# "X is understood to have met Y", "X was said to back Y": hearsay in a passive frame; any
# other passive frame ("X was bound to tell Y", "X is set to meet Y") is not yet done.
PASSIVE_HEARSAY_VERBS = HEARSAY_VERBS | frozenset({
    "say", "believe", "think", "understand", "know", "suppose", "reckon", "fear", "suspect",
    "rumoured", "rumored", "tip", "see",
})  # fmt: skip
# "X was forced to meet Y", "X was made to apologise to Y": it was done.
PASSIVE_DONE_VERBS = frozenset({"force", "make", "compel", "oblige", "obligate", "pressure"})
NEGATIONS = frozenset({"not", "n't", "never", "no", "’t"})
# "avoided any criticism of", "refused to meet", "denied meeting": the claim does not hold.
# "rejected the idea (that) X posed a threat": what a denied claim says does not hold.
CLAIM_NOUNS = frozenset({
    "idea", "claim", "suggestion", "notion", "allegation", "accusation", "charge", "assertion",
    "report", "rumour", "rumor", "view",
})  # fmt: skip
# ("unwilling to back X": the adjective cancels what follows as these verbs do)
NEGATING_VERBS = frozenset({
    "avoid", "refuse", "decline", "deny", "fail", "reject", "rule", "refrain", "abstain",
    "stop", "withhold", "cancel", "scrap", "forgo", "dismiss", "unwilling",
})  # fmt: skip
# Verbs whose object is something asked for: "asked for a meeting with X" is only planned.
REQUEST_VERBS = frozenset({
    "request", "ask", "seek", "want", "plan", "propose", "demand", "hope", "invite",
})  # fmt: skip
# "had an opportunity to appoint", "a chance to meet", "his willingness to work with":
# only possible or intended, not done.
POSSIBILITY_NOUNS = frozenset({
    "opportunity", "chance", "option", "possibility", "attempt", "bid", "effort",
    "willingness", "readiness", "eagerness", "desire", "intention", "offer",
})  # fmt: skip
CONDITIONS = frozenset({"if", "unless"})
# Verbs that only carry their noun ("will hold talks with", "could have a battle with"):
# the noun's event is as planned or supposed as the verb.
LIGHT_VERBS = frozenset({
    "have", "hold", "host", "attend", "get", "make", "give", "take", "arrange", "schedule",
    "set", "organize", "organise", "reach", "strike", "sign", "form", "forge", "begin",
    "start", "launch", "open", "seek", "pursue", "need",
    # an appointment someone must still approve is not made yet
    "approve", "confirm", "ratify", "authorize", "authorise", "sanction",
})  # fmt: skip

# --- nouns that stand for someone ----------------------------------------------------------
# "Roe's team reached out", "the Trump administration", "criticized Trump's policies":
# these nouns stand for the person or organisation that owns them.
PROXY_NOUNS = frozenset({
    "team", "campaign", "office", "administration", "aides", "aide", "staff", "spokesman",
    "spokeswoman", "spokesperson", "lawyers", "lawyer", "government", "camp", "allies",
    "policies", "policy", "remarks", "comments", "statement", "statements", "decision",
    "agenda", "plan", "plans", "rhetoric", "record", "leadership", "nomination", "candidacy",
    "proposal", "handling", "performance", "tenure", "conduct", "actions", "stance", "views",
    "presidency", "tweets", "tweet", "words", "response", "threat", "threats", "demand",
    "demands", "claim", "claims", "request", "move", "comment", "remark",
})  # fmt: skip
# Nouns that stand for their owner only when a possessive names one ("backed Roe's
# budget"): "a House bill", "the Senate report" are no stand-in for the chamber.
POSSESSED_PROXY_NOUNS = frozenset({
    "report", "budget", "bid", "speech", "intervention", "idea", "ideas", "reform", "reforms",
    "bill", "vision", "manifesto", "strategy", "pledge", "pledges", "proposals", "initiative",
    "warning", "efforts", "approach", "position", "legacy", "programme", "program",
    "taxes", "tactics", "promises", "powers", "policy", "policies", "decision", "lies",
    "call", "calls", "offer", "announcement", "accusations", "allegations", "investigation",
    "inquiry", "probe", "ambitions", "ambition", "run", "criticism", "criticisms", "attacks",
    # conduct and character: "condemned X's authoritarianism", "praised X's honesty"
    "authoritarianism", "honesty", "integrity", "courage", "failure", "failures",
    "incompetence", "arrogance", "hypocrisy", "dishonesty", "inaction", "behaviour",
    "behavior", "judgment", "judgement", "stewardship", "attitude",
})  # fmt: skip
# "a spokesman for Roe said": who speaks for someone stands for them ('a lawyer for Roe'
# acts for a client, which is no statement of the client's own).
SPEAKING_FOR_NOUNS = frozenset({"spokesman", "spokeswoman", "spokesperson", "spokesmen"})
# Every noun that stands for its owner, one way or the other.
STAND_IN_NOUNS = PROXY_NOUNS | POSSESSED_PROXY_NOUNS
# "the Attlee government", "Callaghan's administration": a name qualifying these is no
# antecedent of a later pronoun.
INSTITUTION_NOUNS = frozenset({
    "government", "governments", "administration", "cabinet", "ministry", "era", "years",
    "regime", "premiership", "presidency", "reign",
})  # fmt: skip
# "criticised the way Roe's government operates": the noun stands for its clause's subject.
MANNER_NOUNS = frozenset({"way", "manner"})
GROUP_WORDS = frozenset({"pair", "two", "both", "duo"})  # "the pair met"
# "a great police commissioner”—a reference to X": the noun phrase stands for X.
REFERENCE_NOUNS = frozenset({"reference", "allusion", "nod"})
# "praised X for retaining Y", "accused X of meeting Y": X does the retaining, the meeting.
CAUSE_PREPOSITIONS = frozenset({"for", "of", "over"})
# "critics such as X", "her allies, including X", "supporters, like X": X holds the role.
EXAMPLE_PREPOSITIONS = frozenset({"including", "like", "as"})

# --- names -------------------------------------------------------------------------------
# Words that never make a name by themselves (pronouns, contractions, web furniture).
NOT_NAMES = frozenset({
    "he", "she", "it", "they", "him", "her", "his", "hers", "we", "us", "i", "you",
    "loading", "tweet", "twitter", "advertisement", "click", "share", "read more", "n't",
})  # fmt: skip
CREDIT_WORDS = ("photo", "photograph", "image", "credit", "getty", "illustration")
# "Trump v. Vance", "Roe vs. Wade": a court case, not a person.
CASE_SEPARATORS = frozenset({"v.", "vs.", "v", "vs"})
NAME_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
# Words that start a surname ("de Roe", "Van Doe", "von der Roe"): "De Roe" at the start
# of a sentence is the surname of the article's "Jane de Roe", not a full name.
# ("al", "el" are left out: "Al" is also a given name.)
SURNAME_PARTICLES = frozenset({
    "de", "da", "di", "del", "della", "dos", "du", "des", "van", "von", "der", "den", "ter",
    "ten", "la", "le", "bin", "ibn", "st", "st.",
})  # fmt: skip
# Words left out of an organisation's initials: "Democratic Socialists of America" -> DSA.
INITIALS_STOP_WORDS = frozenset({"of", "the", "and", "for", "in", "on", "at", "to", "&"})

# --- titles and posts --------------------------------------------------------------------
# Words that join the words of an organisation's name: "Department of State".
NAME_CONNECTORS = ("of", "and", "&", "for", "on")
# "governor of Ohio", "nominee for governor", "senator from Texas": where follows a title.
JURISDICTION_PREPOSITIONS = ("of", "for", "from", "in")
# What may follow the title in an apposition that names the person's post.
TITLE_PREPOSITIONS = (
    "of", "for", "from", "in", "at", "under", "since", "during", "until", "between",
)  # fmt: skip
# "the former FBI director", "the late president": not the post's present holder.
PAST_HOLDER_WORDS = frozenset({
    "former", "ex", "late", "previous", "then", "past", "outgoing", "future", "next",
    "incoming",
})  # fmt: skip
# Lowercase words an apposition may hold before its title: "the state's top ...".
APPOSITION_FILLERS = (
    "the", "a", "an", "top", "longtime", "longest-serving", "current", "now", "supreme",
    "regional", "senior", "chief", "principal", "provincial", "national", "federal", "local",
)  # fmt: skip
# ", a longtime Democrat", ", a moderate Republican": words between the article and a party.
PARTY_DESCRIPTORS = (
    "former", "fellow", "longtime", "moderate", "conservative", "liberal", "progressive",
    "veteran", "freshman", "centrist", "leading", "prominent", "staunch", "lifelong",
    "registered",
)  # fmt: skip
# "Doe adviser Jane Roe": posts whose holder advises the person the post is in.
ADVISING_POSTS = frozenset({
    "adviser", "advisor", "aide", "counsel", "counselor", "counsellor", "strategist",
    "lawyer", "attorney",
})  # fmt: skip
# "Conservative shadow home secretary X", "Conservative MP X": roles held in a party, after
# which a word that is otherwise an ideology names the party.
PARTY_ROLE_WORDS = frozenset({
    "shadow", "mp", "mps", "mep", "msp", "peer", "spokesman", "spokeswoman", "spokesperson",
    "leader", "chairman", "co-chairman", "chairwoman", "candidate", "councillor",
    "backbencher", "frontbencher", "deputy", "party",
})  # fmt: skip
# "Democratic presidential candidates like X and Y", "Republican senators such as X": plural
# nouns for people inside a party (voters, donors and states are not its members).
PARTY_MEMBER_PLURALS = frozenset({
    "candidates", "hopefuls", "contenders", "lawmakers", "legislators", "senators",
    "congressmen", "congresswomen", "representatives", "governors", "mayors", "leaders",
    "politicians", "officials", "members", "mps", "peers", "councillors", "frontbenchers",
    "backbenchers", "rebels", "moderates", "incumbents", "nominees",
})  # fmt: skip
# Words that open a list of examples after a plural noun.
EXAMPLE_MARKERS = (("such", "as"), ("including",), ("like",))
# Titles a head of state or government holds for a country ("King X" in news about
# Thailand: King of Thailand; not "Foreign Secretary", whose country the KB or text gives).
NATIONAL_HEAD_POSTS = frozenset({
    "President", "Prime Minister", "Premier", "King", "Queen", "Emperor", "Empress", "Sultan",
    "Emir",
})  # fmt: skip
# "Lord Carlile", "Baroness Roe": styles written only before a person's name.
PEERAGE_HONORIFICS = frozenset({"Lord", "Lady", "Baroness", "Baron", "Viscount", "Dame", "Sir"})

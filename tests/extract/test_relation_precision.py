"""False-positive families of the strict relation audit (issue 14), each guarded by
hand-written sentences with their exact claims: relation, both arguments, modality and
negation."""

import pytest
from spacy.tokens import Doc
from spacy.vocab import Vocab

from kgraph.extract.relations.paths import follow
from kgraph.knowledge import load_knowledge
from tests.helpers import entity_names


def qualified(extraction) -> set[tuple[str, str, str, str, bool]]:
    """(subject, core relation, object, modality, negated) of every claim."""
    knowledge = load_knowledge()
    names = entity_names(extraction)
    return {
        (
            names[c.subject],
            knowledge.core_relation(c.predicate),
            names[c.object],
            c.modality,
            c.negated,
        )
        for c in extraction.claims
    }


FAMILIES = [
    # joint subjects that did it to someone else, not to each other
    ("Jane Roe and John Doe met supporters in Leeds on Monday.", set()),
    ("Mary Okafor and Tom Poe are calling voters this week.", set()),
    (
        "Jane Roe and John Doe met in Leeds on Monday.",
        {("Jane Roe", "meets", "John Doe", "asserted", False)},
    ),
    ("Former Presidents Richard Nixon and Gerald Ford made calls to key senators.", set()),
    (
        "Jane Roe and John Doe held a meeting on Monday.",
        {("Jane Roe", "meets", "John Doe", "asserted", False)},
    ),
    # a past-tense conjunct of a clause under 'would' coordinates with the reporting verb
    (
        "Tony Blair said Labour would set out workable plans for tackling immigration abuse "
        "in the next few weeks and attacked the Tory plans.",
        {("Tony Blair", "criticizes", "Conservative Party", "asserted", False)},
    ),
    # a fronted 'with' phrase is no object of the joint subjects
    (
        "With the primary days away, Jane Roe and John Doe met on a stage in Ohio.",
        {("Jane Roe", "meets", "John Doe", "asserted", False)},
    ),
    (
        "Jane Roe and John Doe have exchanged several text messages since May.",
        {("Jane Roe", "communicatesWith", "John Doe", "asserted", False)},
    ),
    # a number of a group's members is not the group
    ("Alan Poe joined a number of Senate Republicans who have opposed Roy Moore.", set()),
    # what someone votes or argues against does not hold
    (
        "Tom Poe voted against impeaching Mary Okafor.",
        {("Tom Poe", "opposes", "Mary Okafor", "asserted", True)},
    ),
    # a disposition or intention is no fact
    (
        "Eve Hale, who has been criticized for her willingness to work with Mark Lund, won.",
        {("Eve Hale", "cooperatesWith", "Mark Lund", "hypothetical", False)},
    ),
    # a description or an event named by its doer is a fact whatever the verb plans
    (
        "The role will be filled by Alan Poe - a key ally of Tom Poe.",
        {("Alan Poe", "cooperatesWith", "Tom Poe", "asserted", False)},
    ),
    (
        "Democrats tried to filibuster Mark Lund’s nomination of Dana Lee last year.",
        {("Mark Lund", "appoints", "Dana Lee", "asserted", False)},
    ),
    (
        "Jane Roe could have a close battle with Mary Okafor.",
        {("Jane Roe", "opposes", "Mary Okafor", "hypothetical", False)},
    ),
    # a negated exclusivity is no denial
    (
        "Immigration is not the only issue of agreement between Jane Roe and John Doe.",
        {("Jane Roe", "cooperatesWith", "John Doe", "asserted", False)},
    ),
    (
        "Jane Roe did not meet John Doe.",
        {("Jane Roe", "meets", "John Doe", "asserted", True)},
    ),
    # "challenged X to do Y" asks; "challenged X in the primary" opposes
    (
        "Jane Roe challenged the Treasury to open up its books.",
        {("Jane Roe", "requests", "Department of the Treasury", "asserted", False)},
    ),
    (
        "Sir Paul Ross, the Tory backbencher who challenged Mary Okafor for the party "
        "leadership in 1989, has died.",
        {
            ("Paul Ross", "opposes", "Mary Okafor", "asserted", False),
            ("Paul Ross", "memberOf", "Conservative Party", "asserted", False),
        },
    ),
    # an appointment still to be approved is not made
    (
        "Paul Ross said he would refuse to approve Mr Poe’s appointment of Mary Okafor.",
        {("Poe", "appoints", "Mary Okafor", "hypothetical", True)},
    ),
    (
        "Mary Okafor challenged Tom Poe in the primary.",
        {("Mary Okafor", "opposes", "Tom Poe", "asserted", False)},
    ),
    # an abbreviation listed among common nouns is one of them
    ("Jane Roe criticized every teacher, GP and nurse in the country.", set()),
    # what someone is accused of is alleged
    (
        "Cherie Blair accused of attacking George Bush.",
        {("Cherie Blair", "criticizes", "George Bush", "reported", False)},
    ),
    # an address to a legislature is no contact
    ("Speaking to Parliament on Monday, Mr Poe said he would act.", set()),
    # what someone is asked or urged to do is not done
    (
        "Jane Roe urged John Doe to attack Tom Poe.",
        {
            ("John Doe", "criticizes", "Tom Poe", "planned", False),
            ("Jane Roe", "requests", "John Doe", "asserted", False),
        },
    ),
    (
        "John Doe was asked to meet Tom Poe.",
        {("John Doe", "meets", "Tom Poe", "planned", False)},
    ),
    # a passive frame: hearsay, not yet done, or done
    (
        "Jane Roe is understood to have met Tom Poe.",
        {("Jane Roe", "meets", "Tom Poe", "reported", False)},
    ),
    (
        "Jane Roe is set to attack Tom Poe.",
        {("Jane Roe", "criticizes", "Tom Poe", "planned", False)},
    ),
    (
        "Jane Roe was forced to meet Tom Poe.",
        {("Jane Roe", "meets", "Tom Poe", "asserted", False)},
    ),
    # the frame is the claim's own verb's, not a noun's below it, nor a phrasal verb's
    (
        "Tom Poe said he was honored to have the support of the Sierra Club.",
        {("Sierra Club", "supports", "Tom Poe", "asserted", False)},
    ),
    (
        "Republicans pushed back, with Ranking Member Tom Poe blasting Democrats for it.",
        {("Tom Poe", "criticizes", "Democratic Party", "asserted", False)},
    ),
]

# what comes from someone goes to the one who faces or gets it
GIVEN = [
    (
        "Hillary Roe is battling off an unexpectedly strong challenge from Sen. Tom Poe.",
        {("Tom Poe", "opposes", "Hillary Roe", "asserted", False)},
    ),
    (
        "Jane Roe faced criticism from John Doe.",
        {("John Doe", "criticizes", "Jane Roe", "asserted", False)},
    ),
    (
        "Jane Roe won support from John Doe.",
        {("John Doe", "supports", "Jane Roe", "asserted", False)},
    ),
    (
        "Jane Roe received a call from John Doe.",
        {("John Doe", "communicatesWith", "Jane Roe", "asserted", False)},
    ),
    # what is given goes to the verb's "to", and to the owner of ambitions
    (
        "Jane Roe lent her backing to John Doe.",
        {("Jane Roe", "supports", "John Doe", "asserted", False)},
    ),
    (
        "Robin Roe gave his support to Mr Doe's prime ministerial ambitions.",
        {("Robin Roe", "supports", "Doe", "asserted", False)},
    ),
    ("Jane Roe gave support to schools, John Doe said.", set()),
    # a thing faces it, and a verb that gets nothing moves it
    ("The plan drew criticism from Jane Roe.", set()),
    ("Jane Roe moved the support from John Doe to Tom Poe.", set()),
    # a reported clause whose subject the parser hung on the verb does not take the speaker
    (
        "Labour MP Robin Roe spoke. He warned the Abstentions Party was the real challenge "
        "to Labour.",
        {("Robin Roe", "memberOf", "Labour Party", "asserted", False)},
    ),
    # "the prime minister" is not the deputy prime minister
    (
        "Labour MPs met at Westminster. Deputy Prime Minister John Prescott spoke. Tory "
        "leader Michael Howard accused the prime minister of squabbling.",
        {("Michael Howard", "memberOf", "Conservative Party", "asserted", False)},
    ),
    # of two governors, "the governor" is neither
    (
        "Ohio Gov. Jane Roe spoke on Monday. The governor has drawn criticism from Tom Poe.",
        {("Tom Poe", "criticizes", "Jane Roe", "asserted", False)},
    ),
    (
        "Ohio Gov. Jane Roe spoke on Monday. Iowa Gov. John Doe spoke too. The governor has "
        "drawn criticism from Tom Poe.",
        set(),
    ),
    # nobody named gets the calls
    ("His regret only comes after calls from both Republicans and Democrats.", set()),
]

# what someone is willing or ready to do is intended; unwilling, it is not done
READY = [
    (
        "Kevin Poe said he was willing to work with Democrats on the reforms.",
        {("Kevin Poe", "cooperatesWith", "Democratic Party", "planned", False)},
    ),
    ("Jane Roe is ready to meet John Doe.", {("Jane Roe", "meets", "John Doe", "planned", False)}),
    (
        "Jane Roe was unwilling to back John Doe.",
        {("Jane Roe", "supports", "John Doe", "planned", True)},
    ),
    (
        "Jane Roe had been due to take on John Doe in Sedgefield.",
        {("Jane Roe", "opposes", "John Doe", "planned", False)},
    ),
    (
        "Tom Poe says he would be happy to meet Mr Doe.",
        {("Tom Poe", "meets", "Doe", "planned", False)},
    ),
    # a judgement of the deed: it was done
    (
        "Jane Roe was quick to praise John Doe.",
        {("Jane Roe", "praises", "John Doe", "asserted", False)},
    ),
    # any other adjective says nothing of the deed
    ("Jane Roe said Democrats were ill-equipped to defeat John Doe.", set()),
    # a finite clause under 'as' whose subject the parser lost does not take the main one's
    (
        "Tom Poe spoke. His comments come as the co-chairman of the Conservative Party, "
        'Liam Fox, on Saturday called him "a disappointment of historic proportions".',
        {("Liam Fox", "memberOf", "Conservative Party", "asserted", False)},
    ),
]

# criticising or backing someone's words, plans or deeds is criticising or backing them
WORKS = [
    (
        "Liam Roe attacked Labour's six new pledges as vacuous.",
        {("Liam Roe", "criticizes", "Labour Party", "asserted", False)},
    ),
    (
        "Jane Roe rejected the Lib Dems' call to open up the books.",
        {("Jane Roe", "opposes", "Liberal Democrats", "asserted", False)},
    ),
    (
        "Mary Okafor praised Tom Poe's leadership.",
        {("Mary Okafor", "praises", "Tom Poe", "asserted", False)},
    ),
    (
        "Jane Roe said Labour had rejected the Tory plans.",
        {("Labour Party", "opposes", "Conservative Party", "asserted", False)},
    ),
    # who leads a campaign owns it
    (
        "Jane Roe rejected a campaign led by John Doe.",
        {("Jane Roe", "opposes", "John Doe", "asserted", False)},
    ),
    # Tom Poe's critics are others
    ("Liam Roe attacked Tom Poe's critics.", set()),
    # one's own record is nobody else's
    ("Tom Poe defended his record.", set()),
    # a passive raising verb passes its subject on
    (
        "Mary Okafor is expected to attack Tom Poe's words.",
        {("Mary Okafor", "criticizes", "Tom Poe", "planned", False)},
    ),
]


@pytest.mark.parametrize(("text", "expected"), FAMILIES)
def test_audited_families_give_exactly_these_claims(extract_text, text, expected):
    assert qualified(extract_text(text)) == expected


PRONOUNS = [
    # a definite role noun is a mention of the post's holder
    (
        "Prime Minister John Roe visited Leeds on Monday. Adviser Tom Poe spoke to reporters "
        "on Friday. The prime minister knows the risks. He must remember his clash with "
        "Mary Okafor.",
        {("John Roe", "opposes", "Mary Okafor", "asserted", False)},
    ),
    # a name that only qualifies a government is no antecedent
    (
        "Lord Paul Ross has died at 90. He served in the John Doe government. "
        "He later met Mary Okafor.",
        {("Paul Ross", "meets", "Mary Okafor", "asserted", False)},
    ),
    # a subject pronoun resolved before keeps its person salient for the next ones
    (
        "Former leader Paul Ross was made a peer on Monday. Ross was born in Leeds in 1942 "
        "and studied in Cardiff. After his studies, he taught at a school. In 1970 he "
        "joined Acme Corp and worked with Tom Poe's union. He was elected in 1983. He "
        "took on Mary Okafor in 1985.",
        {
            ("Paul Ross", "opposes", "Mary Okafor", "asserted", False),
            ("Paul Ross", "memberOf", "Acme Corp", "asserted", False),
        },
    ),
    # "the way Roe's government works" stands for Roe; "the way the war was sold" for no one
    (
        "Former chief John Roe has criticised the way Tom Poe’s government operates. He "
        "also praised the way the war was sold to the public.",
        {("John Roe", "criticizes", "Tom Poe", "asserted", False)},
    ),
    # "the former director" is not the post's present holder
    (
        "FBI Director Tom Poe spoke on Monday. Jane Roe praised the former director, who "
        "left in May.",
        {("Tom Poe", "memberOf", "Federal Bureau of Investigation", "asserted", False)},
    ),
    # straight quotation marks reopened in each sentence do not hide the next speaker
    (
        'Jane Roe said: "Tom Poe has been a friend for years. "He has served well." '
        'Mary Okafor said: "I have worked closely with him."',
        {("Mary Okafor", "cooperatesWith", "Tom Poe", "asserted", False)},
    ),
    # a quotation continued over sentences keeps its speaker, who is not its "he"
    (
        "“Who is he meeting?” Paul Roe told reporters on Monday of John Doe. “Was it a "
        "source? And then he meets Tom Poe before he tells anyone.”",
        {("John Doe", "meets", "Tom Poe", "asserted", False)},
    ),
]


@pytest.mark.parametrize(("text", "expected"), PRONOUNS)
def test_pronouns_find_their_antecedent(extract_text, text, expected):
    assert qualified(extract_text(text)) == expected


def test_of_two_direct_objects_only_the_nearest_is_followed():
    """A misparse the audit met: 'challenging Roe ... in one of the states that Doe
    carried' made Doe a second direct object of 'challenging'."""
    words = ["They", "challenged", "Roe", "in", "states", "that", "Doe", "carried"]
    heads = [1, 1, 1, 1, 3, 6, 1, 6]
    deps = ["nsubj", "ROOT", "dobj", "prep", "pobj", "det", "dobj", "acl"]
    doc = Doc(Vocab(), words=words, heads=heads, deps=deps)
    assert [t.text for t in follow(doc[1], "dobj")] == ["Roe"]


@pytest.mark.parametrize(("text", "expected"), WORKS + GIVEN + READY)
def test_owners_givers_and_intent(extract_text, text, expected):
    """Who a possessed deed, a giver after 'from' and an intent adjective point to."""
    assert qualified(extract_text(text)) == expected

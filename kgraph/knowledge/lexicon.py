"""The relation lexicon, compiled and validated when it is loaded.

``relations.json`` (and every ``--lexicon`` file) has three sections: ``properties``
(finer relations under a core one), ``relations`` (how the extractor treats the arguments
of a relation: their kinds, symmetric participants, excluded objects...) and ``triggers``
(the words that signal a relation and where their arguments sit in the parse). Every
entry is checked here, so a typo in a user's file is one clear error naming the file and
the entry, never a rule that silently matches nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from typing import TYPE_CHECKING

from ..errors import KgraphError
from ..vocab import CORE_RELATIONS, MEMBER_OF, ORGANIZATION, PERSON, PLACE, SYMMETRIC_RELATIONS

if TYPE_CHECKING:
    from .base import Knowledge

SECTIONS = ("_about", "properties", "relations", "triggers")
POS = ("VERB", "NOUN", "ADJ")
# The steps an object path is made of ("dobj>prep:with"); the extractor's path follower
# implements exactly these (a test keeps the two in step).
OBJECT_STEPS = ("dobj", "poss", "subj", "compound", "ccomp", "cond")
PREPOSITION_STEP = "prep:"
# Where a noun trigger's subject sits; a verb always takes its (inherited) subject.
NOUN_SUBJECTS = ("poss", "appos", "governor", "copula", "from")
# A verb takes its (inherited) subject, or with "speaker" the one who says the clause it
# heads ('Roe said Doe lied': Roe criticizes Doe); an adjective only the speaker.
VERB_SUBJECTS = ("nsubj", "speaker")
ADJ_SUBJECTS = ("speaker",)
DEFAULT_SUBJECTS = {"VERB": ["nsubj"], "NOUN": ["poss", "governor"], "ADJ": ["speaker"]}
SUBJECTS_BY_POS = {"VERB": VERB_SUBJECTS, "NOUN": NOUN_SUBJECTS, "ADJ": ADJ_SUBJECTS}
KINDS = (PERSON, ORGANIZATION, PLACE)
TRIGGER_FIELDS = (
    "lemma", "pos", "relation", "objects", "subjects", "requires", "forbids", "confidence",
    "inverse", "joint", "object_kinds", "_comment",
)  # fmt: skip
PROPERTY_FIELDS = ("parent", "label", "comment")


@dataclass(frozen=True)
class Trigger:
    """One lexicon entry: a word that signals a relation, and where its arguments sit."""

    lemma: str
    pos: str
    relation: str
    objects: tuple[str, ...]
    subjects: tuple[str, ...]
    requires: tuple[tuple[str, tuple[str, ...]], ...] = ()
    forbids: tuple[str, ...] = ()
    confidence: float = 0.7
    inverse: bool = False  # the noun names the one acted on: "X, an appointee of Y"
    joint: bool = True  # "X and Y met": coordinated subjects of a symmetric relation meet
    object_kinds: tuple[str, ...] = ()  # narrower than the relation's: "told Y" a person


@dataclass(frozen=True)
class RelationRules:
    """How the extractor treats the arguments of one core relation (and its finer ones)."""

    symmetric: bool = False  # from the vocabulary: "X and Y met" relates X and Y
    subject_kinds: frozenset[str] = frozenset({PERSON, ORGANIZATION})
    object_kinds: frozenset[str] = frozenset({PERSON, ORGANIZATION})
    excluded_object_types: frozenset[str] = frozenset()  # "told the AP": an interview
    planned_when_requested: bool = False  # "asked for a meeting with X": only planned
    skip_when_naming: bool = False  # "called X a break from tradition": no contact
    dobj_needs_request: bool = False  # "asked X to resign" requests; "asked X, 'Why?'" not


RULE_TYPES = {f.name: f.type for f in fields(RelationRules)}
DECLARED_RULES = tuple(name for name in RULE_TYPES if name != "symmetric")


def relations_known(knowledge: Knowledge) -> set[str]:
    return {*CORE_RELATIONS, MEMBER_OF, *knowledge.properties}


def add_lexicon(knowledge: Knowledge, data: dict, origin: str) -> None:
    """Add one lexicon file to ``knowledge``, or raise one KgraphError naming the entry."""
    unknown = sorted(set(data) - set(SECTIONS))
    if unknown:
        fail(origin, "the file", f"unknown section(s) {', '.join(map(repr, unknown))}")
    properties = section(data, "properties", dict, origin)
    for name, info in properties.items():
        add_property(knowledge, name, info, origin)
    check_parents(knowledge, origin)
    for name, info in section(data, "relations", dict, origin).items():
        if not name.startswith("_"):
            add_rules(knowledge, name, info, origin)
    for index, entry in enumerate(section(data, "triggers", list, origin)):
        trigger = compile_trigger(entry, knowledge, f"triggers[{index}]", origin)
        knowledge.triggers.setdefault((trigger.lemma, trigger.pos), []).append(trigger)


def section(data: dict, name: str, kind: type, origin: str):
    value = data.get(name, kind())
    if not isinstance(value, kind):
        fail(origin, f"section {name!r}", f"expected a JSON {'object' if kind is dict else 'list'}")
    return value


def fail(origin: str, where: str, problem: str):
    raise KgraphError(f"{origin}: {where}: {problem}")


def add_property(knowledge: Knowledge, name: str, info: object, origin: str) -> None:
    where = f"property {name!r}"
    if not isinstance(info, dict):
        fail(origin, where, "expected an object with a parent")
    if name in CORE_RELATIONS or name == MEMBER_OF:
        fail(origin, where, "is a core relation of the vocabulary; choose another name")
    unknown = sorted(set(info) - set(PROPERTY_FIELDS))
    if unknown:
        fail(origin, where, f"unknown field(s) {', '.join(map(repr, unknown))}")
    if not isinstance(info.get("parent"), str):
        fail(origin, where, "needs a parent relation (a core relation or another property)")
    knowledge.properties[name] = info


def check_parents(knowledge: Knowledge, origin: str) -> None:
    """Every property reaches a core relation through its parents, without a cycle."""
    for name in knowledge.properties:
        seen = [name]
        relation = name
        while relation in knowledge.properties:
            relation = knowledge.properties[relation]["parent"]
            if relation in seen:
                chain = " -> ".join([*seen, relation])
                fail(origin, f"property {name!r}", f"its parents form a cycle ({chain})")
            seen.append(relation)
        if relation not in CORE_RELATIONS:
            fail(origin, f"property {name!r}", f"unknown parent relation {relation!r}")


def add_rules(knowledge: Knowledge, name: str, info: object, origin: str) -> None:
    where = f"relations.{name}"
    if name not in CORE_RELATIONS and name != MEMBER_OF:
        fail(origin, where, "rules are declared for core relations (or memberOf) only")
    if not isinstance(info, dict):
        fail(origin, where, "expected an object of rules")
    changes: dict[str, object] = {}
    for key, value in info.items():
        if key.startswith("_"):
            continue
        if key not in DECLARED_RULES:
            fail(origin, where, f"unknown rule {key!r} (known: {', '.join(DECLARED_RULES)})")
        if key.endswith(("kinds", "types")):
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                fail(origin, f"{where}.{key}", "expected a list of names")
            if key.endswith("kinds") and set(value) - set(KINDS):
                fail(origin, f"{where}.{key}", f"kinds are {', '.join(KINDS)}")
            changes[key] = frozenset(value)
        elif not isinstance(value, bool):
            fail(origin, f"{where}.{key}", "expected true or false")
        else:
            changes[key] = value
    knowledge.rules[name] = replace(rules_of(knowledge, name), **changes)


def rules_of(knowledge: Knowledge, core: str) -> RelationRules:
    """The rules of a core relation: declared ones over the defaults; symmetry comes from
    the vocabulary, which the ontology declares too."""
    rules = knowledge.rules.get(core)
    if rules is None:
        rules = RelationRules(symmetric=core in SYMMETRIC_RELATIONS)
    return rules


def compile_trigger(entry: object, knowledge: Knowledge, where: str, origin: str) -> Trigger:
    if not isinstance(entry, dict):
        fail(origin, where, "expected an object")
    lemma = entry.get("lemma")
    if not isinstance(lemma, str) or not lemma.strip():
        fail(origin, where, "needs a lemma (the trigger word)")
    pos = entry.get("pos", "VERB")
    where = f"{where} ({lemma!r} {pos})"
    unknown = sorted(set(entry) - set(TRIGGER_FIELDS))
    if unknown:
        fail(origin, where, f"unknown field(s) {', '.join(map(repr, unknown))}")
    if pos not in POS:
        fail(origin, where, f"pos must be one of {', '.join(POS)}")
    relation = entry.get("relation")
    if relation not in relations_known(knowledge):
        fail(origin, where, f"unknown relation {relation!r}; declare it under 'properties'")
    objects = string_list(entry, "objects", ["dobj"], where, origin)
    for path in objects:
        check_path(path, where, origin)
    subjects = string_list(entry, "subjects", DEFAULT_SUBJECTS[pos], where, origin)
    allowed = SUBJECTS_BY_POS[pos]
    for spec in subjects:
        if spec not in allowed:
            fail(
                origin, where, f"unknown subject {spec!r} for a {pos} (known: {', '.join(allowed)})"
            )
    requires = entry.get("requires", {})
    if not isinstance(requires, dict) or not all(
        isinstance(words, list) and all(isinstance(w, str) for w in words)
        for words in requires.values()
    ):
        fail(origin, where, "requires must map a dependency label to a list of words")
    forbids = string_list(entry, "forbids", [], where, origin)
    confidence = entry.get("confidence", 0.7)
    if isinstance(confidence, bool) or not isinstance(confidence, int | float):
        fail(origin, where, "confidence must be a number")
    if not 0 < confidence <= 1:
        fail(origin, where, "confidence must be in (0, 1]")
    inverse = entry.get("inverse", False)
    if not isinstance(inverse, bool) or (inverse and pos != "NOUN"):
        fail(origin, where, "inverse is true or false, and only for nouns")
    joint = entry.get("joint", True)
    if not isinstance(joint, bool):
        fail(origin, where, "joint is true or false")
    object_kinds = string_list(entry, "object_kinds", [], where, origin)
    for kind in object_kinds:
        if kind not in KINDS:
            fail(origin, where, f"unknown object kind {kind!r} (known: {', '.join(KINDS)})")
    return Trigger(
        lemma=lemma.lower(),
        pos=pos,
        relation=relation,
        objects=tuple(objects),
        subjects=tuple(subjects),
        requires=tuple(
            (dep, tuple(w.lower() for w in words)) for dep, words in sorted(requires.items())
        ),
        forbids=tuple(forbids),
        confidence=float(confidence),
        inverse=inverse,
        joint=joint,
        object_kinds=tuple(object_kinds),
    )


def string_list(entry: dict, key: str, default: list[str], where: str, origin: str) -> list[str]:
    value = entry.get(key, default)
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        fail(origin, where, f"{key} must be a list of strings")
    return value


def check_path(path: str, where: str, origin: str) -> None:
    """'dobj', 'prep:with', 'dobj>prep:with': every step one the path follower knows."""
    for step in path.split(">"):
        if step in OBJECT_STEPS:
            continue
        if step.startswith(PREPOSITION_STEP) and step[len(PREPOSITION_STEP) :].isalpha():
            continue
        known = ", ".join((*OBJECT_STEPS, "prep:WORD"))
        fail(origin, where, f"unknown path step {step!r} in {path!r} (known: {known})")

"""SHACL on the store: each constraint of the shapes compiled to one SPARQL query.

pySHACL walks an rdflib graph node by node, which takes most of a minute on a 65,000-triple
graph. The shapes of the contract use a small part of SHACL Core (targets by class, node
and objects-of; ``class``, ``datatype``, ``nodeKind``, ``minCount``, ``maxCount``,
``minLength``, ``min/maxInclusive``, ``pattern``, ``in``, ``lessThan``, ``or``, ``xone``
over those) and one SPARQL-based constraint, so each constraint becomes a query that
selects its violations and Oxigraph answers all of them in about a second. A shape using
anything else is refused (``Unsupported``), and the caller falls back to pySHACL.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

import pyoxigraph as ox
from rdflib import RDF, Graph, Literal, Namespace, URIRef
from rdflib.collection import Collection
from rdflib.term import Node

SH = Namespace("http://www.w3.org/ns/shacl#")
TYPE_OF = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>/<http://www.w3.org/2000/01/rdf-schema#subClassOf>*"
NODE_KINDS = {SH.IRI: "isIRI(?v)", SH.BlankNode: "isBlank(?v)", SH.Literal: "isLiteral(?v)"}
VALUE_KEYS = {
    SH["class"], SH.datatype, SH.nodeKind, SH.minLength, SH.minInclusive, SH.maxInclusive,
    SH.pattern, SH["in"], SH["or"], SH.xone,
}  # fmt: skip
HANDLED = VALUE_KEYS | {
    RDF.type, SH.message, SH.property, SH.path, SH.minCount, SH.maxCount, SH.lessThan,
    SH.targetClass, SH.targetNode, SH.targetObjectsOf, SH.sparql, SH.select,
    URIRef("http://www.w3.org/2000/01/rdf-schema#label"),
}  # fmt: skip


class Unsupported(Exception):
    """The shapes use a part of SHACL this compiler does not handle."""


@dataclass(frozen=True)
class Violation:
    focus: ox.NamedNode | ox.BlankNode | ox.Literal
    path: str | None
    value: ox.NamedNode | ox.BlankNode | ox.Literal | None
    message: str


def n3(term: Node) -> str:
    if isinstance(term, URIRef):
        return f"<{term}>"
    if isinstance(term, Literal):
        if term.language:
            return str(ox.Literal(str(term), language=term.language))
        if term.datatype:
            return str(ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype))))
        return str(ox.Literal(str(term)))
    raise Unsupported(f"blank node {term} where a term is needed")


def values_of(shapes: Graph, node: Node, key: URIRef) -> list[Node]:
    return sorted(shapes.objects(node, key))


def one(shapes: Graph, node: Node, key: URIRef) -> Node | None:
    found = values_of(shapes, node, key)
    return found[0] if found else None


def check_handled(shapes: Graph, node: Node) -> None:
    for key in set(shapes.predicates(node)) - HANDLED:
        raise Unsupported(f"SHACL key {key} is not compiled to SPARQL")


def condition(shapes: Graph, node: Node) -> str:
    """A SPARQL expression true when ?v conforms to the value constraints on ``node``."""
    check_handled(shapes, node)
    parts = []
    for cls in values_of(shapes, node, SH["class"]):
        parts.append(f"EXISTS {{ ?v {TYPE_OF} {n3(cls)} }}")
    for datatype in values_of(shapes, node, SH.datatype):
        parts.append(f"(isLiteral(?v) && datatype(?v) = {n3(datatype)})")
    for kind in values_of(shapes, node, SH.nodeKind):
        if kind not in NODE_KINDS:
            raise Unsupported(f"sh:nodeKind {kind}")
        parts.append(NODE_KINDS[kind])
    for length in values_of(shapes, node, SH.minLength):
        parts.append(f"(!isBlank(?v) && STRLEN(STR(?v)) >= {int(length)})")
    for low in values_of(shapes, node, SH.minInclusive):
        parts.append(f"COALESCE(?v >= {n3(low)}, false)")
    for high in values_of(shapes, node, SH.maxInclusive):
        parts.append(f"COALESCE(?v <= {n3(high)}, false)")
    for pattern in values_of(shapes, node, SH.pattern):
        parts.append(f"(!isBlank(?v) && REGEX(STR(?v), {n3(Literal(str(pattern)))}))")
    for members in values_of(shapes, node, SH["in"]):
        terms = [f"sameTerm(?v, {n3(t)})" for t in Collection(shapes, members)]
        parts.append("(" + (" || ".join(terms) or "false") + ")")
    for members in values_of(shapes, node, SH["or"]):
        parts.append(
            "(" + " || ".join(condition(shapes, m) for m in Collection(shapes, members)) + ")"
        )
    for members in values_of(shapes, node, SH.xone):
        counts = [f"IF({condition(shapes, m)}, 1, 0)" for m in Collection(shapes, members)]
        parts.append("((" + " + ".join(counts) + ") = 1)")
    return " && ".join(parts) or "true"


def has_value_constraints(shapes: Graph, node: Node) -> bool:
    return any(True for key in VALUE_KEYS for _ in shapes.objects(node, key))


def targets(shapes: Graph, shape: Node) -> str:
    """The graph pattern binding ?this to each focus node of ``shape``."""
    patterns = [f"{{ ?this {TYPE_OF} {n3(c)} }}" for c in values_of(shapes, shape, SH.targetClass)]
    nodes = values_of(shapes, shape, SH.targetNode)
    if nodes:
        patterns.append("{ VALUES ?this { " + " ".join(n3(n) for n in nodes) + " } }")
    for prop in values_of(shapes, shape, SH.targetObjectsOf):
        patterns.append(f"{{ ?anything {n3(prop)} ?this }}")
    if not patterns:
        raise Unsupported(f"shape {shape} has no target this compiler knows")
    return "{ SELECT DISTINCT ?this WHERE { " + " UNION ".join(patterns) + " } }"


def message_of(shapes: Graph, node: Node, fallback: str) -> str:
    return str(one(shapes, node, SH.message) or fallback)


def compile_shapes(shapes: Graph) -> Iterator[tuple[str, str, str | None, str]]:
    """(label, SPARQL selecting ?this ?v, result path, message) per constraint."""
    for shape in sorted(shapes.subjects(RDF.type, SH.NodeShape)):
        check_handled(shapes, shape)
        label = str(
            one(shapes, shape, URIRef("http://www.w3.org/2000/01/rdf-schema#label")) or shape
        )
        focus = targets(shapes, shape)
        if has_value_constraints(shapes, shape):
            test = condition(shapes, shape)
            query = f"SELECT ?this ?v WHERE {{ {focus} BIND(?this AS ?v) FILTER(!({test})) }}"
            yield (
                label,
                query,
                None,
                message_of(shapes, shape, f"does not conform to the {label} shape"),
            )
        for prop in values_of(shapes, shape, SH.property):
            yield from property_queries(shapes, prop, focus, label)
        for constraint in values_of(shapes, shape, SH.sparql):
            select = str(one(shapes, constraint, SH.select) or "")
            if not select or "$this" not in select:
                raise Unsupported("a SPARQL constraint without a SELECT on $this")
            body = anti_join(select.replace("$this", "?this"))
            where = body.index("{", body.upper().index("WHERE"))
            query = body[: where + 1] + f" {focus} " + body[where + 1 :]
            yield label, query, None, message_of(shapes, constraint, "violates a SPARQL constraint")


NOT_EXISTS = re.compile(r"FILTER\s+NOT\s+EXISTS\s*\{([^{}]*)\}", re.IGNORECASE)


def anti_join(select: str) -> str:
    """``FILTER NOT EXISTS { P }`` as ``MINUS { P }`` where the two mean the same.

    SHACL forbids MINUS in the shapes themselves, but Oxigraph runs NOT EXISTS as one lookup
    per outer row (8 s on the contract's relation check at 65,000 triples) and MINUS as one
    anti-join (0.1 s). They agree when P is a plain group of triple patterns sharing a
    variable with an outer basic graph pattern (no OPTIONAL, UNION, BIND or nested
    group), where every shared variable is bound.
    """
    outer = NOT_EXISTS.sub("", select)
    plain = not re.search(r"\b(OPTIONAL|UNION|BIND|VALUES|GRAPH|SERVICE)\b", outer, re.I)

    def rewrite(match: re.Match) -> str:
        inner = match.group(1)
        if re.search(r"\b(FILTER|BIND|OPTIONAL|VALUES)\b", inner, re.I):
            return match.group(0)
        shared = set(re.findall(r"\?(\w+)", inner)) & set(re.findall(r"\?(\w+)", outer))
        return f"MINUS {{{inner}}}" if shared else match.group(0)

    return NOT_EXISTS.sub(rewrite, select) if plain else select


def property_queries(shapes: Graph, prop: Node, focus: str, label: str):
    check_handled(shapes, prop)
    path = one(shapes, prop, SH.path)
    if not isinstance(path, URIRef):
        raise Unsupported("only single-IRI property paths are compiled")
    message = message_of(shapes, prop, f"{label}: {path} does not conform")
    p = n3(path)
    low, high = one(shapes, prop, SH.minCount), one(shapes, prop, SH.maxCount)
    if low is not None:
        yield (
            label,
            (
                "SELECT ?this WHERE { { SELECT ?this (COUNT(DISTINCT ?v) AS ?n) "
                f"WHERE {{ {focus} "
                f"OPTIONAL {{ ?this {p} ?v }} }} GROUP BY ?this }} FILTER(?n < {int(low)}) }}"
            ),
            str(path),
            message,
        )
    if high is not None:
        yield (
            label,
            (
                "SELECT ?this WHERE { { SELECT ?this (COUNT(DISTINCT ?v) AS ?n) "
                f"WHERE {{ {focus} "
                f"?this {p} ?v }} GROUP BY ?this }} FILTER(?n > {int(high)}) }}"
            ),
            str(path),
            message,
        )
    if has_value_constraints(shapes, prop):
        yield (
            label,
            (
                f"SELECT ?this ?v WHERE {{ {focus} ?this {p} ?v "
                f"FILTER(!({condition(shapes, prop)})) }}"
            ),
            str(path),
            message,
        )
    for other in values_of(shapes, prop, SH.lessThan):
        yield (
            label,
            (
                f"SELECT ?this ?v WHERE {{ {focus} ?this {p} ?v . ?this {n3(other)} ?w "
                f"FILTER(!COALESCE(?v < ?w, false)) }}"
            ),
            str(path),
            message,
        )


def violations(store: ox.Store, shapes: Graph, progress=None) -> list[Violation]:
    """Every violation of ``shapes`` in the store's default graph."""
    found = []
    compiled = list(compile_shapes(shapes))
    for i, (label, query, path, message) in enumerate(compiled):
        if progress:
            progress(i, len(compiled), label)
        for row in store.query(query):
            this = row["this"]
            value = row["v"] if "?v" in query.split("WHERE", 1)[0] else None
            text = message
            if "{?" in text:
                for var in [v for v in ("subject", "object", "this") if "{?" + v + "}" in text]:
                    term = this if var == "this" else row[var]
                    text = text.replace("{?" + var + "}", "" if term is None else term.value)
            found.append(Violation(this, path, value, text))
    if progress:
        progress(len(compiled), len(compiled), "done")
    return found

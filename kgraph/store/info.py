"""What is in a built graph, at a glance: counts by type and relation, the most mentioned
entities, articles, outlets and the date range (``kgraph info``)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

PREFIXES = """
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX kg: <https://w3id.org/kgraph/ns#>
PREFIX schema: <https://schema.org/>
PREFIX org: <http://www.w3.org/ns/org#>
"""
TYPES = (
    PREFIXES
    + """
SELECT ?type (COUNT(DISTINCT ?e) AS ?n) WHERE {
  ?e a ?t ; rdfs:label ?l .
  VALUES (?t ?type) { (schema:Person "Person") (schema:Organization "Organization")
                      (schema:Place "Place") (org:Post "Post") }
} GROUP BY ?type ORDER BY ?type
"""
)
RELATIONS = (
    PREFIXES
    + """
SELECT ?relation (COUNT(*) AS ?n) WHERE {
  ?r a kg:RelationSummary ; rdf:predicate ?p . FILTER (?p != org:holds)
  BIND(REPLACE(STR(?p), "^.*[#/]", "") AS ?relation)
} GROUP BY ?relation ORDER BY DESC(?n) ?relation
"""
)
TOP = (
    PREFIXES
    + """
SELECT ?label ?kind ?mentions WHERE {
  ?e kg:mentionCount ?mentions ; rdfs:label ?label ; a ?t .
  VALUES (?t ?kind) { (schema:Person "Person") (schema:Organization "Organization") }
} ORDER BY DESC(?mentions) ?label LIMIT 10
"""
)
ARTICLES = (
    PREFIXES
    + """
SELECT (COUNT(DISTINCT ?a) AS ?articles) (COUNT(DISTINCT ?outlet) AS ?outlets)
       (MIN(?date) AS ?first) (MAX(?date) AS ?last) WHERE {
  ?a a schema:NewsArticle .
  OPTIONAL { ?a schema:publisher ?outlet } OPTIONAL { ?a schema:datePublished ?date }
}
"""
)


@dataclass
class Info:
    types: list[tuple[str, int]] = field(default_factory=list)
    relations: list[tuple[str, int]] = field(default_factory=list)
    top: list[tuple[str, str, int]] = field(default_factory=list)
    articles: int = 0
    outlets: int = 0
    first: str = ""
    last: str = ""

    def render(self) -> str:
        dates = f", {self.first} to {self.last}" if self.first else ""
        lines = [f"{self.articles} article(s) from {self.outlets} outlet(s){dates}", ""]
        lines += ["entities:"] + [f"  {n:7}  {t}" for t, n in self.types]
        lines += ["relations (distinct triples):"] + [f"  {n:7}  {r}" for r, n in self.relations]
        lines += ["most mentioned:"] + [f"  {m:7}  {label} ({kind})" for label, kind, m in self.top]
        return "\n".join(lines) + "\n"

    def to_dict(self) -> dict:
        return {
            "articles": self.articles,
            "outlets": self.outlets,
            "dates": [self.first, self.last] if self.first else [],
            "entities": dict(self.types),
            "relations": dict(self.relations),
            "most_mentioned": [{"label": a, "type": b, "mentions": c} for a, b, c in self.top],
        }


def graph_info(graph: str | Path, engine: str = "auto") -> Info:
    from .query import answer

    def rows(text: str):
        return list(answer(graph, text, {}, engine))

    info = Info(
        types=[(str(r.type), int(r.n)) for r in rows(TYPES)],
        relations=[(str(r.relation), int(r.n)) for r in rows(RELATIONS)],
        top=[(str(r.label), str(r.kind), int(r.mentions)) for r in rows(TOP)],
    )
    for r in rows(ARTICLES):
        info.articles, info.outlets = int(r.articles), int(r.outlets)
        info.first, info.last = str(r.first or ""), str(r.last or "")
    return info

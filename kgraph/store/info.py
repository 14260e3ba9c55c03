"""What is in a built graph: counts by type and relation, top entities, articles, outlets.

Every number comes from SPARQL over the same engine as ``kgraph query`` (the build's
Oxigraph store when it matches the file), so ``kgraph info`` answers in well under a second
on large graphs.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .query import Source

PREFIXES = """
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX schema: <https://schema.org/>
PREFIX org: <http://www.w3.org/ns/org#>
PREFIX kg: <https://w3id.org/kgraph/ns#>
"""
TYPES = (
    PREFIXES
    + """
SELECT ?type (COUNT(DISTINCT ?e) AS ?n) WHERE {
  VALUES (?class ?type) {
    (schema:Person "Person") (schema:Organization "Organization") (schema:Place "Place")
    (org:Post "Post") (kg:Assertion "Assertion") (kg:Tenure "Tenure")
    (kg:RelationSummary "RelationSummary") (schema:NewsArticle "NewsArticle")
  }
  ?e a ?class .
} GROUP BY ?type"""
)
RELATIONS = (
    PREFIXES
    + "SELECT ?p (COUNT(?r) AS ?n) WHERE { ?r a kg:RelationSummary ; rdf:predicate ?p } GROUP BY ?p"
)
HIERARCHY = (
    PREFIXES
    + """SELECT ?p ?parent WHERE {
  ?p a kg:RelationProperty ; rdfs:subPropertyOf ?parent . ?parent a kg:RelationProperty
}"""
)
TOP = (
    PREFIXES
    + """
SELECT ?label ?class ?mentions WHERE {
  VALUES ?class { schema:Person schema:Organization schema:Place org:Post }
  ?e a ?class ; rdfs:label ?label ; kg:mentionCount ?mentions .
} ORDER BY DESC(?mentions) ?label LIMIT %d"""
)
OUTLETS = (
    PREFIXES
    + """
SELECT ?outlet (COUNT(?a) AS ?n) WHERE { ?a a schema:NewsArticle ; schema:publisher ?outlet }
GROUP BY ?outlet ORDER BY DESC(?n) ?outlet"""
)
ARTICLES = (
    PREFIXES
    + """
SELECT (COUNT(?a) AS ?n) (COUNT(?h) AS ?headlines) (MIN(?d) AS ?first) (MAX(?d) AS ?last)
WHERE {
  ?a a schema:NewsArticle .
  OPTIONAL { ?a schema:headline ?h }
  OPTIONAL { ?a schema:datePublished ?d }
}"""
)
KG_IRI = "https://w3id.org/kgraph/ns#"
ORG_IRI = "http://www.w3.org/ns/org#"


@dataclass
class GraphInfo:
    """The contents of a built graph, in numbers."""

    path: Path
    engine: str
    types: dict[str, int]
    relations: dict[str, int]
    top_entities: list[tuple[str, str, int]]
    outlets: list[tuple[str, int]]
    articles: int
    headlines: int
    first_date: str | None
    last_date: str | None
    extra: dict = field(default_factory=dict)

    def to_dict(self) -> dict:
        return {
            "graph": str(self.path),
            "engine": self.engine,
            "types": self.types,
            "relations": self.relations,
            "top_entities": [
                {"name": n, "type": t, "mentions": m} for n, t, m in self.top_entities
            ],
            "articles": self.articles,
            "articles_with_headline": self.headlines,
            "outlets": dict(self.outlets),
            "date_range": [self.first_date, self.last_date] if self.first_date else None,
        }

    def render(self) -> str:
        entity_types = ("Person", "Organization", "Place", "Post")
        entities = sum(self.types.get(t, 0) for t in entity_types)
        lines = [f"{self.path}"]
        kinds = ", ".join(f"{self.types.get(t, 0)} {t}" for t in entity_types)
        lines.append(f"entities:   {entities} ({kinds})")
        lines.append(
            f"relations:  {sum(self.relations.values())} ("
            + (", ".join(f"{n} {r}" for r, n in self.relations.items()) or "none")
            + f"), backed by {self.types.get('Assertion', 0)} sentences"
        )
        lines.append(f"tenures:    {self.types.get('Tenure', 0)}")
        lines.append(f"articles:   {self.articles} ({self.headlines} with a headline)")
        if self.outlets:
            shown = ", ".join(f"{o} ({n})" for o, n in self.outlets[:8])
            more = f", and {len(self.outlets) - 8} more" if len(self.outlets) > 8 else ""
            lines.append(f"outlets:    {len(self.outlets)}: {shown}{more}")
        else:
            lines.append("outlets:    none recorded")
        dates = f"{self.first_date} to {self.last_date}" if self.first_date else "none recorded"
        lines.append(f"dates:      {dates}")
        if self.top_entities:
            lines.append("most mentioned:")
            width = max(len(n) for n, _, _ in self.top_entities)
            lines += [
                f"  {name.ljust(width)}  {kind:<12}  {mentions} mentions"
                for name, kind, mentions in self.top_entities
            ]
        return "\n".join(lines) + "\n"


def local(iri: str) -> str:
    return iri.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def core_of(predicate: str, parents: dict[str, str]) -> str:
    seen = set()
    while predicate in parents and predicate not in seen:
        seen.add(predicate)
        predicate = parents[predicate]
    return predicate


def graph_info(source: Source, top: int = 10) -> GraphInfo:
    types = dict(sorted((str(r[0]), int(r[1])) for r in source.run(TYPES)))
    parents = {str(r[0]): str(r[1]) for r in source.run(HIERARCHY)}
    by_core: dict[str, int] = {}
    for row in source.run(RELATIONS):
        core = local(core_of(str(row[0]), parents))
        by_core[core] = by_core.get(core, 0) + int(row[1])
    relations = dict(sorted(by_core.items(), key=lambda kv: (-kv[1], kv[0])))
    top_rows = source.run(TOP % max(0, top)) if top > 0 else []
    top_entities = [(str(r[0]), local(str(r[1])), int(r[2])) for r in top_rows]
    outlets = [(str(r[0]), int(r[1])) for r in source.run(OUTLETS)]
    row = next(iter(source.run(ARTICLES)))
    return GraphInfo(
        path=source.path,
        engine=source.engine,
        types=types,
        relations=relations,
        top_entities=top_entities,
        outlets=outlets,
        articles=int(row[0]),
        headlines=int(row[1]),
        first_date=None if row[2] is None else str(row[2]),
        last_date=None if row[3] is None else str(row[3]),
    )

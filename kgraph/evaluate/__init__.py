"""Scoring a built graph against a hand-made gold file (``kgraph evaluate``).

The gold format is documented in the project's spec (gold-format.md): entities with the
surface names that identify them, positions held (with status), and relations. A graph
entity matches a gold entity when its label or any alias equals one of the gold names after
normalisation, so scores measure extraction and resolution together: a person split into
two nodes costs a false positive, a junk node costs a false positive, a missed name costs
recall. Misses and false positives are listed by name so a user can see what to fix.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import RDF, RDFS, Graph, URIRef
from rdflib.namespace import SKOS

from ..errors import KgraphError
from ..knowledge import load_json, normalize
from ..store.query import load_graph
from ..vocab import CORE_RELATIONS, KG, KG_IRI, ORG, PROV, SCHEMA, SYMMETRIC_RELATIONS

KINDS = ("Person", "Organization", "Place")
SCORED_KINDS = ("Person", "Organization")
STATUSES = ("current", "former", "elect", "acting", "interim", "nominee")
RELATIONS = (*CORE_RELATIONS, "memberOf")


# --- the gold file ---------------------------------------------------------------------


@dataclass(frozen=True)
class GoldEntity:
    id: str
    type: str
    names: tuple[str, ...]
    also_types: tuple[str, ...] = ()
    optional: bool = False

    @property
    def types(self) -> set[str]:
        return {self.type, *self.also_types}


@dataclass(frozen=True)
class GoldPosition:
    holder: str
    keywords: tuple[str, ...]
    org: str | None = None
    status: str | None = None
    optional: bool = False

    def describe(self, gold: Gold) -> str:
        where = f" in {gold.name(self.org)}" if self.org else ""
        status = f" ({self.status})" if self.status else ""
        return f"{gold.name(self.holder)} holds {'/'.join(self.keywords)}{where}{status}"


@dataclass(frozen=True)
class GoldRelation:
    s: str
    p: str
    o: str
    also: tuple[str, ...] = ()
    alt_o: tuple[str, ...] = ()

    def accepts(self, s: str, p: str, o: str) -> bool:
        """Whether a graph triple (in gold ids) is this relation."""
        if self.p != "*" and p not in (self.p, *self.also):
            return False
        objects = (self.o, *self.alt_o)
        if s == self.s and o in objects:
            return True
        return p in SYMMETRIC_RELATIONS and o == self.s and s in objects

    def describe(self, gold: Gold) -> str:
        return f"{gold.name(self.s)} {self.p} {gold.name(self.o)}"


@dataclass
class Gold:
    documents: tuple[str, ...]
    entities: dict[str, GoldEntity]
    ignore: frozenset[str]
    positions: tuple[GoldPosition, ...]
    relations: tuple[GoldRelation, ...]
    optional_relations: tuple[GoldRelation, ...]
    by_name: dict[str, list[str]] = field(default_factory=dict)  # normalized name -> ids

    def name(self, gold_id: str | None) -> str:
        entity = self.entities.get(gold_id or "")
        return entity.names[0] if entity else str(gold_id)


def load_gold(path: str | Path) -> Gold:
    """Read and check a gold file; any problem is one clear KgraphError."""
    data = load_json(Path(path), "gold file")
    try:
        return parse_gold(data)
    except (KeyError, TypeError, AttributeError, ValueError) as err:
        raise KgraphError(f"{path}: malformed gold file ({describe_error(err)})") from None


def describe_error(err: Exception) -> str:
    if isinstance(err, KeyError):
        return f"missing field {err.args[0]!r}"
    return str(err)


def parse_gold(data: dict) -> Gold:
    entities = {}
    for item in data.get("entities", []):
        if not isinstance(item.get("names"), list):
            raise ValueError(f"entity {item.get('id')!r} needs a list of names")
        entity = GoldEntity(
            id=str(item["id"]),
            type=check_kind(item["type"]),
            names=tuple(item["names"]),
            also_types=tuple(check_kind(t) for t in item.get("also_types", [])),
            optional=bool(item.get("optional", False)),
        )
        if not entity.names or not all(isinstance(n, str) for n in entity.names):
            raise ValueError(f"entity {entity.id!r} needs a list of names")
        entities[entity.id] = entity
    gold = Gold(
        documents=tuple(data.get("documents", [])),
        entities=entities,
        ignore=frozenset(normalize(n) for n in data.get("ignore", [])),
        positions=tuple(parse_position(p, entities) for p in data.get("positions", [])),
        relations=tuple(parse_relation(r, entities) for r in data.get("relations", [])),
        optional_relations=tuple(
            parse_relation(r, entities, wildcard=True) for r in data.get("optional_relations", [])
        ),
    )
    for entity in entities.values():
        for name in entity.names:
            gold.by_name.setdefault(normalize(name), []).append(entity.id)
    return gold


def check_kind(kind: str) -> str:
    if kind not in KINDS:
        raise ValueError(f"entity type {kind!r} is not one of {', '.join(KINDS)}")
    return kind


def check_ref(ref: str, entities: dict[str, GoldEntity]) -> str:
    if ref not in entities:
        raise ValueError(f"{ref!r} is not the id of a gold entity")
    return ref


def parse_position(item: dict, entities: dict[str, GoldEntity]) -> GoldPosition:
    status = item.get("status")
    if status is not None and status not in STATUSES:
        raise ValueError(f"position status {status!r} is not one of {', '.join(STATUSES)}")
    keywords = item["keywords"]
    if isinstance(keywords, str) or not keywords:
        raise ValueError("position keywords must be a non-empty list")
    return GoldPosition(
        holder=check_ref(item["holder"], entities),
        keywords=tuple(k.lower() for k in keywords),
        org=check_ref(item["org"], entities) if item.get("org") else None,
        status=status,
        optional=bool(item.get("optional", False)),
    )


def parse_relation(item: dict, entities: dict, wildcard: bool = False) -> GoldRelation:
    allowed = (*RELATIONS, "*") if wildcard else RELATIONS
    for relation in (item["p"], *item.get("also", [])):
        if relation not in allowed:
            raise ValueError(f"relation {relation!r} is not one of {', '.join(allowed)}")
    return GoldRelation(
        s=check_ref(item["s"], entities),
        p=item["p"],
        o=check_ref(item["o"], entities),
        also=tuple(item.get("also", [])),
        alt_o=tuple(check_ref(o, entities) for o in item.get("alt_o", [])),
    )


# --- what the graph says ----------------------------------------------------------------


@dataclass
class GraphView:
    """The parts of an exported graph the scores look at, read back from RDF."""

    kinds: dict[URIRef, str]  # entity -> Person | Organization | Place
    labels: dict[URIRef, str]
    aliases: dict[URIRef, set[str]]
    holds: set[tuple[URIRef, URIRef]]
    post_in: dict[URIRef, set[URIRef]]
    tenures: dict[tuple[URIRef, URIRef], set[str]]
    relations: set[tuple[URIRef, str, URIRef]]  # (subject, core relation or memberOf, object)
    assertions: list[tuple[URIRef, str, URIRef, str, str]]  # s, core p, o, evidence, file


def subclasses(graph: Graph, root: URIRef) -> set[URIRef]:
    """``root`` and every class that reaches it through rdfs:subClassOf."""
    return set(graph.transitive_subjects(RDFS.subClassOf, root))


def read_graph(graph: Graph) -> GraphView:
    kinds: dict[URIRef, str] = {}
    for kind in KINDS:
        for cls in subclasses(graph, SCHEMA[kind]):
            for node in graph.subjects(RDF.type, cls):
                kinds.setdefault(node, kind)
    posts = set(graph.subjects(RDF.type, ORG.Post)) | set(graph.objects(None, ORG.holds))
    labels = {n: str(graph.value(n, RDFS.label) or n) for n in set(kinds) | posts}
    return GraphView(
        kinds=kinds,
        labels=labels,
        aliases={n: {str(a) for a in graph.objects(n, SKOS.altLabel)} for n in kinds},
        holds={(s, o) for s, o in graph.subject_objects(ORG.holds)},
        post_in={p: set(graph.objects(p, ORG.postIn)) for p in posts},
        tenures=read_tenures(graph),
        relations=read_relations(graph, set(kinds)),
        assertions=read_assertions(graph),
    )


def read_tenures(graph: Graph) -> dict[tuple[URIRef, URIRef], set[str]]:
    tenures: dict[tuple[URIRef, URIRef], set[str]] = defaultdict(set)
    for node in graph.subjects(RDF.type, KG.Tenure):
        holder, post = graph.value(node, KG.holder), graph.value(node, KG.post)
        status = graph.value(node, KG.status)
        if holder is not None and post is not None and status is not None:
            tenures[(holder, post)].add(str(status))
    return tenures


def core_properties(graph: Graph) -> dict[URIRef, str]:
    """Every property that reaches a core relation, mapped to that relation's name."""
    found = {ORG.memberOf: "memberOf"}
    for name in CORE_RELATIONS:
        core = URIRef(KG_IRI + name)
        for prop in graph.transitive_subjects(RDFS.subPropertyOf, core):
            found.setdefault(prop, name)
    return found


def read_relations(graph: Graph, entities: set[URIRef]) -> set[tuple[URIRef, str, URIRef]]:
    properties = core_properties(graph)
    return {
        (s, properties[p], o)
        for s, p, o in graph
        if p in properties and s in entities and o in entities
    }


def read_assertions(graph: Graph) -> list[tuple[URIRef, str, URIRef, str, str]]:
    """(subject, core relation | memberOf | holds, object, evidence, source file)."""
    files = {a: str(f) for a, f in graph.subject_objects(KG.sourceFile)}
    properties = {**core_properties(graph), ORG.holds: "holds"}
    found = []
    for node in sorted(graph.subjects(RDF.type, KG.Assertion)):
        predicate = graph.value(node, RDF.predicate)
        found.append(
            (
                graph.value(node, RDF.subject),
                properties.get(predicate, str(predicate)),
                graph.value(node, RDF.object),
                str(graph.value(node, KG.evidence) or ""),
                files.get(graph.value(node, PROV.wasDerivedFrom), ""),
            )
        )
    return found


# --- scores ------------------------------------------------------------------------------


@dataclass
class Part:
    """Precision, recall and F1 of one part, with what was missed and what was wrong.

    ``correct`` counts graph items that are right (precision), ``found`` gold items that
    were found (recall): for relations one gold relation may be met by several triples.
    """

    name: str
    correct: int = 0
    fp: int = 0
    found: int = 0
    fn: int = 0
    misses: list[str] = field(default_factory=list)
    false_positives: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.correct / (self.correct + self.fp) if self.correct + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.found / (self.found + self.fn) if self.found + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def hit(self) -> None:
        """A graph item that is also the first find of a gold item."""
        self.correct += 1
        self.found += 1

    def to_dict(self) -> dict:
        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "correct": self.correct,
            "fp": self.fp,
            "found": self.found,
            "fn": self.fn,
            "misses": self.misses,
            "false_positives": self.false_positives,
        }


@dataclass
class Evaluation:
    entities: Part
    positions: Part
    relations: Part
    relations_lenient: Part
    status_share: tuple[int, int]  # positions with a status whose tenure states it / all
    evidence_share: tuple[int, int]  # assertions whose evidence is verbatim in the article
    backed_share: tuple[int, int]  # relation triples backed by at least one assertion
    notes: list[str] = field(default_factory=list)

    def parts(self) -> list[Part]:
        return [self.entities, self.positions, self.relations, self.relations_lenient]

    def to_dict(self) -> dict:
        return {
            **{part.name: part.to_dict() for part in self.parts()},
            "post_status": share_dict(self.status_share),
            "evidence_verbatim": share_dict(self.evidence_share),
            "relations_backed": share_dict(self.backed_share),
            "notes": self.notes,
        }

    def render(self) -> str:
        """The report a user reads: scores first, then what to fix."""
        lines = [f"{'part':19} {'P':>6} {'R':>6} {'F1':>6}  ok  fp found  fn"]
        for part in self.parts():
            lines.append(
                f"{part.name:19} {part.precision:6.3f} {part.recall:6.3f} {part.f1:6.3f}"
                f" {part.correct:3} {part.fp:3} {part.found:5} {part.fn:3}"
            )
        lines.append(f"post status        {share_text(self.status_share)}")
        lines.append(f"evidence verbatim  {share_text(self.evidence_share)}")
        lines.append(f"relations backed   {share_text(self.backed_share)}")
        for part in self.parts()[:3]:
            for title, items in (("missed", part.misses), ("false", part.false_positives)):
                if items:
                    lines.append(f"\n{part.name} {title} ({len(items)}):")
                    lines.extend(f"  - {item}" for item in items)
        if self.notes:
            lines.append("\nnotes:")
            lines.extend(f"  - {note}" for note in self.notes)
        return "\n".join(lines) + "\n"


def share_dict(share: tuple[int, int]) -> dict:
    done, total = share
    return {"share": round(done / total, 4) if total else None, "of": total, "count": done}


def share_text(share: tuple[int, int]) -> str:
    done, total = share
    return f"{done / total:6.3f} ({done}/{total})" if total else "   n/a (0)"


def match_nodes(gold: Gold, view: GraphView) -> tuple[dict[URIRef, str], list[str]]:
    """Each graph entity -> the gold entity it names (label first, then most aliases)."""
    matched: dict[URIRef, str] = {}
    notes = []
    for node in sorted(view.kinds):
        by_label = gold.by_name.get(normalize(view.labels[node]), [])
        votes = Counter(g for a in view.aliases[node] for g in gold.by_name.get(normalize(a), []))
        if by_label:
            matched[node] = by_label[0]
        elif votes:
            matched[node] = max(sorted(votes), key=votes.__getitem__)
        merged = {matched.get(node), *votes} - {None}
        if len(merged) > 1:
            names = ", ".join(sorted(gold.name(g) for g in merged))
            notes.append(f"one node {view.labels[node]!r} merges several gold entities: {names}")
    return matched, notes


def is_ignored(gold: Gold, view: GraphView, node: URIRef) -> bool:
    names = {view.labels[node], *view.aliases[node]}
    return any(normalize(n) in gold.ignore for n in names)


def score_entities(gold: Gold, view: GraphView, matched: dict[URIRef, str]) -> Part:
    part = Part("entities")
    found: set[str] = set()
    for node in sorted(view.kinds, key=lambda n: (view.labels[n], n)):
        kind, label = view.kinds[node], view.labels[node]
        gold_id = matched.get(node)
        if gold_id is None:
            if kind in SCORED_KINDS and not is_ignored(gold, view, node):
                part.fp += 1
                part.false_positives.append(f"{label} ({kind}): not a gold entity")
            continue
        entity = gold.entities[gold_id]
        if kind not in entity.types:
            if kind in SCORED_KINDS or entity.type in SCORED_KINDS:
                part.fp += 1
                part.false_positives.append(f"{label} ({kind}): wrong type, gold {entity.type}")
        elif entity.optional or entity.type not in SCORED_KINDS:
            continue
        elif gold_id in found:
            part.fp += 1
            part.false_positives.append(f"{label} ({kind}): second node for {entity.names[0]}")
        else:
            found.add(gold_id)
            part.hit()
    for entity in gold.entities.values():
        if entity.type in SCORED_KINDS and not entity.optional and entity.id not in found:
            part.fn += 1
            part.misses.append(f"{entity.names[0]} ({entity.type})")
    return part


def post_matches(
    position: GoldPosition, post: URIRef, gold: Gold, view: GraphView, matched: dict
) -> bool:
    label = view.labels.get(post, "").lower()
    if not any(k in label for k in position.keywords):
        return False
    if position.org is None:
        return True
    if any(matched.get(body) == position.org for body in view.post_in.get(post, ())):
        return True
    return any(normalize(n) in normalize(label) for n in gold.entities[position.org].names)


def score_positions(
    gold: Gold, view: GraphView, matched: dict[URIRef, str]
) -> tuple[Part, tuple[int, int]]:
    part = Part("positions")
    explained: set[tuple[URIRef, URIRef]] = set()
    with_status = status_found = 0
    for position in gold.positions:
        holdings = [
            (h, p)
            for h, p in sorted(view.holds)
            if matched.get(h) == position.holder and post_matches(position, p, gold, view, matched)
        ]
        explained.update(holdings)
        if position.optional:
            continue
        if holdings:
            part.found += 1
        else:
            part.fn += 1
            part.misses.append(position.describe(gold))
        if position.status:
            with_status += 1
            if any(position.status in view.tenures.get(h, ()) for h in holdings):
                status_found += 1
            elif holdings:
                part.misses.append(f"{position.describe(gold)}: found without that status")
    part.correct = len(explained)
    for holder, post in sorted(view.holds - explained):
        part.fp += 1
        name = view.labels.get(holder, str(holder))
        part.false_positives.append(f"{name} holds {view.labels.get(post, post)}")
    return part, (status_found, with_status)


def score_relations(
    gold: Gold, view: GraphView, matched: dict[URIRef, str], lenient: bool = False
) -> Part:
    part = Part("relations (lenient)" if lenient else "relations")
    found: set[int] = set()
    for s, p, o in sorted(view.relations):
        gs, go = matched.get(s), matched.get(o)
        hits = [
            i
            for i, rel in enumerate(gold.relations)
            if gs and go and accepts(rel, gs, p, go, lenient)
        ]
        if hits:
            part.correct += 1
            found.update(hits)
        elif not (gs and go and any(r.accepts(gs, p, go) for r in gold.optional_relations)):
            part.fp += 1
            part.false_positives.append(f"{view.labels[s]} {p} {view.labels[o]}")
    part.found = len(found)
    for i, relation in enumerate(gold.relations):
        if i not in found:
            part.fn += 1
            part.misses.append(relation.describe(gold))
    return part


def accepts(relation: GoldRelation, s: str, p: str, o: str, lenient: bool) -> bool:
    """Exact relation, or (lenient) any core relation of the same polarity."""
    if relation.accepts(s, p, o):
        return True
    if not lenient or p not in CORE_RELATIONS or relation.p not in CORE_RELATIONS:
        return False
    return CORE_RELATIONS[p] == CORE_RELATIONS[relation.p] and relation.accepts(s, relation.p, o)


def provenance(
    view: GraphView, articles: dict[str, str]
) -> tuple[tuple[int, int], tuple[int, int]]:
    """Shares of verbatim evidence and of relation triples backed by an assertion."""
    checked = [(ev, f) for _, _, _, ev, f in view.assertions if f in articles]
    verbatim = sum(1 for ev, f in checked if ev and ev in articles[f])
    backing = {(s, p, o) for s, p, o, _, _ in view.assertions}
    triples = view.relations | {(h, "holds", p) for h, p in view.holds}
    backed = sum(1 for triple in triples if triple in backing)
    return (verbatim, len(checked)), (backed, len(triples))


def read_articles_for(gold: Gold, view: GraphView, folders: list[Path]) -> dict[str, str]:
    """The text of each cited article, looked up by file name in the given folders."""
    wanted = {f for *_, f in view.assertions if f} | set(gold.documents)
    texts = {}
    for name in sorted(wanted):
        for folder in folders:
            path = folder / name
            if path.is_file():
                texts[name] = path.read_text(encoding="utf-8", errors="replace")
                break
    return texts


def evaluate(
    gold_path: str | Path,
    graph: str | Path | Graph = "output/graph.ttl",
    articles: list[str | Path] | None = None,
) -> Evaluation:
    """Score a built graph against a gold file."""
    gold = load_gold(gold_path)
    rdf = graph if isinstance(graph, Graph) else load_graph(graph)
    view = read_graph(rdf)
    matched, notes = match_nodes(gold, view)
    positions, status = score_positions(gold, view, matched)
    folders = [Path(a) for a in articles or []] or [Path("seeds"), Path(gold_path).parent]
    texts = read_articles_for(gold, view, folders)
    evidence, backed = provenance(view, texts)
    if view.assertions and not texts:
        notes.append("article texts not found: pass --articles to check evidence")
    return Evaluation(
        entities=score_entities(gold, view, matched),
        positions=positions,
        relations=score_relations(gold, view, matched),
        relations_lenient=score_relations(gold, view, matched, lenient=True),
        status_share=status,
        evidence_share=evidence,
        backed_share=backed,
        notes=notes,
    )

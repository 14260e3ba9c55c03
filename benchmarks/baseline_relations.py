"""Relation extraction vs a naive baseline, scored against a gold file (gold-format.md).

The baseline is the rule every relation extractor must beat: two person/organisation names
in one sentence with a lexicon verb between them make a relation from the first name to
the second. Both extractors see the same parse, mentions and entity resolution, so the
difference is the dependency patterns, reference resolution, negation and modality alone.

    .venv/bin/python benchmarks/baseline_relations.py [GOLD.json] [PATHS...] [--show]

Scores are over unique (subject, core relation, object) triples, strict (same core
relation, or one listed in `also`) and lenient (any relation of the same polarity).
"""

from __future__ import annotations

import dataclasses
import json
import sys
from collections.abc import Iterable
from pathlib import Path

from kgraph.extract.config import PipelineConfig
from kgraph.extract.entities import resolve_mentions
from kgraph.extract.nlp import mentions_in
from kgraph.extract.pipeline import extract_from_doc
from kgraph.extract.text import sentence_evidence
from kgraph.graph.model import KnowledgeGraph, build_graph
from kgraph.ingest import read_articles
from kgraph.knowledge import Knowledge, normalize
from kgraph.records import ArticleExtraction, Claim, Mention
from kgraph.vocab import CORE_RELATIONS, HOLDS, MEMBER_OF, ORGANIZATION, PERSON

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_GOLD = ROOT / "tests" / "data" / "seeds-relations-gold.json"
SYMMETRIC = {"meets", "communicatesWith", "cooperatesWith"}
Triple = tuple[str, str, str]


# --- the naive baseline ------------------------------------------------------------------


def naive_claims(doc, mentions: list[Mention], keys: list[str], entities, knowledge: Knowledge):
    """Same sentence, first name, a lexicon verb between, second name: a relation."""
    kinds = {e.key: e.kind for e in entities}
    verbs = {
        lemma: ts[0].relation for (lemma, pos), ts in knowledge.triggers.items() if pos == "VERB"
    }
    claims: dict[tuple, Claim] = {}
    spans = []
    for mention, key in zip(mentions, keys, strict=True):
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is not None and kinds[key] in (PERSON, ORGANIZATION):
            spans.append((span, key))
    for i, (first, a) in enumerate(spans):
        for second, b in spans[i + 1 :]:
            if a == b or first.sent.start != second.sent.start:
                continue
            between = doc[first.end : second.start]
            verb = next((t for t in between if t.pos_ == "VERB" and t.lemma_ in verbs), None)
            if verb is None:
                continue
            marker = (a, verbs[verb.lemma_], b, first.sent.start)
            claims[marker] = Claim(
                subject=a,
                predicate=verbs[verb.lemma_],
                object=b,
                evidence=sentence_evidence(first.sent),
                confidence=0.5,
                trigger=verb.text,
            )
    return list(claims.values())


def extract_both(
    paths: Iterable[str], config: PipelineConfig
) -> tuple[list[ArticleExtraction], list[ArticleExtraction]]:
    """The system's and the baseline's extractions of the same parsed articles."""
    knowledge = config.knowledge()
    nlp = config.nlp()
    articles = list(read_articles(list(paths)))
    system, naive = [], []
    for article, doc in zip(articles, nlp.pipe(a.text for a in articles), strict=True):
        extraction = extract_from_doc(doc, article, config)
        mentions = mentions_in(doc, knowledge)
        entities, keys = resolve_mentions(mentions, knowledge)
        system.append(extraction)
        naive.append(
            dataclasses.replace(
                extraction, claims=tuple(naive_claims(doc, mentions, keys, entities, knowledge))
            )
        )
    return system, naive


# --- scoring -----------------------------------------------------------------------------


def graph_triples(graph: KnowledgeGraph) -> set[Triple]:
    """Unique (subject, core relation, object) triples the graph states as fact."""
    return {(s, graph.core(p), o) for (s, p, o) in graph.relations() if graph.core(p) != HOLDS}


def gold_ids(graph: KnowledgeGraph, gold: dict) -> dict[str, str]:
    """Graph entity key -> gold entity id, by canonical name or any alias."""
    by_name = {}
    for entity in gold["entities"]:
        types = {entity["type"], *entity.get("also_types", [])}
        for name in entity["names"]:
            by_name[normalize(name)] = (entity["id"], types)
    ids = {}
    for key, entity in graph.entities.items():
        for name in (entity.name, *entity.aliases):
            found = by_name.get(normalize(name))
            if found and entity.kind in found[1]:
                ids[key] = found[0]
                break
    return ids


def polarity(relation: str) -> int | None:
    return None if relation == MEMBER_OF else CORE_RELATIONS.get(relation)


def matches(triple: tuple[str | None, str, str | None], rel: dict, lenient: bool) -> bool:
    s, p, o = triple
    accepted = {rel["p"], *rel.get("also", [])}
    if rel["p"] == "*":
        relation_ok = True
    elif lenient:
        relation_ok = p in accepted or (
            polarity(p) is not None and polarity(p) == polarity(rel["p"])
        )
    else:
        relation_ok = p in accepted
    if not relation_ok:
        return False
    subjects, objects = {rel["s"]}, {rel["o"], *rel.get("alt_o", [])}
    if (s in subjects and o in objects) or (s in objects and o in subjects):
        return (s in subjects and o in objects) or p in SYMMETRIC
    return False


def score(graph: KnowledgeGraph, gold: dict, lenient: bool = False) -> dict:
    """Precision over the graph's triples (optional ones left out), recall over gold."""
    ids = gold_ids(graph, gold)
    named = [((ids.get(s), p, ids.get(o)), (s, p, o)) for s, p, o in graph_triples(graph)]
    required, optional = gold["relations"], gold.get("optional_relations", [])
    tp, fp, optional_only = [], [], []
    for mapped, raw in sorted(named, key=lambda x: x[1]):
        if any(matches(mapped, r, lenient) for r in required):
            tp.append(raw)
        elif any(matches(mapped, r, lenient) for r in optional):
            optional_only.append(raw)
        else:
            fp.append(raw)
    found = [r for r in required if any(matches(m, r, lenient) for m, _ in named)]
    missed = [r for r in required if r not in found]
    precision = len(tp) / (len(tp) + len(fp)) if tp or fp else 0.0
    recall = len(found) / len(required) if required else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"p": precision, "r": recall, "f1": f1, "tp": tp, "fp": fp, "missed": missed}


def report(name: str, graph: KnowledgeGraph, gold: dict, show: bool) -> list[str]:
    lines = []
    labels = {k: e.name for k, e in graph.entities.items()}
    for mode in ("strict", "lenient"):
        result = score(graph, gold, lenient=mode == "lenient")
        lines.append(
            f"{name:9} {mode:8} P={result['p']:.2f} R={result['r']:.2f} F1={result['f1']:.2f}"
            f"  (tp={len(result['tp'])} fp={len(result['fp'])} missed={len(result['missed'])})"
        )
        if show and mode == "strict":
            lines += [f"    FP   {labels[s]} {p} {labels[o]}" for s, p, o in result["fp"]]
            lines += [f"    MISS {r['s']} {r['p']} {r['o']}" for r in result["missed"]]
    return lines


def main(argv: list[str]) -> int:
    show = "--show" in argv
    args = [a for a in argv if a != "--show"]
    gold_path = Path(args[0]) if args else DEFAULT_GOLD
    paths = args[1:] or [str(ROOT / "seeds")]
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    config = PipelineConfig()
    knowledge = config.knowledge()
    system, naive = extract_both(paths, config)
    for name, extractions in (("kgraph", system), ("baseline", naive)):
        print("\n".join(report(name, build_graph(extractions, knowledge), gold, show)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

"""Score kgraph on the public human-annotated benchmarks in ../shared/benchmarks/.

    .venv/bin/python benchmarks/bench_gold.py ../shared/benchmarks/conll04
    .venv/bin/python benchmarks/bench_gold.py ../shared/benchmarks/redocred-political --json

Builds the folder's articles (or reads a build's extractions from the cache), then scores
entities per document and type (a system entity is right when its type and one of its
names match a gold entity of the document, gold names read without leading honorifics and
titles; gold `Other` entities are neither right nor
wrong) and the memberOf and holds relations (the gold format's rules: memberOf is met by
org:memberOf or by holding a post of the organisation; holds by a post whose label names the
place, organisation or position). Pairs the gold links with a relation kgraph has no term
for are not counted as false positives. The texts are read from the shared folder and
never copied.
"""

from __future__ import annotations

import argparse
import json
import tempfile
from collections import Counter, defaultdict
from pathlib import Path

import kgraph
from kgraph.knowledge import load_knowledge, normalize
from kgraph.vocab import HOLDS, MEMBER_OF

TYPES = ("Person", "Organization", "Place")


def gold_names(entity: dict) -> set[str]:
    """The gold entity's names and mention texts, also without leading honorifics and
    titles ("Rev. Jesse Jackson" is Jesse Jackson: kgraph keeps titles as posts)."""
    knowledge = load_knowledge()
    found = set()
    for text in [*entity["names"], *(m["text"] for m in entity.get("mentions", []))]:
        words = text.split()
        found.add(normalize(text))
        while len(words) > 1 and (
            normalize(words[0]) in knowledge.honorifics or knowledge.title(words[0])
        ):
            words = words[1:]
            found.add(normalize(" ".join(words)))
    return found


def place_names(entity: dict) -> set[str]:
    """The gold entity's names, and for a place the name posts use: "U.S." and "American"
    are the United States of "President of the United States"."""
    knowledge = load_knowledge()
    found = set(gold_names(entity))
    for text in entity["names"]:
        country = knowledge.demonyms.get(text)
        known = knowledge.lookup(text)
        if country:
            found.add(normalize(country))
        elif known is not None and known.kind == "Place":
            found.add(normalize(known.name))
    return found


def system_names(entity) -> set[str]:
    return {normalize(entity.name), *(normalize(a) for a in entity.aliases)}


def prf(ok_gold: int, gold: int, ok_system: int, system: int) -> dict[str, float]:
    p = ok_system / system if system else 0.0
    r = ok_gold / gold if gold else 0.0
    return {
        "p": round(p, 3),
        "r": round(r, 3),
        "f1": round(2 * p * r / (p + r), 3) if p + r else 0.0,
    }


def score(folder: Path, graph) -> dict:
    gold = json.loads((folder / "gold.json").read_text(encoding="utf-8"))
    by_file = {a.source_file: a.id for a in graph.articles}
    in_article: dict[str, list] = defaultdict(list)
    for entity in graph.entities.values():
        for article in entity.articles:
            in_article[article].append(entity)
    assertions: dict[str, list] = defaultdict(list)
    for a in graph.assertions:
        if a.positive:
            assertions[a.article].append(a)
    counts: dict[str, Counter] = defaultdict(Counter)
    for doc in gold["documents"]:
        article = by_file.get(doc["file"])
        system = [e for e in in_article.get(article, []) if e.kind in TYPES]
        entities = {e["id"]: e for e in doc["entities"]}
        names = {eid: gold_names(e) for eid, e in entities.items()}
        match: dict[str, str] = {}  # system key -> gold id (same type, shared name)
        for entity in system:
            mine = system_names(entity)
            for eid, e in entities.items():
                if mine & names[eid] and (e["type"] == entity.kind or e["type"] == "Other"):
                    match[entity.key] = eid
                    break
        for kind in TYPES:
            gold_ids = {eid for eid, e in entities.items() if e["type"] == kind}
            mine = [e for e in system if e.kind == kind]
            scored = [e for e in mine if entities.get(match.get(e.key), {}).get("type") != "Other"]
            found = {match[e.key] for e in scored if e.key in match}
            for c in (counts[kind], counts["any"]):
                c["gold"] += len(gold_ids)
                c["ok_gold"] += len(found & gold_ids)
                c["system"] += len(scored)
                c["ok_system"] += sum(1 for e in scored if match.get(e.key) in gold_ids)
        score_relations(doc, entities, match, assertions.get(article, []), graph, counts)
    report = {kind: prf(c["ok_gold"], c["gold"], c["ok_system"], c["system"]) for kind, c in
              ((k, counts[k]) for k in (*TYPES, "any"))}  # fmt: skip
    for rel in ("memberOf", "holds"):
        c = counts[rel]
        report[rel] = {
            **prf(c["ok_gold"], c["gold"], c["ok_system"], c["system"]),
            "gold": c["gold"],
            "found": c["ok_gold"],
            "system": c["system"],
            "recall_evidenced": round(c["ok_evidenced"] / c["evidenced"], 3)
            if c["evidenced"]
            else None,
            "evidenced": c["evidenced"],
        }
    return report


def score_relations(doc, entities, match, assertions, graph, counts) -> None:
    """memberOf and holds: gold pairs found, and system pairs right or wrong by the gold."""
    system_pairs: dict[str, set[tuple[str, str]]] = {"memberOf": set(), "holds": set()}
    for a in assertions:
        s = match.get(a.subject)
        if s is None:
            continue
        if a.predicate == MEMBER_OF and a.object in match:
            system_pairs["memberOf"].add((s, match[a.object]))
        elif a.predicate == HOLDS:
            post = graph.entities[a.object]
            body = graph.post_in.get(a.object)
            label = normalize(post.name)
            for eid, e in entities.items():
                named = any(n and n in label for n in place_names(e))
                if body is not None and body in match and match[body] == eid:
                    named = True
                if named:
                    system_pairs["holds"].add((s, eid))
                    if e["type"] == "Organization":
                        system_pairs["memberOf"].add((s, eid))
    unmapped = {(r["s"], r["o"]) for r in doc.get("unmapped_relations", [])}
    unmapped |= {(o, s) for s, o in unmapped}
    for rel in ("memberOf", "holds"):
        gold_pairs = {(r["s"], r["o"]) for r in doc["relations"] if r["p"] == rel}
        evidenced = {
            (r["s"], r["o"]) for r in doc["relations"] if r["p"] == rel and r.get("evidence")
        }
        other = {(r["s"], r["o"]) for r in doc["relations"] if r["p"] != rel}
        c = counts[rel]
        c["gold"] += len(gold_pairs)
        c["ok_gold"] += len(gold_pairs & system_pairs[rel])
        c["evidenced"] += len(evidenced)
        c["ok_evidenced"] += len(evidenced & system_pairs[rel])
        judged = system_pairs[rel] - unmapped - other
        c["system"] += len(judged)
        c["ok_system"] += len(judged & gold_pairs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=Path, help="a benchmark folder with articles/ and gold.json")
    parser.add_argument("--json", action="store_true", help="print the scores as JSON")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as out:
        result = kgraph.build([args.folder / "articles"], out, formats=["graphml"], cache=False)
        report = score(args.folder, result.graph)
    if args.json:
        print(json.dumps(report, indent=2))
        return
    print(f"{args.folder.name}: {result.articles} documents")
    for part, s in report.items():
        extra = ""
        if "gold" in s:
            extra = f"  (gold {s['gold']}, found {s['found']}, system {s['system']}"
            extra += f", evidenced recall {s['recall_evidenced']})" if s["evidenced"] else ")"
        print(f"  {part:13} P {s['p']:.3f}  R {s['r']:.3f}  F1 {s['f1']:.3f}{extra}")


if __name__ == "__main__":
    main()

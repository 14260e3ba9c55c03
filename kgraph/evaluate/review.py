"""Review sheets for hand audits: a random sample of relation assertions to judge, and the
precision a judged sheet gives, by relation and by error class.

    kgraph sample --assertions 100 --seed 7 -o sheet.csv
    (fill the verdict column: right / detail / wrong, and an error class where not right)
    kgraph evaluate sheet.csv

A claim is right only when everything is: the relation, its direction, both entities and
their nodes, polarity, negation and modality. 'detail' (one detail wrong) is not right.
"""

from __future__ import annotations

import csv
import io
import random
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import KgraphError, ParameterError

COLUMNS = (
    "n", "assertion", "subject", "relation", "object", "negated", "modality", "stated_by",
    "evidence", "article", "headline", "outlet", "date", "verdict", "error", "note",
)  # fmt: skip
RIGHT = {"right", "yes", "y", "ok", "1", "correct"}
DETAIL = {"detail", "partly", "partial"}
WRONG = {"wrong", "no", "n", "0", "incorrect"}
# relation assertions: every kg: property (core or finer), memberships on request
ASSERTIONS = """
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX kg: <https://w3id.org/kgraph/ns#>
PREFIX org: <http://www.w3.org/ns/org#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX schema: <https://schema.org/>
SELECT ?a ?s ?p ?o ?negated ?modality ?speaker ?evidence ?file ?headline ?outlet ?date WHERE {
  ?a a kg:Assertion ; rdf:subject ?sn ; rdf:predicate ?p ; rdf:object ?on ;
     kg:evidence ?evidence ; prov:wasDerivedFrom ?article .
  FILTER (?p != org:holds)
  ?sn rdfs:label ?s . ?on rdfs:label ?o .
  OPTIONAL { ?a kg:negated ?negated } OPTIONAL { ?a kg:modality ?modality }
  OPTIONAL { ?a kg:statedBy ?by . ?by rdfs:label ?speaker }
  OPTIONAL { ?article kg:sourceFile ?file } OPTIONAL { ?article schema:headline ?headline }
  OPTIONAL { ?article schema:publisher ?outlet } OPTIONAL { ?article schema:datePublished ?date }
}
"""


def local_name(iri: str) -> str:
    return iri.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def sample_assertions(
    graph: str | Path, count: int, seed: int, memberships: bool = False
) -> list[dict[str, str]]:
    """``count`` relation assertions drawn at random (``seed``) from a built graph."""
    from ..store.query import answer

    if count < 1:
        raise ParameterError("assertions", "must be at least 1")
    rows = []
    for row in answer(graph, ASSERTIONS, {}, "auto"):
        relation = local_name(str(row.p))
        if relation == "memberOf" and not memberships:
            continue
        rows.append(
            {
                "assertion": local_name(str(row.a)),
                "subject": str(row.s),
                "relation": relation,
                "object": str(row.o),
                "negated": str(row.negated or "false"),
                "modality": str(row.modality or ""),
                "stated_by": str(row.speaker or ""),
                "evidence": " ".join(str(row.evidence).split()),
                "article": str(row.file or ""),
                "headline": str(row.headline or ""),
                "outlet": str(row.outlet or ""),
                "date": str(row.date or ""),
            }
        )
    rows.sort(key=lambda r: r["assertion"])
    chosen = random.Random(seed).sample(rows, min(count, len(rows)))
    return [
        {"n": str(i), **r, "verdict": "", "error": "", "note": ""} for i, r in enumerate(chosen, 1)
    ]


def write_sheet(rows: list[dict[str, str]], path: Path) -> None:
    """A CSV (any suffix but .md) or a Markdown table with an empty verdict column."""
    if path.suffix.lower() == ".md":
        lines = ["| " + " | ".join(COLUMNS) + " |", "|" + "---|" * len(COLUMNS)]
        for row in rows:
            cells = (row.get(c, "").replace("|", "\\|") for c in COLUMNS)
            lines.append("| " + " | ".join(cells) + " |")
        text = "\n".join(lines) + "\n"
    else:
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
        text = buffer.getvalue()
    try:
        path.write_text(text, encoding="utf-8")
    except OSError as err:
        raise KgraphError(f"{path}: cannot write the sheet ({err.strerror or err})") from None


def read_sheet(path: Path) -> list[dict[str, str]]:
    """The rows of a filled sheet (CSV, or the Markdown table ``write_sheet`` writes)."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as err:
        raise KgraphError(f"{path}: cannot read the sheet ({err.strerror or err})") from None
    if path.suffix.lower() == ".md":
        lines = [ln for ln in text.splitlines() if ln.startswith("|") and not ln.startswith("|---")]
        if not lines:
            raise KgraphError(f"{path}: no table found")
        split = [[c.strip().replace("\\|", "|") for c in split_cells(ln)] for ln in lines]
        header, body = split[0], split[1:]
        rows = [dict(zip(header, cells, strict=False)) for cells in body]
    else:
        rows = list(csv.DictReader(io.StringIO(text)))
    if rows and "verdict" not in rows[0]:
        raise KgraphError(f"{path}: the sheet has no 'verdict' column")
    return rows


def split_cells(line: str) -> list[str]:
    cells, current, escaped = [], "", False
    for ch in line.strip()[1:-1]:
        if ch == "|" and not escaped:
            cells.append(current)
            current = ""
        else:
            current += ch
        escaped = ch == "\\"
    return [*cells, current]


@dataclass
class Review:
    """The verdicts of a judged sheet."""

    judged: int = 0
    right: int = 0
    detail: int = 0
    wrong: int = 0
    unjudged: int = 0
    by_relation: dict[str, Counter] = field(default_factory=dict)
    errors: Counter = field(default_factory=Counter)

    def precision(self) -> float:
        return self.right / self.judged if self.judged else 0.0

    def render(self) -> str:
        lines = [
            f"judged {self.judged} of {self.judged + self.unjudged} assertions: "
            f"{self.right} right, {self.detail} with one detail wrong, {self.wrong} wrong",
            f"precision (strict) {self.precision():.3f}",
            "",
            "relation              right  judged  precision",
        ]
        for relation, c in sorted(self.by_relation.items()):
            share = c["right"] / c["judged"] if c["judged"] else 0.0
            lines.append(f"{relation:20} {c['right']:6} {c['judged']:7}  {share:9.3f}")
        if self.errors:
            lines += ["", "error class           count"]
            lines += [f"{e:20} {n:6}" for e, n in self.errors.most_common()]
        return "\n".join(lines) + "\n"

    def to_dict(self) -> dict:
        return {
            "judged": self.judged,
            "right": self.right,
            "detail": self.detail,
            "wrong": self.wrong,
            "unjudged": self.unjudged,
            "precision": round(self.precision(), 3),
            "by_relation": {k: dict(v) for k, v in sorted(self.by_relation.items())},
            "errors": dict(self.errors.most_common()),
        }


def review(path: str | Path) -> Review:
    """Precision of a judged sheet; an unknown verdict is one clear error naming the row."""
    path = Path(path)
    result = Review()
    for row in read_sheet(path):
        verdict = (row.get("verdict") or "").strip().lower()
        if not verdict:
            result.unjudged += 1
            continue
        counts = result.by_relation.setdefault(row.get("relation") or "?", Counter())
        counts["judged"] += 1
        result.judged += 1
        if verdict in RIGHT:
            result.right += 1
            counts["right"] += 1
            continue
        if verdict in DETAIL:
            result.detail += 1
        elif verdict in WRONG:
            result.wrong += 1
        else:
            raise KgraphError(
                f"{path}: row {row.get('n', '?')}: unknown verdict {verdict!r} "
                "(right, detail or wrong)"
            )
        result.errors[(row.get("error") or "unclassified").strip().lower()] += 1
    return result

"""Helpers shared by the tests: where the seeds and test data are, and the extraction read
as names (so assertions compare sets of readable triples)."""

from __future__ import annotations

from pathlib import Path

from kgraph.knowledge import load_knowledge

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
DATA = Path(__file__).resolve().parent / "data"


def entity_names(extraction) -> dict[str, str]:
    return {e.key: e.name for e in extraction.entities}


def relation_names(extraction, include_negated: bool = False) -> set[tuple[str, str, str]]:
    """(subject name, core relation, object name) of every claim."""
    knowledge = load_knowledge()
    names = entity_names(extraction)
    return {
        (names[c.subject], knowledge.core_relation(c.predicate), names[c.object])
        for c in extraction.claims
        if include_negated or not c.negated
    }

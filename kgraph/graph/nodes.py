"""The graph's nodes: one entity per real-world person, organisation, place or post."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Entity:
    """One node of the graph, merged over all articles."""

    key: str
    name: str
    kind: str
    subtype: str | None
    aliases: tuple[str, ...]
    mention_count: int
    same_as: tuple[str, ...]
    articles: tuple[str, ...]

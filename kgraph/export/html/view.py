"""Which part of the graph the HTML map shows (light: the CLI checks it before a build)."""

from __future__ import annotations

from dataclasses import dataclass

from ...errors import ParameterError
from ...vocab import CORE_RELATIONS, HOLDS, MEMBER_OF

POST_IN = "postIn"
# the relation types a view may keep: the lexicon's core relations plus the structural ones
VIEW_RELATIONS = (*sorted(CORE_RELATIONS), HOLDS, MEMBER_OF, POST_IN)


@dataclass(frozen=True)
class HtmlView:
    """Which part of the graph the page shows; the defaults show all of it."""

    focus: str | None = None  # name or alias of the entity to centre on
    depth: int = 1  # hops around ``focus``
    max_nodes: int | None = None  # keep the most connected nodes only
    relations: tuple[str, ...] = ()  # relation types to keep (empty: all)
    cluster_above: int = 2000  # cluster communities in the page above this many nodes
    title: str = "kgraph"

    def __post_init__(self) -> None:
        """Refuse a bad view before any article is read, not after a long extraction."""
        unknown = sorted(set(self.relations) - set(VIEW_RELATIONS))
        if unknown:
            raise ParameterError(
                "relations",
                f"unknown relation type(s) {', '.join(unknown)}; "
                f"choose from {', '.join(VIEW_RELATIONS)}",
            )
        if self.depth < 0:
            raise ParameterError("depth", "must be 0 or more")
        if self.max_nodes is not None and self.max_nodes < 1:
            raise ParameterError("max_nodes", "must be at least 1")
        if self.focus is not None and not self.focus.strip():
            raise ParameterError("focus", "needs an entity name")

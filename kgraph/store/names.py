"""Find an entity by the name a person types: any case, with or without accents, a surname.

``--param name=roe`` should find Jane Roe as the map's search does. The query's own
pattern matches a label or alias exactly, so the typed name is first looked up among the
graph's labels and aliases and replaced by the exact label it stands for; a name that is
not in the graph is left as it is (the query finds nothing) and gets a suggestion of the
closest names.
"""

from __future__ import annotations

import difflib
from collections import defaultdict
from dataclasses import dataclass, field

from ..errors import ParameterError
from ..knowledge.text import fold

ENTITY_NAMES = """
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX schema: <https://schema.org/>
PREFIX org: <http://www.w3.org/ns/org#>
SELECT ?entity ?label ?alias ?class WHERE {
  VALUES ?class { schema:Person schema:Organization schema:Place org:Post }
  ?entity a ?class ; rdfs:label ?label .
  OPTIONAL { ?entity skos:altLabel ?alias }
}
"""
EXACT_NAME = """
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
ASK WHERE { ?entity rdfs:label|skos:altLabel ?name }
"""


@dataclass
class NameIndex:
    """Folded label, alias and surname -> the labels of the entities known by it."""

    exact: set[str] = field(default_factory=set)  # labels and aliases as written
    labels: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    names: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    surnames: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    shown: dict[str, str] = field(default_factory=dict)  # folded name -> a written form

    def add(self, label: str, alias: str | None, person: bool) -> None:
        self.labels[fold(label)].add(label)
        for name in filter(None, (label, alias)):
            self.exact.add(name)
            self.names[fold(name)].add(label)
            self.shown.setdefault(fold(name), name)
        if person and len(label.split()) > 1:
            self.surnames[fold(label.split()[-1])].add(label)

    def resolve(self, value: str, parameter: str) -> tuple[str, str | None]:
        """(the exact label to bind, a note for the user or None).

        An exact label or alias stays as typed; otherwise a folded label, then a folded
        alias, then a person's surname. Several entities behind one name is an error listing
        them.
        """
        if value in self.exact:
            return value, None
        key = fold(value)
        for found in (self.labels.get(key), self.names.get(key), self.surnames.get(key)):
            if not found:
                continue
            if len(found) > 1:
                choices = ", ".join(sorted(found)[:8])
                raise ParameterError(
                    "params",
                    f"{parameter}={value!r} could be any of: {choices}; give the full name",
                )
            label = next(iter(found))
            return label, f"{parameter}={value!r} matched {label!r}"
        return value, self.suggestion(value, parameter)

    def suggestion(self, value: str, parameter: str) -> str:
        close = difflib.get_close_matches(fold(value), list(self.names), n=5, cutoff=0.6)
        close += [
            s
            for s in difflib.get_close_matches(fold(value), list(self.surnames), n=3)
            if s not in close
        ]
        labels = sorted(
            {label for c in close for label in self.names.get(c, ())}
            | {label for c in close for label in self.surnames.get(c, ())}
        )
        hint = f"; closest: {', '.join(labels[:5])}" if labels else ""
        return f"no entity named {value!r} in this graph ({parameter}){hint}"


def name_index(rows) -> NameIndex:
    """Build the index from the rows of ``ENTITY_NAMES`` (entity, label, alias, class)."""
    index = NameIndex()
    for row in rows:
        alias = None if row[2] is None else str(row[2])
        index.add(str(row[1]), alias, str(row[3]).endswith("/Person"))
    return index

"""Query parameters for people who are not SPARQL experts.

Each stored query declares its parameters in its header (``# param: name = meaning``): a
missing, unknown or unused one is a clear error, never a query that silently runs without
it. A parameter called ``name`` is an entity's name: it is matched against labels and
aliases case- and accent-insensitively, and by surname, and bound to the label of the one
entity it names; a name that is not in the graph finds no rows, with a warning that
suggests the closest.
"""

from __future__ import annotations

import difflib
import logging
import re
import unicodedata
from collections import defaultdict

from rdflib import Literal

from ..errors import ParameterError

log = logging.getLogger(__name__)

NAME_PARAM = "name"
LABELS = """
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX kg: <https://w3id.org/kgraph/ns#>
SELECT ?e ?label ?alias ?mentions WHERE {
  ?e rdfs:label ?label .
  OPTIONAL { ?e skos:altLabel ?alias }
  OPTIONAL { ?e kg:mentionCount ?mentions }
}
"""


def declared(header_value: str) -> dict[str, str]:
    """'name = the person's name, e.g. Jane Roe' -> {'name': "the person's name ..."}."""
    found = {}
    for part in header_value.split(";"):
        name, _, meaning = part.partition("=")
        if name.strip():
            found[name.strip()] = meaning.strip()
    return found


def check_params(query_name: str, text: str, params: dict, declared_params: dict[str, str]) -> None:
    """Every declared parameter given, no other one; a query with none declared takes only
    parameters that are variables of its text."""
    given = set(params)
    if declared_params:
        unknown = sorted(given - set(declared_params))
        if unknown:
            raise ParameterError(
                "params",
                f"{query_name} takes no parameter {', '.join(unknown)} "
                f"(it takes: {', '.join(declared_params)})",
            )
        missing = [p for p in declared_params if p not in given]
        if missing:
            needs = ", ".join(
                f"{p}=VALUE" + (f" ({declared_params[p]})" if declared_params[p] else "")
                for p in missing
            )
            raise ParameterError("params", f"{query_name} needs {needs}")
        return
    variables = set(re.findall(r"[?$]([A-Za-z_][A-Za-z0-9_]*)", strip_comments(text)))
    unused = sorted(given - variables)
    if unused:
        raise ParameterError(
            "params", f"{query_name} has no variable {', '.join('?' + u for u in unused)}"
        )


def strip_comments(text: str) -> str:
    return "\n".join(
        line.split("#", 1)[0] if not line.lstrip().startswith("#") else ""
        for line in text.splitlines()
    )


def fold(text: str) -> str:
    """Case, accents, punctuation and spacing ignored: 'Roe' = 'roe', 'Lind' =
    'Lìnd'."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = re.sub(r"[^\w\s-]", "", text.casefold())
    return " ".join(text.split())


def resolve_name(value: str, labels) -> str | None:
    """The label of the one entity ``value`` names: by label, then alias, then surname;
    of several, the one mentioned three times as often as the rest together."""
    entities: dict[str, dict] = defaultdict(lambda: {"aliases": set(), "mentions": 0})
    for row in labels:
        entity = entities[str(row.e)]
        entity["label"] = str(row.label)
        if row.alias is not None:
            entity["aliases"].add(str(row.alias))
        if row.mentions is not None:
            entity["mentions"] = int(row.mentions)
    wanted = fold(value)
    tiers = (
        lambda e: fold(e["label"]) == wanted,
        lambda e: any(fold(a) == wanted for a in e["aliases"]),
        lambda e: " " not in wanted and fold(e["label"]).split()[-1:] == [wanted],
    )
    for fits in tiers:
        found = [e for e in entities.values() if fits(e)]
        if len(found) == 1:
            return found[0]["label"]
        if found:
            found.sort(key=lambda e: (-e["mentions"], e["label"]))
            rest = sum(e["mentions"] for e in found[1:])
            if found[0]["mentions"] >= 3 * max(rest, 1):
                return found[0]["label"]
            names = ", ".join(e["label"] for e in found[:6])
            raise ParameterError(
                "params", f"name={value!r} is ambiguous ({names}); give the full name"
            )
    close = difflib.get_close_matches(
        wanted, sorted({fold(e["label"]) for e in entities.values()}), n=5, cutoff=0.6
    )
    by_fold = {fold(e["label"]): e["label"] for e in entities.values()}
    hint = f"; closest: {', '.join(by_fold[c] for c in close)}" if close else ""
    log.warning("no entity named %r in the graph%s", value, hint)
    return None


def bind_names(params: dict, labels_of) -> dict:
    """``params`` with a ``name`` bound to the exact label it resolves to."""
    if NAME_PARAM not in params:
        return params
    label = resolve_name(str(params[NAME_PARAM]), labels_of(LABELS))
    if label is None:  # no such entity: the query runs as given and finds nothing
        return params
    return {**params, NAME_PARAM: Literal(label)}

"""IRIs of the graph's nodes: a readable path per entity, unique and stable in a build."""

from __future__ import annotations

from ..knowledge import slug
from ..vocab import ORGANIZATION, PERSON, PLACE, POST
from .nodes import Entity

KIND_PATHS = {PERSON: "person", ORGANIZATION: "org", PLACE: "place", POST: "post"}


def iri_paths(entities: dict[str, Entity]) -> dict[str, str]:
    """A stable, unique IRI path ('person/donald-trump') for every entity key.

    Minted from the resolution key (the kind and the normalised name the node is resolved
    under), not from the display label, so a later article that adds a longer or
    differently spelt name does not rename the node."""
    paths: dict[str, str] = {}
    used: set[str] = set()
    for key in sorted(entities):
        entity = entities[key]
        base = f"{KIND_PATHS[entity.kind]}/{slug(key.split(':', 1)[1])}"
        path, n = base, 1
        while path in used:
            n += 1
            path = f"{base}-{n}"
        used.add(path)
        paths[key] = path
    return paths

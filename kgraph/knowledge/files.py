"""Where the shipped knowledge files live, and how a user's JSON file is read."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

from ..errors import KgraphError

DATA = resources.files("kgraph.knowledge") / "data"


def load_json(path: Path, kind: str = "file") -> dict:
    """A JSON object from a user-given file; any problem is one KgraphError sentence."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise KgraphError(f"{path}: no such {kind}") from None
    except IsADirectoryError:
        raise KgraphError(f"{path}: is a folder, expected a JSON {kind}") from None
    except (json.JSONDecodeError, UnicodeDecodeError) as err:
        raise KgraphError(f"{path}: not a valid JSON file ({err})") from None
    if not isinstance(data, dict):
        raise KgraphError(f"{path}: expected one JSON object at the top level")
    return data

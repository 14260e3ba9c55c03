"""``python -m kgraph.store.bulkload UNION.nt DATASET.nq STORE``: the build's store, loaded
in a helper process (see ``kgraph.run.helper``) while the build writes its other files."""

from __future__ import annotations

import sys
from pathlib import Path

from ..run.helper import die_with_parent
from .oxigraph import load_store


def main(argv: list[str]) -> int:
    if len(argv) != 3:
        print("usage: python -m kgraph.store.bulkload UNION.nt DATASET.nq STORE", file=sys.stderr)
        return 2
    die_with_parent()
    union, dataset, store = map(Path, argv)
    try:
        load_store(union, dataset, store)
    except (OSError, RuntimeError, ValueError, SyntaxError) as err:
        print(f"{store}: cannot load the store: {err}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

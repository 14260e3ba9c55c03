"""Exporters: one small module per output format behind ``write(graph, path)``.

Each exporter registers itself by name, the way rdflib registers serialisers; every file is
written to a temporary name and renamed, so a failure never leaves half a file.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

Exporter = Callable[..., None]
EXPORTERS: dict[str, tuple[str, Exporter]] = {}


def exporter(name: str, filename: str) -> Callable[[Exporter], Exporter]:
    def register(func: Exporter) -> Exporter:
        EXPORTERS[name] = (filename, func)
        return func

    return register


def write_atomically(path: Path, data: str | bytes) -> None:
    """Write to a temporary file beside ``path`` and rename it over ``path``."""
    mode = "wb" if isinstance(data, bytes) else "w"
    with (
        written_atomically(path) as tmp,
        tmp.open(
            mode, **({} if isinstance(data, bytes) else {"encoding": "utf-8", "newline": "\n"})
        ) as handle,
    ):
        handle.write(data)


@contextmanager
def written_atomically(path: Path) -> Iterator[Path]:
    """A temporary path beside ``path`` to write (or stream) into, renamed over ``path``
    when the block ends without error and removed when it fails."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    os.close(fd)
    tmp = Path(name)
    try:
        yield tmp
        os.chmod(tmp, 0o666 & ~current_umask())
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def load_all() -> dict[str, tuple[str, Exporter]]:
    """Import the built-in exporters so they register."""
    from . import graphml, html, rdf  # noqa: F401

    return EXPORTERS


def current_umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask

"""kgraph: news articles in, a knowledge graph of political relationships out.

The library API (``kgraph.build``, ``kgraph.query``...) is imported on first use, so
``import kgraph`` and ``kgraph --version`` load no NLP or RDF library.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING

from .errors import KgraphError

API = (
    "BuildResult",
    "build",
    "evaluate",
    "export",
    "extract",
    "info",
    "load",
    "query",
    "validate",
)
__all__ = [*API, "KgraphError", "__version__"]

if TYPE_CHECKING:
    from .api import (  # noqa: F401
        BuildResult,
        build,
        evaluate,
        export,
        extract,
        info,
        load,
        query,
        validate,
    )


def __getattr__(name: str):
    """``kgraph.build`` and the rest of the API, imported when first asked for; so is
    ``__version__`` (reading the package metadata takes longer than a query's start)."""
    if name == "__version__":
        return installed_version()
    if name in API:
        return getattr(import_module(".api", __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def installed_version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("kgraph")
    except PackageNotFoundError:  # running from a source tree without installation
        return "0.0.0"

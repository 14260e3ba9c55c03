"""kgraph: news articles in, a knowledge graph of political relationships out."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("kgraph")
except PackageNotFoundError:  # running from a source tree without installation
    __version__ = "0.0.0"

from .api import BuildResult, build, evaluate, export, extract, load, query, validate  # noqa: E402
from .errors import KgraphError  # noqa: E402

__all__ = [
    "BuildResult",
    "KgraphError",
    "__version__",
    "build",
    "evaluate",
    "export",
    "extract",
    "load",
    "query",
    "validate",
]

"""The corpus phase: resolution across articles (``resolve``), the merged graph model
(``model``, ``nodes``) and the IRIs of its nodes (``iris``)."""

from .model import KnowledgeGraph, build_graph
from .nodes import Entity

__all__ = ["Entity", "KnowledgeGraph", "build_graph"]

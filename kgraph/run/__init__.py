"""Running the per-article phase over a corpus: the cache (``cache``), a process pool
(``pool``) or a Dask cluster (``cluster``), driven by ``runner``, with a progress bar
(``progress``) and clean interruption (``interrupt``). Whichever runs it, the result is
the same list of records in the articles' order. Nothing is imported here, so the CLI can
use the progress bar and signal handling without loading the pipeline.
"""

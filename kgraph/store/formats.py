"""Names of the query output formats, in a module light enough for the CLI to import."""

TABLE_FORMATS = ("table", "csv", "tsv", "json", "xml", "jsonl", "markdown")
GRAPH_FORMATS = ("turtle", "ntriples", "jsonld")  # CONSTRUCT and DESCRIBE results
OUTPUT_FORMATS = TABLE_FORMATS + GRAPH_FORMATS

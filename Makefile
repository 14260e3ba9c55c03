# kgraph: `make demo` builds the example graph, `make test` runs the whole suite.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.kgraph-installed
TSTAMP := $(VENV)/.kgraph-test-installed
PYDIRS := kgraph tests tools $(wildcard benchmarks)

.PHONY: demo test lint format system-deps benchmark bench-words bench-html bench-queries clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e .
	touch $@

$(TSTAMP): pyproject.toml $(STAMP)
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

demo: $(STAMP)
	$(BIN)/kgraph build seeds -o output
	@echo
	@echo "Open the interactive map:  output/graph.html"
	@echo "RDF files:                 output/graph.ttl output/graph.nt output/graph.jsonld output/graph.trig"
	@echo "                           output/graph.oxigraph/ (store) output/graph.graphml (Gephi, Cytoscape)"
	@echo "What is in it:             $(BIN)/kgraph info"
	@echo "Ask a stored query:        $(BIN)/kgraph query who-holds-which-post"

# Debian packages the tests drive: chromium (browser tests), raptor2-utils (rapper).
system-deps:
	@if ! command -v chromium >/dev/null 2>&1 || ! command -v rapper >/dev/null 2>&1; then \
	  SUDO=""; [ "$$(id -u)" = 0 ] || SUDO="sudo"; \
	  if command -v apt-get >/dev/null 2>&1; then \
	    echo "Installing Debian packages: chromium raptor2-utils"; \
	    $$SUDO apt-get update -qq && \
	    DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium raptor2-utils >/dev/null; \
	  else echo "apt-get not found: install chromium and raptor2-utils yourself"; fi; \
	fi

lint: $(TSTAMP)
	$(BIN)/ruff check $(PYDIRS)
	$(BIN)/ruff format --check $(PYDIRS)

format: $(TSTAMP)
	$(BIN)/ruff format $(PYDIRS)
	$(BIN)/ruff check --fix $(PYDIRS)

test: $(TSTAMP) system-deps lint
	$(BIN)/python -m pytest

# 500 to 5,000 articles of ../shared/corpus/scale-allsides, + 10 to the 5,000 (about 25 min).
benchmark: $(TSTAMP)
	PYTHONHASHSEED=0 $(BIN)/python benchmarks/bench_build.py

# Words/s of a whole build against bare spaCy nlp.pipe on the same text.
bench-words: $(TSTAMP)
	$(BIN)/python benchmarks/bench_words.py

# RDF writers, parsers and every stored query, rdflib vs Oxigraph, on ~1M triples.
bench-queries: $(TSTAMP)
	$(BIN)/python benchmarks/bench_queries.py

# HTML map: build the corpus page, time its settling in headless chromium (offline).
bench-html: $(TSTAMP) system-deps
	$(BIN)/python benchmarks/bench_html.py

clean:
	rm -rf $(VENV) output/graph.* .pytest_cache .ruff_cache

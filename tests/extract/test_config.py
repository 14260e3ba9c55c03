"""The cache key is computed from what the per-article phase is made of: editing any file of
it changes the key; editing corpus-level, export, store or run code does not."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from kgraph.extract.config import PACKAGE, source_files, source_fingerprint


@pytest.fixture(scope="module")
def package_copy(tmp_path_factory) -> Path:
    """A copy of the installed kgraph package, to edit freely."""
    target = tmp_path_factory.mktemp("pkg") / "kgraph"
    shutil.copytree(PACKAGE, target, ignore=shutil.ignore_patterns("__pycache__"))
    return target


def edited_fingerprint(package: Path, relative: str) -> str:
    """The fingerprint with one more line in ``relative``, the file restored afterwards."""
    path = package / relative
    original = path.read_bytes()
    try:
        path.write_bytes(original + (b"\n" if relative.endswith(".json") else b"\n# edited\n"))
        return source_fingerprint(package)
    finally:
        path.write_bytes(original)


EXTRACTION_FILES = [
    "extract/relations/extractor.py",
    "extract/relations/paths.py",
    "extract/nlp/cleaner.py",
    "extract/posts/titles.py",
    "extract/pipeline.py",
    "knowledge/english.py",
    "knowledge/lexicon.py",
    "knowledge/data/relations.json",
    "knowledge/data/gazetteer.json",
    "knowledge/data/given_names.tsv",
    "vocab.py",
    "records.py",
]
OTHER_FILES = [
    "graph/resolve.py",
    "graph/model.py",
    "export/rdf.py",
    "export/html/__init__.py",
    "store/query.py",
    "run/pool.py",
    "run/runner.py",
    "api.py",
    "cli.py",
    "knowledge/data/README.md",
    "knowledge/data/people.tsv.gz",
]


@pytest.mark.parametrize("relative", EXTRACTION_FILES)
def test_editing_the_per_article_phase_changes_the_cache_key(package_copy, relative):
    assert edited_fingerprint(package_copy, relative) != source_fingerprint(package_copy)


@pytest.mark.parametrize("relative", OTHER_FILES)
def test_editing_corpus_export_or_run_code_keeps_the_cache_key(package_copy, relative):
    assert edited_fingerprint(package_copy, relative) == source_fingerprint(package_copy)


def test_a_new_rule_module_is_part_of_the_key_without_listing_it(package_copy):
    before = source_fingerprint(package_copy)
    new = package_copy / "extract" / "relations" / "new_rule.py"
    new.write_text("RULE = 1\n", encoding="utf-8")
    try:
        assert source_fingerprint(package_copy) != before
    finally:
        new.unlink()


def test_user_knowledge_files_enter_the_key(tmp_path, package_copy):
    mine = tmp_path / "mine.json"
    mine.write_text("{}", encoding="utf-8")
    plain = source_fingerprint(package_copy)
    with_file = source_fingerprint(package_copy, extra=(str(mine),))
    mine.write_text('{"triggers": []}', encoding="utf-8")
    assert len({plain, with_file, source_fingerprint(package_copy, extra=(str(mine),))}) == 3


def test_the_installed_sources_cover_every_extraction_package():
    names = {p.relative_to(PACKAGE).parts[0] for p in source_files()}
    assert names == {"extract", "knowledge", "records.py", "vocab.py", "errors.py"}

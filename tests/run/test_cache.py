"""The extraction cache: a rebuild re-extracts only new or changed articles, gives the same
bytes as a build without cache, and shrugs off corrupt or stale entries."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import kgraph
from kgraph.extract.config import PipelineConfig, config_version
from kgraph.extract.pipeline import extract_articles
from kgraph.records import Article
from kgraph.run.cache import CACHE_DIR_NAME, ExtractionCache

EXTRA = "Governor Jane Roe met Mayor John Doe in Albany.\n\nRoe praised Doe for the plan.\n"


def graph_files(folder: Path) -> dict[str, bytes]:
    """The top-level graph files (the Oxigraph store folder and the cache aside)."""
    return {p.name: p.read_bytes() for p in sorted(folder.glob("graph.*")) if p.is_file()}


def entries(folder: Path) -> list[Path]:
    return sorted((folder / CACHE_DIR_NAME).rglob("*.json"))


def test_rebuild_after_adding_one_article_extracts_only_that_one(tmp_path, seeds_dir, seed_build):
    source = tmp_path / "in"
    shutil.copytree(seeds_dir, source)
    out = tmp_path / "out"
    first = kgraph.build([source], out)
    assert first.cached == 0 and graph_files(out) == graph_files(seed_build.out_dir)
    (source / "extra.txt").write_text(EXTRA, encoding="utf-8")
    second = kgraph.build([source], out)
    assert (second.articles, second.cached) == (4, 3)
    assert "3 from cache" in second.summary()
    fresh = kgraph.build([source], tmp_path / "fresh", cache=False)
    assert fresh.cached == 0 and not (tmp_path / "fresh" / CACHE_DIR_NAME).exists()
    assert graph_files(out) == graph_files(tmp_path / "fresh")


def test_corrupt_truncated_and_stale_entries_are_extracted_again(tmp_path, seeds_dir, seed_build):
    out = tmp_path / "out"
    kgraph.build([seeds_dir], out)
    garbage, truncated, stale = entries(out)
    garbage.write_bytes(b"\x00\xff not json")
    truncated.write_text(truncated.read_text(encoding="utf-8")[:50], encoding="utf-8")
    entry = json.loads(stale.read_text(encoding="utf-8"))
    entry["version"] = "0:old"
    stale.write_text(json.dumps(entry), encoding="utf-8")
    again = kgraph.build([seeds_dir], out)
    assert again.cached == 0
    assert graph_files(out) == graph_files(seed_build.out_dir)
    assert kgraph.build([seeds_dir], out).cached == 3  # the entries were written anew
    assert not list((out / CACHE_DIR_NAME).rglob("*.tmp"))


def test_cached_extraction_equals_a_fresh_one_and_takes_the_current_article(tmp_path, config):
    article = Article(id="a", source_file="a.txt", text=EXTRA, sha256="1" * 64)
    [extraction] = extract_articles([article], config)
    cache = ExtractionCache(tmp_path, config.version())
    cache.put(extraction)
    renamed = Article(id="b", source_file="b.txt", text=EXTRA, sha256="1" * 64)
    assert cache.get(renamed) == extraction.__class__(
        article=renamed,
        entities=extraction.entities,
        claims=extraction.claims,
        holdings=extraction.holdings,
    )
    assert ExtractionCache(tmp_path, "another version").get(article) is None


def test_cache_key_follows_the_lexicon_contents(tmp_path):
    lexicon = tmp_path / "extra.json"
    lexicon.write_text('{"triggers": []}', encoding="utf-8")
    config = PipelineConfig(lexicons=(str(lexicon),))
    before = config_version.__wrapped__(config)
    lexicon.write_text('{"triggers": [{"lemma": "snub", "relation": "opposes"}]}', encoding="utf-8")
    assert config_version.__wrapped__(config) != before
    assert before != PipelineConfig().version()


def test_unwritable_cache_only_warns(tmp_path, seeds_dir, caplog):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    result = kgraph.build([seeds_dir], tmp_path / "out", cache_dir=blocker)
    assert result.articles == 3
    assert "cannot write the cache" in caplog.text


def test_entries_with_wrong_types_are_extracted_again_with_a_warning(tmp_path, seeds_dir, caplog):
    out = tmp_path / "out"
    kgraph.build([seeds_dir], out, formats=["rdf"])
    before = (out / "graph.ttl").read_bytes()
    entries = sorted((out / ".kgraph-cache").rglob("*.json"))
    entry = json.loads(entries[0].read_text(encoding="utf-8"))
    claims = entry["extraction"]["claims"]
    if claims:
        claims[0]["confidence"] = "oops"
    else:
        entry["extraction"]["entities"][0]["mention_count"] = "oops"
    entries[0].write_text(json.dumps(entry), encoding="utf-8")
    entries[1].write_text('{"key": 7, "extraction": [1, 2]}', encoding="utf-8")
    again = kgraph.build([seeds_dir], out, formats=["rdf"])
    assert again.cached == len(entries) - 2
    assert (out / "graph.ttl").read_bytes() == before
    unusable = [r.getMessage() for r in caplog.records if "unusable" in r.getMessage()]
    assert len(unusable) == 1 and str(entries[0]) in unusable[0] and "oops" not in unusable[0]
    assert "expected" in unusable[0]
    third = kgraph.build([seeds_dir], out, formats=["rdf"])  # the entries were rewritten
    assert third.cached == len(entries)

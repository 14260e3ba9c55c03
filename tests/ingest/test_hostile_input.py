"""Articles that used to sink a build: control characters, lone surrogates, legacy
encodings, deep JSON, bad index lines, unreadable folders, floods of bad records. Each now
gives a warning naming the file (and line) and the rest of the corpus builds."""

from __future__ import annotations

import json
import logging
import os
import random
import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import Graph

import kgraph
from kgraph.errors import KgraphError
from kgraph.extract.pipeline import extract_article
from kgraph.ingest import read_articles
from kgraph.ingest.decode import sanitise
from kgraph.ingest.readers import MAX_WARNINGS_PER_FILE, read_file
from tests.helpers import as_unprivileged, restored_modes

GOOD = "Governor Jane Roe met Mayor John Doe in Albany on Monday.\n\nRoe praised Doe.\n"


def warnings(caplog) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]


@pytest.mark.parametrize("bad", ["\x1b[31m", "\x01", "\x08", "\x7f", "\x85", "\ufffe"])
def test_control_characters_are_removed_with_a_warning_naming_the_file(tmp_path, caplog, bad):
    path = tmp_path / "ctl.txt"
    path.write_text(f"Jane Roe{bad} met John Doe in Albany.", encoding="utf-8")
    [article] = read_articles([path])
    assert article.text == "Jane Roe" + ("[31m" if bad.startswith("\x1b") else "") + (
        " met John Doe in Albany."
    )
    assert any(str(path) in w and "control character" in w for w in warnings(caplog))


def test_sanitise_keeps_tabs_and_line_breaks_and_replaces_surrogates():
    assert sanitise("a\tb\nc") == ("a\tb\nc", [])
    text, changes = sanitise("a\x0cb\ud800c\x00")
    assert text == "a\nb\ufffdc"
    assert len(changes) == 2


def test_invisible_formatting_inside_words_is_removed_without_a_warning():
    assert sanitise("Chief Peter \u00adNew\u200bsham\u2060 said\ufeff so") == (
        "Chief Peter Newsham said so",
        [],
    )


def test_invisible_formatting_leaves_a_name_whole(tmp_path, config):
    path = tmp_path / "a.txt"
    path.write_text("Police Chief Peter \u00adNewsham said the city was calm.\n", "utf-8")
    (article,) = read_articles([path])
    names = {e.name for e in extract_article(article, config).entities}
    assert "Peter Newsham" in names


def test_a_build_with_hostile_characters_writes_every_format(tmp_path, caplog):
    """The GraphML writer (lxml) refuses control characters, the cache write and text_hash
    refuse lone surrogates: one build exercises them all."""
    source = tmp_path / "in"
    source.mkdir()
    (source / "escape.txt").write_text("Jane Roe\x1b met John Doe.\x08\x01", encoding="utf-8")
    late_nul = "Ann Lee met Bob Stone in Leeds. " * 300 + "\x00Bob Stone praised Ann Lee."
    (source / "late-nul.txt").write_text(late_nul, encoding="utf-8")
    (source / "surrogate.jsonl").write_text(
        json.dumps({"text": "Carla Diaz met Dev Patel.\ud800", "title": "T\udfff"}) + "\n",
        encoding="utf-8",
    )
    (source / "surrogate.json").write_text(
        json.dumps({"text": "Dev Patel\udc00 praised Carla Diaz.", "source": "S\ud801"}),
        encoding="utf-8",
    )
    out = tmp_path / "out"
    result = kgraph.build([source], out)
    assert result.articles == 4
    for name in ("graph.graphml", "graph.ttl", "graph.html", "graph.jsonld"):
        assert (out / name).stat().st_size > 0, name
    assert "\ufffd" in (out / "graph.ttl").read_text(encoding="utf-8")
    Graph().parse(out / "graph.ttl", format="turtle")
    messages = warnings(caplog)
    for name in ("escape.txt", "late-nul.txt", "surrogate.jsonl:1", "surrogate.json[1]"):
        assert any(name in m for m in messages), (name, messages)
    rebuilt = kgraph.build([source], out)  # the cache entries were written and read back
    assert rebuilt.cached == 4


def test_utf16_with_a_mark_and_windows_1252_are_read_and_reported(tmp_path, caplog):
    (tmp_path / "utf16.txt").write_bytes("Jane Roe met John Doe in Zürich.".encode("utf-16"))
    cp1252 = "The mayor\u2019s caf\xe9 \u2014 Jane Roe met John Doe on Monday."
    (tmp_path / "cp1252.md").write_bytes(cp1252.encode("cp1252"))
    (tmp_path / "latin1.txt").write_bytes("Grüße: Ann Lee met Bob Stone.".encode("latin-1"))
    texts = {a.source_file: a.text for a in read_articles([tmp_path])}
    assert texts == {
        "utf16.txt": "Jane Roe met John Doe in Zürich.",
        "cp1252.md": cp1252,
        "latin1.txt": "Grüße: Ann Lee met Bob Stone.",
    }
    messages = warnings(caplog)
    assert any("utf16.txt as utf_16" in m for m in messages), messages
    assert any("cp1252.md as cp1252" in m for m in messages), messages


def test_deeply_nested_json_anywhere_is_skipped_with_a_warning(tmp_path, caplog):
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "deep.json").write_text("[" * 100_000, encoding="utf-8")
    (tmp_path / "deep.jsonl").write_text(
        '{"text": "Ann Lee spoke in Leeds."}\n' + "[" * 100_000 + "\n", encoding="utf-8"
    )
    (tmp_path / "index.jsonl").write_text(
        '{"file": "good.txt", "source": "Times"}\n{"file": "x", "date": ' + "[" * 100_000 + "\n",
        encoding="utf-8",
    )
    articles = {a.source_file: a for a in read_articles([tmp_path])}
    assert sorted(articles) == ["deep.jsonl", "good.txt"]
    assert articles["good.txt"].source == "Times"
    messages = warnings(caplog)
    assert any("deep.json:" in m and "nested too deeply" in m for m in messages), messages
    assert any("deep.jsonl:2" in m and "nested too deeply" in m for m in messages), messages
    assert any("index.jsonl:2" in m for m in messages), messages


def test_one_bad_index_line_is_skipped_and_the_rest_of_the_index_kept(tmp_path, caplog):
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "b.txt").write_text("Ann Lee met Bob Stone in Leeds.", encoding="utf-8")
    (tmp_path / "index.jsonl").write_text(
        "{broken\n"
        '{"file": "a.txt", "source": "Times", "date": "2024-01-02"}\n'
        '{"file": 7}\n'
        '{"file": "b.txt", "source": {"nested": "ignored"}, "date": "2024-02-03"}\n',
        encoding="utf-8",
    )
    articles = {a.source_file: a for a in read_articles([tmp_path])}
    assert sorted(articles) == ["a.txt", "b.txt"]
    assert (articles["a.txt"].source, articles["a.txt"].date) == ("Times", "2024-01-02")
    assert (articles["b.txt"].source, articles["b.txt"].date) == (None, "2024-02-03")
    messages = warnings(caplog)
    assert any("index.jsonl:1" in m and "not valid JSON" in m for m in messages), messages
    assert any("index.jsonl:3" in m for m in messages), messages


def test_a_million_bad_records_give_a_few_warnings_and_one_count(tmp_path, caplog):
    records = [{"text": "Jane Roe spoke in Albany."}] + [{"text": n} for n in range(100_000)]
    (tmp_path / "flood.json").write_text(json.dumps(records), encoding="utf-8")
    lines = ["{bad"] * 50_000 + ['{"text": "John Doe spoke in Troy."}']
    (tmp_path / "flood.jsonl").write_text("\n".join(lines), encoding="utf-8")
    assert len(read_articles([tmp_path])) == 2
    for name in ("flood.json", "flood.jsonl"):
        about = [m for m in warnings(caplog) if f"{name}[" in m or f"{name}:" in m]
        assert len(about) == MAX_WARNINGS_PER_FILE + 1, about
        assert "more problem(s) not shown" in about[-1]


def test_an_unreadable_subfolder_is_warned_about(tmp_path):
    corpus = tmp_path / "corpus"
    (corpus / "locked").mkdir(parents=True)
    (corpus / "ok.txt").write_text(GOOD, encoding="utf-8")
    (corpus / "locked" / "lost.txt").write_text(GOOD + "x", encoding="utf-8")
    code = (
        "import logging; logging.basicConfig(format='%(levelname)s %(message)s');"
        "from kgraph.ingest import read_articles;"
        f"print([a.source_file for a in read_articles([{str(corpus)!r}])])"
    )
    with restored_modes(corpus):
        os.chmod(corpus / "locked", 0)
        command = as_unprivileged([sys.executable, "-c", code])
        proc = subprocess.run(command, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "['ok.txt']"
    assert "WARNING skipped folder" in proc.stderr and "locked" in proc.stderr
    assert "Permission denied" in proc.stderr


# --- fuzz: random bytes, Unicode and JSON through every reader ------------------------------


def random_unicode(rng: random.Random, n: int) -> str:
    pools = [(0, 0x80), (0x80, 0x800), (0xD800, 0xE000), (0xE000, 0x10000), (0x10000, 0x110000)]
    return "".join(chr(rng.randrange(*rng.choice(pools))) for _ in range(n))


def random_json(rng: random.Random, depth: int = 0):
    kind = rng.randrange(8 if depth < 6 else 4)
    if kind == 0:
        return rng.choice([None, True, False, rng.randrange(-1000, 1000), rng.random()])
    if kind in (1, 2, 3):
        return random_unicode(rng, rng.randrange(0, 40))
    if kind in (4, 5):
        return [random_json(rng, depth + 1) for _ in range(rng.randrange(0, 4))]
    keys = ["text", "title", "date", "source", "url", "id", "file", random_unicode(rng, 3)]
    return {rng.choice(keys): random_json(rng, depth + 1) for _ in range(rng.randrange(0, 5))}


def fuzz_cases(seed: int = 17, count: int = 120) -> list[tuple[str, bytes]]:
    rng = random.Random(seed)
    cases = []
    suffixes = [".txt", ".md", ".html", ".json", ".jsonl"]
    for n in range(count):
        suffix = suffixes[n % len(suffixes)]
        style = n // len(suffixes) % 4
        if style == 0:
            data = rng.randbytes(rng.randrange(0, 3000))
        elif style == 1:
            data = random_unicode(rng, rng.randrange(0, 500)).encode("utf-8", "surrogatepass")
        elif style == 2:
            value = random_json(rng)
            lines = [json.dumps(value)] + [json.dumps(random_json(rng)) for _ in range(3)]
            data = "\n".join(lines).encode("utf-8", "surrogatepass")
        else:
            record = {"text": "Jane Roe met John Doe. " + random_unicode(rng, 200)}
            record["title"] = random_unicode(rng, 10)
            data = (
                json.dumps(record).encode()
                if "json" in suffix
                else record["text"].encode("utf-8", "surrogatepass")
            )
        cases.append((f"case-{n:03d}{suffix}", data))
    return cases


def test_fuzz_every_reader_gives_articles_or_one_clean_error(tmp_path):
    """Seeded, so the same cases every run: each file gives clean articles or a KgraphError,
    never another exception; every article's text encodes as UTF-8 and is XML-safe."""
    outcomes = {"articles": 0, "refused": 0}
    for name, data in fuzz_cases():
        path = tmp_path / name
        path.write_bytes(data)
        try:
            articles = read_file(path)
        except KgraphError as err:
            assert str(err).startswith(str(path)), (name, err)
            outcomes["refused"] += 1
            continue
        for article in articles:
            for value in (article.text, article.title, article.source, article.date, article.id):
                if value is not None:
                    value.encode("utf-8")  # no lone surrogate left
                    assert sanitise(value) == (value, []), name
        outcomes["articles"] += 1
    assert outcomes["articles"] and outcomes["refused"]
    everything = read_articles([tmp_path])  # the whole folder at once: skips, never crashes
    assert everything


def test_fuzz_a_folder_of_garbage_builds_the_readable_part(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for name, data in fuzz_cases(seed=23, count=40):
        (folder / name).write_bytes(data)
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    proc = subprocess.run(
        [sys.executable, "-m", "kgraph", "build", str(folder), "-o", str(tmp_path / "out")],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stderr
    assert (tmp_path / "out" / "graph.graphml").is_file()


def test_symlink_loops_end(tmp_path: Path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "x.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "a" / "loop").symlink_to(tmp_path / "a")
    assert [a.source_file for a in read_articles([tmp_path])] == ["x.txt"]

from pathlib import Path

import pytest

from kgraph.articles import read_articles, title_of
from kgraph.errors import KgraphError


def test_reads_the_seed_folder(seeds_dir):
    articles = read_articles([seeds_dir])
    assert [a.source_file for a in articles] == sorted(p.name for p in seeds_dir.glob("*.txt"))
    for article in articles:
        raw = (seeds_dir / article.source_file).read_bytes()
        assert article.text == raw.decode("utf-8")
        assert len(article.sha256) == 64


def test_folders_are_read_recursively_and_duplicates_once(tmp_path: Path):
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "one.txt").write_text("Title\n\nJane Roe met John Doe.", encoding="utf-8")
    (tmp_path / "a" / "b" / "two.md").write_text("Other text about Jane Roe.", encoding="utf-8")
    (tmp_path / "a" / "b" / "copy.txt").write_text(
        "Title\n\nJane Roe met John Doe.", encoding="utf-8"
    )
    articles = read_articles([tmp_path])
    assert sorted(a.source_file for a in articles) == ["one.txt", "two.md"] or sorted(
        a.source_file for a in articles
    ) == ["copy.txt", "two.md"]
    assert len(articles) == 2


def test_title_is_a_single_short_first_paragraph():
    assert title_of("A headline\n\nBody text here.") == "A headline"
    assert title_of("Line one\nline two\n\nBody") is None


def test_missing_path_is_an_error(tmp_path):
    with pytest.raises(KgraphError, match="no such file or folder"):
        read_articles([tmp_path / "nope"])


def test_folder_without_articles_is_an_error(tmp_path):
    (tmp_path / "image.png").write_bytes(b"\x89PNG")
    with pytest.raises(KgraphError, match="no articles found"):
        read_articles([tmp_path])


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "empty"),
        (b"   \n\n", "empty"),
        (b"\x00\x01\x02binary", "binary"),
        (b"caf\xe9 au lait", "not valid UTF-8"),
    ],
)
def test_bad_files_are_skipped_with_a_reason_or_refused_when_strict(tmp_path, content, message):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(content)
    with pytest.raises(KgraphError, match=message):
        read_articles([bad], strict=True)
    (tmp_path / "good.txt").write_text("Jane Roe spoke.", encoding="utf-8")
    assert [a.source_file for a in read_articles([tmp_path])] == ["good.txt"]


def test_only_bad_files_is_an_error(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    with pytest.raises(KgraphError, match="no readable articles"):
        read_articles([tmp_path])

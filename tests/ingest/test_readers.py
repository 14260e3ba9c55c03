from pathlib import Path

import pytest

from kgraph.errors import KgraphError
from kgraph.ingest import read_articles
from kgraph.ingest.readers import title_of


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
        (bytes(range(0x80, 0x100)) * 4, "not valid UTF-8"),
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


PAGE = """<html><head><title>Mayor meets Governor | City Times</title>
<meta property="og:site_name" content="City Times"><meta name="date" content="2024-05-02">
<link rel="canonical" href="https://example.org/news/mayor-meets-governor"></head>
<body><nav><a href="/">Home</a> <a href="/politics">Politics</a></nav>
<article><h1>Mayor meets Governor</h1>
<p>Mayor Jane Roe met Governor John Doe in Albany on Tuesday to discuss the state budget
and the new transit plan for the city.</p>
<p>Roe praised Doe for his support of the plan, and said the two would meet again next
month to settle the remaining questions.</p></article>
<footer>Copyright City Times. Subscribe to our newsletter.</footer></body></html>"""


def test_html_page_gives_main_text_and_metadata(tmp_path: Path):
    (tmp_path / "page.html").write_text(PAGE, encoding="utf-8")
    [article] = read_articles([tmp_path])
    assert "Roe praised Doe" in article.text
    assert "Subscribe" not in article.text and "Home" not in article.text
    assert "\n\n" in article.text  # paragraphs as in .txt articles
    assert article.title == "Mayor meets Governor"
    assert article.date == "2024-05-02"
    assert article.source == "City Times"
    assert article.url == "https://example.org/news/mayor-meets-governor"


def test_jsonl_records_with_metadata_and_a_malformed_line(tmp_path: Path, caplog):
    lines = [
        '{"text": "Jane Roe met John Doe.", "title": "A meeting", "url": "https://e.org/1",'
        ' "date": "2024-01-02", "source": "E News"}',
        "{not json",
        "",
        '{"text": "John Doe praised Jane Roe.", "id": "doe praise"}',
        '["a list, not a record"]',
    ]
    (tmp_path / "feed.jsonl").write_text("\n".join(lines), encoding="utf-8")
    articles = read_articles([tmp_path])
    assert [a.id for a in articles] == ["feed-1", "doe-praise"]
    first = articles[0]
    assert (first.title, first.url, first.date, first.source) == (
        "A meeting",
        "https://e.org/1",
        "2024-01-02",
        "E News",
    )
    assert "feed.jsonl:2: not valid JSON" in caplog.text
    assert "feed.jsonl:5: expected a JSON object" in caplog.text


def test_json_list_and_object(tmp_path: Path):
    (tmp_path / "many.json").write_text(
        '[{"text": "Jane Roe spoke."}, {"text": "John Doe spoke.", "title": "Doe"}]',
        encoding="utf-8",
    )
    (tmp_path / "one.json").write_text('{"text": "Ann Lee spoke."}', encoding="utf-8")
    articles = read_articles([tmp_path])
    assert [(a.id, a.title) for a in articles] == [
        ("many-1", None),
        ("many-2", "Doe"),
        ("one", None),
    ]


def test_metadata_index_is_not_an_article_and_gives_no_warning(tmp_path: Path, caplog):
    (tmp_path / "a.txt").write_text("Jane Roe spoke.", encoding="utf-8")
    (tmp_path / "index.jsonl").write_text('{"file": "a.txt"}\n{"file": "b.txt"}\n')
    assert [a.source_file for a in read_articles([tmp_path])] == ["a.txt"]
    assert "WARNING" not in caplog.text


def test_jsonl_without_text_or_file_fields_is_skipped_once(tmp_path: Path, caplog):
    (tmp_path / "a.txt").write_text("Jane Roe spoke.", encoding="utf-8")
    (tmp_path / "other.jsonl").write_text('{"name": "a"}\n{"name": "b"}\n')
    assert [a.source_file for a in read_articles([tmp_path])] == ["a.txt"]
    assert caplog.text.count("other.jsonl") == 1 and "no record has a 'text' field" in caplog.text


def test_same_text_in_txt_and_jsonl_is_read_once(tmp_path: Path):
    (tmp_path / "a.txt").write_text("Jane Roe spoke.\r\n", encoding="utf-8")
    (tmp_path / "b.jsonl").write_text('{"text": "Jane Roe spoke.\\n"}\n', encoding="utf-8")
    assert [a.source_file for a in read_articles([tmp_path])] == ["a.txt"]


def test_enormous_and_too_long_inputs_are_skipped(tmp_path: Path, caplog):
    from kgraph.ingest import readers as articles

    huge = tmp_path / "huge.txt"
    with huge.open("wb") as handle:  # sparse: no disk space used
        handle.truncate(articles.MAX_BYTES + 1)
    long_record = '{"text": "' + "word " * (articles.MAX_CHARS // 5 + 1) + '"}\n'
    (tmp_path / "long.jsonl").write_text(long_record, encoding="utf-8")
    (tmp_path / "ok.txt").write_text("Jane Roe spoke.", encoding="utf-8")
    assert [a.source_file for a in read_articles([tmp_path])] == ["ok.txt"]
    assert "is too large" in caplog.text and "too long for one article" in caplog.text


def test_hidden_folders_such_as_a_cache_are_not_read(tmp_path: Path):
    (tmp_path / ".kgraph-cache").mkdir()
    (tmp_path / ".kgraph-cache" / "x.json").write_text('{"text": "cached"}', encoding="utf-8")
    (tmp_path / "a.txt").write_text("Jane Roe spoke.", encoding="utf-8")
    assert [a.source_file for a in read_articles([tmp_path])] == ["a.txt"]


def test_index_file_beside_text_files_gives_their_metadata(tmp_path):
    import json as _json

    (tmp_path / "a.txt").write_text("Headline A\n\nJane Roe met John Doe.", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Headline B\n\nJohn Doe met Jane Roe.", encoding="utf-8")
    index = [
        {"file": "a.txt", "source": "Example Times", "date": "2019-05-01", "url": "https://e.x/a"},
        {"file": "b.txt", "source": "Other Post", "title": "Better headline B"},
    ]
    (tmp_path / "index.jsonl").write_text(
        "\n".join(_json.dumps(r) for r in index) + "\n", encoding="utf-8"
    )
    articles = {a.source_file: a for a in read_articles([tmp_path])}
    assert sorted(articles) == ["a.txt", "b.txt"]
    assert articles["a.txt"].source == "Example Times"
    assert articles["a.txt"].date == "2019-05-01"
    assert articles["a.txt"].url == "https://e.x/a"
    assert articles["a.txt"].title == "Headline A"
    assert articles["b.txt"].title == "Better headline B"

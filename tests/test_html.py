import re

import kgraph


def test_page_is_offline_and_complete(seed_build):
    html = seed_build.files["html"].read_text("utf-8")
    assert not re.search(r"""(src|href)\s*=\s*["']?https?://""", html)
    assert "<link" not in html or "stylesheet" not in html
    assert "vis.Network" in html
    for word in ("Legend", "Search", "Person", "Organization", "conflictual"):
        assert word in html


def test_article_markup_is_escaped(tmp_path):
    source = tmp_path / "evil.txt"
    source.write_text(
        "Jane Roe praised John Doe.</script><script>window.pwned=1</script> "
        'John Doe criticized <img src=x onerror="window.pwned=2"> Jane Roe.',
        encoding="utf-8",
    )
    result = kgraph.build([source], tmp_path / "out", formats=["html"])
    html = result.files["html"].read_text("utf-8")
    scripts = re.findall(r"<script>(.*?)</script>", html, flags=re.S)
    assert len(scripts) == 2  # vis-network and kgraph's own, nothing injected
    assert "window.pwned" not in html.split("<script>")[0]
    assert "<img src=x" not in html

"""How fast the HTML map of a real corpus opens and settles in headless Chromium.

    .venv/bin/python benchmarks/bench_html.py [CORPUS ...] [--out DIR] [--runs N]
    .venv/bin/python benchmarks/bench_html.py --html path/to/graph.html

Builds the graph's page (``kgraph.build(..., formats=["html"])``; default corpus: the
us-politics corpus when present, else seeds/), then opens it from file:// in Debian's
chromium with every non-file request aborted, and reports for each run the time from
navigation start until the layout has settled and is frozen (``body[data-stabilized]``),
measured by the page itself with ``performance.now()``. Timings are measured here only,
never asserted in tests.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import sys
import time
from pathlib import Path

from kgraph.export.html import HEADLESS_CHROMIUM_ARGS

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM_ARGS = list(HEADLESS_CHROMIUM_ARGS)
CORPUS = Path("/work/shared/corpus/us-politics")


def build_page(paths: list[str], out: Path) -> tuple[Path, dict]:
    """Build only the HTML output of ``paths`` into ``out``; returns the page and timings."""
    import kgraph
    from kgraph.export.html import render_html

    started = time.perf_counter()
    result = kgraph.build(paths, out, formats=["html"])
    built = time.perf_counter() - started
    started = time.perf_counter()
    render_html(result.graph)
    rendered = time.perf_counter() - started
    return result.files["html"], {
        "articles": result.articles,
        "build_s": round(built, 1),
        "render_s": round(rendered, 2),
    }


def open_once(browser, page_path: Path, shot: Path | None) -> dict:
    """One cold load in a fresh context: settle time, counts, blocked requests, errors."""
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    blocked: list[str] = []
    errors: list[str] = []

    def route(r) -> None:
        if r.request.url.startswith("file:"):
            r.continue_()
        else:
            blocked.append(r.request.url)
            r.abort()

    context.route("**/*", route)
    page = context.new_page()
    page.on("console", lambda m: m.type == "error" and errors.append(m.text))
    page.on("pageerror", lambda e: errors.append(str(e)))
    started = time.perf_counter()
    page.goto(page_path.resolve().as_uri())
    page.wait_for_selector("body[data-stabilized]", state="attached", timeout=120_000)
    wall = time.perf_counter() - started
    stats = page.evaluate(
        "({settle: kgraph.settleMs, nodes: kgraph.nodes.length, edges: kgraph.edges.length,"
        " shownNodes: kgraph.nodeView.length, shownEdges: kgraph.edgeView.length,"
        " clusters: kgraph.clusters})"
    )
    if shot:
        page.wait_for_timeout(200)
        page.screenshot(path=str(shot))
    context.close()
    return {**stats, "wall_s": round(wall, 2), "requests": len(blocked), "errors": errors}


def measure(page_path: Path, runs: int, chromium: str, shot: Path | None) -> list[dict]:
    """Open the page ``runs`` times, each in a fresh context (a screenshot of the first)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=chromium, headless=True, args=CHROMIUM_ARGS
        )
        try:
            return [open_once(browser, page_path, shot if not i else None) for i in range(runs)]
        finally:
            browser.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("paths", nargs="*", help="article files or folders")
    parser.add_argument("--html", type=Path, help="measure this page instead of building one")
    parser.add_argument("--out", type=Path, default=Path("/tmp/kgraph-bench-html"))
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--budget", type=float, default=2.0, help="seconds allowed to settle")
    parser.add_argument("--chromium", default=shutil.which("chromium") or "/usr/bin/chromium")
    parser.add_argument("--screenshot", type=Path, default=ROOT / "test-artifacts" / "bench.png")
    parser.add_argument("--json", action="store_true", help="print one JSON record")
    args = parser.parse_args()

    info: dict = {}
    if args.html:
        page_path = args.html
    else:
        paths = args.paths or [str(CORPUS if CORPUS.exists() else ROOT / "seeds")]
        page_path, info = build_page(paths, args.out)
    args.screenshot.parent.mkdir(parents=True, exist_ok=True)
    runs = measure(page_path, args.runs, args.chromium, args.screenshot)
    settle = [r["settle"] / 1000 for r in runs]
    first = runs[0]
    report = {
        **info,
        "page": str(page_path),
        "page_mb": round(page_path.stat().st_size / 1e6, 2),
        "entities": first["nodes"],
        "relations": first["edges"],
        "shown_entities": first["shownNodes"],
        "shown_relations": first["shownEdges"],
        "clusters": first["clusters"],
        "settle_median_s": round(statistics.median(settle), 2),
        "settle_max_s": round(max(settle), 2),
        "wall_median_s": round(statistics.median(r["wall_s"] for r in runs), 2),
        "requests": sum(r["requests"] for r in runs),
        "console_errors": sorted({e for r in runs for e in r["errors"]}),
        "runs": args.runs,
        "budget_s": args.budget,
    }
    if args.json:
        print(json.dumps(report, indent=2))
    else:
        for key, value in report.items():
            print(f"{key:18} {value}")
    ok = report["settle_max_s"] <= args.budget and not report["requests"]
    print(f"{'OK' if ok else 'OVER BUDGET'}: settles in {report['settle_median_s']} s (median)")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())

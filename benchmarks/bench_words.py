"""Benchmark: a whole ``kgraph build`` against bare spaCy ``nlp.pipe`` on the same text.

    make bench-words                  # or: .venv/bin/python benchmarks/bench_words.py
    .venv/bin/python benchmarks/bench_words.py --corpus us-politics --synthetic 0 --workers 1

For each corpus (the real one in ../shared/corpus, read in place and never copied, and a
synthetic one generated here from templates) it reports words per second of bare spaCy
(small English model, one process, no kgraph components, model load not counted), of the
end-to-end build (``kgraph build --no-cache`` as a subprocess: reading, NLP, extraction,
resolution, every export, model load included) with 1 and 2 workers, the ratio of build
time to bare spaCy time, the peak memory of the build's whole process tree, and the time of
a rebuild after adding one article (warm cache) against the full build.
"""

from __future__ import annotations

import argparse
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
KGRAPH = Path(sys.executable).parent / "kgraph"

FIRST = ["Jane", "John", "Maria", "Ahmed", "Li", "Olga", "Kwame", "Sofia", "Tom", "Priya"]
LAST = ["Roe", "Doe", "Garcia", "Khan", "Wei", "Ivanova", "Mensah", "Rossi", "Baker", "Nair"]
TITLES = ["Senator", "Governor", "Mayor", "Representative", "Secretary of State"]
PLACES = ["Albany", "Boston", "Denver", "Austin", "Phoenix", "Atlanta", "Chicago"]
ORGS = ["the Senate", "the city council", "the Democratic Party", "the Republican Party"]
SENTENCES = [
    "{t1} {a} met {t2} {b} in {p} on {day} to discuss the budget.",
    "{a} praised {b} for the new transit plan, calling it a fair deal for {p}.",
    "{b} criticized {a} over the tax proposal, saying it would hurt families in {p}.",
    "{a}, a member of {o}, said the vote would take place next week.",
    "Former {t2} {b} advised {a} on the housing bill before the election.",
    "{a} opposed the plan that {b} had put forward in {o}.",
    "The meeting in {p} lasted two hours, and aides to {a} described it as productive.",
    "{b} did not meet {a} again, according to a spokesperson for {o}.",
]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]


def synthetic_article(rng: random.Random, n: int, sentences: int) -> str:
    """A made-up article from templates: names, titles, places and relation triggers."""
    body = []
    for _ in range(sentences // 4):
        paragraph = []
        for _ in range(4):
            a = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
            b = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
            paragraph.append(
                rng.choice(SENTENCES).format(
                    a=a,
                    b=b,
                    t1=rng.choice(TITLES),
                    t2=rng.choice(TITLES),
                    p=rng.choice(PLACES),
                    o=rng.choice(ORGS),
                    day=rng.choice(DAYS),
                )
            )
        body.append(" ".join(paragraph))
    return f"Synthetic story {n}\n\n" + "\n\n".join(body) + "\n"


def write_synthetic(folder: Path, count: int, seed: int = 7) -> Path:
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    for n in range(count):
        text = synthetic_article(rng, n, sentences=24)
        (folder / f"synthetic-{n:05d}.txt").write_text(text, encoding="utf-8")
    return folder


def texts_of(folder: Path) -> list[str]:
    """The texts kgraph would read (same reader, so the same words are counted)."""
    from kgraph.ingest import read_articles

    return [a.text for a in read_articles([folder])]


def bare_spacy(texts: list[str]) -> float:
    """Seconds for the plain small English pipeline over the texts, one process."""
    import spacy

    from kgraph.extract.nlp import choose_model

    nlp = spacy.load(choose_model())
    list(nlp.pipe(texts[:5]))  # warm up
    started = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=16):
        pass
    return time.perf_counter() - started


def run_build(args: list[str]) -> tuple[float, float]:
    """Wall seconds and peak resident memory (MB, summed over the process tree)."""
    with tempfile.TemporaryFile() as errors:
        started = time.perf_counter()
        proc = psutil.Popen([str(KGRAPH), "build", *args], stdout=subprocess.DEVNULL, stderr=errors)
        peak = 0
        while proc.poll() is None:
            try:
                tree = [proc, *proc.children(recursive=True)]
                peak = max(peak, sum(p.memory_info().rss for p in tree if p.is_running()))
            except psutil.Error:
                pass
            time.sleep(0.1)
        seconds = time.perf_counter() - started
        if proc.returncode:
            errors.seek(0)
            raise SystemExit(f"kgraph build failed: {errors.read().decode()}")
    return seconds, peak / 1e6


def bench(name: str, folder: Path, workers: list[int], work: Path, incremental: bool) -> None:
    texts = texts_of(folder)
    words = sum(len(t.split()) for t in texts)
    bare = bare_spacy(texts)
    print(f"\n== {name}: {len(texts)} articles, {words:,} words", flush=True)
    print(
        f"bare spaCy nlp.pipe, 1 process : {bare:7.1f} s  {words / bare:7,.0f} words/s", flush=True
    )
    for n in workers:
        out = work / f"{name}-w{n}"
        seconds, peak = run_build([str(folder), "-o", str(out), "--no-cache", "--workers", str(n)])
        print(
            f"kgraph build, {n} worker(s)     : {seconds:7.1f} s  {words / seconds:7,.0f} words/s"
            f"  ratio {seconds / bare:4.2f}x bare spaCy  peak {peak:,.0f} MB"
        )
    if incremental:
        copy = work / f"{name}-input"
        shutil.copytree(folder, copy)
        out = work / f"{name}-incremental"
        full, _ = run_build([str(copy), "-o", str(out), "--workers", str(max(workers))])
        rng = random.Random(99)
        (copy / "added-article.txt").write_text(synthetic_article(rng, 0, 24), encoding="utf-8")
        again, _ = run_build([str(copy), "-o", str(out), "--workers", str(max(workers))])
        print(
            f"rebuild after adding 1 article : {again:7.1f} s  vs full {full:.1f} s "
            f"({again / full:.0%} of the full build)"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", action="append", help="us-politics and/or uk-politics")
    parser.add_argument("--synthetic", type=int, default=1000, help="synthetic articles (0: none)")
    parser.add_argument("--workers", default="1,2", help="comma-separated worker counts")
    parser.add_argument("--no-incremental", action="store_true")
    args = parser.parse_args()
    workers = [int(w) for w in args.workers.split(",")]
    corpora = args.corpus or ["us-politics", "uk-politics"]
    with tempfile.TemporaryDirectory(prefix="kgraph-bench-") as tmp:
        work = Path(tmp)
        for name in corpora:
            folder = CORPUS / name
            if not folder.is_dir():
                print(f"skipping {name}: {folder} not found", flush=True)
                continue
            bench(name, folder, workers, work, not args.no_incremental)
        if args.synthetic:
            folder = write_synthetic(work / "synthetic-input", args.synthetic)
            bench(f"synthetic-{args.synthetic}", folder, workers, work, False)


if __name__ == "__main__":
    main()

"""Benchmark: how a whole build grows from 500 to 5,000 articles, and what adding 10 costs.

    make benchmark                    # or: .venv/bin/python benchmarks/bench_build.py
    .venv/bin/python benchmarks/bench_build.py --sizes 500,1000 --incremental-size 1000

Reads ``../shared/corpus/scale-allsides/articles.jsonl`` (5,000 raw US news articles, one
JSON object a line) in place: each size is its first N lines, written to a temporary folder
outside the repository and removed afterwards (never copied into the repository). Each size
is a ``kgraph build --no-cache`` subprocess; for each it prints the wall time, the time per
article, its ratio to that of the smallest size, how long extraction took (until the last
worker process ended) and the rest (the corpus phase: resolution, graph model, every
export), and the peak resident memory of every process of the build: the main process, each
extraction worker and each helper of the corpus phase (the store's bulk load, the exporters
beside the RDF export), sampled with psutil every 0.05 s (a shorter peak can be missed).

Then the incremental case (issue 18): a build of the first N-10 articles with the cache
kept, then the same folder with 10 more articles in a second file, rebuilt: its time as a
share of the full build. Use ``PYTHONHASHSEED=0`` for runs to compare.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "scale-allsides" / "articles.jsonl"
KGRAPH = Path(sys.executable).parent / "kgraph"
SAMPLE_SECONDS = 0.05


@dataclass
class Run:
    """One build: wall seconds, when its last extraction worker ended, peak RSS (MB) per
    process: the main one, the extraction workers, the corpus phase's helper processes."""

    seconds: float
    extraction: float | None  # seconds until the last worker process ended (None: no worker)
    main_peak: float
    worker_peaks: list[float] = field(default_factory=list)
    helper_peaks: list[float] = field(default_factory=list)
    summary: str = ""

    def memory(self) -> str:
        found = [f"main {self.main_peak:,.0f} MB"]
        for what, peaks in (("workers", self.worker_peaks), ("helpers", self.helper_peaks)):
            if peaks:
                found.append(f"{what} {', '.join(f'{p:,.0f}' for p in peaks)} MB")
        return ", ".join(found)


def is_helper(process: psutil.Process) -> bool:
    """A corpus-phase helper (``python -m kgraph.…``: the store's bulk load, an exporter),
    not an extraction worker (a multiprocessing child of the build)."""
    command = process.cmdline()
    return "-m" in command and any(part.startswith("kgraph.") for part in command)


def first_lines(source: Path, count: int, start: int = 0) -> list[bytes]:
    """Lines ``start`` to ``start + count`` of a JSONL file, as bytes (one article each)."""
    lines = []
    with source.open("rb") as handle:
        for n, line in enumerate(handle):
            if n >= start + count:
                break
            if n >= start:
                lines.append(line)
    if len(lines) < count:
        raise SystemExit(f"{source} has only {start + len(lines)} lines, {start + count} needed")
    return lines


def build(inputs: Path, out: Path, *options: str) -> Run:
    """Run ``kgraph build`` and sample the RSS of each process of its tree until it ends."""
    command = [str(KGRAPH), "-v", "build", str(inputs), "-o", str(out), *options]
    with tempfile.TemporaryFile() as log:
        started = time.perf_counter()
        proc = psutil.Popen(command, stdout=log, stderr=subprocess.STDOUT)
        peaks: dict[int, float] = {}
        helpers: set[int] = set()
        last_worker = None
        while proc.poll() is None:
            try:
                children = proc.children(recursive=True)
                for p in [proc, *children]:
                    peaks[p.pid] = max(peaks.get(p.pid, 0.0), p.memory_info().rss / 1e6)
                helpers.update(p.pid for p in children if p.pid not in helpers and is_helper(p))
                if any(p.pid not in helpers for p in children):
                    last_worker = time.perf_counter()
            except psutil.Error:  # a process ended between listing and reading it
                pass
            time.sleep(SAMPLE_SECONDS)
        seconds = time.perf_counter() - started
        log.seek(0)
        text = log.read().decode("utf-8", "replace")
    if proc.returncode:
        raise SystemExit(f"kgraph build failed ({proc.returncode}):\n{text[-3000:]}")
    main_peak = peaks.pop(proc.pid, 0.0)
    found = re.search(r"^\d+ articles? extracted.*$", text, re.M)
    return Run(
        seconds=seconds,
        extraction=None if last_worker is None else last_worker - started,
        main_peak=main_peak,
        worker_peaks=sorted((v for k, v in peaks.items() if k not in helpers), reverse=True),
        helper_peaks=sorted((peaks[k] for k in helpers if k in peaks), reverse=True),
        summary=found.group(0) if found else "",
    )


def size_table(corpus: Path, sizes: list[int], work: Path, options: list[str]) -> None:
    print(
        f"{'articles':>8} {'wall s':>8} {'ms/art':>7} {'ratio':>6} {'extract s':>9} "
        f"{'corpus s':>8}  peak memory (RSS) of every process",
        flush=True,
    )
    base = None
    for size in sizes:
        folder = work / f"in-{size}"
        folder.mkdir()
        (folder / "articles.jsonl").write_bytes(b"".join(first_lines(corpus, size)))
        run = build(folder, work / f"out-{size}", "--no-cache", *options)
        per = run.seconds / size
        base = base or per
        extract = f"{run.extraction:9.1f}" if run.extraction is not None else f"{'-':>9}"
        rest = run.seconds - (run.extraction or 0.0)
        print(
            f"{size:8,} {run.seconds:8.1f} {per * 1000:7.1f} {per / base:5.2f}x {extract} "
            f"{rest:8.1f}  {run.memory()}",
            flush=True,
        )


def incremental(corpus: Path, size: int, added: int, work: Path, options: list[str]) -> None:
    folder = work / f"inc-{size}"
    folder.mkdir()
    (folder / "base.jsonl").write_bytes(b"".join(first_lines(corpus, size - added)))
    out = work / f"inc-out-{size}"
    full = build(folder, out, *options)
    print(
        f"\nfull build of {size - added:,} articles, cache kept: {full.seconds:.1f} s "
        f"({full.memory()})",
        flush=True,
    )
    (folder / "added.jsonl").write_bytes(b"".join(first_lines(corpus, added, size - added)))
    again = build(folder, out, *options)
    print(
        f"+ {added} articles, rebuilt with the cache: {again.seconds:.1f} s = "
        f"{again.seconds / full.seconds:.1%} of the full build ({again.memory()})\n"
        f"  {again.summary}",
        flush=True,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS, help="a JSONL file of articles")
    parser.add_argument("--sizes", default="500,1000,2000,5000", help="comma-separated sizes")
    parser.add_argument(
        "--incremental-size",
        type=int,
        default=None,
        help="articles of the build the added ones join (default: the largest size; 0: skip)",
    )
    parser.add_argument("--added", type=int, default=10, help="articles added (default 10)")
    parser.add_argument("--workers", type=int, default=None, help="kgraph build --workers")
    args = parser.parse_args()
    if not args.corpus.is_file():
        raise SystemExit(f"{args.corpus}: not found (the scale corpus lives in ../shared)")
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()] if args.sizes else []
    options = ["--workers", str(args.workers)] if args.workers else []
    inc = max(sizes, default=0) if args.incremental_size is None else args.incremental_size
    print(f"corpus {args.corpus}, cores {psutil.cpu_count()}, {' '.join(options)}", flush=True)
    with tempfile.TemporaryDirectory(prefix="kgraph-bench-") as tmp:
        if sizes:
            size_table(args.corpus, sizes, Path(tmp), options)
        if inc:
            incremental(args.corpus, inc, args.added, Path(tmp), options)


if __name__ == "__main__":
    main()

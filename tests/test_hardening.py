"""Faults of the machine and of options, through the CLI: a read-only or full output
folder, a bad --base, a bad load timeout or endpoint, SIGTERM, a parent killed outright.
Each is one clear line before any extraction where it can be, never a traceback."""

from __future__ import annotations

import os
import resource
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

import kgraph
from kgraph.cli import main
from tests.helpers import read_only
from tests.test_robustness import GOOD, output_files, synthetic

KGRAPH = Path(sys.executable).parent / "kgraph"


def run(*args):
    return CliRunner().invoke(main, list(map(str, args)))


def one_line(result, *needles: str) -> str:
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("kgraph: error:"), lines
    for needle in needles:
        assert needle in lines[0], (needle, lines[0])
    return lines[0]


@pytest.fixture
def source(tmp_path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    return folder


@pytest.mark.parametrize(
    "base",
    [
        "not an iri",
        "https://e.org/a b/",
        'https://e.org/"x"/',
        "https://e.org/{x}/",
        "<x>",
        "e.org/",
    ],
)
def test_a_bad_base_is_refused_before_anything_is_read(tmp_path, base):
    # the input does not even exist: the option is checked first
    result = run("build", tmp_path / "missing", "-o", tmp_path / "out", "--base", base)
    one_line(result, "--base", "not an absolute IRI")
    assert not (tmp_path / "out").exists()


def test_a_read_only_output_folder_is_one_line_before_extraction(tmp_path, source):
    out = tmp_path / "out"
    assert run("build", source, "-o", out, "--format", "graphml").exit_code == 0
    before = output_files(out)
    with read_only(out):
        result = run("build", source, "-o", out, "--no-cache")
        one_line(result, "cannot write the output folder")
    assert output_files(out) == before


def test_a_new_folder_under_a_read_only_one_is_one_line_before_extraction(tmp_path, source):
    parent = tmp_path / "locked"
    parent.mkdir()
    with read_only(parent):
        result = run("build", source, "-o", parent / "new" / "out")
        one_line(result, "cannot write", str(parent))


def limit_file_size() -> None:
    """In the child: a file may grow to 64 KB, as on a disk that is all but full; the
    signal that would kill the process is ignored so the write fails with an OSError."""
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (64_000, 64_000))


def test_a_full_disk_during_export_is_one_line_and_the_old_output_stays(tmp_path, source):
    out = tmp_path / "out"
    assert run("build", source, "-o", out, "--format", "graphml").exit_code == 0
    before = output_files(out)
    synthetic(source, 12)  # a graph whose files pass the limit
    proc = subprocess.run(
        [str(KGRAPH), "build", str(source), "-o", str(out), "--no-cache"],
        capture_output=True,
        text=True,
        timeout=600,
        preexec_fn=limit_file_size,
    )
    assert proc.returncode == 1, proc.stderr
    assert "Traceback" not in proc.stderr
    errors = [line for line in proc.stderr.splitlines() if line.startswith("kgraph: error:")]
    assert len(errors) == 1 and "cannot write the output" in errors[0], proc.stderr
    assert output_files(out) == before
    assert not list(out.glob(".kgraph-build-*"))


def test_stale_staging_folders_are_removed_by_the_next_build(tmp_path, source):
    out = tmp_path / "out"
    out.mkdir()
    dead = subprocess.Popen([sys.executable, "-c", "pass"])  # its pid: a process now gone
    dead.wait()
    live = subprocess.Popen(
        [sys.executable, "-c", "import sys; sys.stdin.read()"], stdin=subprocess.PIPE
    )
    try:
        left = out / f".kgraph-build-{dead.pid}-abc"
        (left / "graph.oxigraph").mkdir(parents=True)
        (left / "graph.oxigraph" / "000009.sst").write_bytes(b"x" * 10_000)
        (out / ".kgraph-build-oldstyle").mkdir()
        running = out / f".kgraph-build-{live.pid}-xyz"
        running.mkdir()
        kgraph.build([source], out, formats=["graphml"])
        assert sorted(p.name for p in out.glob(".kgraph-build-*")) == [running.name]
    finally:
        live.communicate(b"")


def test_load_timeout_and_endpoint_are_validated(tmp_path, source):
    for args, flag in (
        (["--endpoint", "http://127.0.0.1:9/store", "--timeout", "-1"], "--timeout"),
        (["--endpoint", "http://127.0.0.1:9/a store"], "--endpoint"),
        (["--endpoint", "http://127.0.0.1:port/store"], "--endpoint"),
    ):
        result = run("load", *args, "--from", tmp_path / "missing.ttl")
        one_line(result, flag)


@pytest.mark.slow
def test_workers_of_a_killed_build_end_without_tracebacks(tmp_path):
    corpus = synthetic(tmp_path / "many", 60)
    proc = subprocess.Popen(
        [str(KGRAPH), "-v", "build", str(corpus), "-o", str(tmp_path / "out"), "--workers", "2"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        for line in proc.stderr:  # extraction on the pool has begun
            if "extracting" in line:
                break
        os.kill(proc.pid, signal.SIGKILL)
        # the workers share this pipe: it ends when the last of them has ended
        rest = proc.stderr.read()
    finally:
        proc.kill()
        proc.wait(timeout=60)
    assert "Traceback" not in rest and "BrokenPipeError" not in rest, rest

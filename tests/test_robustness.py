"""Bad input and interruption, through the CLI: one clear line, a non-zero exit where the
build cannot go on, no traceback, and an existing output folder left exactly as it was."""

from __future__ import annotations

import signal
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

import kgraph
from kgraph.cli import main
from kgraph.ingest import readers as articles

KGRAPH = Path(sys.executable).parent / "kgraph"
GOOD = "Governor Jane Roe met Mayor John Doe in Albany on Monday.\n\nRoe praised Doe.\n"
PEOPLE = ["Jane Roe", "John Doe", "Ann Lee", "Bob Stone", "Carla Diaz", "Dev Patel"]


def run(*args):
    return CliRunner().invoke(main, list(map(str, args)))


def output_files(folder: Path) -> dict[str, bytes]:
    """The build's files (the extraction cache aside), by relative path."""
    return {
        str(p.relative_to(folder)): p.read_bytes()
        for p in folder.rglob("*")
        if p.is_file() and ".kgraph-cache" not in p.parts
    }


def no_litter(folder: Path) -> bool:
    """No staging folder and no half-written cache entry left behind."""
    return not list(folder.glob(".kgraph-build-*")) and not list(folder.rglob("*.tmp"))


def synthetic(folder: Path, count: int) -> Path:
    """Articles written from templates (no real text): enough work to interrupt."""
    folder.mkdir(parents=True, exist_ok=True)
    for n in range(count):
        a, b = PEOPLE[n % len(PEOPLE)], PEOPLE[(n + 1) % len(PEOPLE)]
        body = " ".join(
            f"Senator {a} met Governor {b} in Boston on day {n}-{k}, and {a} praised {b} "
            f"for the plan, while critics said {b} opposed the budget."
            for k in range(12)
        )
        (folder / f"story-{n:03d}.txt").write_text(f"Story {n}\n\n{body}\n", encoding="utf-8")
    return folder


@pytest.fixture
def built(tmp_path: Path) -> Path:
    """An output folder holding a finished build, to be damaged by nothing that follows."""
    source = tmp_path / "in"
    source.mkdir()
    (source / "good.txt").write_text(GOOD, encoding="utf-8")
    out = tmp_path / "out"
    assert run("build", source, "-o", out).exit_code == 0
    return out


def bad_inputs(tmp_path: Path) -> dict[str, tuple[Path, str]]:
    """Each bad input alone, with the message that names its problem."""
    cases = tmp_path / "cases"
    cases.mkdir()
    (cases / "empty-folder").mkdir()
    (cases / "empty.txt").write_bytes(b"")
    (cases / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (cases / "undecodable.txt").write_bytes(bytes(range(0x80, 0x100)) * 4)  # no encoding fits
    with (cases / "enormous.txt").open("wb") as handle:
        handle.truncate(articles.MAX_BYTES + 1)
    (cases / "malformed.jsonl").write_text('{"text": "Jane Roe spoke." \n{oops\n')  # no }
    return {
        "missing": (cases / "missing", "no such file or folder"),
        "empty folder": (cases / "empty-folder", "no articles found"),
        "empty file": (cases / "empty.txt", "empty"),
        "binary": (cases / "binary.txt", "binary"),
        "non-UTF-8": (cases / "undecodable.txt", "not valid UTF-8"),
        "enormous": (cases / "enormous.txt", "too large"),
        "malformed JSONL": (cases / "malformed.jsonl", "not valid JSON"),
    }


def test_each_bad_input_alone_is_one_error_line_and_output_is_untouched(tmp_path, built):
    before = output_files(built)
    for name, (path, message) in bad_inputs(tmp_path).items():
        result = run("build", path, "-o", built)
        assert result.exit_code == 1, name
        assert "Traceback" not in result.output, name
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("kgraph: error:"), (name, lines)
        assert message in lines[0], (name, lines[0])
        assert output_files(built) == before, name
        assert no_litter(built), name


def test_bad_files_beside_good_ones_are_skipped_with_a_warning(tmp_path, caplog):
    source = tmp_path / "cases"
    for _, (path, _) in bad_inputs(tmp_path).items():
        assert path.parent == source
    (source / "good.txt").write_text(GOOD, encoding="utf-8")
    (source / "mixed.jsonl").write_text('{"text": "Bob Stone spoke."}\n{oops\n')
    (source / "empty-folder" / "x.txt").write_text("Ann Lee spoke in Leeds.", encoding="utf-8")
    result = run("build", source, "-o", tmp_path / "out")
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output
    assert ": 3 articles" in result.stdout  # good.txt, x.txt and mixed.jsonl's first line
    assert "mixed.jsonl:2: not valid JSON" in caplog.text
    for message in ("empty", "binary", "not valid UTF-8", "too large", "not valid JSON"):
        assert message in caplog.text, message


def test_interrupt_during_extraction_leaves_output_and_no_litter(tmp_path, built):
    before = output_files(built)

    def interrupt(done: int, total: int) -> None:
        if done >= 2:
            raise KeyboardInterrupt

    source = synthetic(tmp_path / "many", 6)
    with pytest.raises(KeyboardInterrupt):
        kgraph.build([source], built, progress=interrupt, workers=2)
    assert output_files(built) == before
    assert no_litter(built)


def test_interrupt_during_export_leaves_output_and_no_litter(tmp_path, built):
    from kgraph.export import EXPORTERS, exporter

    before = output_files(built)

    @exporter("interrupting", "never.txt")
    def stop_halfway(graph, folder, **options):
        (folder / "never.txt").write_text("half")
        raise KeyboardInterrupt

    try:
        with pytest.raises(KeyboardInterrupt):
            kgraph.build([tmp_path / "in"], built, formats=["rdf", "interrupting"])
    finally:
        EXPORTERS.pop("interrupting")
    assert output_files(built) == before
    assert no_litter(built)


def test_console_script_bad_input_has_no_traceback(tmp_path):
    proc = subprocess.run(
        [str(KGRAPH), "build", str(tmp_path / "missing"), "-o", str(tmp_path / "out")],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 1
    assert proc.stderr.strip() == f"kgraph: error: {tmp_path / 'missing'}: no such file or folder"
    assert not (tmp_path / "out").exists()


@pytest.mark.slow
def test_console_script_sigterm_mid_build_keeps_the_old_output(tmp_path, built):
    before = output_files(built)
    source = synthetic(tmp_path / "many", 30)
    proc = subprocess.Popen(
        [str(KGRAPH), "-v", "build", str(source), "-o", str(built), "--workers", "1"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        for line in proc.stderr:  # wait until extraction has begun
            if "extracting" in line:
                break
        proc.send_signal(signal.SIGTERM)
        _, stderr = proc.communicate(timeout=120)
    finally:
        proc.kill()
    assert proc.returncode == 143, stderr  # 128 + SIGTERM; Ctrl-C stays 130
    assert "Traceback" not in stderr
    assert "interrupted; existing output left as it was" in stderr
    assert output_files(built) == before
    assert no_litter(built)

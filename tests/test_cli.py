import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from kgraph import __version__
from kgraph.cli import main


def run(*args):
    return CliRunner().invoke(main, list(map(str, args)))


def test_version_and_help():
    assert __version__ in run("--version").output
    for command in ([], ["build"], ["query"], ["queries"]):
        result = run(*command, "--help")
        assert result.exit_code == 0 and "Usage" in result.output


def test_build_then_query(tmp_path: Path, seeds_dir):
    result = run("build", seeds_dir, "-o", tmp_path)
    assert result.exit_code == 0, result.output
    assert "3 files: 3 articles" in result.output
    for name in (
        "graph.ttl",
        "graph.nt",
        "graph.jsonld",
        "graph.trig",
        "graph.html",
        "graph.graphml",
    ):
        assert (tmp_path / name).stat().st_size > 0
    assert not list(tmp_path.glob(".kgraph-build-*"))
    result = run("query", "who-holds-which-post", "--graph", tmp_path / "graph.ttl")
    assert result.exit_code == 0
    assert "Governor of New York" in result.output


def test_queries_lists_descriptions():
    result = run("queries")
    assert result.exit_code == 0
    assert "who-holds-which-post" in result.output
    assert "relations-of-person" in result.output and "--param name" in result.output


def test_bad_input_gives_one_line_and_no_traceback(tmp_path: Path):
    empty = tmp_path / "empty"
    empty.mkdir()
    binary = tmp_path / "bin.txt"
    binary.write_bytes(b"\x00\x00\x00")
    bad_query = tmp_path / "bad.rq"
    bad_query.write_text("SELECT WHERE {", encoding="utf-8")
    cases = [
        ("build", tmp_path / "missing", "-o", tmp_path / "o1"),
        ("build", empty, "-o", tmp_path / "o2"),
        ("build", binary, "-o", tmp_path / "o3"),
        ("query", "entities-by-type", "--graph", tmp_path / "none.ttl"),
        ("query", bad_query, "--graph", tmp_path / "none.ttl"),
    ]
    for case in cases:
        result = run(*case)
        assert result.exit_code == 1, case
        assert "Traceback" not in result.output
        assert result.output.strip().startswith("kgraph: error:"), result.output
        assert len(result.output.strip().splitlines()) == 1


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` (folders like graph.oxigraph included) by relative path."""
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def test_failed_build_leaves_existing_output_alone(tmp_path: Path, seeds_dir):
    assert run("build", seeds_dir, "-o", tmp_path).exit_code == 0
    before = snapshot(tmp_path)
    assert run("build", tmp_path / "missing", "-o", tmp_path).exit_code == 1
    assert snapshot(tmp_path) == before


def test_progress_bar_only_on_a_terminal(monkeypatch):
    import io

    from kgraph.run.progress import ProgressBar, progress_bar

    assert progress_bar(io.StringIO()) is None  # a pipe or a file: no bar

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    monkeypatch.delenv("CI", raising=False)
    monkeypatch.setenv("TERM", "xterm")
    assert isinstance(progress_bar(Terminal()), ProgressBar)
    monkeypatch.setenv("CI", "true")
    assert progress_bar(Terminal()) is None


def test_progress_bar_shows_rate_and_eta():
    import io

    from kgraph.run.progress import ProgressBar

    stream = io.StringIO()
    bar = ProgressBar(stream)
    bar.started, bar.first = 0.0, 0
    line = bar.line(50, 200, now=10.0)
    assert "50/200" in line and "5.0 articles/s" in line and "ETA 0:30" in line
    bar(200, 200)
    assert stream.getvalue().endswith("\n")


def imported_modules(statement: str) -> set[str]:
    """Top-level packages a fresh interpreter imports to run ``statement``."""
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", statement],
        capture_output=True,
        text=True,
        check=True,
    )
    names = set()
    for line in done.stderr.splitlines():
        if line.startswith("import time:") and "|" in line:
            names.add(line.rsplit("|", 1)[1].strip().split(".")[0])
    return names


def test_the_cli_and_the_package_load_no_nlp_or_rdf_library():
    heavy = {"spacy", "rdflib", "pyoxigraph", "pyshacl", "pyvis", "numpy", "networkx", "dask"}
    assert not imported_modules("import kgraph.cli") & heavy
    assert not imported_modules("import kgraph; kgraph.__version__") & heavy
    assert "spacy" in imported_modules("import kgraph.extract.pipeline")  # where it belongs


HEAVY = ("spacy", "rdflib", "networkx", "pyoxigraph", "dask", "distributed", "pyvis", "numpy")

# What a fresh interpreter has in sys.modules after running kgraph's CLI with these
# arguments (None: only importing it); printed to stderr, after the command's own output.
LOADED = """
import json, sys
import kgraph.cli
args = json.loads(sys.argv[1])
if args is not None:
    try:
        kgraph.cli.main(args)
    except SystemExit:
        pass
print(json.dumps(sorted({m.split(".")[0] for m in sys.modules})), file=sys.stderr)
"""


@pytest.mark.parametrize(
    "args", [None, ["--version"], ["--help"], ["queries"], ["show-query", "conflicts"]]
)
def test_light_commands_leave_heavy_libraries_unloaded(args):
    """Starting the CLI, and the commands that need no graph, must stay instant (issue 18:
    `kgraph --version` took 0.95 s while it imported every library)."""
    import json

    done = subprocess.run(
        [sys.executable, "-c", LOADED, json.dumps(args)],
        capture_output=True,
        text=True,
        check=True,
    )
    loaded = set(json.loads(done.stderr.strip().splitlines()[-1]))
    assert not loaded & set(HEAVY), sorted(loaded & set(HEAVY))


@pytest.mark.parametrize(
    ("options", "line"),
    [
        (["--depth", "-1"], "kgraph: error: --depth: must be 0 or more"),
        (["--max-nodes", "0"], "kgraph: error: --max-nodes: must be at least 1"),
        (["--relation", "likes"], "kgraph: error: --relation: unknown relation type(s) likes;"),
    ],
)
def test_library_parameter_errors_name_the_cli_flag(tmp_path, seeds_dir, options, line):
    result = CliRunner().invoke(main, ["build", str(seeds_dir), "-o", str(tmp_path), *options])
    assert result.exit_code == 1
    assert result.output.strip().startswith(line) and len(result.output.splitlines()) == 1


def test_library_errors_name_the_parameter_not_a_flag():
    from kgraph.errors import ParameterError
    from kgraph.export.html.view import HtmlView

    with pytest.raises(ParameterError, match=r"^depth: must be 0 or more$"):
        HtmlView(depth=-1)


def test_a_typo_in_a_vocabulary_term_is_an_error():
    from kgraph.vocab import KG

    assert str(KG.meets).endswith("#meets")
    with pytest.raises(AttributeError):
        _ = KG.meetz


def test_every_command_has_an_example_and_the_command_list_is_not_cut():
    from kgraph.cli import main as group

    for name in group.commands:
        result = run(name, "--help")
        assert result.exit_code == 0 and "Examples:" in result.output, name
        assert "kgraph " + name in result.output, name
    top = run("--help").output
    assert "..." not in top.split("Commands:")[1]
    assert "(default: seeds/)." in top and "info" in top


def test_build_refuses_an_unknown_format_before_reading(tmp_path: Path, seeds_dir):
    out = tmp_path / "out"
    result = run("build", seeds_dir, "-o", out, "--format", "pdf")
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert result.output.strip() == (
        "kgraph: error: --format: unknown output format(s) pdf; choose from graphml, html, rdf"
    )
    assert not out.exists()  # refused before anything was read or written


def test_build_summary_accounts_for_every_file(tmp_path: Path):
    source = tmp_path / "in"
    source.mkdir()
    text = "Senator Ann Lee met Governor Bob Stone in Albany on Monday.\n"
    (source / "a.txt").write_text(text, encoding="utf-8")
    (source / "copy.txt").write_text(text, encoding="utf-8")
    (source / "b.txt").write_text("Bob Stone praised Ann Lee.\n", encoding="utf-8")
    (source / "broken.txt").write_bytes(b"\x00\x01\x02")
    result = run("build", source, "-o", tmp_path / "out", "--format", "rdf")
    assert result.exit_code == 0, result.output
    assert (
        "4 files: 2 articles, 1 duplicate (same text, read once), 1 unreadable (warned about)"
        in result.stdout
    )

"""The exporters side by side in helper processes write what one process writes alone, and
a helper's failure ends the export with its message."""

from __future__ import annotations

from pathlib import Path

import pytest

from kgraph.errors import KgraphError
from kgraph.export import load_all
from kgraph.export.html.view import HtmlView
from kgraph.run import exports
from kgraph.run.exports import write_in_order, write_side_by_side

OPTIONS = {"base": "https://example.org/kg/", "html_view": None}


def files_in(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


@pytest.mark.skipif(exports.available_cores() < 2, reason="side by side needs two cores")
def test_side_by_side_writes_the_same_bytes_as_one_process(seed_build, config, tmp_path):
    chosen = sorted(load_all())
    alone, beside = tmp_path / "alone", tmp_path / "beside"
    alone.mkdir(), beside.mkdir()
    first = write_in_order(seed_build.graph, alone, chosen, OPTIONS)
    second = write_side_by_side(seed_build.graph, config, beside, chosen, OPTIONS)
    assert sorted(first) == sorted(second) == ["graphml", "html", "jsonld", "nt", "oxigraph",
                                               "trig", "ttl"]  # fmt: skip
    assert all(second[key].parent == beside for key in second)
    assert files_in(beside) == files_in(alone)  # and the job file is gone


@pytest.mark.skipif(exports.available_cores() < 2, reason="side by side needs two cores")
def test_a_helpers_error_for_the_user_is_raised_with_its_message(seed_build, config, tmp_path):
    options = {**OPTIONS, "html_view": HtmlView(focus="Nobody Atall")}
    with pytest.raises(KgraphError, match="Nobody Atall"):
        write_side_by_side(seed_build.graph, config, tmp_path, ["graphml", "html"], options)


@pytest.mark.skipif(exports.available_cores() < 2, reason="side by side needs two cores")
def test_a_helper_that_dies_fails_the_export(seed_build, config, tmp_path, monkeypatch):
    monkeypatch.setattr(exports, "MODULE", "kgraph.no_such_module")
    with pytest.raises(OSError, match="helper process failed"):
        write_side_by_side(seed_build.graph, config, tmp_path, ["graphml", "html"], OPTIONS)


def test_a_worker_that_cannot_see_the_output_folder_says_so(seed_build, config, tmp_path):
    job = exports.ExportJob(exports.portable(seed_build.graph), config, tmp_path / "gone", {})
    with pytest.raises(KgraphError, match="need a folder they share"):
        exports.run_exporter(job, "graphml")

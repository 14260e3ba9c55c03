"""Helpers shared by the tests: where the seeds and test data are, and the extraction read
as names (so assertions compare sets of readable triples)."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from kgraph.knowledge import load_knowledge

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
DATA = Path(__file__).resolve().parent / "data"


def entity_names(extraction) -> dict[str, str]:
    return {e.key: e.name for e in extraction.entities}


def relation_names(extraction, include_negated: bool = False) -> set[tuple[str, str, str]]:
    """(subject name, core relation, object name) of every claim."""
    knowledge = load_knowledge()
    names = entity_names(extraction)
    return {
        (names[c.subject], knowledge.core_relation(c.predicate), names[c.object])
        for c in extraction.claims
        if include_negated or not c.negated
    }


def as_unprivileged(command: list[str]) -> list[str]:
    """``command`` run so that file modes apply to it: root reads and writes whatever the
    mode bits say, so as root it runs without the DAC-override capabilities (setpriv)."""
    if os.geteuid() != 0:
        return command
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        pytest.skip("running as root without setpriv: file modes cannot be tested")
    return [setpriv, "--bounding-set=-dac_override,-dac_read_search", *command]


@contextmanager
def restored_modes(folder: Path) -> Iterator[Path]:
    """Give every folder under ``folder`` its modes back afterwards, so it can be removed."""
    try:
        yield folder
    finally:
        for path, _, _ in os.walk(folder):
            os.chmod(path, 0o755)


@contextmanager
def read_only(folder: Path) -> Iterator[Path]:
    """``folder`` made unwritable for the duration: mode 555, or for root (whom modes do
    not stop) the immutable attribute (chattr +i)."""
    if os.geteuid() == 0:
        chattr = shutil.which("chattr")
        if chattr is None or subprocess.run([chattr, "+i", str(folder)]).returncode:
            pytest.skip("running as root and chattr +i is not available here")
        try:
            yield folder
        finally:
            subprocess.run([chattr, "-i", str(folder)], check=True)
        return
    os.chmod(folder, 0o555)
    try:
        yield folder
    finally:
        os.chmod(folder, 0o755)

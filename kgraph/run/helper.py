"""One job in a helper process beside the build, ended whatever happens.

The helper is a fresh interpreter running ``python -m MODULE ARGS`` (not a multiprocessing
child: spawning one re-runs the caller's main script, which breaks a script without a
``__main__`` guard). It shares no pages with the build, so a job that needs much memory
for a while (the store's bulk load) does not add to the build's peak, and it runs on
another core.
"""

from __future__ import annotations

import signal
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager

PR_SET_PDEATHSIG = 1  # prctl(2)


def die_with_parent() -> None:
    """Linux: SIGTERM this process when the process that started it dies (even by SIGKILL),
    so no orphan goes on working for nobody."""
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGTERM)
    except (OSError, AttributeError):  # not Linux: its parent ends it, or a broken pipe
        pass


class Helper:
    """A running helper: ``wait()`` returns when it has ended well, else raises OSError
    with the last line it wrote to standard error."""

    def __init__(self, process: subprocess.Popen) -> None:
        self.process = process

    def wait(self) -> None:
        _, err = self.process.communicate()
        if self.process.returncode:
            lines = err.decode("utf-8", "replace").strip().splitlines() or ["(no message)"]
            raise OSError(f"helper process failed: {lines[-1]}")


@contextmanager
def in_helper(module: str, *args: str) -> Iterator[Helper]:
    """Run ``python -m module args`` while the caller goes on; leaving the block in any
    way other than after ``wait()`` kills it. It gets no Ctrl-C of its own (its own
    session): the build handles the interrupt and ends it here."""
    process = subprocess.Popen(
        [sys.executable, "-m", module, *args],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    try:
        yield Helper(process)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()

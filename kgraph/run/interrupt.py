"""Ctrl-C and SIGTERM: both end a build through the same cleanup path, and neither can
land while the finished files are being moved into place (old output or new, never a mix)."""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager

STOP_SIGNALS = {signal.SIGINT, signal.SIGTERM}


def in_main_thread() -> bool:
    return threading.current_thread() is threading.main_thread()


class Terminated(KeyboardInterrupt):
    """SIGTERM, told apart from Ctrl-C so the CLI exits 143 (128 + 15), not 130."""


def raise_interrupt(signum: int, frame: object) -> None:
    """SIGTERM's default kills the process on the spot, skipping every ``finally``; as a
    KeyboardInterrupt the staging folder and worker processes are cleaned up first."""
    raise Terminated(signal.Signals(signum).name)


def sigterm_as_interrupt() -> None:
    """Install the SIGTERM handler (only the main thread may set handlers)."""
    if in_main_thread():
        signal.signal(signal.SIGTERM, raise_interrupt)


@contextmanager
def signals_deferred() -> Iterator[None]:
    """Hold Ctrl-C and SIGTERM back for a short critical section; they arrive right after."""
    if not in_main_thread():
        yield
        return
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, STOP_SIGNALS)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)

"""One exception type carries every message meant for the user."""

from __future__ import annotations


class KgraphError(Exception):
    """An error the user can act on; the CLI prints its message, never a traceback."""


class ParameterError(KgraphError):
    """A bad value of one named parameter of the library API.

    The message names the parameter as the library calls it (``depth``, ``params``); the
    CLI, which knows its flags, names the flag instead (``--depth``, ``--param``).
    """

    def __init__(self, parameter: str, problem: str):
        self.parameter = parameter
        self.problem = problem
        super().__init__(f"{parameter}: {problem}")

"""What keeps a query on this machine and within its time: no federated ``SERVICE`` calls
unless asked for, no remote JSON-LD ``@context`` fetched, and a time limit enforced by
running the query in a child process that is killed when the limit passes (neither rdflib
nor Oxigraph can cancel a running query)."""

from __future__ import annotations

import json
import multiprocessing
import os
import re
import signal
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from ..errors import KgraphError, ParameterError

T = TypeVar("T")
SERVICE_REFUSED = (
    "the query uses SERVICE (a federated query, which sends requests to other servers); "
    "kgraph refuses it unless --allow-service is given"
)
VARIABLE = re.compile(r"[?$]\w*")
NAME = re.compile(r"[\w.:-]+")


def uses_service(text: str) -> bool:
    """Whether the SPARQL text has the SERVICE keyword outside comments, strings and IRIs
    (a variable ``?service`` or a prefixed name ``ex:service`` is not the keyword)."""
    from .query import skip_inert

    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if (skipped := skip_inert(text, i)) is not None:
            i = skipped
        elif ch in "?$":
            i = VARIABLE.match(text, i).end()
        elif ch == ":" or ch.isalnum() or ch == "_":
            token = NAME.match(text, i).group(0)
            # a prefixed name (ex:service) is no keyword; a bare word glued by '.' may be
            # one ('?o.SERVICE', '1.SERVICE'): check each part, refusing when in doubt
            if ":" not in token and "SERVICE" in re.split(r"[.-]", token.upper()):
                return True
            i += len(token)
        else:
            i += 1
    return False


def check_service(text: str, allow_service: bool) -> None:
    if not allow_service and uses_service(text):
        raise KgraphError(SERVICE_REFUSED)


def remote_contexts(value: object, limit: int = 100_000) -> list[str]:
    """The remote ``@context`` (and ``@import``) references anywhere in a JSON-LD document."""
    found: list[str] = []
    stack = [(value, False)]
    while stack and limit > 0:
        limit -= 1
        item, in_context = stack.pop()
        if isinstance(item, str):
            if in_context:
                found.append(item)
        elif isinstance(item, list):
            stack.extend((v, in_context) for v in item)
        elif isinstance(item, dict):
            for key, v in item.items():
                if key in ("@context", "@import"):
                    stack.append((v, True))
                elif isinstance(v, dict | list):
                    stack.append((v, False))
    return found


def check_jsonld(path: Path) -> None:
    """Refuse a JSON-LD file whose ``@context`` is fetched from elsewhere: parsing a graph
    file must never make a network request (kgraph writes its contexts inline)."""
    try:
        with path.open("rb") as handle:
            data = json.load(handle)
    except (ValueError, RecursionError) as err:
        raise KgraphError(f"{path}: not valid JSON-LD ({first_line(err)})") from None
    remote = remote_contexts(data)
    if remote:
        raise KgraphError(
            f"{path}: its @context refers to {remote[0]}, which kgraph does not fetch "
            "(parsing a graph file never goes to the network); inline the context"
        )


def first_line(err: BaseException) -> str:
    return (str(err).strip().splitlines() or [type(err).__name__])[0]


# --- time limit ------------------------------------------------------------------------------


def can_fork() -> bool:
    return "fork" in multiprocessing.get_all_start_methods()


def child_main(work: Callable[[], object], conn) -> None:
    """In the child: run ``work``, send back ("ok", value) or ("error", message)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    try:
        outcome = ("ok", work())
    except ParameterError as err:  # kept apart: the CLI names the flag (--param)
        outcome = ("param", (err.parameter, err.problem))
    except KgraphError as err:
        outcome = ("error", str(err))
    except Exception as err:  # the engines raise many types; the user gets one sentence
        outcome = ("error", f"the query failed: {first_line(err)}")
    try:
        conn.send(outcome)
    except Exception as err:  # an answer that cannot be sent back (pickling)
        conn.send(("error", f"the query failed: {first_line(err)}"))
    finally:
        conn.close()


def run_limited(work: Callable[[], T], timeout: float | None, flag: str = "--timeout") -> T:
    """``work()`` in a forked child, killed after ``timeout`` seconds (None: no limit).

    The child inherits everything already loaded (a parsed graph), so only the query runs
    there; the answer comes back pickled. Where processes cannot be forked the work runs
    here without a limit.
    """
    if timeout is None or not can_fork():
        return work()
    context = multiprocessing.get_context("fork")
    receive, send = context.Pipe(duplex=False)
    child = context.Process(target=child_main, args=(work, send), daemon=True)
    child.start()
    send.close()
    try:
        if not receive.poll(timeout):
            raise KgraphError(
                f"the query took longer than {timeout:g} s and was stopped "
                f"(raise the limit with {flag})"
            )
        try:
            status, value = receive.recv()
        except EOFError:
            raise KgraphError(
                f"the query process ended without an answer (exit status {exit_code(child)})"
            ) from None
    finally:
        receive.close()
        if child.is_alive():
            os.kill(child.pid, signal.SIGKILL)
        child.join()
    if status == "param":
        raise ParameterError(*value)
    if status == "error":
        raise KgraphError(value)
    return value


def exit_code(child) -> int | None:
    child.join(5)
    return child.exitcode

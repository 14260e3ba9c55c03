"""The query page ``kgraph serve`` answers at ``/``: every stored query as a small form
(its description, a field per declared parameter with its meaning and example) and the
answer as a table, for people who do not write SPARQL.

The page is one self-contained HTML document: its style is inline (allowed by hash in the
Content-Security-Policy), it has no script and fetches nothing, so it works offline; every
value from the graph or the request is HTML-escaped, so a label cannot inject markup.
"""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from html import escape
from urllib.parse import urlencode

from .query import StoredQuery, is_graph_result, rows_of, term_text

STORED_FIELD = "stored"  # the form field naming the stored query to run
PARAM_PREFIX = "param."  # form fields of the query's parameters: param.NAME
MAX_ROWS = 500  # rows shown on the page; the CLI or /query give them all

STYLE = """
body { font: 15px/1.45 system-ui, sans-serif; margin: 1.5em auto; max-width: 72em;
       padding: 0 1em; color: #1d1d1f; }
h1 { font-size: 1.4em; } h2 { font-size: 1.1em; margin: 0 0 .3em; }
section.query { border: 1px solid #d0d0d7; border-radius: 6px; padding: .7em 1em;
                margin: .8em 0; }
section.query p { margin: .2em 0 .5em; color: #444; }
label { display: block; margin: .3em 0; } label small { color: #666; }
input[type=text] { font: inherit; padding: .2em .4em; min-width: 20em; }
button { font: inherit; padding: .2em 1em; }
table { border-collapse: collapse; margin: .5em 0; }
th, td { border: 1px solid #d0d0d7; padding: .25em .5em; text-align: left;
         vertical-align: top; }
th { background: #f2f2f5; }
.error { color: #a00000; font-weight: 600; } .note { color: #555; }
pre { background: #f6f6f8; padding: .6em; overflow-x: auto; }
"""


def style_hash(style: str = STYLE) -> str:
    """The CSP source that allows exactly this inline style and no other."""
    digest = hashlib.sha256(style.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


CSP = (
    f"default-src 'none'; style-src {style_hash()}; form-action 'self'; "
    "base-uri 'none'; frame-ancestors 'none'"
)


@dataclass
class Answer:
    """What asking one stored query from the page gave: rows, notes, or an error."""

    query: StoredQuery
    values: dict[str, str] = field(default_factory=dict)
    names: list[str] = field(default_factory=list)
    rows: list[list[str]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    error: str = ""


def answer_of(query: StoredQuery, values: dict[str, str], result) -> Answer:
    """A query result as the page's table (a graph result as subject/predicate/object)."""
    if is_graph_result(result):
        triples = sorted(tuple(term_text(t) for t in triple) for triple in result.graph)
        names, rows = ["subject", "predicate", "object"], [list(t) for t in triples]
    else:
        names, rows = rows_of(result)
    notes = list(getattr(result, "notes", ()))
    return Answer(query, values, names, rows, notes)


def form_values(fields: dict[str, list[str]]) -> dict[str, str]:
    """The parameter values a form sent (``param.NAME=VALUE``), blanks left out so a
    parameter left empty is reported missing."""
    values = {}
    for key, given in fields.items():
        if key.startswith(PARAM_PREFIX) and given and given[0].strip():
            values[key[len(PARAM_PREFIX) :]] = given[0].strip()
    return values


def render_page(
    queries: Sequence[StoredQuery], graph: str, answer: Answer | None = None, error: str = ""
) -> str:
    """The whole page: the answer (if a query was asked) or an error above the list of
    queries."""
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>kgraph: questions about {escape(graph)}</title>",
        f"<style>{STYLE}</style></head><body>",
        f"<h1>Questions about {escape(graph)}</h1>",
        "<p>Pick a question, fill in its fields and press <em>Ask</em>. Tools that speak "
        "SPARQL can send their own queries to <code>/query</code> (read-only).</p>",
    ]
    if error:
        parts.append(f'<p class="error">{escape(error)}</p>')
    if answer is not None:
        parts.append(render_answer(answer))
    parts.append("<h2>Stored questions</h2>")
    chosen = answer.query.name if answer else None
    parts += [render_query(q, answer.values if q.name == chosen else {}) for q in queries]
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"


def render_query(query: StoredQuery, values: dict[str, str]) -> str:
    """One stored query as a form, with its SPARQL folded away for the curious."""
    fields = []
    for param in query.parameters:
        example = f"e.g. {param.example}" if param.example else ""
        fields.append(
            f"<label>{escape(param.name)} "
            f'<input type="text" name="{escape(PARAM_PREFIX + param.name)}" '
            f'value="{escape(values.get(param.name, ""))}" '
            f'placeholder="{escape(example)}" required> '
            f"<small>{escape(param.meaning)}</small></label>"
        )
    return "\n".join(
        [
            f'<section class="query" id="{escape(query.name)}">',
            f"<h2>{escape(query.title)}</h2>",
            f"<p>{escape(query.description)}</p>" if query.description else "",
            '<form method="get" action="/">',
            f'<input type="hidden" name="{STORED_FIELD}" value="{escape(query.name)}">',
            *fields,
            "<button>Ask</button></form>",
            f"<details><summary>SPARQL</summary><pre>{escape(query.text)}</pre></details>",
            "</section>",
        ]
    )


def render_answer(answer: Answer) -> str:
    """The answer: error or notes, then the rows as a table (at most ``MAX_ROWS``)."""
    parts = [f'<section id="answer"><h2>{escape(answer.query.title)}</h2>']
    asked = ", ".join(f"{k} = {v}" for k, v in sorted(answer.values.items()))
    if asked:
        parts.append(f"<p>for {escape(asked)}</p>")
    if answer.error:
        parts.append(f'<p class="error">{escape(answer.error)}</p></section>')
        return "\n".join(parts)
    parts += [f'<p class="note">{escape(note)}</p>' for note in answer.notes]
    shown = answer.rows[:MAX_ROWS]
    count = len(answer.rows)
    summary = f"{count} row{'s' if count != 1 else ''}"
    if count > MAX_ROWS:
        summary += f", the first {MAX_ROWS} shown (`kgraph query` gives them all)"
    parts.append(f'<p class="note">{escape(summary)}</p>')
    if shown:
        head = "".join(f"<th>{escape(name)}</th>" for name in answer.names)
        body = "\n".join(
            "<tr>" + "".join(f"<td>{escape(cell)}</td>" for cell in row) + "</tr>" for row in shown
        )
        parts.append(f"<table><thead><tr>{head}</tr></thead><tbody>\n{body}\n</tbody></table>")
    parts.append("</section>")
    return "\n".join(parts)


def page_link(query: StoredQuery, values: dict[str, str]) -> str:
    """The page address that asks ``query`` with ``values`` (for docs and tests)."""
    fields = [(STORED_FIELD, query.name)]
    fields += [(PARAM_PREFIX + k, v) for k, v in sorted(values.items())]
    return "/?" + urlencode(fields)

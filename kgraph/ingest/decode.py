"""Bytes to clean text: encoding detection, sanitising and bounded JSON, done once at reading.

Everything after reading (NLP, the cache, every exporter) may then assume the text is valid
Unicode that XML, JSON and UTF-8 can all carry: no control characters but tab and line
breaks, no lone surrogates, no noncharacters.
"""

from __future__ import annotations

import json
import logging
import re
from pathlib import Path

from ..errors import KgraphError

log = logging.getLogger(__name__)

BINARY_PROBE = 8192  # a NUL in the first 8 KB (without a UTF-16/32 mark) means binary
# Encodings whose byte-order mark lets NUL bytes through the binary check.
BOMS = (b"\xff\xfe", b"\xfe\xff", b"\xef\xbb\xbf")
# Code points XML 1.0 cannot carry, or that break UTF-8 encoding: C0 controls other than
# tab, line feed and carriage return, DEL, C1 controls, the noncharacters U+FFFE/U+FFFF.
CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f\ufffe\uffff]")
BREAKS = re.compile("[\x0b\x0c]")  # vertical tab, form feed: a break between lines or pages
SURROGATE = re.compile("[\ud800-\udfff]")  # a str holds surrogates only when they are lone
# Invisible formatting inside words (soft hyphen, zero-width space, word joiner, a BOM
# within the text): typesetting, not content; left in, they split or glue names ("Peter
# Newsham" with a soft hyphen is another string). Removed without a warning.
INVISIBLE = re.compile("[\u00ad\u200b\u2060\ufeff]")
# Legacy encodings preferred when charset-normalizer finds several equally clean ones:
# scraped English news that is not UTF-8 is nearly always Windows-1252 (a Latin-1 superset).
PREFERRED = ("cp1252", "latin_1", "iso8859_15")


def sanitise(text: str) -> tuple[str, list[str]]:
    """``text`` made safe for every output, and what was changed, in words (empty: nothing)."""
    changes = []
    text = INVISIBLE.sub("", text)
    surrogates = len(SURROGATE.findall(text))
    if surrogates:
        text = SURROGATE.sub("\ufffd", text)
        changes.append(f"replaced {surrogates} lone surrogate(s) with U+FFFD")
    breaks = len(BREAKS.findall(text))
    if breaks:
        text = BREAKS.sub("\n", text)
    controls = len(CONTROL.findall(text))
    if controls:
        text = CONTROL.sub("", text)
    if controls or breaks:
        changes.append(f"removed {controls + breaks} control character(s)")
    return text, changes


def has_bom(data: bytes) -> bool:
    return data.startswith(BOMS)


def decode_text(where: Path | str, data: bytes, kind: str = "a text article") -> str:
    """Decode text: UTF-8 (with or without a mark), else the encoding charset-normalizer
    finds (UTF-16 with a byte-order mark, Windows-1252, Latin-1, ...), reported in a
    warning. Binary data is refused with a clear message."""
    if b"\x00" in data[:BINARY_PROBE] and not has_bom(data):
        raise KgraphError(f"{where}: looks like a binary file, not {kind}")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        text = detected(where, data, err, kind)
    return text.replace("\r\n", "\n").replace("\r", "\n")


def detected(where: Path | str, data: bytes, err: UnicodeDecodeError, kind: str) -> str:
    """Text in the encoding charset-normalizer finds for ``data``, or a KgraphError."""
    from charset_normalizer import from_bytes

    results = list(from_bytes(data))
    if not results:
        raise KgraphError(
            f"{where}: not valid UTF-8 (byte {err.start}) and no other text encoding fits; "
            f"is it {kind}?"
        )
    cleanest = min(r.chaos for r in results)
    tied = [r for r in results if r.chaos == cleanest]
    encoding = next(
        (
            name
            for name in PREFERRED
            for result in tied
            if name in result.could_be_from_charset or result.encoding == name
        ),
        tied[0].encoding,
    )
    text = data.decode(encoding)
    log.warning("read %s as %s (not UTF-8)", where, encoding)
    return text[1:] if text.startswith("\ufeff") else text


def load_json(where: Path | str, text: str | bytes):
    """``json.loads`` whose failures (bad syntax, nesting deeper than the interpreter can
    follow) are one KgraphError naming ``where``."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as err:
        raise KgraphError(f"{where}: not valid JSON ({err.msg}, line {err.lineno})") from None
    except RecursionError:
        raise KgraphError(f"{where}: JSON nested too deeply") from None
    except UnicodeDecodeError as err:
        raise KgraphError(f"{where}: not valid UTF-8 (byte {err.start})") from None

"""Readers of the data files' text formats, each problem reported as ``(file, line, message)``.

No validation of meaning here: these turn text into tokens and tables, and find the line a
later problem belongs to. See ``docs/data-format.md``.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Iterable

Problem = tuple[str, int, str]

__all__ = ["Problem", "lines", "read_toml", "toml_line", "simple_toml", "pydantic_message", "EVENT_KEYS", "DEROGATION_KEYS", "normalise"]

_TOKEN = re.compile(r'(\w+)="([^"]*)"|(\S+)')
#: the key=value fields of an event line, and the record field each fills
EVENT_KEYS = {"src": "source", "also": "also", "effective": "effective", "in_force": "in_force", "ref": "ref",
              "at": "at", "further": "further", "disputed": "disputed", "immediate": "immediate", "note": "note",
              "article": "article", "value": "value", "ceased": "ceased"}

#: the key=value fields of a line of a derogations file, and the record field each fills
DEROGATION_KEYS = {"src": "source", "also": "also", "noted": "noted", "measure": "measure", "articles": "articles",
                   "territory": "territory", "from": "start", "to": "end", "for": "length", "ref": "ref",
                   "quote": "quote", "note": "note"}


def lines(text: str, keep_quotes: bool = False) -> Iterable[tuple[int, list[str]]]:
    """The non-blank, non-comment lines of a text file, split into tokens, with line numbers.

    With ``keep_quotes``, ``key="a b"`` stays one token and a ``#`` outside quotes ends the line.
    """
    for lineno, line in enumerate(text.splitlines(), 1):
        s = line.strip()
        if not s or s.startswith("#"):
            continue
        if keep_quotes:
            parts = []
            for m in _TOKEN.finditer(s):
                tok = m.group(0)
                if tok.startswith("#"):
                    break
                parts.append(tok)
        else:
            parts = s.split(" #", 1)[0].split()
        if parts:
            yield lineno, parts


def pydantic_message(err: dict) -> str:
    """One line for one pydantic error: the field, what is wrong, and the value given."""
    loc = ".".join(str(x) for x in err.get("loc", ()) if x != "__root__")
    text = err.get("msg", "invalid")
    if text.startswith("Value error, "):
        text = text[len("Value error, "):]
    value = err.get("input")
    shown = f" (got {value!r})" if isinstance(value, (str, int, float)) and loc else ""
    return f"{loc}: {text}{shown}" if loc else text


_SIMPLE_LINE = re.compile(r'^([A-Za-z0-9_-]+) = (?:"([^"\\]*)"|(\d{4}-\d{2}-\d{2}))$')
_SIMPLE_TABLE = re.compile(r"^\[([A-Za-z0-9_.-]+)\]$")


def simple_toml(text: str) -> dict | None:
    """Tables of one-line string and date values (all that ``sources.toml`` uses), parsed fast.

    Anything else, an impossible date included, returns None, and the full TOML parser reads
    the file instead (and reports the line); the tests check that both agree on the shipped files.
    """
    out: dict = {}
    table: dict = out  # keys before the first [table] belong to the top level
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        m = _SIMPLE_LINE.match(line)
        if m:
            key, string, day = m.groups()
            if key in table:
                return None
            if day is None:
                table[key] = string
            else:
                try:
                    table[key] = date.fromisoformat(day)
                except ValueError:
                    return None
            continue
        t = _SIMPLE_TABLE.match(line)
        if t and "." not in t.group(1) and t.group(1) not in out:
            table = out[t.group(1)] = {}
            continue
        return None
    return out


def read_toml(text: str, where: str, problems: list[Problem]) -> dict:
    """The contents of a TOML text ({} with a problem recorded if it does not parse)."""
    fast = simple_toml(text)
    if fast is not None:
        return fast
    import tomllib

    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        m = re.search(r"line (\d+)", str(exc))
        problems.append((where, int(m.group(1)) if m else 1, str(exc)))
        return {}


def toml_line(text: str, loc: tuple, value: bool = False, header: bool = False) -> int:
    """Best line for a problem at ``loc`` in a TOML text (1 if not found)."""
    rows = text.splitlines()
    if header:
        for i, line in enumerate(rows, 1):
            if line.strip() == f"[{loc[0]}]":
                return i
        return 1
    if value:
        for i, line in enumerate(rows, 1):
            if f'"{loc[0]}"' in line:
                return i
        return 1
    keys = [str(k) for k in loc if not isinstance(k, int)]
    best = 1
    section_start = 0
    for depth in range(len(keys), 0, -1):
        head = "[" + ".".join(keys[:depth]) + "]"
        for i, line in enumerate(rows):
            if line.strip() in (head, "[" + head + "]"):
                section_start, best = i, i + 1
                keys = keys[depth:]
                break
        else:
            continue
        break
    if keys:
        pat = re.compile(rf"^\s*{re.escape(keys[0])}\s*=")
        for i in range(section_start, len(rows)):
            if pat.match(rows[i]):
                return i + 1
        pat = re.compile(rf"\b{re.escape(keys[0])}\s*=")  # a key inside an inline table
        for i in range(section_start, len(rows)):
            if pat.search(rows[i]):
                return i + 1
    return best


_PUNCT = re.compile(r"[^\w\s]")
_SPACE = re.compile(r"\s+")


def normalise(name: str) -> str:
    """Fold case, accents, punctuation and spacing: ``"Côte d'Ivoire"`` -> ``"cote divoire"``."""
    import unicodedata

    s = unicodedata.normalize("NFKD", name.casefold())
    s = "".join(c for c in s if not unicodedata.combining(c))
    s = s.replace("&", " and ").replace("'", "").replace("\u2019", "")
    s = _SPACE.sub(" ", _PUNCT.sub(" ", s)).strip()
    if s.startswith("the "):
        s = s[4:]
    return s

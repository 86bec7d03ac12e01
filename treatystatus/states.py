"""Naming states: codes, names and aliases to one code.

The curated list in ``data/states.txt`` says which entities a treaty question
can be about; ``data/names.txt`` adds the depositaries' names and usual
aliases, and marks names that are ambiguous. ISO 3166 codes and names come
from pycountry, read only when a query needs them.
"""

from __future__ import annotations

import re
import threading
import unicodedata
from datetime import date

from .errors import AmbiguousStateError, UnknownStateError
from .models import StateInfo

_PUNCT = re.compile(r"[^\w\s]")
_SPACE = re.compile(r"\s+")


def normalise(name: str) -> str:
    """Fold case, accents, punctuation and spacing: ``"Côte d'Ivoire"`` -> ``"cote divoire"``."""
    s = unicodedata.normalize("NFKD", name.casefold())
    s = "".join(c for c in s if not unicodedata.combining(c))
    s = s.replace("&", " and ").replace("'", "").replace("\u2019", "")
    s = _SPACE.sub(" ", _PUNCT.sub(" ", s)).strip()
    if s.startswith("the "):
        s = s[4:]
    return s


class StateRegistry:
    """Resolves user input to a state code. Built once from the data files."""

    def __init__(self, states: dict[str, StateInfo], names: dict[str, set[str]],
                 ambiguous: dict[str, tuple[str, ...]]):
        self.states = states
        self._names = names          # normalised name -> codes (from the data files)
        self._ambiguous = ambiguous  # normalised name -> candidate codes
        self._index: dict[str, tuple[str, ...]] | None = None
        self._lock = threading.Lock()
        self._cache: dict[str, str] = {}

    # -- the full name index, built on first use of a name -------------------------------
    def _build_index(self) -> dict[str, tuple[str, ...]]:
        import pycountry

        idx: dict[str, set[str]] = {k: set(v) for k, v in self._names.items()}
        for code, info in self.states.items():
            idx.setdefault(normalise(info.name), set()).add(code)
        for c in pycountry.countries:  # all of them: a territory's name gets a clear answer
            for attr in ("name", "official_name", "common_name"):
                v = getattr(c, attr, None)
                if v:
                    idx.setdefault(normalise(v), set()).add(c.alpha_3)
        for c in pycountry.historic_countries:
            if c.alpha_3 in self.states:
                idx.setdefault(normalise(c.name), set()).add(c.alpha_3)
        out = {k: tuple(sorted(v)) for k, v in idx.items()}
        for k, v in self._ambiguous.items():
            out[k] = v
        return out

    def _name_index(self) -> dict[str, tuple[str, ...]]:
        if self._index is None:
            with self._lock:
                if self._index is None:
                    self._index = self._build_index()
        return self._index

    def _iso(self, kind: str, value: str) -> str | None:
        import pycountry

        rec = pycountry.countries.get(**{kind: value})
        return rec.alpha_3 if rec is not None else None

    def resolve(self, query: object) -> str:
        """Return the state code for ``query`` or raise a :class:`UnknownStateError`/:class:`AmbiguousStateError`."""
        if not isinstance(query, str):
            raise UnknownStateError(repr(query))
        hit = self._cache.get(query)
        if hit is not None:
            return hit
        code = self._resolve(query)
        if len(self._cache) < 4096:
            self._cache[query] = code
        return code

    def _resolve(self, query: str) -> str:
        q = query.strip()
        if not q:
            raise UnknownStateError(query)
        up = q.upper()
        code: str | None = None
        if len(q) == 3 and up in self.states:
            code = up
        elif len(q) == 2 and q.isalpha() and q.isascii():
            code = self._iso("alpha_2", up)
        elif q.isdigit() and len(q) <= 3:
            code = self._iso("numeric", q.zfill(3))
        if code is None:
            key = normalise(q)
            hits = self._name_index().get(key, ())
            known = tuple(h for h in hits if h in self.states)
            if len(known) > 1:
                raise AmbiguousStateError(query, known)
            hits = known or hits
            if hits:
                code = hits[0]
        if code is None:
            raise UnknownStateError(query, self.suggest(q))
        if code not in self.states:
            raise UnknownStateError(query, reason=f"{code} is not in the list of states that take part "
                                    "in treaties (docs/states.md)")
        return code

    def suggest(self, query: str, n: int = 4) -> tuple[str, ...]:
        import difflib

        key = normalise(query)
        idx = self._name_index()
        names = difflib.get_close_matches(key, idx.keys(), n=n * 2, cutoff=0.7)
        if not names and len(key) >= 3:
            names = [k for k in idx if k.startswith(key)][: n * 2]
        out: list[str] = []
        for name in names:
            for code in idx[name]:
                if code not in self.states:
                    continue
                label = f"{code} ({self.states[code].name})"
                if label not in out:
                    out.append(label)
        return tuple(out[:n])

    def name(self, code: str) -> str:
        return self.states[code].name

    def existing_on(self, on: date) -> list[str]:
        """Codes of the current list's states (not historical ones) that existed as such on ``on``."""
        out = []
        for code, s in self.states.items():
            if s.kind in ("historical", "other"):
                continue
            if s.since is not None and s.since > on:
                continue
            if s.until is not None and s.until <= on:
                continue
            out.append(code)
        return sorted(out)

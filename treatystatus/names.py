"""One registry for names: user input to a state code or a treaty id, with ambiguity and suggestions.

Reads the name tables the index holds (the data's names and aliases, ISO 3166 codes and
names); it needs neither pycountry nor the schema at run time.
"""

from __future__ import annotations

from datetime import date

from .errors import AmbiguousStateError, UnknownStateError, UnknownTreatyError
from .index import Index

__all__ = ["Names", "names_of"]

_CACHE_LIMIT = 4096


class Names:
    """Resolves user input to state codes and treaty ids, from one index."""

    def __init__(self, idx: Index):
        self.idx = idx
        self._states: dict[str, str] = {}
        self._treaties: dict[str, str] = {}

    # -- states ---------------------------------------------------------------------------------
    def state(self, query: object) -> str:
        """The state code for ``query``, or a :class:`UnknownStateError` / :class:`AmbiguousStateError`."""
        hit = self._states.get(query) if isinstance(query, str) else None
        if hit is not None:
            return hit
        if not isinstance(query, str):
            raise UnknownStateError(repr(query))
        code = self._state(query)
        if len(self._states) < _CACHE_LIMIT:
            self._states[query] = code
        return code

    def _state(self, query: str) -> str:
        idx = self.idx
        q = query.strip()
        if not q:
            raise UnknownStateError(query)
        up = q.upper()
        code: str | None = None
        if len(q) == 3 and up in idx.state_rows:
            code = up
        elif len(q) == 2 and q.isalpha() and q.isascii():
            code = idx.iso2.get(up)
        elif q.isdigit() and len(q) <= 3:
            code = idx.isonum.get(q.zfill(3))
        if code is None:
            from .formats import normalise

            key = normalise(q)
            if key not in idx.names and key not in idx.ambiguous and "," in q:
                # an inverted name, as in lists sorted by name: "Korea, North", "Congo, Republic of the"
                head, _, tail = q.partition(",")
                key = normalise(f"{tail} {head}")
            amb = idx.ambiguous.get(key)
            if amb:
                raise AmbiguousStateError(query, tuple(amb), self._labels(amb))
            hits = idx.names.get(key, ())
            known = tuple(h for h in hits if h in idx.state_rows)
            if len(known) > 1:
                raise AmbiguousStateError(query, known, self._labels(known))
            hits = known or tuple(hits)
            if hits:
                code = hits[0]
        if code is None:
            raise UnknownStateError(query, self.suggest(q))
        if code not in idx.state_rows:
            raise UnknownStateError(query, reason=f"{code} is not in the list of states that take part "
                                    "in treaties (docs/states.md)")
        return code

    def _labels(self, codes) -> tuple[str, ...]:
        rows = self.idx.state_rows
        return tuple(rows[c][0] if c in rows else c for c in codes)

    def suggest(self, query: str, n: int = 4) -> tuple[str, ...]:
        import difflib

        from .formats import normalise

        key = normalise(query)
        idx = self.idx
        names = difflib.get_close_matches(key, idx.names.keys(), n=n * 2, cutoff=0.7)
        if not names and len(key) >= 3:
            names = [k for k in idx.names if k.startswith(key)][: n * 2]
        out: list[str] = []
        for name in names:
            for code in idx.names[name]:
                if code not in idx.state_rows:
                    continue
                label = f"{code} ({idx.state_rows[code][0]})"
                if label not in out:
                    out.append(label)
        return tuple(out[:n])

    def name(self, code: str) -> str:
        return self.idx.state_rows[code][0]

    def existing_on(self, on: date) -> list[str]:
        """Codes of the states (and the other treaty participants) that existed as such on ``on``: the
        set lists and panels count. ``other`` entities are left out, and a state that another
        continues (the USSR, Serbia and Montenegro) is counted under the continuing state's code,
        whose span covers it."""
        o = on.toordinal()
        out = []
        for code, (_, kind, since, until, continued_by, un, un_since, un_until) in self.idx.state_rows.items():
            if kind == "other" or continued_by is not None:  # a continued state is counted as its continuer
                continue
            exists = (since is None or since <= o) and (until is None or o < until)
            # a UN Member (the Byelorussian and Ukrainian SSRs, India before 1947) takes part in treaties
            member = un == "member" and un_since is not None and un_since <= o and (un_until is None or o < un_until)
            if exists or member:
                out.append(code)
        return sorted(out)

    # -- treaties -------------------------------------------------------------------------------
    def treaty(self, query: object) -> str:
        """The treaty id for ``query`` (an id, a title, a UNTC number or an alias)."""
        hit = self._treaties.get(query) if isinstance(query, str) else None
        if hit is not None:
            return hit
        if not isinstance(query, str):
            tid = getattr(query, "id", None)  # a Treaty from treaties() or treaty()
            if isinstance(tid, str) and tid in self._treaties:
                return self._treaties[tid]
            raise UnknownTreatyError(repr(query))
        idx = self.idx
        if query in idx.treaty_info:
            tid = query
        else:
            from .formats import normalise

            key = normalise(query)
            found = idx.aliases.get(key)
            if found is None:
                import difflib

                near = difflib.get_close_matches(key, idx.aliases, n=3, cutoff=0.6)
                near += [a for a in idx.aliases if key and (key in a or a in key)]
                raise UnknownTreatyError(query, tuple(dict.fromkeys(idx.aliases[x] for x in near))[:4])
            tid = found
        if len(self._treaties) < _CACHE_LIMIT:
            self._treaties[query] = tid
        return tid


_last: list = [None, None]  # the last index asked about, and its registry


def names_of(idx: Index) -> Names:
    """The registry of an index (one per index)."""
    last = _last
    if last[0] is idx:
        return last[1]
    n = Names(idx)
    _last[:] = [idx, n]
    return n

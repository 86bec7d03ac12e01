"""The compiled index: the validated data and every history, cached in a compact form.

The first use after a change of the data, the user directories or the package version
builds the index (``build``: pydantic validation, the rules engine) and writes it, keyed by
a hash of every data file and the version. Later processes read it back without the schema,
pydantic or pycountry, and decode only what a query needs: one treaty's file, one state's
history within it.

Files, in ``<cache>/<key>/``: ``core`` (states, treaty summaries, ISO codes), ``names``,
``aliases``, ``sources``, and per treaty ``t-<treaty>`` (what a yes/no answer needs) and
``r-<treaty>`` (the histories' details, the rules, the lists); each is ``marshal`` data
behind a magic number and a CRC-32 of the payload, so that a truncated or corrupted file is
detected before it is read. ``<cache>/stamps/`` maps the ``stat`` signature of the shared
data files and the names of the treaties' files to the key, so that a process checks the
data are unchanged without reading them; a treaty's own files are checked by ``stat`` when
it is first read. Any change sends the process back to the content hash, and to a rebuild.

Where the cache lives: ``$TREATYSTATUS_CACHE`` (a directory, or ``none`` for memory only),
else ``_cache`` inside the installed package, else ``$XDG_CACHE_HOME/treatystatus``
(``~/.cache/treatystatus``), else memory. A cache that is missing, stale, corrupt or
unreadable is rebuilt, never trusted.
"""

from __future__ import annotations

import marshal
import os
import sys
import zlib
from bisect import bisect_right as _bisect_right
from datetime import date

from ._version import __version__
from .dates import DateRange
from .errors import DataError
from .kinds import FACT_EVENTS as _FACT_EVENTS
from .layers import Layer, manifest, overlay_paths_from_env, shipped_root, stack, treaty_signature

__all__ = ["Index", "TreatyIndex", "current", "use_data", "validate", "FORMAT", "load"]

#: bump when the layout of the cached files changes
FORMAT = 9
_MAGIC = b"TSIX"


def _code_signature() -> str:
    """The stat signature of the modules whose code decides what the index holds: an edited
    module (a development install, a patched release) makes a new index, never a stale one."""
    here = os.path.dirname(os.path.abspath(__file__))
    out = []
    for rel in ("build.py", "encode.py", "schema.py", "records.py", "dates.py", "kinds.py", "formats.py",
                "layers.py", os.path.join("rules", "clauses.py"), os.path.join("rules", "consent.py"),
                os.path.join("rules", "withdrawal.py"), os.path.join("rules", "model.py"),
                os.path.join("rules", "history.py"), os.path.join("rules", "parents.py")):
        try:
            st = os.stat(os.path.join(here, rel))
            out.append(f"{st.st_mtime_ns}:{st.st_size}")
        except OSError:
            out.append("-")
    return ",".join(out)


_SALT = (f"{__version__}/{FORMAT}/{sys.version_info[0]}.{sys.version_info[1]}/{marshal.version}/"
         f"{_code_signature()}")
_lock = __import__("_thread").allocate_lock()


# -- files ---------------------------------------------------------------------------------------

def _pack(obj: object) -> bytes:
    payload = marshal.dumps(obj)
    return _MAGIC + zlib.crc32(payload).to_bytes(4, "big") + payload


def _unpack(data: bytes) -> object:
    if data[:4] != _MAGIC or zlib.crc32(data[8:]).to_bytes(4, "big") != data[4:8]:
        raise _Stale("a cached file is truncated or corrupt")
    try:
        return marshal.loads(data[8:])
    except (EOFError, ValueError, TypeError) as exc:  # pragma: no cover - the checksum catches these first
        raise _Stale(str(exc)) from None


def _read(path: str) -> object:
    try:
        with open(path, "rb") as f:
            return _unpack(f.read())
    except OSError as exc:
        raise _Stale(str(exc)) from None


class _Stale(Exception):
    """A cached file is missing, corrupt, or not of this index: rebuild."""


# -- decoding ------------------------------------------------------------------------------------

def _undate(x: int | None) -> date | None:
    return None if x is None else date.fromordinal(x)


def _unday(x: object) -> object:
    if x is None:
        return None
    if type(x) is tuple:
        return DateRange(_undate(x[0]), date.fromordinal(x[1]), x[2])  # type: ignore[index]
    return date.fromordinal(x)  # type: ignore[arg-type]


class TreatyIndex:
    """One treaty's compiled data; a state's history is decoded on first use."""

    def __init__(self, tid: str, data: dict, states: dict, loader=None):
        self.id = tid
        self._loader = loader
        self._rich: dict | None = None
        self._states = states
        #: codes of the states with records, sorted
        self.order: list[str] = list(data["order"])
        self._order_set = frozenset(self.order)
        self.overrides: dict = data["overrides"]
        self._compact: dict = data["compact"]
        self._default_compact = data["default_compact"]
        self._histories: dict = {}
        self._lists: dict = {}
        self._raw = None
        self._rules = None

    @property
    def _data(self) -> dict:
        """The second file: the treaty file, its rules, the histories' details, the lists."""
        if self._rich is None:
            self._rich = self._loader(f"r-{self.id}")
        return self._rich

    # the rules and the treaty file, decoded on first use
    @property
    def raw(self) -> dict:
        if self._raw is None:
            self._raw = marshal.loads(self._data["raw"])
        return self._raw  # type: ignore[return-value]

    @property
    def rules(self):
        if self._rules is None:
            self._rules = _dec_rules(marshal.loads(self._data["rules"]))
        return self._rules

    def compact(self, code: str) -> tuple:
        """``(starts, status codes, is_party values)`` of a state's history: what a yes/no answer needs."""
        c = self._compact.get(code)
        return self._default_compact if c is None else c

    def record_owner(self, code: str) -> str | None:
        """Whose records stand for ``code``: its own, or those of the state that continues it."""
        if code in self._order_set:
            return code
        info = self._states.get(code)
        cont = info[4] if info is not None else None
        return cont if cont in self._order_set else None

    def history(self, code: str):
        h = self._histories.get(code)
        if h is None:
            blob = self._data["states"].get(code)
            h = self._decode(code, marshal.loads(blob if blob is not None else self._data["default"]))
            self._histories[code] = h
        return h

    def outline(self, code: str) -> tuple[tuple, list[tuple]]:
        """A history's records and its segments as (first day's ordinal, status, possible), without
        the facts of each segment: enough to tell whether anything happened in a window, at a
        fraction of the cost of :meth:`history`."""
        h = self._histories.get(code)
        if h is not None:
            return h.events, [(s.start.toordinal(), s.status, s.possible) for s in h.segments]
        from .kinds import EventKind, Status
        from .records import Event

        blob = self._data["states"].get(code)
        ev_rows, _, seg_rows = marshal.loads(blob if blob is not None else self._data["default"])
        kinds, statuses = list(EventKind), list(Status)
        tid = self.id
        events = tuple(Event(tid, r[0], kinds[r[1]], _unday(r[2]), r[3], tuple(r[4]), _undate(r[5]), _undate(r[6]),
                             r[7], r[8], r[9], r[10], r[11], r[12], r[13], r[14], r[15]) for r in ev_rows)
        return events, [(r[0], statuses[r[1]], tuple(statuses[x] for x in r[2])) for r in seg_rows]

    def events(self, code: str) -> tuple:
        """The records of ``code`` (its own; none for a state with no record)."""
        return self.history(code).events if code in self._order_set else ()

    def _decode(self, code: str, payload: tuple):
        from .kinds import EventKind, Status
        from .records import Event
        from .rules.model import Facts, History, Parent, Segment

        ev_rows, fact_rows, seg_rows = payload
        kinds, statuses = list(EventKind), list(Status)
        tid = self.id
        events = [Event(tid, r[0], kinds[r[1]], _unday(r[2]), r[3], tuple(r[4]), _undate(r[5]), _undate(r[6]), r[7],
                        r[8], r[9], r[10], r[11], r[12], r[13], r[14], r[15]) for r in ev_rows]

        def ev(n):
            return None if n is None else events[n]

        facts = [_facts(Facts, Parent, statuses, ev, r) for r in fact_rows]
        segs = []
        for i, r in enumerate(seg_rows):
            end = date.fromordinal(seg_rows[i + 1][0]) if i + 1 < len(seg_rows) else None
            segs.append(Segment(date.fromordinal(r[0]), end, statuses[r[1]], facts[r[3]],
                                tuple(statuses[x] for x in r[2]),
                                tuple((w, ev(e), _undate(lo), _undate(hi)) for w, e, lo, hi in r[4]),
                                frozenset((statuses[s], sig) for s, sig in r[5])))
        return History(code, tid, tuple(segs), tuple(events))

    def notifications(self) -> tuple:
        """The notifications of derogations under the treaty, in the depositary's order."""
        hit = self._lists.get("__notifications__")
        if hit is None:
            from .records import Notification

            raw = marshal.loads(self._loader(f"d-{self.id}")["notifications"])
            hit = self._lists["__notifications__"] = tuple(
                Notification(self.id, r[0], r[1], _unday(r[2]), _undate(r[3]), r[4], r[5], r[6], _unday(r[7]),
                             _unday(r[8]), r[9], r[10], r[11], r[12], r[13], r[14], r[15]) for r in raw)
        return hit

    def members(self, name: str, d: date) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """The states on the list ``name`` on ``d``, and those whose membership is undecided."""
        lst = self._lists.get(name)
        if lst is None:
            days: list[int] = []
            yes: list[tuple[str, ...]] = []
            maybe: list[tuple[str, ...]] = []
            cur: set[str] = set()
            for day, joined, left, undecided in marshal.loads(self._data["lists"])[name]:
                cur.update(joined)
                cur.difference_update(left)
                days.append(day)
                yes.append(tuple(sorted(cur)))
                maybe.append(tuple(undecided))
            lst = self._lists[name] = (days, yes, maybe)
        i = _bisect_right(lst[0], d.toordinal()) - 1
        if i < 0:
            return (), ()
        return lst[1][i], lst[2][i]

    def change_days(self, name: str) -> list[date]:
        self.members(name, date.min)
        return [date.fromordinal(x) for x in self._lists[name][0]]


def _facts(Facts, Parent, statuses, ev, r):
    k = len(_FACT_EVENTS)
    p = r[k + 11]
    return Facts(
        **{name: ev(r[i]) for i, name in enumerate(_FACT_EVENTS)}, other_deposits=tuple(ev(x) for x in r[k]),
        entry_into_force=_unday(r[k + 1]),
        entry_basis=r[k + 2], entry_article=r[k + 3], in_force=r[k + 4], withdrawal_effective=_unday(r[k + 5]),
        withdrawal_basis=r[k + 6], communications=tuple(ev(x) for x in r[k + 7]),
        announcements=tuple(ev(x) for x in r[k + 8]), ceased=_undate(r[k + 9]), terminated=_undate(r[k + 10]),
        parent=None if p is None else Parent(p[0], statuses[p[1]], tuple(statuses[x] for x in p[2]), _unday(p[3])))


class Index:
    """Everything the queries read: states, names, sources, and the treaties' compiled data."""

    def __init__(self, core: dict, loader, layers: list[Layer] | None = None):
        self._init(core, loader, layers)

    def _init(self, core: dict, loader, layers: list[Layer] | None) -> None:
        self._layers = layers
        self.key: str = core["key"]
        self._core_meta = core["meta"]
        self.meta: dict = _unmeta(core["meta"])
        #: code -> (name, kind, since, until, continued_by), dates as ordinals
        self.state_rows: dict = core["states"]
        self.iso2: dict = core["iso2"]
        self.isonum: dict = core["isonum"]
        self.treaty_info: dict = core["treaties"]
        self.depositary_sources: frozenset = frozenset(core.get("depositary_sources", ()))
        self._loader = loader
        self._treaties: dict = {}
        self._parts: dict = {}
        self._states = None
        #: values derived from the index and kept for its lifetime (sources, treaty views ...)
        self.memo: dict = {}

    def _part(self, name: str) -> dict:
        hit = self._parts.get(name)
        if hit is None:
            hit = self._parts[name] = self._loader(name)
        return hit

    @property
    def states(self) -> dict:
        """code -> :class:`~treatystatus.records.StateInfo`."""
        if self._states is None:
            from .records import StateInfo

            self._states = {c: StateInfo(c, v[0], v[1], _undate(v[2]), _undate(v[3]), v[4], v[5], _undate(v[6]),
                                         _undate(v[7])) for c, v in self.state_rows.items()}
        return self._states

    @property
    def names(self) -> dict:
        return self._part("names")["names"]

    @property
    def ambiguous(self) -> dict:
        return self._part("names")["ambiguous"]

    @property
    def aliases(self) -> dict:
        return self._part("aliases")["aliases"]

    @property
    def sources(self) -> dict:
        return self._part("sources")["sources"]

    @property
    def groups(self) -> dict:
        """Group id -> its name, aliases, source, as-of day, note and members (groups.txt)."""
        return self._part("groups")["groups"]

    @property
    def as_of(self) -> date:
        return self.meta["as_of"]

    def treaty(self, tid: str) -> TreatyIndex:
        t = self._treaties.get(tid)
        if t is None:
            with _lock:
                t = self._treaties.get(tid)
                if t is None:
                    if not self._current_files(tid):  # a treaty's file changed since the index was built
                        self._refresh()
                    t = self._treaties[tid] = TreatyIndex(tid, self._loader(f"t-{tid}"), self.state_rows,
                                                          lambda name: self._loader(name))
        return t

    def _current_files(self, tid: str) -> bool:
        """Whether the files of ``tid`` (and of its parents) are those the index was built from."""
        if self._layers is None:
            return True
        seen = set()
        while tid is not None and tid not in seen and tid in self.treaty_info:
            seen.add(tid)
            if treaty_signature(self._layers, tid) != self.treaty_info[tid].get("files"):
                return False
            tid = self.treaty_info[tid]["parent"]
        return True

    def _refresh(self) -> None:
        """Rebuild (or find) the index of the data as they are now, and become it."""
        from .layers import fingerprint

        layers = self._layers
        assert layers is not None
        key = fingerprint(layers, _SALT)
        fresh = _find(key) or _fresh(layers, key)
        _stamp(_SALT + "\n" + manifest(layers), key)
        self._init({"key": fresh.key, "meta": fresh._core_meta, "states": fresh.state_rows, "iso2": fresh.iso2,
                    "isonum": fresh.isonum, "treaties": fresh.treaty_info,
                    "depositary_sources": tuple(fresh.depositary_sources)}, fresh._loader, layers)


def _unmeta(m: object) -> object:
    if isinstance(m, dict):
        if set(m) == {"__date__"}:
            return date.fromordinal(m["__date__"])
        return {k: _unmeta(v) for k, v in m.items()}
    if isinstance(m, list):
        return [_unmeta(x) for x in m]
    return m


def _dec_rules(d: dict):
    from .rules.clauses import (Expiry, ImmediateInConflict, MinimumMembership, NoWithdrawalClause, Windows,
                                period)
    from .rules.consent import EntryRule
    from .rules.model import TreatyRules
    from .rules.withdrawal import ConflictClause, WithdrawalRule

    def per(p):
        return None if p is None else period(p[0], p[1])

    e = d["entry"]
    entry = EntryRule(_undate(e[0]), _undate(e[1]), per(e[2]), per(e[3]), e[4], e[5], e[6],
                      None if e[7] is None else ImmediateInConflict(e[7]))
    w = d["withdrawal"]
    rule = None
    if w is not None:
        c = w["conflict"]
        rule = WithdrawalRule(
            w["article"], w["term"], per(w["notice"]), w["later"], w["named"],
            None if c is None else ConflictClause(c[0], c[1], c[2], c[3], c[4], tuple(c[5])),
            None if w["windows"] is None else Windows(*(per(x) for x in w["windows"])),
            None if w["minimum"] is None else MinimumMembership(per(w["minimum"][0]), w["minimum"][1]),
            None if w["none"] is None else NoWithdrawalClause(w["none"][0], per(w["none"][1]), w["none"][2],
                                                              w["none"][3], w["none"][4], w["none"][5],
                                                              w["none"][6]),
            w["grounds"])
    x = d["expiry"]
    return TreatyRules(d["id"], date.fromordinal(d["adopted"]), d["signatures_complete"], entry, rule, d["parent"],
                       None if x is None else Expiry(date.fromordinal(x[0]), x[1], x[2]))


# -- building, caching, loading ---------------------------------------------------------------------

def _cache_dirs() -> list[str | None]:
    env = os.environ.get("TREATYSTATUS_CACHE")
    if env is not None:
        return [None] if env.strip().lower() in ("", "none", "off", "memory") else [env]
    out: list[str | None] = [os.path.join(os.path.dirname(os.path.abspath(__file__)), "_cache")]
    xdg = os.environ.get("XDG_CACHE_HOME")
    out.append(os.path.join(xdg, "treatystatus") if xdg else os.path.join(os.path.expanduser("~"), ".cache",
                                                                          "treatystatus"))
    out.append(None)
    return out


def _stamp_name(sig: str) -> str:
    return f"{zlib.crc32(sig.encode()):08x}-{len(sig)}"


def _from_disk(folder: str, key: str, layers: list[Layer] | None = None) -> Index:
    core = _read(os.path.join(folder, "core"))
    if not isinstance(core, dict) or core.get("key") != key or core.get("format") != FORMAT:
        raise _Stale("not this index")

    def loader(name: str) -> dict:
        data = _read(os.path.join(folder, name))
        if not isinstance(data, dict) or data.get("key") != key:
            raise _Stale(name)
        return data

    return Index(core, loader, layers)


def _find(key: str, layers: list[Layer] | None = None) -> Index | None:
    for d in _cache_dirs():
        if d is None:
            continue
        try:
            return _from_disk(os.path.join(d, key), key, layers)
        except _Stale:
            continue
    return None


def _by_stamp(sig: str, layers: list[Layer]) -> Index | None:
    """The index the stat signature of the data points to, if a stamp records it."""
    name = _stamp_name(sig)
    for d in _cache_dirs():
        if d is None:
            continue
        try:
            with open(os.path.join(d, "stamps", name), encoding="utf-8") as f:
                text = f.read()
        except OSError:
            continue
        recorded, sep, key = text.rpartition("\n\0\n")
        if not sep or recorded != sig:
            continue
        try:
            return _from_disk(os.path.join(d, key), key, layers)
        except _Stale:
            continue
    return None


def _stamp(sig: str, key: str) -> None:
    for d in _cache_dirs():
        if d is None:
            return
        if not os.path.isdir(os.path.join(d, key)):
            continue
        try:
            folder = os.path.join(d, "stamps")
            os.makedirs(folder, exist_ok=True)
            tmp = os.path.join(folder, f".tmp-{os.getpid()}-{id(sig)}")
            with open(tmp, "w", encoding="utf-8") as f:
                f.write(sig + "\n\0\n" + key)
            os.replace(tmp, os.path.join(folder, _stamp_name(sig)))
            return
        except OSError:
            continue


def _write(files: dict[str, bytes], key: str) -> None:
    """Write the cache into the first directory that takes it: a folder filled, then renamed into place."""
    import shutil
    import tempfile

    for d in _cache_dirs():
        if d is None:
            return
        try:
            os.makedirs(d, exist_ok=True)
            tmp = tempfile.mkdtemp(prefix=".tmp-", dir=d)
            for name, blob in files.items():
                with open(os.path.join(tmp, name), "wb") as f:
                    f.write(blob)
            target = os.path.join(d, key)
            try:
                os.rename(tmp, target)
            except OSError:  # another process wrote it first: theirs is as good
                shutil.rmtree(tmp, ignore_errors=True)
                if not os.path.isfile(os.path.join(target, "core")):
                    raise
            _prune(d, keep=key)
            return
        except OSError:
            continue


def _prune(d: str, keep: str, n: int = 4) -> None:
    """Remove all but the newest ``n`` cached indexes (and temporary folders left by a crash)."""
    import shutil
    import time

    try:
        entries = [e for e in os.scandir(d) if e.is_dir() and e.name != "stamps"]
    except OSError:
        return
    now = time.time()
    old = [e for e in entries if e.name.startswith(".tmp-") and now - e.stat().st_mtime > 3600]
    kept = sorted((e for e in entries if e.name != keep and not e.name.startswith(".tmp-")),
                  key=lambda e: e.stat().st_mtime, reverse=True)
    for e in old + kept[n - 1:]:
        shutil.rmtree(e.path, ignore_errors=True)


def load(layers: list[Layer]) -> Index:
    """The index of ``layers``: read from the cache, or built (and cached) if there is none."""
    sig = _SALT + "\n" + manifest(layers)
    idx = _by_stamp(sig, layers)
    if idx is not None:
        return _guarded(idx, layers)
    from .layers import fingerprint

    key = fingerprint(layers, _SALT)
    idx = _find(key, layers)
    if idx is None:
        idx = _fresh(layers, key)
    _stamp(sig, key)
    return _guarded(idx, layers)


def _fresh(layers: list[Layer], key: str) -> Index:
    from .build import build
    from .encode import encode

    files = encode(build(layers), key, FORMAT)
    for tid, info in files["core"]["treaties"].items():  # what each treaty's files were when read
        info["files"] = treaty_signature(layers, tid)
    blobs = {name: _pack(obj) for name, obj in files.items()}
    _write(blobs, key)
    return Index(_unpack(blobs["core"]), lambda name: _unpack(blobs[name]), layers)  # type: ignore[arg-type]


def _guarded(idx: Index, layers: list[Layer]) -> Index:
    """An index whose files, if found stale or corrupt when read, are rebuilt instead."""
    outer = idx._loader
    fallback: dict = {}

    def loader(name: str) -> dict:
        try:
            return outer(name)
        except _Stale:
            if "fresh" not in fallback:
                from .layers import fingerprint

                fallback["fresh"] = _fresh(layers, fingerprint(layers, _SALT))
            return fallback["fresh"]._loader(name)

    idx._loader = loader
    return idx


# -- the data in use -------------------------------------------------------------------------------

_current: Index | None = None
_overlays: list[str] | None = None  # None: from TREATYSTATUS_DATA


def _layers(paths) -> list[Layer]:
    return stack(shipped_root(), [(os.fspath(p), os.fspath(p)) for p in paths])


def current() -> Index:
    """The index in use (read, or built once, on first use, under a lock)."""
    idx = _current
    if idx is None:
        with _lock:
            if _current is None:
                paths = _overlays if _overlays is not None else overlay_paths_from_env()
                for p in paths:
                    if not os.path.isdir(p):
                        raise DataError([(str(p), 0, "not a directory (TREATYSTATUS_DATA or use_data())")])
                _set(load(_layers(paths)))
            idx = _current
    assert idx is not None
    return idx


def _set(idx: Index | None) -> None:
    global _current
    _current = idx


def use_data(*paths) -> None:
    """Lay the user data directories ``paths`` over the shipped data (none: the shipped data alone).

    The directories are read and validated now, so a broken one raises a :class:`DataError`
    here, and the data in use stay as they were.
    """
    global _overlays
    dirs = [os.fspath(p) for p in paths if p is not None]
    for p in dirs:
        if not os.path.isdir(p):
            raise DataError([(str(p), 0, "not a directory")])
    idx = load(_layers(dirs))
    for tid in idx.treaty_info:  # read now, so that a broken cache or file shows here
        idx.treaty(tid)
    with _lock:
        _overlays = dirs
        _set(idx)


def validate(path) -> list[tuple[str, int, str]]:
    """Every problem found in a data directory, as ``(file, line, message)``; empty if none.

    A directory with its own ``states.txt`` and ``meta.toml`` is checked as complete data;
    any other is checked as user data laid over the shipped data.
    """
    from .build import problems_in

    root = os.fspath(path)
    if not os.path.isdir(root):
        return [(str(root), 0, "not a directory")]
    if os.path.isfile(os.path.join(root, "states.txt")) and os.path.isfile(os.path.join(root, "meta.toml")):
        layers = stack(root, label=str(root))
    else:
        layers = _layers([root])
    return problems_in(layers)

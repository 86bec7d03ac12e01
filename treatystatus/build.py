"""Building the index: read every data file, validate it, compile the rules, replay every history.

This is the only module that uses the pydantic schema and pycountry; it runs when the data,
the user directories or the package version change (``index`` caches what it returns), and
for ``treatystatus validate``. Every problem found is reported as ``(file, line, message)``;
a data set with any problem is refused as a whole, so a broken file stays refused.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from pydantic import ValidationError

from . import schema as sc
from .dates import DateRange, parse_data_date
from .errors import DataError
from .formats import DEROGATION_KEYS, EVENT_KEYS, Problem, lines, normalise, pydantic_message, read_toml, toml_line
from .kinds import CONSENT_KINDS, EventKind
from .layers import Layer
from .records import Event, Notification, StateInfo
from .rules import (ConflictClause, EntryRule, Expiry, History, ImmediateInConflict, MinimumMembership,
                    NoWithdrawalClause, TreatyRules, Windows, WithdrawalRule, compose, entry_into_force, replay,
                    sort_key)

__all__ = ["Compiled", "CompiledTreaty", "build", "problems_in", "compile_rules", "compile_withdrawal"]


@dataclass
class CompiledTreaty:
    id: str
    #: the validated treaty file, as JSON-ready values (``ts.treaty()`` validates it again on demand)
    raw: dict
    rules: TreatyRules
    #: state -> its records, in order
    events: dict[str, tuple[Event, ...]]
    #: state -> its history (every state with records, and the historical states)
    histories: dict[str, History]
    #: the history of a state with no record
    default: History
    #: state -> what user data replaced, and why
    overrides: dict[str, tuple[str, ...]] = field(default_factory=dict)
    #: a note if user data replaced the treaty's rules
    replaced: str | None = None
    file: str = ""
    #: the treaty whose withdrawal clause applies, where a protocol takes its parent's
    withdrawal_from: str | None = None
    #: the notifications of derogations (derogations/<id>.txt), in the depositary's order
    notifications: tuple[Notification, ...] = ()


@dataclass
class Compiled:
    meta: dict
    sources: dict[str, dict]
    states: dict[str, StateInfo]
    #: normalised name -> codes (the data's names, ISO 3166 names, historic names)
    names: dict[str, tuple[str, ...]]
    ambiguous: dict[str, tuple[str, ...]]
    iso2: dict[str, str]
    isonum: dict[str, str]
    treaties: dict[str, CompiledTreaty]
    #: normalised alias -> treaty id
    aliases: dict[str, str]
    #: group id -> its name, aliases, source, as-of day, note and members (groups.txt)
    groups: dict = field(default_factory=dict)


def build(layers: list[Layer]) -> Compiled:
    """Read, validate and compile every file of ``layers``; raise :class:`DataError` listing every problem."""
    problems: list[Problem] = []
    out = _Builder(layers, problems).run()
    if problems:
        raise DataError(problems)
    assert out is not None
    return out


def problems_in(layers: list[Layer]) -> list[Problem]:
    """Every problem in ``layers``, as ``(file, line, message)``; empty if none."""
    problems: list[Problem] = []
    _Builder(layers, problems).run()
    return problems


def _period(p: sc.Period | None):
    return None if p is None else p.compiled()


def compile_withdrawal(w: sc.Withdrawal) -> WithdrawalRule:
    """The rule objects of a validated withdrawal clause."""
    ac = w.armed_conflict
    conflict = None if ac is None else ConflictClause(ac.tested_at, ac.paragraph, ac.condition, ac.until, ac.ends,
                                                      ac.events)
    windows = None if w.windows is None else Windows(w.windows.first.compiled(), w.windows.then.compiled(),
                                                     w.windows.notice_before_end.compiled())
    minimum = None if w.minimum_membership is None else MinimumMembership(w.minimum_membership.compiled(), w.article)
    none = None if w.none is None else NoWithdrawalClause(w.none.vclt_article, position=w.none.position,
                                                          position_source=w.none.position_source,
                                                          position_text=w.none.position_text,
                                                          also_source=w.none.also_source, also_text=w.none.also_text)
    return WithdrawalRule(w.article, w.term, _period(w.notice), w.later_date_allowed, w.named_date_required,
                          conflict, windows, minimum, none, w.grounds)


def compile_rules(t: sc.Treaty) -> TreatyRules:
    """The rule objects of a validated treaty (its withdrawal rules already inherited)."""
    e = t.entry_into_force
    imm = e.immediate_in_conflict
    entry = EntryRule(e.date, e.threshold_date, e.treaty_rule.compiled(), e.state_rule.compiled(),
                      e.state_rule_after, e.treaty_article, e.state_article,
                      ImmediateInConflict(imm.article) if imm else None)
    rule = None if t.withdrawal is None else compile_withdrawal(t.withdrawal)
    expiry = None if t.expiry is None else Expiry(t.expiry.on, t.expiry.article, t.expiry.how)
    return TreatyRules(t.id, t.adopted, t.signatures_complete, entry, rule, t.parent, expiry)


class _Builder:
    def __init__(self, layers: list[Layer], problems: list[Problem]):
        self.layers = layers
        self.problems = problems
        self.meta: dict[str, Any] = {}
        self.sources: dict[str, dict] = {}
        self.states: dict[str, StateInfo] = {}
        self.treaty_models: dict[str, sc.Treaty] = {}
        self.treaty_files: dict[str, str] = {}
        self.treaty_texts: dict[str, str] = {}
        self.replaced: dict[str, str] = {}
        self.inherited: dict[str, str] = {}
        self.further: set[str] = set()  # origins of lines marked further=yes (another deposit)

    # -- the whole run ------------------------------------------------------------------------
    def run(self) -> Compiled | None:
        self._meta()
        for layer in self.layers:
            self._sources(layer)
        names, ambiguous = self._states()
        groups = self._groups()
        treaty_layers: dict[str, list[Layer]] = {}
        for layer in self.layers:
            for name in layer.names("treaties", ".toml"):
                treaty_layers.setdefault(name[:-5], []).append(layer)
        for layer in self.layers:
            for folder in ("events", "derogations"):
                for name in layer.names(folder, ".txt"):
                    if name[:-4] not in treaty_layers:
                        self.problems.append((layer.where(f"{folder}/{name}"), 1,
                                              f"unknown treaty {name[:-4]!r}: no treaties/{name[:-4]}.toml"))
        for tid, tl in sorted(treaty_layers.items()):
            for layer in tl:
                self._treaty(layer, tid, treaty_layers)
        self._inherit()
        aliases = self._aliases()
        treaties: dict[str, CompiledTreaty] = {}
        for tid in _parents_first(self.treaty_models):
            t = self.treaty_models[tid]
            ct = self._events(t, treaty_layers[tid], treaties)
            if ct is not None:
                treaties[tid] = ct
        if self.problems:
            return None
        iso2, isonum, iso_names, historic = _iso()
        for k, v in iso_names.items():
            names.setdefault(k, set()).update(v)
        for k, v in historic.items():
            known = {c for c in v if c in self.states}
            if known:
                names.setdefault(k, set()).update(known)
        return Compiled(self.meta, self.sources, self.states, {k: tuple(sorted(v)) for k, v in names.items()},
                        ambiguous, iso2, isonum, treaties, aliases, groups)

    # -- meta, sources, states ------------------------------------------------------------------
    def _meta(self) -> None:
        for layer in self.layers:
            if not layer.exists("meta.toml"):
                if not layer.user:
                    self.problems.append((layer.where("meta.toml"), 1, "missing file"))
                continue
            before = len(self.problems)
            meta = read_toml(layer.read("meta.toml"), layer.where("meta.toml"), self.problems)
            if len(self.problems) > before:
                continue
            if layer.user:
                self.meta.setdefault("user", []).append({"path": layer.label, **meta})
                if "as_of" in meta and "as_of" in self.meta:
                    self.meta["as_of"] = max(self.meta["as_of"], meta["as_of"])
            else:
                self.meta.update(meta)
                for key in ("data_version", "as_of"):
                    if key not in meta:
                        self.problems.append((layer.where("meta.toml"), 1, f"missing key {key!r}"))

    def _sources(self, layer: Layer) -> None:
        rel = "sources.toml"
        if not layer.exists(rel):
            if not layer.user:
                self.problems.append((layer.where(rel), 1, "missing file"))
            return
        text = layer.read(rel)
        raw = read_toml(text, layer.where(rel), self.problems)
        for sid, body in raw.items():
            if sid in self.sources:
                self.problems.append((layer.where(rel), toml_line(text, (sid,), header=True),
                                      f"source {sid!r} is already defined; give a new source a new id"))
                continue
            try:
                self.sources[sid] = sc.Source.model_validate({"id": sid, **body}).model_dump(mode="json")
            except ValidationError as exc:
                for err in exc.errors():
                    self.problems.append((layer.where(rel), toml_line(text, (sid, *err["loc"])),
                                          pydantic_message(err)))
            except TypeError:
                self.problems.append((layer.where(rel), toml_line(text, (sid,)), f"{sid}: expected a table"))

    def _groups(self) -> dict:
        """groups.txt of every layer: ``@group ID name= aliases= src= as_of= [note=]`` lines, then
        ``ID STATE FROM TO [src=] [note=]`` members (FROM, TO: a day, a month, a year, or "-")."""
        groups: dict[str, dict] = {}
        for layer in self.layers:
            rel = "groups.txt"
            if not layer.exists(rel):
                continue
            where = layer.where(rel)
            for lineno, parts in lines(layer.read(rel), keep_quotes=True):
                kv = {}
                plain = []
                for tok in parts:
                    key, sep, value = tok.partition("=")
                    if sep and key.isidentifier():
                        kv[key] = value.strip('"')
                    else:
                        plain.append(tok)
                if plain and plain[0] == "@group":
                    missing = [k for k in ("name", "src", "as_of") if k not in kv]
                    if len(plain) != 2 or missing:
                        self.problems.append((where, lineno, "expected @group ID name=... src=... as_of=DATE "
                                              "[aliases=A|B] [note=...]" + (f" (missing {', '.join(missing)})"
                                                                            if missing else "")))
                        continue
                    if kv["src"] not in self.sources:
                        self.problems.append((where, lineno, f"unknown source {kv['src']!r}"))
                    gid = plain[1]
                    if gid in groups:
                        self.problems.append((where, lineno, f"group {gid!r} is already defined"))
                        continue
                    try:
                        parse_data_date(kv["as_of"])
                    except ValueError as exc:
                        self.problems.append((where, lineno, f"as_of: {exc}"))
                    groups[gid] = {"id": gid, "name": kv["name"], "aliases": [a for a in kv.get("aliases", "").split("|")
                                                                              if a],
                                   "source": kv["src"], "as_of": kv["as_of"], "note": kv.get("note"), "members": []}
                    continue
                if len(plain) != 4:
                    self.problems.append((where, lineno, "expected GROUP STATE FROM TO [src=...] [note=...]"))
                    continue
                gid, code, lo, hi = plain
                if gid not in groups:
                    self.problems.append((where, lineno, f"unknown group {gid!r}: define it with an @group line first"))
                    continue
                if code not in self.states:
                    self.problems.append((where, lineno, f"unknown state {code!r}"))
                    continue
                src = kv.get("src", groups[gid]["source"])
                if src not in self.sources:
                    self.problems.append((where, lineno, f"unknown source {src!r}"))
                    continue
                try:
                    a = parse_data_date(lo) if lo != "-" else None
                    b = parse_data_date(hi) if hi != "-" else None
                except ValueError as exc:
                    self.problems.append((where, lineno, str(exc)))
                    continue
                if a is not None and b is not None and b[1] < a[0]:
                    self.problems.append((where, lineno, f"membership ends ({hi}) before it begins ({lo})"))
                    continue
                groups[gid]["members"].append([code, lo, hi, src, kv.get("note"), f"{where}:{lineno}"])
        return groups

    def _states(self) -> tuple[dict[str, set[str]], dict[str, tuple[str, ...]]]:
        states = self.states
        for layer in self.layers:
            rel = "states.txt"
            if not layer.exists(rel):
                if not layer.user:
                    self.problems.append((layer.where(rel), 1, "missing file"))
                continue
            for lineno, parts in lines(layer.read(rel)):
                if len(parts) < 6:
                    self.problems.append((layer.where(rel), lineno, "expected CODE KIND SINCE UNTIL UN NAME"))
                    continue
                code, kind, since, until, un = parts[:5]
                rest = parts[5:]
                continued_by = rest.pop(0)[2:] if rest[0].startswith("->") else None
                un_kind, _, un_dates = un.partition(":")
                un_since, _, un_until = un_dates.partition("..")
                if un != "-" and (un_kind not in ("member", "observer") or not un_since):
                    self.problems.append((layer.where(rel), lineno, f"UN column {un!r}: expected -, member:DATE, "
                                          "member:DATE..DATE or observer:DATE"))
                    continue
                try:
                    m = sc.StateLine(code=code, kind=kind, name=" ".join(rest), since=None if since == "-" else since,
                                     until=None if until == "-" else until, continued_by=continued_by,
                                     un=None if un == "-" else un_kind, un_since=un_since or None,
                                     un_until=un_until or None)
                except ValidationError as exc:
                    self.problems.extend((layer.where(rel), lineno, pydantic_message(e)) for e in exc.errors())
                    continue
                if code in states:
                    self.problems.append((layer.where(rel), lineno, f"duplicate state {code}"))
                states[code] = StateInfo(m.code, m.name, m.kind, m.since, m.until, m.continued_by, m.un, m.un_since,
                                         m.un_until)
        for code, info in states.items():
            if info.continued_by and info.continued_by not in states:
                self.problems.append((self.layers[0].where("states.txt"), 1,
                                      f"{code}: unknown continuing state {info.continued_by!r}"))
        names: dict[str, set[str]] = {}
        ambiguous: dict[str, tuple[str, ...]] = {}
        for code, info in states.items():
            names.setdefault(normalise(info.name), set()).add(code)
        for layer in self.layers:
            rel = "names.txt"
            if not layer.exists(rel):
                continue
            for lineno, parts in lines(layer.read(rel)):
                if parts[0] == "ambiguous":
                    name, _, codes = " ".join(parts[1:]).partition(":")
                    cands = tuple(codes.split())
                    if [c for c in cands if c not in states] or len(cands) < 2:
                        self.problems.append((layer.where(rel), lineno, "ambiguous name needs two or more known "
                                              f"codes, got {codes.strip()!r}"))
                    ambiguous[normalise(name)] = cands
                    continue
                if parts[0] not in states:
                    self.problems.append((layer.where(rel), lineno, f"unknown state {parts[0]!r}"))
                    continue
                names.setdefault(normalise(" ".join(parts[1:])), set()).add(parts[0])
        return names, ambiguous

    # -- treaties ----------------------------------------------------------------------------------
    def _treaty(self, layer: Layer, tid: str, treaty_layers: dict[str, list[Layer]]) -> None:
        rel = f"treaties/{tid}.toml"
        where = layer.where(rel)
        text = layer.read(rel)
        raw = read_toml(text, where, self.problems)
        if not raw:
            return
        try:
            t = sc.Treaty.model_validate(raw)
        except ValidationError as exc:
            for err in exc.errors():
                self.problems.append((where, toml_line(text, err["loc"]), pydantic_message(err)))
            return
        bad = False
        if t.parent is not None and t.parent not in treaty_layers:
            self.problems.append((where, toml_line(text, ("parent",)), f"unknown parent treaty {t.parent!r}"))
            bad = True
        if t.id != tid:
            self.problems.append((where, toml_line(text, ("id",)), f"id {t.id!r} does not match the file name"))
            bad = True
        cited = [q.source for q in t.quoted_articles()] + [cp.source for cp in t.checkpoints] + [t.complete_record]
        if t.entry_into_force.immediate_in_conflict is not None:
            cited.append(t.entry_into_force.immediate_in_conflict.source)
        if t.withdrawal is not None and t.withdrawal.none is not None and t.withdrawal.none.position_source:
            cited.append(t.withdrawal.none.position_source)
        if t.withdrawal is not None and t.withdrawal.none is not None and t.withdrawal.none.also_source:
            cited.append(t.withdrawal.none.also_source)
        for s in cited:
            if s not in self.sources:
                self.problems.append((where, toml_line(text, (s,), value=True), f"unknown source {s!r}"))
                bad = True
        if bad:
            return
        if tid in self.treaty_models:
            self.replaced[tid] = (f"the rules of {tid} come from {where}, which replaces "
                                  f"{self.treaty_files[tid]}: user data take precedence")
        self.treaty_models[tid] = t
        self.treaty_files[tid] = where
        self.treaty_texts[tid] = text

    def _inherit(self) -> None:
        """A protocol without its own withdrawal or reservations rules takes its parent's (any depth)."""
        for tid in _parents_first(self.treaty_models):
            t = self.treaty_models[tid]
            if t.parent is None or t.parent not in self.treaty_models:
                continue
            p = self.treaty_models[t.parent]
            if t.withdrawal is None:
                self.inherited[tid] = self.inherited.get(p.id, p.id)
            if t.withdrawal is None or t.reservations is None:
                self.treaty_models[tid] = t.model_copy(update={"withdrawal": t.withdrawal or p.withdrawal,
                                                                "reservations": t.reservations or p.reservations})

    def _aliases(self) -> dict[str, str]:
        aliases: dict[str, str] = {}
        for tid in sorted(self.treaty_models):
            t = self.treaty_models[tid]
            for alias in (t.id, t.short_title, t.title, t.untc, *t.aliases):
                if not alias:
                    continue
                key = normalise(alias)
                other = aliases.get(key)
                if other and other != tid:
                    line = toml_line(self.treaty_texts[tid], ("aliases",))
                    self.problems.append((self.treaty_files[tid], line,
                                          f"alias {alias!r} already names treaty {other!r}"))
                aliases[key] = tid
        return aliases

    # -- events, rules, histories -----------------------------------------------------------------
    def _events(self, t: sc.Treaty, treaty_layers: list[Layer], done: dict[str, CompiledTreaty]
                ) -> CompiledTreaty | None:
        tid = t.id
        rel = f"events/{tid}.txt"
        kept: dict[tuple, Event] = {}
        notes: dict[str, list[str]] = {}
        for layer in self.layers:
            if layer.exists(rel):
                self._read_events(layer, rel, t, kept, notes)
        records: dict[str, list[Event]] = {}
        for ev in kept.values():
            records.setdefault(ev.state, []).append(ev)
        try:
            rules = compile_rules(t)
        except (ValueError, TypeError) as exc:
            self.problems.append((self.treaty_files[tid], 1, str(exc)))
            return None
        # a treaty open for signature (some State signed): only a signatory ratifies
        signing = rules.signatures_complete and any(e.kind is EventKind.SIGNATURE for r in records.values() for e in r)
        for code in records:
            records[code].sort(key=sort_key)
            self._check_record(rules, code, records[code], signing)
        if t.parent is not None and t.parent not in done:
            return None  # its parent failed; the problem is reported there
        events = {c: tuple(v) for c, v in sorted(records.items())}
        histories: dict[str, History] = {}
        parent = done.get(t.parent) if t.parent else None
        for code, info in self.states.items():
            own = events.get(code)
            acts = own
            if acts is None and info.continued_by:
                acts = events.get(info.continued_by)  # the same legal person: the continuing state's acts
            born = info.counted_from if info.kind != "other" else None
            if acts is None and info.until is None and (born is None or born <= rules.adopted):
                continue
            h = replay(rules, acts or (), state=code, until=info.until, since=info.since, born=born)
            if parent is not None and acts:
                h = compose(h, parent.histories.get(code) or parent.default)
            histories[code] = h
        default = replay(rules, (), state="", until=None)
        notifications: list[Notification] = []
        for layer in self.layers:
            if layer.exists(f"derogations/{tid}.txt"):
                self._read_derogations(layer, f"derogations/{tid}.txt", t, notifications)
        return CompiledTreaty(tid, t.model_dump(mode="json"), rules, events, histories, default,
                              {c: tuple(n) for c, n in notes.items()}, self.replaced.get(tid),
                              self.treaty_files[tid], self.inherited.get(tid), tuple(notifications))

    def _read_derogations(self, layer: Layer, rel: str, t: sc.Treaty, out: list[Notification]) -> None:
        """The notifications of derogations of one file; a user file's lines follow the shipped ones."""
        where = layer.where(rel)
        problems = self.problems
        if t.derogation is None:
            problems.append((where, 1, f"{t.id} has no [derogation] clause: notifications need one"))
            return
        default_source: str | None = None
        seen: dict[tuple, int] = {}
        for lineno, parts in lines(layer.read(rel), keep_quotes=True):
            if parts[0] == "@source":
                if len(parts) != 2 or parts[1] not in self.sources:
                    problems.append((where, lineno, f"unknown source {' '.join(parts[1:])!r}"))
                default_source = parts[1] if len(parts) == 2 else None
                continue
            if len(parts) < 3:
                problems.append((where, lineno, "expected STATE KIND RECEIVED [key=value ...]"))
                continue
            data: dict[str, Any] = {"treaty": t.id, "state": parts[0], "kind": parts[1]}
            bad = False
            try:
                if parts[2] != "?":
                    data["received"] = parse_data_date(parts[2])
                for tok in parts[3:]:
                    key, sep, value = tok.partition("=")
                    if not sep or key not in DEROGATION_KEYS:
                        problems.append((where, lineno, f"unexpected field {tok!r} (known: {', '.join(DEROGATION_KEYS)})"))
                        bad = True
                        continue
                    value = value.strip('"')
                    field_ = DEROGATION_KEYS[key]
                    if key in ("from", "to"):
                        data[field_] = parse_data_date(value)
                    elif key == "for":
                        if len(value) < 2 or not value[:-1].isdigit() or value[-1] not in "dm":
                            raise ValueError(f"for={value}: write Nd (days) or Nm (months)")
                        data[field_] = (int(value[:-1]), value[-1])
                    elif key in ("also", "articles"):
                        data[field_] = tuple(value.split(","))
                    else:
                        data[field_] = value
            except ValueError as exc:
                problems.append((where, lineno, f"date: {exc}" if "for=" not in str(exc) else str(exc)))
                continue
            if bad:
                continue
            data.setdefault("source", default_source)
            if data["source"] is None:
                problems.append((where, lineno, "no source: add src=ID or an @source line above"))
                continue
            try:
                m = sc.NotificationLine.model_validate(data)
            except ValidationError as exc:
                problems.extend((where, lineno, pydantic_message(e)) for e in exc.errors())
                continue
            if m.state not in self.states:
                problems.append((where, lineno, f"unknown state {m.state!r} (not in states.txt)"))
                continue
            missing = [s for s in (m.source, *m.also) if s not in self.sources]
            if missing:
                problems.append((where, lineno, f"unknown source {missing[0]!r} (not in sources.toml)"))
                continue

            def day(b):
                if b is None:
                    return None
                lo, hi, precision = b
                return hi if precision == "day" else DateRange(lo, hi, precision)

            n = Notification(t.id, m.state, m.kind, day(m.received), m.noted, m.measure, m.articles, m.territory,
                             day(m.start), day(m.end), m.length, m.ref, m.quote, m.source, m.also, m.note,
                             f"{where}:{lineno}")
            key = (n.state, n.kind, n.received, n.noted, n.ref, n.quote, n.start)
            if key in seen:
                problems.append((where, lineno, f"duplicate notification: {n.state} {n.kind} {parts[2]} (also line "
                                 f"{seen[key]})"))
                continue
            seen[key] = lineno
            out.append(n)

    def _read_events(self, layer: Layer, rel: str, t: sc.Treaty, kept: dict[tuple, Event],
                     notes: dict[str, list[str]]) -> None:
        where = layer.where(rel)
        problems = self.problems
        seen: dict[tuple, int] = {}
        default_source: str | None = None
        for lineno, parts in lines(layer.read(rel), keep_quotes=True):
            if parts[0] == "@source":
                if len(parts) != 2 or parts[1] not in self.sources:
                    problems.append((where, lineno, f"unknown source {' '.join(parts[1:])!r}"))
                default_source = parts[1] if len(parts) == 2 else None
                continue
            if len(parts) < 3:
                problems.append((where, lineno, "expected STATE KIND DATE [key=value ...]"))
                continue
            try:
                lo, hi, precision = parse_data_date(parts[2])
            except ValueError as exc:
                problems.append((where, lineno, f"date: {exc}"))
                continue
            data: dict[str, Any] = {"treaty": t.id, "state": parts[0], "kind": parts[1], "earliest": lo,
                                    "latest": hi, "precision": precision}
            replaces = None
            bad = False
            for tok in parts[3:]:
                key, sep, value = tok.partition("=")
                if sep and key == "replaces" and layer.user:
                    replaces = value
                    continue
                if not sep or key not in EVENT_KEYS:
                    known = ", ".join([*EVENT_KEYS, "replaces (user data)"])
                    problems.append((where, lineno, f"unexpected field {tok!r} (known: {known})"))
                    bad = True
                    continue
                value = value.strip('"')
                data[EVENT_KEYS[key]] = tuple(value.split(",")) if key == "also" else value
            if bad:
                continue
            data.setdefault("source", default_source)
            if data["source"] is None:
                problems.append((where, lineno, "no source: add src=ID or an @source line above"))
                continue
            try:
                m = sc.EventLine.model_validate(data)
            except ValidationError as exc:
                problems.extend((where, lineno, pydantic_message(e)) for e in exc.errors())
                continue
            if m.state not in self.states:
                problems.append((where, lineno, f"unknown state {m.state!r} (not in states.txt)"))
                continue
            missing = [s for s in (m.source, *m.also) if s not in self.sources]
            if missing:
                problems.append((where, lineno, f"unknown source {missing[0]!r} (not in sources.toml)"))
                continue
            if m.article is not None and m.article not in {d.article for d in t.declarations}:
                known = ", ".join(d.article for d in t.declarations) or "none"
                problems.append((where, lineno, f"article={m.article}: {t.id} lists no declarations under that "
                                 f"article ([[declarations]] lists: {known})"))
                continue
            if m.immediate and t.entry_into_force.immediate_in_conflict is None:
                problems.append((where, lineno, f"immediate=yes: {t.id} has no clause giving immediate effect"))
                continue
            day = m.latest if m.precision == "day" else DateRange(m.earliest, m.latest, m.precision)
            ev = Event(m.treaty, m.state, m.kind, day, m.source, m.also, m.effective, m.in_force, m.ref, m.at,
                       m.disputed, m.immediate, m.note, f"{where}:{lineno}", m.article, m.value, m.ceased)
            if m.further:
                self.further.add(ev.origin)
            key = (ev.state, ev.kind, ev.latest, ev.at, ev.article)
            if key in seen:
                problems.append((where, lineno, f"duplicate record: {ev.state} {ev.kind} {parts[2]}"
                                 + (f" at {ev.at}" if ev.at else "") + f" (also line {seen[key]})"))
                continue
            seen[key] = lineno
            if ev.latest < t.adopted and ev.kind not in (EventKind.ANNOUNCEMENT, EventKind.GAP):
                problems.append((where, lineno, f"{ev.kind} on {parts[2]} is before the treaty was adopted "
                                 f"({t.adopted})"))
                continue
            sig = t.signature
            if ev.kind is EventKind.SIGNATURE and sig is not None and (
                    ev.latest < sig.opened or (sig.closed is not None and ev.latest >= sig.closed)):
                problems.append((where, lineno, f"signature on {parts[2]} while the treaty was not open for "
                                 f"signature ({sig.opened} to {sig.closed or 'now'})"))
                continue
            if replaces is not None:
                try:
                    old_key = (ev.state, ev.kind, parse_data_date(replaces)[1], ev.at, ev.article)
                except ValueError:
                    problems.append((where, lineno, f"replaces={replaces!r}: not a date"))
                    continue
                if old_key not in kept:
                    problems.append((where, lineno, f"replaces={replaces}: there is no {ev.state} {ev.kind} "
                                     "record of that date to replace"))
                    continue
                drop = old_key
            else:
                drop = key if key in kept else None
            if drop is not None:
                old = kept.pop(drop)
                notes.setdefault(ev.state, []).append(
                    f"{ev.origin} (source {ev.source}) replaces {old.origin} (source {old.source}): "
                    "user data take precedence over the data they are laid over")
            kept[key] = ev

    def _check_record(self, rules: TreatyRules, code: str, evs: list[Event], signing: bool = False) -> None:
        """The order of one state's acts, and the dates a source gives against the rules."""
        problems = self.problems
        consent: Event | None = None
        in_force: date | None = None
        pending: Event | None = None
        pending_eff: date | None = None
        signed = False
        w = rules.withdrawal
        for ev in evs:
            where, _, line = ev.origin.rpartition(":")
            at = (where, int(line))
            k = ev.kind
            if k is EventKind.SIGNATURE:
                signed = True
            if k in _SIGNED_ONLY and signing and not signed:
                problems.append((*at, f"{code}: a {k.value} without a signature on record (a State that did "
                                 "not sign accedes)"))
            if k in CONSENT_KINDS:
                if consent is not None and k is consent.kind and (ev.at != consent.at or ev.origin in self.further
                                                                  or consent.origin in self.further):
                    continue  # the same act deposited with another depositary
                if consent is not None:
                    problems.append((*at, f"{code}: a second instrument of consent while the first "
                                     f"({consent.kind} {consent.date}) stands"))
                    continue
                consent, pending, pending_eff = ev, None, None
                entry = entry_into_force(rules.entry, ev, ev.earliest or ev.latest, ev.latest)
                in_force = entry.earliest if entry else None
                if ev.in_force is not None and not ev.immediate and ev.kind is not EventKind.INSTRUMENT:
                    ruled = entry_into_force(rules.entry, _without_in_force(ev), ev.earliest or ev.latest, ev.latest)
                    if ruled is not None and (ruled.earliest, ruled.latest) != (ev.in_force, ev.in_force):
                        problems.append((*at, f"{code}: in_force={ev.in_force} but the rule (Art. {ruled.article}) "
                                         f"gives {ruled.earliest}" + ("" if ruled.earliest == ruled.latest
                                                                      else f" to {ruled.latest}")))
            elif k is EventKind.WITHDRAWAL:
                if consent is None:
                    msg = (f"a second withdrawal while the one notified {pending.date} is pending" if pending is not None
                           and pending_eff is not None and ev.latest < pending_eff
                           else "withdrawal without an instrument of consent")
                    problems.append((*at, f"{code}: {msg}"))
                    continue
                pending = ev
                pending_eff = ev.effective
                if w is not None and w.effect is not None and ev.effective is not None and not ev.disputed:
                    if ev.earliest is None:
                        pass  # known only as a latest day: the effect bounds it, nothing to check
                    else:
                        floor = w.earliest(ev.earliest, treaty_in_force=rules.entry.treaty_date)
                        if isinstance(floor, date) and ev.effective < floor:
                            problems.append((*at, f"{code}: the withdrawal takes effect on {ev.effective}, before its "
                                             f"notice period ends ({floor}, Art. {w.article})"))
                        elif (isinstance(floor, date) and ev.effective > w.earliest(ev.latest, treaty_in_force=(
                                rules.entry.treaty_date)) and not (w.later_date_allowed or w.named_date_required
                                                                   or w.can_defer)):
                            problems.append((*at, f"{code}: the withdrawal takes effect on {ev.effective}, later than "
                                             f"its notice period gives ({floor}), and Art. {w.article} allows no "
                                             "later date"))
                if pending_eff is None and w is not None and w.effect is not None:
                    v = w.earliest(ev.latest, treaty_in_force=rules.entry.treaty_date)
                    pending_eff = v if isinstance(v, date) else None
                consent = None
            elif k is EventKind.WITHDRAWAL_REVOKED:
                if pending is None:
                    problems.append((*at, f"{code}: a withdrawal revoked that was never notified"))
                    continue
                if pending_eff is not None and ev.latest >= pending_eff:
                    problems.append((*at, f"{code}: withdrawal revoked on or after the day it took effect "
                                     f"({pending_eff})"))
                    continue
                consent = next(e for e in reversed(evs[: evs.index(pending)]) if e.kind in CONSENT_KINDS)
                pending = pending_eff = None
            elif k is EventKind.CONSENT_REVOKED:
                if consent is None:
                    problems.append((*at, f"{code}: consent revoked that was never given"))
                    continue
                if in_force is not None and in_force <= ev.latest:
                    problems.append((*at, f"{code}: consent revoked after the treaty entered into force for the "
                                     "state; record a withdrawal"))
                consent = in_force = None


_SIGNED_ONLY = frozenset({EventKind.RATIFICATION})


def _without_in_force(ev: Event) -> Event:
    return ev._replace(in_force=None)


def _parents_first(models: dict[str, sc.Treaty]) -> list[str]:
    out: list[str] = []
    seen: set[str] = set()

    def visit(tid: str, path: tuple[str, ...] = ()) -> None:
        if tid in seen or tid not in models or tid in path:
            return
        p = models[tid].parent
        if p is not None:
            visit(p, path + (tid,))
        seen.add(tid)
        out.append(tid)

    for tid in sorted(models):
        visit(tid)
    return out


def _iso() -> tuple[dict[str, str], dict[str, str], dict[str, set[str]], dict[str, set[str]]]:
    """ISO 3166 codes and names from pycountry: alpha-2 and numeric codes, the current
    countries' names and the historic ones'."""
    import pycountry

    iso2: dict[str, str] = {}
    isonum: dict[str, str] = {}
    names: dict[str, set[str]] = {}
    historic: dict[str, set[str]] = {}
    for c in pycountry.countries:
        iso2[c.alpha_2] = c.alpha_3
        isonum[c.numeric] = c.alpha_3
        for attr in ("name", "official_name", "common_name"):
            v = getattr(c, attr, None)
            if v:
                names.setdefault(normalise(v), set()).add(c.alpha_3)
    for c in pycountry.historic_countries:
        historic.setdefault(normalise(c.name), set()).add(c.alpha_3)
    return iso2, isonum, names, historic

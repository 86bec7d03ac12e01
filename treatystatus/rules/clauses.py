"""Clause kinds as composable rule objects.

Each object is frozen, is applied to dates, and says what it is with ``describe()``: a
machine-readable dict (its kind and parameters, and the treaty's own words where the data
quote them). The explanation module turns those dicts into English; nothing here writes
prose.

Periods turn one day into another (``MonthsAfter(6).apply(notice)``). Withdrawal clauses
are expressions over a :class:`Context` (the notice, a date the notice names, the conflict
facts, the state's and the treaty's dates), built from a few nodes:

- ``AfterNotice(period)``: the notice day plus a period;
- ``NamedDay(not_before)``: a day the notice names, not before a period has run;
- ``Later(a, b, ...)``: the later of its parts (so a deferral can only postpone);
- ``EventEnd(event)``: the end of an event the caller states (an armed conflict ...);
- ``IfInConflict(tested_at, then, otherwise)``: a condition tested at notice or at expiry;
- ``Windows(first, then, notice)``: fixed renewal periods (Genocide Convention, Art. XIV);

and by three guards on the notice itself: ``MinimumMembership(period)``,
``NoWithdrawalClause(vclt_article, position)`` and the treaty's own ``Expiry``.
"""

from __future__ import annotations

from datetime import date, timedelta

from ..dates import add_months
from ..errors import InvalidDateError
from ..frozen import Frozen

__all__ = [
    "Period", "OnDate", "DaysAfter", "MonthsAfter", "YearsAfter", "FirstDayOfNthMonthAfter",
    "FirstDayOfMonthAfterDays", "period", "PERIOD_KINDS",
    "Context", "OPEN", "UNKNOWN", "Node", "AfterNotice", "NamedDay", "Later", "EventEnd", "IfInConflict",
    "Windows", "MinimumMembership", "NoWithdrawalClause", "Expiry", "ImmediateInConflict",
]


# -- periods ------------------------------------------------------------------------------------

class Period:
    """A rule that turns one date into another, e.g. "six months after receipt" (monotone)."""

    kind = "period"
    n = 0

    def apply(self, d: date) -> date:
        try:
            return self._apply(d)
        except (OverflowError, ValueError):
            raise InvalidDateError(d, f"{self.kind} {self.n} from {d} is out of range (after 31 December 9999)") \
                from None

    def _apply(self, d: date) -> date:  # pragma: no cover - abstract
        raise NotImplementedError

    def describe(self) -> dict:
        return {"kind": self.kind, "n": self.n}

    def __eq__(self, other: object) -> bool:
        return type(other) is type(self) and other.n == self.n  # type: ignore[attr-defined]

    def __hash__(self) -> int:
        return hash((self.kind, self.n))

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.n})" if self.kind != "on-date" else "OnDate()"


class OnDate(Period):
    """The same day."""

    kind = "on-date"

    def _apply(self, d: date) -> date:
        return d


class _N(Period):
    def __init__(self, n: int):
        if n < 0:
            raise ValueError("a period cannot be negative")
        self.n = n


class DaysAfter(_N):
    """``n`` days later ("on the thirtieth day following the deposit")."""

    kind = "days-after"

    def _apply(self, d: date) -> date:
        return d + timedelta(days=self.n)


class MonthsAfter(_N):
    """The same day ``n`` months later (the month's last day where that day does not exist)."""

    kind = "months-after"

    def _apply(self, d: date) -> date:
        return add_months(d, self.n)


class YearsAfter(_N):
    """The same day ``n`` years later (28 February for 29 February in a common year)."""

    kind = "years-after"

    def _apply(self, d: date) -> date:
        return add_months(d, 12 * self.n)


class FirstDayOfNthMonthAfter(_N):
    """The first day of the ``n``-th month after the month of the day."""

    kind = "first-day-of-nth-month-after"

    def _apply(self, d: date) -> date:
        return add_months(d.replace(day=1), self.n)


class FirstDayOfMonthAfterDays(_N):
    """The first day of the month after the ``n``-th day following the day."""

    kind = "first-day-of-month-after-days"

    def _apply(self, d: date) -> date:
        later = d + timedelta(days=self.n)
        return add_months(later.replace(day=1), 1)


PERIOD_KINDS = {c.kind: c for c in (OnDate, DaysAfter, MonthsAfter, YearsAfter, FirstDayOfNthMonthAfter,
                                    FirstDayOfMonthAfterDays)}


def period(kind: str, n: int = 0) -> Period:
    """The period named ``kind`` (as the data files name it)."""
    cls = PERIOD_KINDS[kind]
    return cls() if cls is OnDate else cls(n)  # type: ignore[call-arg]


# -- the context a withdrawal clause is evaluated in -------------------------------------------------

class _Marker:
    def __init__(self, name: str):
        self.name = name

    def __repr__(self) -> str:
        return self.name


#: a value that has no date: the event it waits for has no known end
OPEN = _Marker("OPEN")
#: a value that cannot be told: it depends on facts the caller did not give
UNKNOWN = _Marker("UNKNOWN")


class Context(Frozen):
    """The facts a withdrawal clause is applied to."""

    __slots__ = ('notice', 'named', 'in_conflict', 'conflict_end', 'treaty_in_force', 'state_in_force')
    _defaults = {'named': None, 'in_conflict': None, 'conflict_end': None, 'treaty_in_force': None, 'state_in_force': None}


def _later(values: list) -> object:
    if any(v is UNKNOWN for v in values):
        return UNKNOWN
    if any(v is OPEN for v in values):
        return OPEN
    return max(values)


class Node(Frozen):
    """A part of a withdrawal clause: ``evaluate(ctx, trace)`` gives a date, OPEN or UNKNOWN."""

    __slots__ = ()

    def evaluate(self, ctx: Context, trace: list) -> object:  # pragma: no cover - abstract
        raise NotImplementedError

    def describe(self) -> dict:  # pragma: no cover - abstract
        raise NotImplementedError

    def earliest(self, ctx: Context) -> object:
        """What the notice period alone gives: no conflict, and no later day named."""
        return self.evaluate(Context(ctx.notice, None, False, None, ctx.treaty_in_force, ctx.state_in_force), [])


class AfterNotice(Node):
    """The notice day plus a period ("six months after the receipt of the instrument")."""

    __slots__ = ('period',)

    def evaluate(self, ctx: Context, trace: list) -> object:
        v = self.period.apply(ctx.notice)
        trace.append({"step": "after-notice", "period": self.period.describe(), "from": ctx.notice, "gives": v})
        return v

    def describe(self) -> dict:
        return {"kind": "after-notice", "period": self.period.describe()}


class NamedDay(Node):
    """A later day the notice names, not before ``not_before`` has run from the notice."""

    __slots__ = ('not_before', 'required')
    _defaults = {'required': False}

    def evaluate(self, ctx: Context, trace: list) -> object:
        floor = self.not_before.apply(ctx.notice)
        v = floor if ctx.named is None else max(floor, ctx.named)
        trace.append({"step": "named-day", "named": ctx.named, "not_before": floor, "gives": v,
                      "named_too_early": ctx.named is not None and ctx.named < floor})
        return v

    def describe(self) -> dict:
        return {"kind": "named-day", "not_before": self.not_before.describe(), "required": self.required}


class EventEnd(Node):
    """The end of an event the clause waits for (the end of the armed conflict ...), as stated."""

    __slots__ = ('event',)

    def evaluate(self, ctx: Context, trace: list) -> object:
        v = ctx.conflict_end if ctx.conflict_end is not None else (OPEN if ctx.in_conflict else UNKNOWN)
        trace.append({"step": "event-end", "event": self.event, "gives": v})
        return v

    def describe(self) -> dict:
        return {"kind": "event-end", "event": self.event}


class Later(Node):
    """The later of its parts: a part can only postpone, never bring a date forward."""

    __slots__ = ('parts',)

    def evaluate(self, ctx: Context, trace: list) -> object:
        values = [p.evaluate(ctx, trace) for p in self.parts]
        v = _later(values)
        trace.append({"step": "later", "of": values, "gives": v})
        return v

    def describe(self) -> dict:
        return {"kind": "later", "parts": [p.describe() for p in self.parts]}


class IfInConflict(Node):
    """A condition on an armed conflict, tested when notice is given or when the period expires.

    ``condition``, ``until`` and ``ends`` are the treaty's own words (data); ``paragraph`` is
    where they stand.
    """

    __slots__ = ('tested_at', 'then', 'otherwise', 'paragraph', 'condition', 'until', 'ends')
    _defaults = {'paragraph': "", 'condition': "", 'until': "", 'ends': ""}

    def test_day(self, ctx: Context) -> object:
        return ctx.notice if self.tested_at == "notification" else self.otherwise.evaluate(ctx, [])

    def holds(self, ctx: Context) -> bool | None:
        """Whether the state is in the conflict on the day the condition is tested."""
        if ctx.in_conflict is False:
            return False
        day = self.test_day(ctx)
        if ctx.conflict_end is not None:
            return isinstance(day, date) and ctx.conflict_end > day
        return True if ctx.in_conflict else None

    def evaluate(self, ctx: Context, trace: list) -> object:
        held = self.holds(ctx)
        trace.append({"step": "condition", "tested_at": self.tested_at, "on": self.test_day(ctx), "holds": held,
                      "conflict_end": ctx.conflict_end})
        if held is None:
            base = self.otherwise.evaluate(ctx, trace)
            trace.append({"step": "unknown-condition", "gives": UNKNOWN, "otherwise": base})
            return UNKNOWN
        return (self.then if held else self.otherwise).evaluate(ctx, trace)

    def describe(self) -> dict:
        return {"kind": "if-in-conflict", "tested_at": self.tested_at, "paragraph": self.paragraph,
                "condition": self.condition, "until": self.until, "ends": self.ends,
                "then": self.then.describe(), "otherwise": self.otherwise.describe()}


class Windows(Node):
    """Fixed periods: ``first`` from the treaty's entry into force, then successive ``then``;
    a denunciation given at least ``notice`` before a period ends takes effect when it ends."""

    __slots__ = ('first', 'then', 'notice')

    def period_ends(self, start: date, after: date) -> date:
        """The first end of a period such that a notice on ``after`` is in time for it."""
        end = self.first.apply(start)
        k = 0
        while self.notice.apply(after) > end:
            k += 1
            end = self.then.apply(end)
            if k > 10_000:  # pragma: no cover - guard
                raise InvalidDateError(after, "no renewal period ends in range")
        return end

    def evaluate(self, ctx: Context, trace: list) -> object:
        if ctx.treaty_in_force is None:
            trace.append({"step": "windows", "gives": UNKNOWN, "why": "treaty-not-in-force"})
            return UNKNOWN
        v = self.period_ends(ctx.treaty_in_force, ctx.notice)
        trace.append({"step": "windows", "from": ctx.treaty_in_force, "notice": ctx.notice, "gives": v,
                      "deadline": _minus(self.notice, v)})
        return v

    def describe(self) -> dict:
        return {"kind": "windows", "first": self.first.describe(), "then": self.then.describe(),
                "notice_before_end": self.notice.describe()}


def _minus(p: Period, end: date) -> date:
    """The last day a notice can be given for a period ending on ``end`` (``p`` before it)."""
    lo, hi = end - timedelta(days=3700), end
    while lo < hi:  # the latest day d with p.apply(d) <= end
        mid = lo + (hi - lo + timedelta(days=1)) // 2
        if p.apply(mid) <= end:
            lo = mid
        else:
            hi = mid - timedelta(days=1)
    return lo


# -- guards on the notice, and treaty-level clauses ---------------------------------------------------

class MinimumMembership(Frozen):
    """Notice may be given only once ``period`` has run from the treaty's entry into force for
    the state (European Convention on Human Rights, Art. 58(1): five years)."""

    __slots__ = ('period', 'article')
    _defaults = {'article': ""}

    def first_notice_day(self, state_in_force: date) -> date:
        return self.period.apply(state_in_force)

    def describe(self) -> dict:
        return {"kind": "minimum-membership", "period": self.period.describe(), "article": self.article}


class NoWithdrawalClause(Frozen):
    """The treaty has no clause on withdrawal: the Vienna Convention on the Law of Treaties,
    Art. 56, applies (no withdrawal unless the parties intended to allow it or the treaty's
    nature implies it; then twelve months' notice), with a treaty body's or the depositary's
    stated position where one exists."""

    __slots__ = ('vclt_article', 'notice', 'position', 'position_source', 'position_text', 'also_source', 'also_text')
    _defaults = {'vclt_article': "56", 'notice': MonthsAfter(12), 'position': None, 'position_source': None,
                 'position_text': None, 'also_source': None, 'also_text': None}

    def describe(self) -> dict:
        return {"kind": "no-withdrawal-clause", "vclt_article": self.vclt_article, "notice": self.notice.describe(),
                "position": self.position, "position_source": self.position_source}


class Expiry(Frozen):
    """The treaty's own end: on ``on`` it ceases to be in force for every party."""

    __slots__ = ('on', 'article', 'how')
    _defaults = {'article': "", 'how': "expiry"}

    def describe(self) -> dict:
        return {"kind": self.how, "on": self.on, "article": self.article}


class ImmediateInConflict(Frozen):
    """Ratifications and accessions by parties to a conflict take effect at once (Geneva
    Conventions I-IV, Arts. 62/61/141/157): applied where the source records that they did."""

    __slots__ = ('article',)

    def describe(self) -> dict:
        return {"kind": "immediate-in-conflict", "article": self.article}

"""Invariants over many inputs (hypothesis: 300 seeded examples per test in CI, 2,000 fresh ones
with HYPOTHESIS_PROFILE=long)."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given, strategies as st

import treatystatus as ts
from treatystatus import TreatyStatusError
from treatystatus.dates import DateRange, add_months
from treatystatus.index import current
from treatystatus.rules import (DaysAfter, FirstDayOfMonthAfterDays, FirstDayOfNthMonthAfter, MonthsAfter,
                                YearsAfter)

STATES = sorted(current().states)
TREATIES = [t.id for t in ts.treaties()]
days = st.dates(min_value=date(1945, 1, 1), max_value=date(2040, 12, 31))


def _in(lst, code, d):
    """A state is on a list under its own code or, while it existed, under the code of the state
    that continues it (the same legal person, which holds its acts)."""
    info = current().states[code]
    return code in lst or (info.continued_by in lst and (info.until is None or d < info.until))


@given(st.sampled_from(STATES), st.sampled_from(TREATIES), days)
def test_is_party_agrees_with_status_lists_and_panel(state, treaty, d):
    from treatystatus.panels import panel_rows

    r = ts.status(state, treaty, d)
    try:
        party = ts.is_party(state, treaty, d)
    except ts.StatusUnknownError:
        party = None
    assert r.is_party == party
    plist = ts.parties(treaty, d)
    if party is None:
        assert not _in(plist, state, d) and not _in(ts.non_parties(treaty, d), state, d)
        assert r.status in (ts.Status.UNDECIDED, ts.Status.UNKNOWN, ts.Status.WITHDRAWAL_DISPUTED)
    else:
        assert party == _in(plist, state, d)
    (row,) = list(panel_rows([treaty], d, d, freq="day", states=[state]))
    assert row.status is r.status and row.is_party == r.is_party
    if party:
        eif = r.entry_into_force
        assert eif is not None and (eif.latest if isinstance(eif, DateRange) else eif) <= d
        we = r.withdrawal_effective
        assert we is None or d < (we.earliest if isinstance(we, DateRange) else we)


@given(st.sampled_from(STATES), st.sampled_from(TREATIES), days, st.one_of(st.none(), days), st.booleans())
def test_a_withdrawal_never_takes_effect_before_notice_plus_period(state, treaty, d, end, at_war):
    w = ts.treaty(treaty).withdrawal
    r = ts.withdrawal(state, treaty, notified_on=d, armed_conflict_until=end if at_war else None,
                      in_armed_conflict=None if at_war else False)
    if r.possible and w.notice is not None:
        floor = w.notice.apply(d)
        assert r.earliest_effective is not None and r.earliest_effective >= floor >= d
        assert floor > d or w.notice.rule.value == "on-date"  # only "on the same day" takes effect at once
        if r.effective is not None:
            assert r.effective >= r.earliest_effective  # a deferral can only postpone
            if end is not None and at_war:
                assert r.effective >= floor
    if not r.possible:
        assert r.effective is None
    if ts.status(state, treaty, d).status not in (ts.Status.PARTY, ts.Status.CONSENTED):
        assert not r.possible


@given(st.text(max_size=40))
def test_any_text_as_a_state_is_an_answer_or_a_clear_error(text):
    try:
        code = ts.resolve_state(text)
    except TreatyStatusError as exc:
        assert str(exc) and "\n" not in str(exc)
    else:
        assert code in current().states


@given(st.text(max_size=40))
def test_any_text_as_a_treaty_is_an_answer_or_a_clear_error(text):
    try:
        t = ts.treaty(text)
    except TreatyStatusError as exc:
        assert str(exc)
    else:
        assert t.id in TREATIES


@given(st.one_of(st.text(max_size=20), st.integers(), st.floats(), st.none(), st.dates()))
def test_any_date_argument_is_a_date_or_a_clear_error(value):
    try:
        r = ts.status("UKR", "apmbc", value)
    except TreatyStatusError as exc:
        assert "invalid date" in str(exc)
    else:
        assert isinstance(r.on, date)


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 1, 1)), st.integers(0, 120))
def test_period_rules(d, n):
    assert DaysAfter(n).apply(d) == d + timedelta(days=n)
    m = add_months(d, n)
    assert (m.year * 12 + m.month) - (d.year * 12 + d.month) == n and m.day <= d.day
    assert YearsAfter(n // 12).apply(d) == add_months(d, 12 * (n // 12))
    assert MonthsAfter(n).apply(d) == m
    f = FirstDayOfNthMonthAfter(n).apply(d)
    assert f.day == 1 and (f.year * 12 + f.month) - (d.year * 12 + d.month) == n
    g = FirstDayOfMonthAfterDays(n).apply(d)
    assert g.day == 1 and g > d + timedelta(days=n) and g - (d + timedelta(days=n)) <= timedelta(days=31)


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 1, 1)),
       st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 1, 1)), st.integers(0, 40))
def test_periods_are_monotone(a, b, n):
    lo, hi = min(a, b), max(a, b)
    for p in (DaysAfter(n), MonthsAfter(n), YearsAfter(n), FirstDayOfNthMonthAfter(n), FirstDayOfMonthAfterDays(n)):
        assert p.apply(lo) <= p.apply(hi)


def test_month_arithmetic_at_month_ends():
    assert add_months(date(2025, 8, 31), 6) == date(2026, 2, 28)
    assert add_months(date(2023, 8, 31), 6) == date(2024, 2, 29)
    assert add_months(date(2025, 12, 27), 6) == date(2026, 6, 27)


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False) | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=20)


@given(json_values, st.sampled_from([None, 2]))
def test_the_json_writer_agrees_with_the_json_module(value, indent):
    import json

    from treatystatus.jsontext import dumps

    assert dumps(value, indent) == json.dumps(value, ensure_ascii=False, indent=indent)
    assert json.loads(dumps(value, indent)) == value

"""Invariants over many inputs (hypothesis, fixed seed)."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given, strategies as st

import treatystatus as ts
from treatystatus import TreatyStatusError
from treatystatus.models import Period, PeriodRule, add_months
from treatystatus.store import dataset

STATES = sorted(dataset().states.states)
TREATIES = [t.id for t in ts.treaties()]
days = st.dates(min_value=date(1945, 1, 1), max_value=date(2040, 12, 31))


@given(st.sampled_from(STATES), st.sampled_from(TREATIES), days)
def test_is_party_agrees_with_parties_and_status(state, treaty, d):
    r = ts.status(state, treaty, d)
    party = ts.is_party(state, treaty, d)
    assert r.is_party == party
    in_list = state in ts.parties(treaty, d) or (
        dataset().states.states[state].continued_by in ts.parties(treaty, d))
    assert party == in_list
    if party:
        assert r.entry_into_force is not None and r.entry_into_force <= d
        assert r.withdrawal_effective is None or d < r.withdrawal_effective


@given(st.sampled_from(STATES), st.sampled_from(TREATIES), days)
def test_a_withdrawal_never_takes_effect_before_notice_plus_period(state, treaty, d):
    r = ts.withdrawal(state, treaty, notified_on=d, in_armed_conflict=False)
    if r.possible:
        rule = ts.treaty(treaty).withdrawal.notice
        assert r.effective is not None and r.effective >= rule.apply(d) > d


@given(st.text(max_size=40))
def test_any_text_as_a_state_is_an_answer_or_a_clear_error(text):
    try:
        code = ts.resolve_state(text)
    except TreatyStatusError as exc:
        assert str(exc) and "\n" not in str(exc)
    else:
        assert code in dataset().states.states


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
    assert Period(rule=PeriodRule.DAYS_AFTER, n=n).apply(d) == d + timedelta(days=n)
    m = add_months(d, n)
    assert (m.year * 12 + m.month) - (d.year * 12 + d.month) == n and m.day <= d.day
    f = Period(rule=PeriodRule.FIRST_DAY_OF_NTH_MONTH_AFTER, n=n).apply(d)
    assert f.day == 1 and (f.year * 12 + f.month) - (d.year * 12 + d.month) == n
    g = Period(rule=PeriodRule.FIRST_DAY_OF_MONTH_AFTER_DAYS, n=n).apply(d)
    assert g.day == 1 and g > d + timedelta(days=n) and g - (d + timedelta(days=n)) <= timedelta(days=31)


def test_month_arithmetic_at_month_ends():
    assert add_months(date(2025, 8, 31), 6) == date(2026, 2, 28)
    assert add_months(date(2023, 8, 31), 6) == date(2024, 2, 29)
    assert add_months(date(2025, 12, 27), 6) == date(2026, 6, 27)


@given(st.sampled_from(STATES), st.sampled_from(TREATIES), days)
def test_panel_change_points_agree_with_status(state, treaty, d):
    from treatystatus.panels import panel_rows

    (row,) = list(panel_rows([treaty], d, d, freq="day", states=[state]))
    r = ts.status(state, treaty, d)
    assert row.status is r.status and row.is_party == r.is_party

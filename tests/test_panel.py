"""The long panel (state, treaty, date, status, is_party) without pandas."""

from __future__ import annotations

from datetime import date

import treatystatus as ts
from treatystatus import Status
from treatystatus.panels import dates, panel_rows


def test_yearly_panel_rows_and_states():
    rows = list(panel_rows(["apmbc"], "2010-01-01", "2026-11-25", freq="year"))
    years = sorted({r.date for r in rows})
    assert years[0] == date(2010, 1, 1) and years[-1] == date(2026, 1, 1) and len(years) == 17
    by = {(r.state, r.date): r for r in rows}
    assert by[("UKR", date(2026, 1, 1))].status is Status.PARTY
    assert by[("EST", date(2026, 1, 1))].status is Status.WITHDRAWN and not by[("EST", date(2026, 1, 1))].is_party
    assert by[("POL", date(2026, 1, 1))].status is Status.WITHDRAWAL_PENDING
    assert by[("USA", date(2026, 1, 1))].status is Status.NOT_SIGNED
    # South Sudan appears from its admission (2011) on
    assert ("SSD", date(2011, 1, 1)) not in by and ("SSD", date(2012, 1, 1)) in by
    n_2026 = sum(1 for r in rows if r.date == date(2026, 1, 1))
    assert n_2026 == 197
    assert sum(r.is_party for r in rows if r.date == date(2026, 1, 1)) == len(ts.parties("apmbc", "2026-01-01"))


def test_dates():
    assert dates(date(2000, 1, 15), date(2001, 3, 1), "month")[:2] == [date(2000, 2, 1), date(2000, 3, 1)]
    assert dates(date(2000, 1, 1), date(2002, 6, 1), "year") == [date(2000, 1, 1), date(2001, 1, 1), date(2002, 1, 1)]
    assert len(dates(date(2024, 1, 1), date(2024, 12, 31), "day")) == 366


def test_status_changes():
    ch = ts.status_changes("Poland", "apmbc")
    assert ch == ((date(1997, 12, 4), Status.SIGNATORY), (date(2012, 12, 27), Status.CONSENTED),
                  (date(2013, 6, 1), Status.PARTY), (date(2025, 8, 20), Status.WITHDRAWAL_PENDING),
                  (date(2026, 2, 20), Status.WITHDRAWN))

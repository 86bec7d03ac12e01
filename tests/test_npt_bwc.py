"""The NPT and the BWC: three depositaries, and the DPRK's disputed withdrawal."""

from __future__ import annotations

from datetime import date

import pytest

import treatystatus as ts
from treatystatus import Status

TODAY = date(2026, 11, 25)


def test_the_dprk_withdrawal_is_recorded_as_disputed():
    r = ts.status("North Korea", "npt", TODAY)
    assert r.status is Status.WITHDRAWAL_DISPUTED and r.is_party is None
    assert "disputed" in r.explanation and "does not choose" in r.explanation
    assert {s.id for s in r.sources} >= {"unnews-2003-01-10", "iaea-gov-2003-14"}
    with pytest.raises(ts.StatusUnknownError, match="not settled"):
        ts.is_party("PRK", "npt", TODAY)
    assert "PRK" not in ts.parties("npt", TODAY)
    # 1993: notice given, then suspended the day before it would have taken effect
    assert ts.status("PRK", "npt", "1993-06-01").status is Status.WITHDRAWAL_PENDING
    assert ts.status("PRK", "npt", "2000-01-01").status is Status.PARTY
    assert ts.status("PRK", "npt", "2003-01-10").status is Status.WITHDRAWAL_PENDING
    w = ts.withdrawal("PRK", "npt")
    assert w.recorded and w.effective is None and w.deferred is None
    assert w.earliest_effective == date(2003, 4, 10) and "does not choose" in w.explanation


def test_npt_counts():
    assert len(ts.consenting("npt", "2003-01-10")) == 188  # the Secretary-General's count that day
    # UNODA counts 191 today, the DPRK among them; the library lists 190 and the DPRK as disputed
    assert len(ts.parties("npt", TODAY)) == 190
    for state in ("IND", "PAK", "ISR", "SSD"):
        assert not ts.is_party(state, "npt", TODAY)


def test_first_deposit_counts():
    r = ts.status("Iran", "npt", TODAY)
    assert r.consent == date(1970, 2, 2) and r.entry_into_force == date(1970, 3, 5)
    assert "at Washington" in r.explanation


def test_states_that_ceased_to_exist():
    assert ts.status("East Germany", "npt", "1980-01-01").status is Status.PARTY
    gone = ts.status("East Germany", "npt", "1991-01-01")
    assert gone.status is Status.CEASED and gone.is_party is False and "3 October 1990" in gone.explanation
    assert "DDR" not in ts.parties("npt", "1991-01-01") and "DDR" in ts.parties("npt", "1980-01-01")


def test_bwc_counts_and_recent_accessions():
    assert len(ts.consenting("bwc", "2025-02-14")) == 188
    assert len(ts.consenting("bwc", "2025-05-20")) == 189
    assert ts.status("Kiribati", "bwc", TODAY).consent == date(2025, 5, 20)
    assert ts.status("Yemen", "bwc", TODAY).status is Status.PARTY
    assert ts.treaty("BTWC").id == "bwc"


def test_withdrawal_needs_extraordinary_events_and_three_months():
    w = ts.withdrawal("Iran", "npt", notified_on="2026-11-25")
    assert w.earliest_effective == date(2027, 2, 25) and "extraordinary events" in w.explanation
    assert ts.treaty("npt").withdrawal.armed_conflict is None

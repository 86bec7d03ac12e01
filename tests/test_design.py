"""Records of treaties with several depositaries, instruments of unknown kind, disputed withdrawals.

The fixture treaty is fictitious (tests/fixtures/design): it shows that the model carries
what such treaties record, independently of any shipped data.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

import treatystatus as ts
from treatystatus import Status

FIX = Path(__file__).parent / "fixtures" / "design"
TID = "demo-three-depositaries"


@pytest.fixture(autouse=True)
def design_data():
    ts.use_data(FIX)
    yield
    ts.use_data()


def test_the_first_deposit_counts_and_later_ones_are_kept():
    r = ts.status("France", TID, "2026-01-01")
    assert r.consent == date(1975, 3, 1) and r.entry_into_force == date(1975, 3, 1) and r.is_party
    assert "(at London)" in r.explanation and "at Washington" in r.explanation
    assert [e.at for e in ts.timeline("France", TID).events] == ["London", "Washington"]


def test_an_instrument_of_unknown_kind():
    r = ts.status("Germany", TID, "2026-01-01")
    assert r.consent_type == ts.EventKind.INSTRUMENT and r.is_party
    assert "does not say of which kind" in r.explanation


def test_a_disputed_withdrawal_is_neither_yes_nor_no():
    before = ts.status("Italy", TID, "2003-01-10")
    assert before.status is Status.WITHDRAWAL_PENDING and before.is_party
    r = ts.status("Italy", TID, "2026-01-01")
    assert r.status is Status.WITHDRAWAL_DISPUTED and r.is_party is None
    assert "disputed" in r.explanation and "does not choose" in r.explanation
    with pytest.raises(ts.StatusUnknownError, match="not settled"):
        ts.is_party("Italy", TID, "2026-01-01")
    assert "ITA" not in ts.parties(TID, "2026-01-01")
    assert ts.is_party("Italy", TID, "2003-01-10")


def test_the_data_check_accepts_the_fixture():
    from treatystatus.index import validate

    assert validate(FIX) == []

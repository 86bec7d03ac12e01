"""The record complete: predecessor states, statehood, the Geneva law, acts up to today, how
current each treaty is, and the names people type.

Every date here is one a source cited in data/ gives (the comment says which), and each
assertion goes through the public API.
"""

from __future__ import annotations

import subprocess
import sys
from datetime import date

import pytest

import treatystatus as ts
from treatystatus import Status


# -- predecessor states carry their own history ------------------------------------------------------

@pytest.mark.parametrize("state, signed, ratified, until", [
    # UNTC XXVI-2, end notes 1, 3 and 4 (as at 3 February 2026)
    ("Czechoslovakia", date(1981, 4, 10), date(1982, 8, 31), date(1993, 1, 1)),
    ("East Germany", date(1981, 4, 10), date(1982, 7, 20), date(1990, 10, 3)),
    ("SFRY", date(1981, 5, 5), date(1983, 5, 24), date(1992, 4, 27)),
])
def test_predecessor_states_have_their_own_ccw_history(state, signed, ratified, until):
    periods = ts.history(state, "ccw").segments
    starts = {p.status: p.start for p in periods}
    assert starts[Status.SIGNATORY] == signed
    assert starts[Status.PARTY] == max(ratified, date(1983, 12, 2))  # the CCW entered into force then
    assert starts[Status.CEASED] == until
    for protocol in ("ccw-protocol-i", "ccw-protocol-ii", "ccw-protocol-iii"):
        assert ts.is_party(state, protocol, "1985-01-01")
        assert ts.status(state, protocol, "2000-01-01").status is Status.CEASED
    # and each is counted among the parties while it existed, and not after
    code = ts.resolve_state(state)
    assert code in ts.parties("ccw", "1985-01-01")
    assert code not in ts.parties("ccw", until) and code not in ts.non_parties("ccw", until)


# -- the CWC's original parties -------------------------------------------------------------------------

def test_cwc_original_parties_are_87_and_cuba_joins_thirty_days_after_its_deposit():
    # OPCW: 87 States Parties on 29 April 1997; Cuba deposited on that day (UNTC XXVI-3), and an
    # instrument deposited on the day of entry into force is "deposited subsequent" to it (Art. XXI(2))
    assert len(ts.parties("cwc", "1997-04-29")) == 87
    cuba = ts.status("Cuba", "cwc", "1997-05-01")
    assert cuba.consent == date(1997, 4, 29) and cuba.entry_into_force == date(1997, 5, 29)
    assert cuba.status is Status.CONSENTED and not cuba.is_party
    assert ts.is_party("Cuba", "cwc", "1997-05-29")


# -- how current each treaty is -------------------------------------------------------------------------

def test_every_treaty_states_the_record_read_and_how_far_later_acts_were_searched():
    for t in ts.treaties():
        assert t.complete_to <= t.searched_to
        summary = ts.treaty(t.id)
        assert summary.complete_record
    apmbc = ts.treaty("apmbc")
    assert apmbc.complete_to == date(2026, 2, 3) and apmbc.complete_record == "untc-xxvi-5"


def test_a_result_after_the_complete_record_says_later_acts_may_be_missing():
    t = ts.treaty("apmbc")
    after = ts.status("Ukraine", "apmbc", t.complete_to.replace(day=t.complete_to.day + 1))
    assert after.after_complete_to and after.complete_to == t.complete_to and not after.after_data_as_of
    assert "would not be known" in after.explanation and "3 February 2026" in after.explanation
    before = ts.status("Ukraine", "apmbc", t.complete_to)
    assert not before.after_complete_to and "would not be known" not in before.explanation


def test_info_prints_both_dates_for_every_treaty():
    out = subprocess.run([sys.executable, "-m", "treatystatus", "info"], capture_output=True, text=True).stdout
    for t in ts.treaties():
        line = next(x for x in out.splitlines() if x.split()[:1] == [t.id])
        assert t.complete_to.isoformat() in line and t.searched_to.isoformat() in line and t.complete_record in line


# -- names --------------------------------------------------------------------------------------------

@pytest.mark.parametrize("name, code", [
    ("DPRK", "PRK"), ("ROK", "KOR"), ("DRC", "COD"), ("UAE", "ARE"), ("UK", "GBR"), ("USSR", "SUN"),
    ("GDR", "DDR"), ("FRG", "DEU"), ("PRC", "CHN"), ("CAR", "CAF"), ("KSA", "SAU"), ("RSA", "ZAF"),
    ("SFRY", "YUG"), ("FRY", "SCG"), ("North Yemen", "YEM"), ("South Yemen", "YMD"), ("US", "USA"),
])
def test_abbreviations_resolve(name, code):
    assert ts.resolve_state(name) == code


@pytest.mark.parametrize("name, candidates", [("Congo", {"COG", "COD"}), ("Korea", {"KOR", "PRK"})])
def test_an_ambiguous_name_is_refused_with_the_candidates(name, candidates):
    with pytest.raises(ts.AmbiguousStateError) as err:
        ts.resolve_state(name)
    assert all(c in str(err.value) for c in candidates)

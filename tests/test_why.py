"""Each defect that made the case for one rules engine, as a test that failed before it.

The cases are real records (except where a fictitious fixture treaty is needed to show a
rule no shipped treaty exercises yet); the dates come from the sources cited in data/.
"""

from __future__ import annotations

import csv
import io
import re
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

import treatystatus as ts
from treatystatus import queries
from treatystatus import Status
from treatystatus.dates import DateRange

FIX = Path(__file__).parent / "fixtures" / "design"


# -- single answers and lists read one history ----------------------------------------------------

@pytest.mark.parametrize("state, tid, day, since", [
    # successions take effect before the day they were notified (as known today)
    ("Bosnia and Herzegovina", "ap-i", date(1992, 6, 1), date(1992, 3, 6)),   # notified 31 Dec 1992
    ("Dominica", "bwc", date(1990, 1, 1), date(1978, 11, 3)),                 # notified 1 Aug 2016
    ("Antigua and Barbuda", "npt", date(1982, 1, 1), date(1981, 11, 1)),      # notified 17 Jun 1985
    ("South Sudan", "apmbc", date(2011, 7, 9), date(2011, 7, 9)),             # notified 11 Nov 2011
])
def test_single_answers_and_lists_agree_on_retroactive_successions(state, tid, day, since):
    r = ts.status(state, tid, day)
    assert r.is_party is True and ts.is_party(state, tid, day) and r.entry_into_force == since
    assert r.state in ts.parties(tid, day)
    assert "with effect from" in r.explanation
    # the other policy, as an option: what the records known that day gave
    before = ts.status(state, tid, day, known_on=day)
    assert before.is_party is False and before.known_on == day


def test_states_that_ceased_to_exist_end_on_their_dates():
    scg = ts.status("Serbia and Montenegro", "apmbc", "2020-01-01")
    assert scg.status is Status.CEASED and scg.is_party is False and not ts.is_party("SCG", "apmbc", "2020-01-01")
    assert ts.is_party("SCG", "apmbc", "2006-06-02") and not ts.is_party("SCG", "apmbc", "2006-06-03")
    ussr = ts.status("USSR", "npt", "2026-01-01")
    assert ussr.status is Status.CEASED and "26 December 1991" in ussr.explanation
    assert ts.is_party("USSR", "npt", "1991-12-25") and not ts.is_party("USSR", "npt", "1991-12-26")
    rome = ts.status("USSR", "rome-statute", "2026-01-01")
    assert rome.status is Status.CEASED and rome.signature is None and "2000" not in rome.explanation
    # the Russian Federation, which continues it, keeps the acts before and after
    assert ts.status("Russia", "npt", "1980-01-01").is_party
    assert ts.status("Russia", "rome-statute", "2001-01-01").signature == date(2000, 9, 13)


# -- the withdrawal planner ---------------------------------------------------------------------------

def test_a_deferral_never_shortens_the_notice_period():
    w = ts.withdrawal("France", "gc-iv", notified_on="2026-11-25", armed_conflict_until="2027-01-01")
    assert w.earliest_effective == date(2027, 11, 25) and w.effective == date(2027, 11, 25)
    assert w.deferred is False
    later = ts.withdrawal("France", "gc-iv", notified_on="2026-11-25", armed_conflict_until="2029-03-01")
    assert later.effective == date(2029, 3, 1) and later.deferred is True


def test_a_recorded_withdrawal_without_a_depositary_date_follows_the_conflict_clause():
    ts.use_data(FIX)
    try:
        at_war = ts.withdrawal("France", "demo-conflict-clause", in_armed_conflict=True)
        assert at_war.recorded and at_war.effective is None and at_war.deferred is True
        assert "By the depositary's record" not in at_war.explanation
        at_peace = ts.withdrawal("France", "demo-conflict-clause", in_armed_conflict=False)
        assert at_peace.effective == date(2020, 7, 15) and at_peace.deferred is False
        unknown = ts.withdrawal("France", "demo-conflict-clause")
        assert unknown.effective is None and unknown.deferred is None
        # the history does not pretend to know either: from the day the period ran out
        r = ts.status("France", "demo-conflict-clause", "2021-01-01")
        assert r.status is Status.UNDECIDED and set(r.possible) == {Status.WITHDRAWAL_PENDING, Status.WITHDRAWN}
        assert r.is_party is None and "FRA" in ts.parties("demo-conflict-clause", "2021-01-01").undecided
    finally:
        ts.use_data()


def test_a_state_no_longer_bound_has_nothing_to_withdraw_from():
    w = ts.withdrawal("Estonia", "apmbc", on="2026-11-25")
    assert w.recorded and w.effective == date(2025, 12, 27)
    assert "nothing left to withdraw from" in w.explanation
    again = ts.withdrawal("Estonia", "apmbc", notified_on="2026-11-25")
    assert not again.recorded and again.possible is False and again.reason == "already-withdrawn"
    assert again.effective is None and "nothing to withdraw from" in again.explanation
    pending = ts.withdrawal("Niger", "icc", notified_on="2026-11-25")
    assert pending.possible is False and pending.reason == "pending" and "18 June 2027" in pending.explanation


# -- explanations say what the fields hold ----------------------------------------------------------

def _dates_in(text):
    months = "January|February|March|April|May|June|July|August|September|October|November|December"
    return {date(int(y), ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                          "October", "November", "December"].index(m) + 1, int(d))
            for d, m, y in re.findall(rf"\b(\d{{1,2}}) ({months}) (\d{{4}})\b", text)}


def test_the_explanation_states_the_entry_into_force_the_field_holds():
    r = ts.status("Austria", "ap-i-art90", "2026-11-25")
    assert r.entry_into_force == date(1983, 2, 13)  # declared 13 August 1982, with Protocol I from 13 February 1983
    assert "entered into force for it on 13 February 1983" in r.explanation
    for tid in [t.id for t in ts.treaties()]:
        for code in ts.parties(tid, "2026-11-25"):
            r = ts.status(code, tid, "2026-11-25")
            if isinstance(r.entry_into_force, date):
                assert f"into force for it on {r.entry_into_force.day} {r.entry_into_force:%B %Y}" in r.explanation, \
                    (code, tid)


def test_no_explanation_prints_a_missing_value():
    for tid in [t.id for t in ts.treaties()]:
        for code in queries.states_on("2026-11-25") + ["SUN", "SCG", "DDR", "CSK", "YUG", "YMD"]:
            text = ts.status(code, tid, "2026-11-25").explanation
            assert "None" not in text and "at None" not in text, (code, tid)


def test_tense_follows_the_day_asked_about():
    assert "takes effect on 18 June 2027" in ts.withdrawal("Niger", "icc", on="2026-11-25").explanation
    assert "took effect on 18 June 2027" in ts.withdrawal("Niger", "icc", on="2027-07-01").explanation
    assert "takes effect on 18 June 2027" in ts.status("Niger", "icc", "2026-11-25").explanation
    assert "took effect on 18 June 2027" in ts.status("Niger", "icc", "2027-07-01").explanation


# -- lists leave out what they cannot decide, and say when they are incomplete -----------------------

def test_undecided_states_are_on_neither_side_of_a_list():
    npt = ts.non_parties("npt", "2026-11-25")
    assert "PRK" not in npt and "PRK" in npt.undecided and "PRK" not in ts.parties("npt", "2026-11-25")
    gc = ts.non_parties("gc-iv", "2026-11-25")
    assert "NIU" not in gc and "NIU" in gc.undecided and "NIU" in ts.parties("gc-iv", "2026-11-25").undecided


def test_a_list_from_incomplete_records_says_so():
    sig = ts.signatories("ap-i", "2026-11-25")
    assert sig.incomplete and "every signature" in sig.incomplete
    assert ts.signatories("apmbc", "2026-11-25").incomplete is None
    r = subprocess.run([sys.executable, "-m", "treatystatus", "signatories", "ap-i"], capture_output=True, text=True,
                       cwd="/")
    assert r.returncode == 0 and "may be incomplete" in r.stderr
    pytest.importorskip("matplotlib")
    fig = ts.plot_treaty("ap-i")
    texts = " ".join(" ".join(t.get_text().split()) for t in [*fig.axes[0].texts, *fig.texts])  # the footer
    assert "not all recorded" in texts


# -- dates known only roughly stay rough -------------------------------------------------------------

def test_a_latest_day_is_not_told_as_the_day():
    r = ts.status("Hungary", "icc", "2026-11-25")
    assert isinstance(r.withdrawal_revoked, DateRange) and r.withdrawal_revoked.latest == date(2026, 6, 1)
    assert "on or before 1 June 2026" in r.explanation and "on 1 June 2026" not in r.explanation


def test_a_year_known_act_gives_an_uncertain_entry_into_force():
    r = ts.status("Andorra", "ap-i", "2025-12-01")
    assert r.status is Status.UNDECIDED and r.is_party is None
    with pytest.raises(ts.StatusUnknownError, match="not settled"):
        ts.is_party("Andorra", "ap-i", "2025-12-01")
    assert ts.is_party("Andorra", "ap-i", "2026-06-30") and not ts.is_party("Andorra", "ap-i", "2025-06-30")


def test_exports_carry_the_precision():
    out = subprocess.run([sys.executable, "-m", "treatystatus", "timeline", "Russia", "icc", "--format", "csv"],
                         capture_output=True, text=True, cwd="/").stdout
    rows = list(csv.DictReader(io.StringIO(out)))
    ni = next(r for r in rows if r["kind"] == "non-intention")
    assert ni["precision"] != "day" and ni["latest"] == "2016-12-31" and ni["date"] != "2016-12-31"
    d = ts.status("Andorra", "ap-i", "2026-11-25").to_dict()
    assert d["consent"]["edtf"] == "2025" and d["consent"]["precision"] == "year"
    assert d["entry_into_force"]["earliest"] == "2025-07-01" and d["entry_into_force"]["latest"] == "2026-06-30"
    pd = pytest.importorskip("pandas")
    f = ts.to_frame(["ap-i"], on="2026-11-25", states=["AND"])
    assert pd.isna(f["consent"].iloc[0]) and f["consent_latest"].iloc[0] == pd.Timestamp("2025-12-31")
    assert f["consent_earliest"].iloc[0] == pd.Timestamp("2025-01-01")

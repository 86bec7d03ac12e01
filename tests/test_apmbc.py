"""Known facts about the Ottawa Convention, checked through the public API."""

from __future__ import annotations

from datetime import date

import pytest

import treatystatus as ts
from treatystatus import Status

TODAY = date(2026, 11, 25)


def test_aliases_resolve_to_apmbc():
    for alias in ("apmbc", "ottawa", "Ottawa Convention", "mine ban treaty", "XXVI-5", "xxvi 5", "APMBC"):
        assert ts.treaty(alias).id == "apmbc"


def test_ukraine_signed_ratified_in_force_and_still_a_party():
    r = ts.status("Ukraine", "apmbc", TODAY)
    assert r.state == "UKR"
    assert r.signature == date(1999, 2, 24)
    assert r.consent == date(2005, 12, 27)
    assert r.consent_type == ts.EventKind.RATIFICATION
    assert r.entry_into_force == date(2006, 6, 1)
    assert r.status is Status.PARTY and r.is_party
    assert r.withdrawal_notified is None and r.withdrawal_effective is None
    # the 2025 suspension is on record, and does not change the status
    assert r.suspension == date(2025, 7, 18)
    assert "suspended (as a source other than the depositary" in r.explanation and "not an instrument of withdrawal" in r.explanation
    assert [a.date for a in r.announcements] == [date(2025, 6, 29), date(2025, 7, 15)]
    assert {s.id for s in r.sources} >= {"untc-xxvi-5", "hrw-2025-07-24"}


def test_ukraine_before_entry_into_force():
    assert ts.status("UA", "apmbc", "2006-05-31").status is Status.CONSENTED
    assert ts.status("UA", "apmbc", "2005-12-26").status is Status.SIGNATORY
    assert ts.status("UA", "apmbc", "1999-02-23").status is Status.NOT_SIGNED
    assert not ts.is_party("UA", "apmbc", "2006-05-31")
    assert ts.is_party("UA", "apmbc", "2006-06-01")


@pytest.mark.parametrize("state", ["United States", "Russia", "China", "India", "Israel"])
def test_never_signed(state):
    r = ts.status(state, "apmbc", TODAY)
    assert r.status is Status.NOT_SIGNED
    assert r.signature is None and r.consent is None and not r.is_party
    assert ts.timeline(state, "apmbc").events == ()


@pytest.mark.parametrize("state, notified, effective, cn", [
    ("EST", date(2025, 6, 27), date(2025, 12, 27), "C.N.360.2025.TREATIES-XXVI-5"),
    ("LVA", date(2025, 6, 27), date(2025, 12, 27), "C.N.361.2025.TREATIES-XXVI-5"),
    ("LTU", date(2025, 6, 27), date(2025, 12, 27), "C.N.362.2025.TREATIES-XXVI-5"),
    ("FIN", date(2025, 7, 10), date(2026, 1, 10), "C.N.372.2025.TREATIES-XXVI-5"),
    ("POL", date(2025, 8, 20), date(2026, 2, 20), "C.N.421.2025.TREATIES-XXVI-5"),
])
def test_withdrawals_of_2025(state, notified, effective, cn):
    day_before = date.fromordinal(effective.toordinal() - 1)
    assert ts.status(state, "apmbc", date.fromordinal(notified.toordinal() - 1)).status is Status.PARTY
    pending = ts.status(state, "apmbc", day_before)
    assert pending.status is Status.WITHDRAWAL_PENDING and pending.is_party
    assert pending.withdrawal_notified == notified and pending.withdrawal_effective == effective
    gone = ts.status(state, "apmbc", effective)
    assert gone.status is Status.WITHDRAWN and not gone.is_party
    assert ts.is_party(state, "apmbc", day_before) and not ts.is_party(state, "apmbc", effective)
    assert cn in gone.references
    w = ts.withdrawal(state, "apmbc")
    assert w.recorded and w.notified_on == notified and w.effective == effective
    assert w.earliest_effective == effective  # six months after receipt: no deferral


def test_baltic_states_stopped_being_parties_on_27_december_2025():
    before = set(ts.parties("apmbc", "2025-12-26"))
    after = set(ts.parties("apmbc", "2025-12-27"))
    assert before - after == {"EST", "LVA", "LTU"}
    assert after - before == set()


def test_who_left_in_2025_and_2026():
    start, end = set(ts.parties("apmbc", "2025-01-01")), set(ts.parties("apmbc", "2026-11-25"))
    assert start - end == {"EST", "LVA", "LTU", "FIN", "POL"}
    assert end - start == {"MHL", "TON"}  # in force for them from 1 Sep and 1 Dec 2025


def test_newer_members():
    for state, consent, kind, eif in [
        ("State of Palestine", date(2017, 12, 29), ts.EventKind.ACCESSION, date(2018, 6, 1)),
        ("Sri Lanka", date(2017, 12, 13), ts.EventKind.ACCESSION, date(2018, 6, 1)),
        ("Marshall Islands", date(2025, 3, 12), ts.EventKind.RATIFICATION, date(2025, 9, 1)),
        ("Tonga", date(2025, 6, 25), ts.EventKind.ACCESSION, date(2025, 12, 1)),
        ("Oman", date(2014, 8, 20), ts.EventKind.ACCESSION, date(2015, 2, 1)),
    ]:
        r = ts.status(state, "apmbc", TODAY)
        assert (r.consent, r.consent_type, r.entry_into_force, r.status) == (consent, kind, eif, Status.PARTY), state


def test_early_ratifiers_are_bound_from_the_treatys_entry_into_force():
    # Canada ratified on 3 December 1997, before the 40th instrument
    assert ts.status("CAN", "apmbc", TODAY).entry_into_force == date(1999, 3, 1)
    assert not ts.is_party("CAN", "apmbc", "1999-02-28")
    assert len(ts.parties("apmbc", "1999-02-28")) == 0
    # the 40 instruments deposited by 16 Sep 1998, and those of the rest of September
    # (first day of the sixth month after: 1 March 1999 too)
    deposited = ts.consenting("apmbc", "1998-09-30")
    assert len(ts.consenting("apmbc", "1998-09-16")) == 40
    assert ts.parties("apmbc", "1999-03-01") == deposited
    # Panama deposited on 7 October 1998: in force for it on 1 April 1999
    assert ts.status("Panama", "apmbc", "2000-01-01").entry_into_force == date(1999, 4, 1)


def test_successions():
    ssd = ts.status("South Sudan", "apmbc", TODAY)
    assert ssd.consent_type == ts.EventKind.SUCCESSION and ssd.entry_into_force == date(2011, 7, 9)
    assert ts.is_party("SSD", "apmbc", "2011-07-09")
    mne = ts.status("Montenegro", "apmbc", TODAY)
    assert mne.consent == date(2006, 10, 23) and mne.entry_into_force == date(2007, 4, 1)


def test_serbia_and_montenegro_is_answered_from_serbias_record():
    r = ts.status("Serbia and Montenegro", "apmbc", "2005-01-01")
    assert r.state == "SCG" and r.status is Status.PARTY
    assert r.entry_into_force == date(2004, 3, 1)


def test_provisional_application_declarations():
    r = ts.status("Chile", "apmbc", "2001-12-01")
    assert r.status is Status.CONSENTED and r.provisional_application == date(2001, 9, 10)
    assert ts.status("Chile", "apmbc", "2002-03-01").status is Status.PARTY


def test_signatories_and_counts_on_the_depositarys_date():
    assert len(ts.parties("apmbc", "2026-02-03")) == 162
    assert len(ts.signatories("apmbc", "2026-02-03")) == 132
    assert "MHL" in ts.signatories("apmbc", "2026-02-03")  # signed 1997, ratified 2025
    assert "LTU" not in ts.signatories("apmbc", "2026-02-03")  # signature bracketed after withdrawal
    assert len(ts.parties("apmbc", TODAY)) == 161


def test_non_parties_are_the_rest_of_the_states_on():
    today = ts.non_parties("apmbc", TODAY)
    assert {"USA", "RUS", "CHN", "EST", "POL"} <= set(today)
    assert "UKR" not in today
    assert len(today) + len(ts.parties("apmbc", TODAY)) == 197
    # states not yet admitted are not listed: South Sudan did not exist in 2000
    assert "SSD" not in ts.non_parties("apmbc", "2000-01-01")


def test_withdrawal_while_at_war():
    r = ts.withdrawal("Ukraine", "apmbc", notified_on="2026-11-25", in_armed_conflict=True)
    assert not r.recorded and r.possible
    assert r.earliest_effective == date(2027, 5, 25)
    assert r.effective is None and r.deferred is True
    assert r.article == "20" and "end of the armed conflict" in r.clause
    r = ts.withdrawal("Ukraine", "apmbc", notified_on="2026-11-25", armed_conflict_until="2028-01-01")
    assert r.effective == date(2028, 1, 1) and r.deferred
    r = ts.withdrawal("Ukraine", "apmbc", notified_on="2026-11-25", armed_conflict_until="2027-01-01")
    assert r.effective == date(2027, 5, 25) and r.deferred is False
    # whether Ukraine is at war when the period runs out is not given: no day can be told
    r = ts.withdrawal("Ukraine", "apmbc", notified_on="2026-11-25")
    assert r.earliest_effective == date(2027, 5, 25) and r.effective is None and r.deferred is None
    assert "depends on facts" in r.explanation
    r = ts.withdrawal("Norway", "apmbc", notified_on="2026-11-25", in_armed_conflict=False)
    assert r.effective == date(2027, 5, 25) and r.deferred is False


def test_withdrawal_by_a_non_party_is_not_possible():
    r = ts.withdrawal("United States", "apmbc", notified_on="2026-11-25")
    assert not r.possible and r.effective is None


def test_dates_after_the_as_of_date_are_flagged():
    r = ts.status("UA", "apmbc", "2030-01-01")
    assert r.after_data_as_of and r.data_as_of == date.fromisoformat(str(ts.data_as_of)) < date(2030, 1, 1)
    assert "not included" in r.explanation
    assert not ts.status("UA", "apmbc", "2026-11-25").after_data_as_of


def test_dates_before_the_treaty():
    r = ts.status("Canada", "apmbc", "1950-01-01")
    assert r.status is Status.NOT_SIGNED and "did not exist yet" in r.explanation


def test_timeline_is_ordered_with_sources():
    t = ts.timeline("Poland", "apmbc")
    assert [e.kind for e in t.events] == [ts.EventKind.SIGNATURE, ts.EventKind.RATIFICATION, ts.EventKind.WITHDRAWAL]
    assert t.events[2].effective == date(2026, 2, 20) and t.events[2].ref == "C.N.421.2025.TREATIES-XXVI-5"
    assert [s.id for s in t.sources] == ["untc-xxvi-5"]

"""The UN disarmament treaties and the Rome Statute: the statuses that are not plain party / not party."""

from __future__ import annotations

from datetime import date

import pytest

import treatystatus as ts
from treatystatus import Status

TODAY = date(2026, 11, 25)


@pytest.mark.parametrize("alias, tid", [
    ("cluster munitions convention", "ccm"), ("Oslo Convention", "ccm"), ("XXVI-6", "ccm"),
    ("ICC Statute", "rome-statute"), ("Rome Statute", "rome-statute"), ("XVIII-10", "rome-statute"),
    ("CCW Amended Protocol II", "ccw-amended-protocol-ii"), ("XXVI-2-b", "ccw-amended-protocol-ii"),
    ("CCW", "ccw"), ("XXVI-2", "ccw"), ("blinding laser weapons protocol", "ccw-protocol-iv"),
    ("rome", "rome-statute"), ("cluster munitions", "ccm"), ("mine ban", "apmbc"), ("OPCW", "cwc"),
    ("ATT", "att"), ("CWC", "cwc"), ("test ban treaty", "ctbt"), ("TPNW", "tpnw"), ("nuclear ban treaty", "tpnw"),
])
def test_aliases(alias, tid):
    assert ts.treaty(alias).id == tid


@pytest.mark.parametrize("state, tid, day", [
    ("United States", "rome-statute", date(2002, 5, 6)),
    ("Israel", "rome-statute", date(2002, 8, 28)),
    ("United States", "att", date(2019, 7, 18)),
])
def test_signatories_that_said_they_will_not_become_parties(state, tid, day):
    before = ts.status(state, tid, date.fromordinal(day.toordinal() - 1))
    after = ts.status(state, tid, day)
    assert before.status is Status.SIGNATORY
    assert after.status is Status.NOT_INTENDING and after.non_intention == day and not after.is_party
    assert after.signature is not None  # the signature stays on the depositary's list
    assert state != "United States" or "does not intend" in after.explanation


def test_non_intention_known_only_to_the_month_or_year():
    sdn = ts.status("Sudan", "rome-statute", TODAY)
    assert sdn.status is Status.NOT_INTENDING and sdn.imprecise_dates == ("non_intention",)
    assert "August 2008 (the day is not known)" in sdn.explanation
    rus = ts.status("Russia", "rome-statute", TODAY)
    assert rus.status is Status.NOT_INTENDING
    assert "between 16 November 2016 and 31 December 2016 (the day is not known)" in rus.explanation
    assert [a.date for a in rus.announcements] == [date(2016, 11, 16)]


@pytest.mark.parametrize("state, notified, effective", [
    ("Burundi", date(2016, 10, 27), date(2017, 10, 27)),
    ("Philippines", date(2018, 3, 17), date(2019, 3, 17)),
])
def test_rome_withdrawals_that_took_effect(state, notified, effective):
    assert ts.status(state, "icc", date.fromordinal(effective.toordinal() - 1)).status is Status.WITHDRAWAL_PENDING
    gone = ts.status(state, "icc", effective)
    assert gone.status is Status.WITHDRAWN and gone.withdrawal_notified == notified
    assert gone.withdrawal_effective == effective


@pytest.mark.parametrize("state, notified, revoked", [
    ("South Africa", date(2016, 10, 19), date(2017, 3, 7)),
    ("Gambia", date(2016, 11, 10), date(2017, 2, 10)),
])
def test_withdrawals_withdrawn_before_they_took_effect(state, notified, revoked):
    pending = ts.status(state, "icc", notified)
    assert pending.status is Status.WITHDRAWAL_PENDING
    r = ts.status(state, "icc", TODAY)
    assert r.status is Status.PARTY and r.withdrawal_revoked == revoked and r.withdrawal_effective is None
    assert ts.is_party(state, "icc", date(2018, 1, 1))
    w = ts.withdrawal(state, "icc")
    assert w.recorded and w.effective is None


def test_hungary_notified_then_stayed():
    # the revocation is known only as received on or before 1 June 2026: until then it is
    # not known whether the notice was still pending, but Hungary is a party either way
    mid = ts.status("Hungary", "icc", "2026-01-01")
    assert mid.status is Status.UNDECIDED and mid.is_party is True
    assert set(mid.possible) == {Status.PARTY, Status.WITHDRAWAL_PENDING}
    assert "HUN" in ts.parties("icc", "2026-01-01")
    assert "on or before 1 June 2026" in mid.explanation and "withdrawn on 1 June 2026" not in mid.explanation
    r = ts.status("Hungary", "icc", TODAY)
    assert r.status is Status.PARTY and r.imprecise_dates == ("withdrawal_revoked",)
    assert ts.is_party("Hungary", "icc", "2026-06-02")


@pytest.mark.parametrize("state, effective", [
    ("Niger", date(2027, 6, 18)), ("Burkina Faso", date(2027, 6, 24)), ("Mali", date(2027, 6, 24)),
    ("Venezuela", date(2027, 7, 24)), ("Chad", date(2027, 7, 27)),
])
def test_withdrawals_pending_in_2027(state, effective):
    r = ts.status(state, "icc", TODAY)
    assert r.status is Status.WITHDRAWAL_PENDING and r.is_party and r.withdrawal_effective == effective
    future = ts.status(state, "icc", effective)
    assert future.status is Status.WITHDRAWN and future.after_data_as_of


def test_rome_parties_today_and_new_members():
    assert len(ts.parties("icc", TODAY)) == 125
    for state, consent, eif in [("PSE", date(2015, 1, 2), date(2015, 4, 1)), ("UKR", date(2024, 10, 25), date(2025, 1, 1)),
                                ("ARM", date(2023, 11, 14), date(2024, 2, 1)), ("KIR", date(2019, 11, 26), date(2020, 2, 1))]:
        r = ts.status(state, "icc", TODAY)
        assert (r.consent, r.entry_into_force, r.status) == (consent, eif, Status.PARTY)


def test_lithuania_left_the_cluster_munitions_convention():
    assert ts.status("Lithuania", "ccm", "2025-03-05").status is Status.WITHDRAWAL_PENDING
    r = ts.status("Lithuania", "ccm", "2025-03-06")
    assert r.status is Status.WITHDRAWN and r.withdrawal_notified == date(2024, 9, 6)
    assert "C.N.347.2024.TREATIES-XXVI-6" in r.references
    assert r.provisional_application == date(2011, 3, 24)


def test_russia_revoked_its_ctbt_ratification_and_remains_a_signatory():
    before = ts.status("Russia", "ctbt", "2023-01-01")
    assert before.status is Status.CONSENTED and not before.is_party  # the treaty is not in force
    r = ts.status("Russia", "ctbt", TODAY)
    assert r.status is Status.CONSENT_REVOKED and r.signature == date(1996, 9, 24)
    assert r.consent is None and r.consent_revoked == date(2023, 11, 3)
    assert "RUS" in ts.signatories("ctbt", TODAY) and "RUS" not in ts.consenting("ctbt", TODAY)


def test_a_treaty_not_in_force_has_no_parties_but_has_ratifiers():
    assert ts.parties("ctbt", TODAY) == []
    assert len(ts.consenting("ctbt", "2026-02-03")) == 178  # the depositary's headline count that day
    assert len(ts.consenting("ctbt", TODAY)) == 179 and "TON" in ts.consenting("ctbt", TODAY)  # Tonga, 7 July 2026
    assert not ts.treaty("ctbt").in_force
    uk = ts.status("United Kingdom", "ctbt", TODAY)
    assert uk.status is Status.CONSENTED and uk.entry_into_force is None
    assert "not in force" in uk.explanation


def test_protocols_bind_only_with_the_parent_treaty():
    us = ts.status("United States", "ccw-amended-protocol-ii", TODAY)
    assert us.status is Status.PARTY
    # France accepted Protocol III in 2002, long after the Convention
    fr = ts.status("France", "ccw-protocol-iii", TODAY)
    assert fr.consent == date(2002, 7, 18) and fr.entry_into_force == date(2003, 1, 18)
    assert not ts.is_party("France", "ccw-protocol-iii", "2003-01-17")
    assert ts.status("United States", "ccw-protocol-iii", TODAY).consent == date(2009, 1, 21)
    # Cameroon joined the CCW through later protocols only: no Protocol I
    assert ts.status("Cameroon", "ccw-protocol-i", TODAY).status is Status.NOT_SIGNED
    assert ts.is_party("Cameroon", "ccw", TODAY)
    # a protocol is never in force for a state the parent does not bind
    for tid in ("ccw-protocol-i", "ccw-protocol-ii", "ccw-protocol-iii", "ccw-protocol-iv",
                "ccw-amended-protocol-ii", "ccw-article-1-amendment", "ccw-protocol-v"):
        for day in (date(1990, 1, 1), date(2005, 1, 1), TODAY):
            assert set(ts.parties(tid, day)) <= set(ts.parties("ccw", day)), (tid, day)
    assert "binds a state only while" in us.explanation


def test_every_ccw_party_accepted_at_least_two_protocols():
    protocols = ("ccw-protocol-i", "ccw-protocol-ii", "ccw-protocol-iii", "ccw-protocol-iv",
                 "ccw-amended-protocol-ii", "ccw-protocol-v")
    accepted = {tid: set(ts.consenting(tid, TODAY)) for tid in protocols}
    for state in ts.consenting("ccw", TODAY):
        assert sum(state in s for s in accepted.values()) >= 2, state


def test_successor_states_are_bound_from_the_date_of_succession():
    cze = ts.status("Czech Republic", "ccw", TODAY)
    assert cze.consent_type == ts.EventKind.SUCCESSION and cze.entry_into_force == date(1993, 1, 1)
    mne = ts.status("Montenegro", "cwc", TODAY)
    assert mne.entry_into_force == date(2006, 6, 3)
    assert ts.is_party("Bosnia and Herzegovina", "ccw", "1992-03-06")


def test_entry_into_force_rules_per_treaty():
    # ATT: instruments deposited before entry into force take the treaty's date (Art. 22)
    assert ts.status("Japan", "att", TODAY).entry_into_force == date(2014, 12, 24)
    # CWC: 30th day after deposit for instruments after 29 April 1997
    cwc = [(c, ts.status(c, "cwc", TODAY)) for c in ("AGO", "SSD", "PSE")]
    for c, r in cwc:
        if r.consent and r.consent > date(1997, 4, 29):
            assert (r.entry_into_force - r.consent).days == 30, c
    # Rome Statute: first day of the month after the 60th day
    assert ts.status("Japan", "icc", TODAY).entry_into_force == date(2007, 10, 1)


@pytest.mark.parametrize("tid, clause, grounds", [
    ("ccm", True, False), ("tpnw", True, True), ("ccw", True, False), ("cwc", False, True),
    ("ctbt", False, True), ("att", False, False), ("rome-statute", False, False),
])
def test_withdrawal_clauses(tid, clause, grounds):
    w = ts.treaty(tid).withdrawal
    assert (w.armed_conflict is not None) == clause and (w.grounds is not None) == grounds
    r = ts.withdrawal("France", tid, notified_on="2026-11-25", in_armed_conflict=True)
    if not r.possible:
        return
    assert r.earliest_effective == w.notice.apply(date(2026, 11, 25))
    if clause:
        assert r.effective is None and r.deferred is True
    else:
        assert r.effective == r.earliest_effective and "no armed-conflict clause" in r.explanation


def test_treaties_of_answers_what_binds_a_state():
    rows = {r.treaty: r for r in ts.treaties_of("United States", TODAY)}
    assert rows["apmbc"].status is Status.NOT_SIGNED
    assert rows["ccw-amended-protocol-ii"].is_party and rows["cwc"].is_party
    assert rows["att"].status is Status.NOT_INTENDING and rows["rome-statute"].status is Status.NOT_INTENDING
    assert rows["ctbt"].status is Status.SIGNATORY
    assert len(rows) == len(ts.treaties())

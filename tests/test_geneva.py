"""The Geneva Conventions, their Additional Protocols and the Article 90 declarations."""

from __future__ import annotations

from datetime import date

import pytest

import treatystatus as ts
from treatystatus import Status

TODAY = date(2026, 11, 25)


@pytest.mark.parametrize("tid", ["gc-i", "gc-ii", "gc-iii", "gc-iv"])
def test_conventions_bind_196_states(tid):
    assert len(ts.parties(tid, TODAY)) == 196
    assert ts.treaty(tid).entry_into_force.date == date(1950, 10, 21)
    assert ts.is_party("Switzerland", tid, "1950-10-21") and not ts.is_party("Switzerland", tid, "1950-10-20")


def test_niue_is_bound_through_new_zealand_and_the_library_says_it_does_not_know_more():
    r = ts.status("Niue", "gc-iv", TODAY)
    assert r.status is Status.UNKNOWN and r.is_party is None and "New Zealand" in r.explanation
    with pytest.raises(ts.StatusUnknownError):
        ts.is_party("Niue", "gc-iv", TODAY)


def test_denunciation_during_a_conflict_waits_for_peace_and_repatriation():
    w = ts.withdrawal("Russia", "gc-iii", notified_on="2026-11-25", in_armed_conflict=True)
    assert w.earliest_effective == date(2027, 11, 25) and w.effective is None and w.deferred
    assert "when it gives notice" in w.explanation and "peace has been concluded" in w.explanation
    assert w.article == "142"
    w4 = ts.withdrawal("France", "gc-iv", notified_on="2026-11-25", armed_conflict_until="2030-01-01")
    assert w4.effective == date(2030, 1, 1) and "re-establishment" in w4.clause
    # Protocol II: six months, tested when they expire
    w2 = ts.withdrawal("Colombia", "ap-ii", notified_on="2026-11-25", in_armed_conflict=False)
    assert w2.effective == date(2027, 5, 25)


def test_protocol_counts_and_andorra():
    assert len(ts.consenting("ap-i", "2020-11-09")) == 174
    assert len(ts.parties("ap-i", TODAY)) == 175 and len(ts.parties("ap-ii", TODAY)) == 170
    r = ts.status("Andorra", "ap-i", TODAY)
    assert r.status is Status.PARTY and r.imprecise_dates == ("consent", "entry_into_force")
    assert "in 2025 (the day is not known)" in r.explanation
    # known only to the year: the entry into force falls between 1 July 2025 and 30 June 2026
    assert (r.entry_into_force.earliest, r.entry_into_force.latest) == (date(2025, 7, 1), date(2026, 6, 30))
    inside = ts.status("Andorra", "ap-i", "2025-12-01")
    assert inside.status is Status.UNDECIDED and inside.is_party is None
    assert set(inside.possible) == {Status.NOT_PARTY, Status.CONSENTED, Status.PARTY}
    assert "AND" not in ts.parties("ap-i", "2025-12-01") and "AND" not in ts.non_parties("ap-i", "2025-12-01")
    assert "AND" in ts.parties("ap-i", "2025-12-01").undecided
    assert ts.status("Andorra", "ap-i", "2024-12-31").status is Status.NOT_PARTY


def test_signatures_are_incomplete_so_non_parties_are_not_called_non_signatories():
    r = ts.status("India", "ap-i", TODAY)
    assert r.status is Status.NOT_PARTY and r.is_party is False
    assert "whether it signed is not known" in r.explanation
    # where a source gives the signature, it is told (the United States signed on the opening day)
    us = ts.status("United States", "ap-i", TODAY)
    assert us.status is Status.SIGNATORY and us.signature == date(1977, 12, 12)
    assert ts.status("United States", "ap-iii", TODAY).status is Status.PARTY


def test_instruments_of_unknown_kind_are_said_to_be_so():
    r = ts.status("United Arab Emirates", "gc-iv", TODAY)
    assert r.consent == date(1972, 5, 10) and r.consent_type == ts.EventKind.INSTRUMENT
    assert "does not say of which kind" in r.explanation


def test_article_90_declarations():
    assert len(ts.consenting("ap-i-art90", "2020-11-09")) == 76
    assert len(ts.consenting("ap-i-art90", TODAY)) == 77
    ru = ts.status("Russia", "ap-i-art90", TODAY)
    assert ru.status is Status.WITHDRAWN and ru.withdrawal_notified == date(2019, 10, 23)
    assert ts.is_party("Russia", "ap-i-art90", "2019-10-22")
    assert ts.is_party("Switzerland", "ap-i-art90", TODAY)
    # a declaration binds only while Protocol I binds the State
    assert set(ts.parties("ap-i-art90", TODAY)) <= set(ts.parties("ap-i", TODAY))

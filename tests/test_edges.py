"""Answers at the edges of the record: states that did not exist yet, entities lists do not count,
what was known on a day, participation that ends without a notice, suspensions seen only in the
press, notices on record, and declarations known to be incomplete."""

from datetime import date, timedelta

import pytest

import treatystatus as ts
from treatystatus import Status


def test_a_state_that_did_not_exist_yet_is_not_given_an_ordinary_status():
    r = ts.status("South Sudan", "genocide", "2000-01-01")
    assert r.status is Status.NOT_YET and r.is_party is False
    assert "did not exist yet" in r.explanation and "9 July 2011" in r.explanation
    assert "states-list" in {s.id for s in r.sources}
    # from independence on, the ordinary answer, with the caution on the gap in accessions
    assert ts.status("South Sudan", "genocide", "2011-07-09").status is Status.NOT_SIGNED


def test_czechia_before_its_independence_and_after_its_succession_to_the_cfe():
    assert ts.status("Czech Republic", "cfe", "1992-12-31").status is Status.NOT_YET
    assert ts.is_party("CZE", "cfe", "1993-01-01") is True
    # the lists agree with the single answers: a state that did not exist is on neither side
    assert "CZE" not in ts.non_parties("cfe", "1992-12-31") and "CZE" not in ts.parties("cfe", "1992-12-31")


def test_a_un_member_before_independence_is_counted_from_its_admission():
    # the Ukrainian SSR was a UN Member from 1945: lists count it, so it has an ordinary status
    assert ts.status("UKR", "npt", "1980-01-01").status is Status.NOT_SIGNED
    assert "UKR" in ts.non_parties("npt", "1980-01-01")


def test_before_a_treaty_is_adopted_the_treaty_did_not_exist():
    r = ts.status("Angola", "echr", "1950-01-01")
    assert r.status is Status.NOT_SIGNED and "did not exist yet" in r.explanation


def test_every_state_that_did_not_exist_yet_has_no_act_and_is_not_listed():
    # exhaustive over the states and treaties: the day before a state is counted, and the day it is
    for t in ts.treaties():
        tid, adopted = t.id, t.adopted
        for code in ts.states_on(date.today()):
            info = ts.state_info(code)
            since = info["since"]
            if since is None or since <= adopted or (info["un_since"] and info["un_since"] < since):
                continue
            before = ts.status(code, tid, since - timedelta(days=1))
            if before.status is Status.NOT_YET:
                assert before.signature is None and before.consent is None
            else:  # only an act on record before independence gives an ordinary answer
                assert ts.timeline(code, tid).events, (code, tid)
            assert ts.status(code, tid, since).status is not Status.NOT_YET


def test_taiwan_and_kosovo_answers_say_they_are_not_counted():
    r = ts.status("Taiwan", "npt", "1970-06-01")
    assert "not among the states the lists count" in r.explanation
    space = ts.status("Taiwan", "outer-space")
    assert "(no act on record)" not in space.explanation and "2 record(s) under its name" in space.explanation
    k = ts.status("Kosovo", "rome-statute")
    assert "not among the states the lists count" in k.explanation and "Caution" not in k.explanation
    assert "XKX" not in ts.non_parties("rome-statute") and "TWN" not in ts.non_parties("npt", "1970-06-01")


def test_known_on_keeps_the_uncertainty_of_an_act_whose_day_may_fall_either_side():
    # Hungary's revocation of its ICC withdrawal is known only as "on or before 1 June 2026"
    r = ts.status("Hungary", "rome-statute", "2026-01-01", known_on="2026-01-01")
    assert r.status is Status.UNDECIDED and set(r.possible) == {Status.PARTY, Status.WITHDRAWAL_PENDING}
    assert r.is_party is True  # either way it is a party
    # known on 1 March 2026, 1 November 2026 is withdrawn or party: the revocation may not have been received
    later = ts.status("Hungary", "rome-statute", "2026-11-01", known_on="2026-03-01")
    assert set(later.possible) == {Status.PARTY, Status.WITHDRAWN} and later.is_party is None
    # before the notice, nothing of it was known; after the revocation's last day, all of it
    assert ts.status("Hungary", "rome-statute", "2026-11-01", known_on="2025-06-01").status is Status.PARTY
    assert ts.status("Hungary", "rome-statute", "2026-11-01", known_on="2026-06-01").status is Status.PARTY
    # known today, the same as without known_on
    assert ts.status("Hungary", "rome-statute", "2026-01-01").possible == r.possible


def test_russia_ceased_to_be_a_party_to_the_echr_without_a_notice():
    r = ts.status("Russia", "echr", "2022-09-15")
    assert r.status is Status.WITHDRAWAL_PENDING
    assert r.withdrawal_notified is None and r.cessation == date(2022, 3, 16)
    assert r.withdrawal_effective == date(2022, 9, 16)
    early = ts.status("Russia", "echr", "1997-06-01")
    assert "gave notice" not in early.explanation and "without a notice of its own" in early.explanation
    assert "Caution" not in early.explanation  # its ratification of 1998 is on record
    w = ts.withdrawal("Russia", "echr")
    assert "gave no notice" in w.explanation


def test_a_suspension_seen_only_in_the_press_is_not_told_as_a_notification():
    us = ts.status("USA", "cfe", "2026-11-25")
    assert us.suspension == date(2023, 11, 7) and "notified the depositary" not in us.explanation
    assert "a source other than the depositary's record" in us.explanation
    # Canada's letter is in the depositary's record
    assert "notified the depositary that it suspends" in ts.status("CAN", "cfe", "2026-11-25").explanation


def test_a_notice_naming_its_day_is_not_reconciled_with_the_minimum():
    w = ts.withdrawal("Russia", "cfe")
    assert w.effective == date(2023, 11, 7)
    assert "the day its notice named" in w.explanation and "the rule alone gives" not in w.explanation


@pytest.mark.parametrize("state, treaty", [("FIN", "apmbc"), ("LTU", "ccm"), ("BDI", "rome-statute")])
def test_no_new_notice_while_one_stands_on_record(state, treaty):
    w = ts.withdrawal(state, treaty)
    assert w.reason == "recorded" and w.possible is False
    assert ts.withdrawal(state, treaty, notified_on="2026-11-25").possible is False


def test_a_revoked_notice_leaves_the_state_free_to_give_another():
    w = ts.withdrawal("Hungary", "rome-statute")
    assert w.reason == "revoked" and w.possible is True


def test_declarations_known_to_be_incomplete_say_so():
    us = ts.declarations("geneva-protocol-1925", "reservation", state="USA")
    assert us.incomplete and "missing" in us.incomplete
    assert ts.accepting("geneva-protocol-1925", "reservation", "2026-11-25").incomplete == us.incomplete
    assert ts.declarations("cat", "22", on="2026-11-25").incomplete is None

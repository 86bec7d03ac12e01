"""Each kind of clause, on a real article, against dates a source gives.

The clauses are written as the data files write them (validated by the schema, compiled by
the build) and decided by the engine; the dates in the assertions are those the sources
give (cited beside each), or, where a source gives only the notice or the treaty's entry
into force, the date the article's words yield from it. Treaties not yet in the data are
built here from their articles; the issues that add them reuse these clause kinds.
"""

from __future__ import annotations

from datetime import date

import pytest

import treatystatus as ts
from treatystatus.index import current
from treatystatus import schema
from treatystatus.build import compile_withdrawal
from treatystatus.kinds import EventKind, Status
from treatystatus.records import Event
from treatystatus.rules import (OPEN, UNKNOWN, AfterNotice, Context, EntryRule, EventEnd, Expiry, FirstDayOfMonthAfterDays,
                                FirstDayOfNthMonthAfter, ImmediateInConflict, Later, MonthsAfter, OnDate, TreatyRules, YearsAfter, entry_into_force, plan, replay)


def withdrawal_rule(**clause):
    """A withdrawal clause as a treaty file writes it, validated and compiled."""
    return compile_withdrawal(schema.Withdrawal.model_validate({"source": "test", **clause}))


# -- a period after notice -------------------------------------------------------------------------

def test_months_after_notice_apmbc_art_20():
    # Art. 20(3): "Such withdrawal shall only take effect six months after the receipt of the
    # instrument of withdrawal by the Depositary." Estonia: received 27 June 2025, effective
    # 27 December 2025 (C.N.360.2025.TREATIES-XXVI-5).
    rule = current().treaty("apmbc").rules.withdrawal
    d = plan(rule, date(2025, 6, 27), in_conflict=False)
    assert d.effective == date(2025, 12, 27) and d.earliest == date(2025, 12, 27)
    w = ts.withdrawal("Estonia", "apmbc")
    assert w.effective == w.earliest_effective == date(2025, 12, 27)


@pytest.mark.parametrize("notice, effect", [
    (date(2016, 10, 27), date(2017, 10, 27)),  # Burundi (Diário da República, Aviso 28/2018)
    (date(2018, 3, 17), date(2019, 3, 17)),    # Philippines (ICRC sheet, footnote)
])
def test_one_year_after_notice_rome_art_127(notice, effect):
    rule = withdrawal_rule(article="127", text="...one year after the date of receipt of the notification, unless "
                           "the notification specifies a later date.", notice={"rule": "years-after", "n": 1},
                           later_date_allowed=True)
    assert plan(rule, notice).effective == effect


@pytest.mark.parametrize("notice, effect", [
    (date(2001, 12, 13), date(2002, 6, 13)),  # ABM Treaty: US notes of 13 Dec 2001; in effect 13 Jun 2002
    (date(2019, 2, 2), date(2019, 8, 2)),     # INF Treaty: US notice 2 Feb 2019; effective 2 Aug 2019
])
def test_six_months_notice_abm_and_inf_art_xv(notice, effect):
    rule = withdrawal_rule(article="XV(2)", text="It shall give notice of its decision to the other Party six "
                           "months prior to withdrawal from the Treaty.", notice={"rule": "months-after", "n": 6})
    assert plan(rule, notice).effective == effect


def test_entry_into_force_periods():
    apmbc = current().treaty("apmbc").rules.entry
    # Art. 17(2): "the first day of the sixth month after the date on which that State has deposited":
    # Panama deposited on 7 October 1998; in force for it on 1 April 1999 (UNTC XXVI-5)
    assert apmbc.state_rule == FirstDayOfNthMonthAfter(6)
    assert apmbc.state_rule.apply(date(1998, 10, 7)) == date(1999, 4, 1)
    # Rome Statute, Art. 126(2): "the first day of the month after the 60th day following the
    # deposit": Japan acceded on 17 July 2007; in force for it on 1 October 2007
    rome = current().treaty("rome-statute").rules.entry
    assert rome.state_rule == FirstDayOfMonthAfterDays(60)
    assert ts.status("Japan", "icc", "2026-01-01").entry_into_force == date(2007, 10, 1)


# -- the later of two dates ------------------------------------------------------------------------

def test_the_later_of_the_state_rule_and_the_treatys_entry_into_force():
    # APMBC Art. 17: Canada ratified on 3 December 1997, before the 40th instrument; the
    # Convention entered into force on 1 March 1999 (Art. 17(1)), for Canada too (UNTC XXVI-5).
    apmbc = current().treaty("apmbc").rules.entry
    can = Event("apmbc", "CAN", EventKind.RATIFICATION, date(1997, 12, 3), "test")
    e = entry_into_force(apmbc, can, can.date, can.date)
    assert (e.earliest, e.basis, e.article) == (date(1999, 3, 1), "treaty", "17(1)")


def test_later_never_brings_a_date_forward():
    node = Later((AfterNotice(YearsAfter(1)), EventEnd("the end of the armed conflict")))
    ctx = Context(date(2026, 11, 25), in_conflict=True, conflict_end=date(2027, 1, 1))
    assert node.evaluate(ctx, []) == date(2027, 11, 25)
    assert node.evaluate(Context(date(2026, 11, 25), in_conflict=True), []) is OPEN
    assert node.evaluate(Context(date(2026, 11, 25)), []) is UNKNOWN


# -- a date the notice names, not before the period ----------------------------------------------------

def test_a_named_date_open_skies_art_xv():
    # Art. XV(2): notice "at least six months in advance of the date of its intended withdrawal".
    # The United States gave notice on 22 May 2020; its withdrawal took effect on 22 November 2020
    # (Department of State, 22 November 2020).
    rule = withdrawal_rule(article="XV(2)", text="...at least six months in advance of the date of its intended "
                           "withdrawal...", notice={"rule": "months-after", "n": 6}, named_date_required=True)
    assert plan(rule, date(2020, 5, 22), named=date(2020, 11, 22)).effective == date(2020, 11, 22)
    # a named day too early is not honoured: the period governs
    d = plan(rule, date(2020, 5, 22), named=date(2020, 8, 1))
    assert d.effective == date(2020, 11, 22)
    assert any(s.get("named_too_early") for s in d.trace)
    assert plan(rule, date(2020, 5, 22), named=date(2021, 1, 1)).effective == date(2021, 1, 1)


def test_a_named_later_date_under_the_rome_statute():
    w = ts.withdrawal("Canada", "icc", notified_on="2026-11-25", named_date="2028-01-01")
    assert w.earliest_effective == date(2027, 11, 25) and w.effective == date(2028, 1, 1)
    assert ts.withdrawal("Canada", "icc", notified_on="2026-11-25").effective == date(2027, 11, 25)


# -- a condition tested at notice or at expiry, and a deferral until an event -----------------------------

def test_tested_at_expiry_apmbc_art_20_3():
    # "If, however, on the expiry of that six-month period, the withdrawing State Party is engaged in
    # an armed conflict, the withdrawal shall not take effect before the end of the armed conflict."
    # Estonia's notice of 27 June 2025, had Estonia been at war until a given day:
    rule = current().treaty("apmbc").rules.withdrawal
    n = date(2025, 6, 27)
    assert plan(rule, n, conflict_end=date(2025, 12, 1)).effective == date(2025, 12, 27)  # over before expiry
    d = plan(rule, n, conflict_end=date(2026, 3, 1))
    assert d.effective == date(2026, 3, 1) and d.deferred and d.test_day == date(2025, 12, 27)
    assert plan(rule, n, in_conflict=True).effective is None


def test_tested_at_notice_gc_iii_art_142():
    # GC III Art. 142: "a denunciation of which notification has been made at a time when the
    # denouncing Power is involved in a conflict shall not take effect until peace has been
    # concluded, and until after operations connected with the release and repatriation ... have
    # been terminated" -- tested when notice is given.
    rule = current().treaty("gc-iii").rules.withdrawal
    n = date(2026, 11, 25)
    ends_first = plan(rule, n, conflict_end=date(2027, 3, 1))  # at war on the notice day, peace before the year ends
    assert ends_first.condition_holds and ends_first.effective == date(2027, 11, 25) and not ends_first.deferred
    ends_later = plan(rule, n, conflict_end=date(2030, 1, 1))
    assert ends_later.effective == date(2030, 1, 1) and ends_later.deferred
    at_peace = plan(rule, n, in_conflict=False)
    assert at_peace.effective == date(2027, 11, 25) and at_peace.condition_holds is False


def test_the_later_of_two_events_hague_1954_art_37():
    # Art. 37(2): "...the denunciation shall not take effect until the end of hostilities, or until the
    # operations of repatriating cultural property are completed, whichever is the later."
    rule = withdrawal_rule(
        article="37", term="denunciation", text="The denunciation shall take effect one year after the receipt of "
        "the instrument of denunciation. However, if, on the expiry of this period, the denouncing Party is involved "
        "in an armed conflict, the denunciation shall not take effect until the end of hostilities, or until the "
        "operations of repatriating cultural property are completed, whichever is the later.",
        notice={"rule": "years-after", "n": 1},
        armed_conflict={"tested_at": "expiry", "paragraph": "37(2)", "condition": "involved in an armed conflict",
                        "until": "shall not take effect until the end of hostilities, or until the operations of "
                                 "repatriating cultural property are completed, whichever is the later",
                        "ends": "the end of hostilities and of the repatriation of cultural property",
                        "events": ["the end of hostilities", "the end of the repatriation of cultural property"]})
    d = plan(rule, date(2026, 11, 25), conflict_end=date(2028, 5, 1))
    assert d.effective == date(2028, 5, 1) and d.deferred
    assert [s["event"] for s in d.trace if s["step"] == "event-end"] == [
        "the end of hostilities", "the end of the repatriation of cultural property"]


# -- no withdrawal clause ----------------------------------------------------------------------------

def test_no_withdrawal_clause_iccpr_and_vclt_art_56():
    # The ICCPR has no withdrawal clause. The Secretary-General received the DPRK's notification of
    # withdrawal on 25 August 1997 and answered (aide-memoire of 23 September 1997) that withdrawal
    # "would not appear possible unless all States Parties ... agree" (UNTC IV-4, end note;
    # C.N.467.1997.TREATIES-10); the Human Rights Committee (General Comment No. 26, para. 1) holds
    # that the Covenant is not subject to denunciation or withdrawal.
    position = withdrawal_rule(article="-", none={"position": "not-permitted", "position_source": "hrc-gc-26",
                                                   "position_text": "The Human Rights Committee holds that the "
                                                                    "Covenant is not subject to withdrawal"})
    d = plan(position, date(1997, 8, 25))
    assert d.possible is False and d.reason == "no-clause-not-permitted" and d.effective is None
    # with no stated position, VCLT Art. 56(2): "not less than twelve months' notice", if at all
    bare = withdrawal_rule(article="-", none={})
    d = plan(bare, date(1997, 8, 25))
    assert d.possible is None and d.earliest == date(1998, 8, 25) and d.effective is None
    # the notification on record changes nothing where the treaty body says none is possible
    rules = TreatyRules("iccpr", date(1966, 12, 16), True, EntryRule(date(1976, 3, 23), None, OnDate(), MonthsAfter(3),
                        "entry-into-force", "49(1)", "49(2)"), position)
    evs = [Event("iccpr", "PRK", EventKind.ACCESSION, date(1981, 9, 14), "untc-iv-4"),
           Event("iccpr", "PRK", EventKind.WITHDRAWAL, date(1997, 8, 25), "untc-iv-4", ref="C.N.467.1997.TREATIES-10")]
    h = replay(rules, evs)
    assert h.at(date(1981, 12, 14)).status is Status.PARTY  # three months after accession (Art. 49(2))
    assert h.at(date(2026, 1, 1)).status is Status.PARTY
    assert h.at(date(2026, 1, 1)).facts.withdrawal_basis == "no-effect"


# -- fixed renewal windows ---------------------------------------------------------------------------

def test_fixed_renewal_periods_genocide_convention_art_xiv():
    # Art. XIV: "...in effect for a period of ten years as from the date of its coming into force. It
    # shall thereafter remain in force for successive periods of five years for such Contracting
    # Parties as have not denounced it at least six months before the expiration of the current
    # period." In force since 12 January 1951 (UNTC IV-1).
    rule = withdrawal_rule(article="XIV", term="denunciation", text="(Art. XIV, as quoted above)",
                           windows={"first": {"rule": "years-after", "n": 10}, "then": {"rule": "years-after", "n": 5},
                                    "notice_before_end": {"rule": "months-after", "n": 6}})
    t = date(1951, 1, 12)
    assert plan(rule, date(1955, 1, 1), treaty_in_force=t).effective == date(1961, 1, 12)
    assert plan(rule, date(2025, 7, 12), treaty_in_force=t).effective == date(2026, 1, 12)  # just in time
    late = plan(rule, date(2025, 7, 13), treaty_in_force=t)
    assert late.effective == date(2031, 1, 12) and late.window_deadline == date(2030, 7, 12)
    assert plan(rule, date(2026, 12, 2), treaty_in_force=t).effective == date(2031, 1, 12)


# -- a minimum time as a party ---------------------------------------------------------------------

def test_a_minimum_time_as_a_party_echr_art_58():
    # Art. 58(1): "...may denounce the present Convention only after the expiry of five years from
    # the date on which it became a Party to it and after six months' notice". Greece ratified in
    # 1953 and gave notice on 12 December 1969 (Council of Europe).
    rule = withdrawal_rule(article="58", term="denunciation", text="(Art. 58(1), as quoted above)",
                           notice={"rule": "months-after", "n": 6}, minimum_membership={"rule": "years-after", "n": 5})
    d = plan(rule, date(1969, 12, 12), state_in_force=date(1953, 12, 31))  # the latest day of 1953
    assert d.possible and d.effective == date(1970, 6, 12)
    early = plan(rule, date(1956, 1, 1), state_in_force=date(1953, 1, 1))
    assert early.possible is False and early.reason == "too-early" and early.notice_not_before == date(1958, 1, 1)


# -- a treaty's own expiry ---------------------------------------------------------------------------

def test_a_treaty_that_expires_new_start():
    # New START entered into force on 5 February 2011 for ten years (Art. XIV(2)), was extended by
    # five years, and expired on 5 February 2026 (Kremlin, 29 January 2021; Arms Control Association).
    rules = TreatyRules("new-start", date(2010, 4, 8), True, EntryRule(date(2011, 2, 5), None, OnDate(), OnDate(),
                        "entry-into-force", "XIV(1)", "XIV(1)"),
                        withdrawal_rule(article="XIV(3)", text="(three months' notice)",
                                        notice={"rule": "months-after", "n": 3}),
                        expiry=Expiry(date(2026, 2, 5), "XIV(2)"))
    evs = [Event("new-start", "USA", EventKind.RATIFICATION, date(2011, 2, 5), "test")]
    h = replay(rules, evs)
    assert h.at(date(2026, 2, 4)).status is Status.PARTY
    assert h.at(date(2026, 2, 5)).status is Status.TERMINATED and h.at(date(2026, 2, 5)).is_party is False
    assert plan(rules.withdrawal, date(2026, 3, 1), expiry=rules.expiry).reason == "terminated"
    near = plan(rules.withdrawal, date(2026, 1, 1), expiry=rules.expiry)
    assert near.effective == date(2026, 4, 1) and near.treaty_ends == date(2026, 2, 5)


# -- immediate effect for a party to a conflict --------------------------------------------------------

def test_immediate_effect_gc_i_art_62():
    # Art. 62: "The situations provided for in Articles 2 and 3 shall give immediate effect to
    # ratifications deposited and accessions notified by the Parties to the conflict". The State of
    # Palestine's accession was received on 2 April 2014 (ICRC table); the ordinary rule (Art. 61)
    # gives six months.
    gc = current().treaty("gc-i").rules.entry
    rule = EntryRule(gc.treaty_date, gc.threshold_date, gc.treaty_rule, gc.state_rule, gc.state_rule_after,
                     gc.treaty_article, gc.state_article, ImmediateInConflict("62"))
    ordinary = Event("gc-i", "PSE", EventKind.ACCESSION, date(2014, 4, 2), "icrc-2020")
    immediate = Event("gc-i", "PSE", EventKind.ACCESSION, date(2014, 4, 2), "icrc-2020", immediate=True)
    assert entry_into_force(rule, ordinary, ordinary.date, ordinary.date).earliest == date(2014, 10, 2)
    e = entry_into_force(rule, immediate, immediate.date, immediate.date)
    assert (e.earliest, e.basis, e.article) == (date(2014, 4, 2), "immediate", "62")

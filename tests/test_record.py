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


@pytest.mark.parametrize("name, code", [
    ("Korea, North", "PRK"), ("Korea, Republic of", "KOR"), ("Congo, Republic of the", "COG"),
    ("Congo, Democratic Republic of the", "COD"), ("Macedonia, North", "MKD"), ("Gambia, The", "GMB"),
])
def test_inverted_names_from_sorted_lists_resolve(name, code):
    assert ts.resolve_state(name) == code


def test_an_ambiguous_name_is_refused_with_names_as_well_as_codes():
    with pytest.raises(ts.AmbiguousStateError) as err:
        ts.resolve_state("Congo")
    assert "COD (Democratic Republic of the Congo)" in str(err.value)
    assert set(err.value.candidates) == {"COG", "COD"}


# -- the Geneva law: signatures, kinds, successions, immediate effect, predecessors --------------------

@pytest.mark.parametrize("protocol", ["ap-i", "ap-ii"])
@pytest.mark.parametrize("state", ["United States", "Iran", "Pakistan"])
def test_the_three_states_that_signed_the_protocols_and_never_ratified_are_signatories(state, protocol):
    r = ts.status(state, protocol, "2026-12-01")
    assert r.status is Status.SIGNATORY and r.signature == date(1977, 12, 12)  # opening day (Art. 92 / 20)
    assert ts.resolve_state(state) in ts.signatories(protocol, "2026-12-01")


@pytest.mark.parametrize("treaty", ["gc-i", "gc-ii", "gc-iii", "gc-iv", "ap-i", "ap-ii"])
def test_bosnia_and_herzegovina_is_bound_from_independence_by_its_succession(treaty):
    # declaration of succession received 31 December 1992, effective 6 March 1992 (IRRC notice, 1993)
    r = ts.status("Bosnia and Herzegovina", treaty, "1993-01-01")
    assert r.status is Status.PARTY and r.consent_type is ts.EventKind.SUCCESSION
    assert r.consent == date(1992, 12, 31) and r.entry_into_force == date(1992, 3, 6)


def test_palestine_is_bound_by_the_conventions_at_once_but_by_protocol_i_after_six_months():
    # the Swiss depositary: accession of 2 April 2014 with effect from that day (Art. 62/61/141/157)
    for gc in ("gc-i", "gc-ii", "gc-iii", "gc-iv"):
        r = ts.status("Palestine", gc, "2014-04-02")
        assert r.status is Status.PARTY and r.entry_into_force == date(2014, 4, 2)
    # Protocol I has no such clause: six months (Art. 95(2))
    assert ts.status("Palestine", "ap-i", "2014-04-03").status is Status.CONSENTED
    assert ts.status("Palestine", "ap-i", "2014-10-02").status is Status.PARTY


def test_the_ussr_signed_and_ratified_the_conventions_and_the_protocols():
    # 12 December 1949 and 10 May 1954 (ICRC customary-law database); AP I/II 12 December 1977 and
    # 29 September 1989 (the Supreme Soviet's decree; the ICRC's table)
    for gc in ("gc-i", "gc-iv"):
        assert ts.status("USSR", gc, "1950-01-01").status is Status.SIGNATORY
        r = ts.status("USSR", gc, "1960-01-01")
        assert r.status is Status.PARTY and r.entry_into_force == date(1954, 11, 10)
        assert r.consent_type is ts.EventKind.RATIFICATION
    for ap in ("ap-i", "ap-ii"):
        assert ts.status("USSR", ap, "1980-01-01").status is Status.SIGNATORY
        assert ts.status("Russia", ap, "1990-06-01").status is Status.PARTY


def test_predecessors_geneva_records_as_far_as_sources_go_and_unknown_beyond():
    # the SFRY ratified the four Conventions on 21 April 1950 (IRRC notice on Bosnia and Herzegovina)
    assert ts.status("SFRY", "gc-iii", "1960-01-01").status is Status.PARTY
    assert ts.status("SFRY", "gc-iii", "1993-01-01").status is Status.CEASED
    # the GDR acceded to Convention IV on 30 November 1956, in force 30 May 1957 (WIPO Lex)
    r = ts.status("GDR", "gc-iv", "1980-01-01")
    assert r.status is Status.PARTY and r.entry_into_force == date(1957, 5, 30)
    # its acts under Conventions I-III and the Protocols are not in a source read: unknown, not "not a party"
    for treaty in ("gc-i", "ap-i"):
        u = ts.status("GDR", treaty, "1985-01-01")
        assert u.status is Status.UNKNOWN and "not found" in u.explanation
        with pytest.raises(ts.StatusUnknownError):
            ts.is_party("GDR", treaty, "1985-01-01")
        assert "DDR" not in ts.parties(treaty, "1985-01-01")
        assert "DDR" not in ts.non_parties(treaty, "1985-01-01")
    # Czechoslovakia signed Protocols I and II on 6 December 1978; after that, unknown
    assert ts.status("Czechoslovakia", "ap-i", "1978-12-06").status is Status.SIGNATORY
    assert ts.status("Czechoslovakia", "ap-i", "1985-01-01").status is Status.UNKNOWN


def test_kinds_from_sources_other_than_the_icrc_table():
    # the Democratic Republic of Viet Nam acceded (ICRC notification); Montenegro acceded (ICRC release)
    assert ts.status("Viet Nam", "gc-i", "2000-01-01").consent_type is ts.EventKind.ACCESSION
    r = ts.status("Montenegro", "gc-i", "2010-01-01")
    assert r.consent_type is ts.EventKind.ACCESSION and r.entry_into_force == date(2007, 2, 2)
    # Afghanistan signed all four on 8 December 1949 (iovpost.org; the Dutch database for GC III)
    for gc in ("gc-i", "gc-ii", "gc-iii", "gc-iv"):
        assert ts.status("Afghanistan", gc, "1950-01-01").signature == date(1949, 12, 8)


# -- the BWC: the two Yemens, the Republic of Viet Nam, the GDR, first deposits ------------------------

def test_bwc_democratic_yemen_ratified_and_united_yemen_succeeded():
    # Democratic Yemen signed at Moscow on 26 April 1972 and ratified there on 1 June 1979 (IEADB)
    assert ts.status("South Yemen", "bwc", "1985-01-01").status is Status.PARTY
    # the Yemen Arab Republic only signed; the Republic of Yemen succeeded on 22 May 1990
    assert ts.status("Yemen", "bwc", "1985-01-01").status is Status.SIGNATORY
    r = ts.status("Yemen", "bwc", "1995-01-01")
    assert r.status is Status.PARTY and r.entry_into_force == date(1990, 5, 22)


def test_bwc_the_republic_of_viet_nam_signed_and_viet_nam_acceded():
    assert ts.status("Republic of Viet Nam", "bwc", "1973-01-01").status is Status.SIGNATORY  # 10 April 1972
    assert ts.status("Viet Nam", "bwc", "1973-01-01").status is not Status.SIGNATORY
    r = ts.status("Viet Nam", "bwc", "1981-01-01")
    assert r.status is Status.PARTY and r.consent == date(1980, 6, 20)


def test_bwc_the_first_of_several_deposits_counts():
    # Bulgaria in London on 2 August 1972 (the FCO's record), before UNODA's 13 September
    assert ts.status("Bulgaria", "bwc", "1975-03-26").consent == date(1972, 8, 2)
    # Papua New Guinea on 27 October 1980 (IEADB, ICRC), before UNODA's 16 March 1981
    assert ts.is_party("Papua New Guinea", "bwc", "1981-01-01")
    # the Czech Republic's note received in London on 5 April 1993; effective 1 January 1993
    r = ts.status("Czech Republic", "bwc", "1993-06-01")
    assert r.status is Status.PARTY and r.consent == date(1993, 4, 5) and r.entry_into_force == date(1993, 1, 1)


def test_bwc_the_gdr_is_unknown_not_a_non_party():
    assert ts.status("GDR", "bwc", "1980-01-01").status is Status.UNKNOWN
    assert ts.status("GDR", "npt", "1969-01-01").status is Status.SIGNATORY  # signed 1 July 1968


def test_cote_divoire_ccw_protocols_i_and_iii_are_unknown_where_the_sources_disagree():
    # UNOG announced consent to Protocols I, II, III and V on 25 May 2016; the depositary's table
    # and the ICRC's show only II and V
    for protocol in ("ccw-protocol-i", "ccw-protocol-iii"):
        r = ts.status("Côte d'Ivoire", protocol, "2020-01-01")
        assert r.status is Status.UNKNOWN
        assert {"unog-2016-06-13", "icrc-2020"} <= {s.id for s in r.sources}
    assert ts.is_party("Côte d'Ivoire", "ccw-protocol-ii", "2020-01-01")
    assert ts.is_party("Côte d'Ivoire", "ccw-protocol-v", "2020-01-01")


def test_a_recorded_withdrawal_weighs_an_armed_conflict_the_question_supposes():
    # Poland's notice of 20 August 2025 takes effect on 20 February 2026 by the depositary's record;
    # supposing Poland engaged in an armed conflict when the six months end (Art. 20(3)) defers it
    plain = ts.withdrawal("Poland", "apmbc", on="2026-01-15")
    assert plain.effective == date(2026, 2, 20) and not plain.deferred
    at_war = ts.withdrawal("Poland", "apmbc", on="2026-01-15", in_armed_conflict=True)
    assert at_war.deferred and at_war.effective is None
    assert "20 February 2026" in at_war.explanation
    until = ts.withdrawal("Poland", "apmbc", on="2026-01-15", armed_conflict_until="2026-06-30")
    assert until.deferred and until.effective == date(2026, 6, 30)


def test_a_succession_without_an_effective_day_is_undecided_until_the_rule_day():
    # Tonga (independent 4 June 1970) notified its succession to the NPT on 7 July 1971; no source
    # gives the day it took effect, so between independence and the notification the answer is
    # not known, and the state is on neither side of the list
    before = ts.status("TON", "npt", "1971-01-01")
    assert before.status is Status.UNDECIDED and before.is_party is None
    assert "no source gives the day its succession takes effect" in before.explanation
    assert "TON" in ts.parties("npt", "1971-01-01").undecided
    assert "TON" not in ts.non_parties("npt", "1971-01-01")
    assert ts.status("TON", "npt", "1971-07-08").status is Status.PARTY
    assert ts.status("TON", "npt", "1970-06-01").status is Status.NOT_YET  # independent from 4 June 1970


def test_an_answer_with_no_record_cites_the_record_the_state_is_absent_from():
    r = ts.status("RUS", "apmbc", "2026-01-01")
    assert r.status is Status.NOT_SIGNED
    assert [s.id for s in r.sources] == ["untc-xxvi-5"]


def test_democratic_yemen_under_the_npt_is_unknown_not_never_signed():
    assert ts.status("YMD", "npt", "1985-01-01").status is Status.UNKNOWN

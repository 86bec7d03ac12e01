"""The treaties of war and rights: the UN human-rights treaties, genocide, refugees, ENMOD, Kampala;
and those kept by other depositaries (the Hague Convention of 1954, the Geneva Protocol of 1925,
the Outer Space Treaty).

Dates are the depositaries' (UN Treaty Collection status pages as at 3 February 2026, their end
notes and declarations; UNESCO's and the others' lists as docs/sources/ say) and the treaties' own
final clauses.
"""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date

import pytest

import treatystatus as ts
from treatystatus import Status

CLI = [sys.executable, "-m", "treatystatus"]


@pytest.mark.parametrize("alias, tid", [
    ("IV-11-b", "crc-opac"), ("OPAC", "crc-opac"), ("child soldiers protocol", "crc-opac"), ("CAT", "cat"),
    ("UNCAT", "cat"), ("torture convention", "cat"), ("genocide convention", "genocide"),
    ("refugee convention", "refugee-convention"), ("Kampala amendments", "kampala-aggression"),
    ("crime of aggression", "kampala-aggression"), ("XXVI-1", "enmod"), ("XVIII-10-b", "kampala-aggression"),
    ("ICCPR", "iccpr"), ("IV-4", "iccpr"), ("CEDAW", "cedaw"), ("V-5", "refugee-protocol"),
])
def test_aliases(alias, tid):
    assert ts.treaty(alias).id == tid


# -- withdrawal answers for each kind of clause ------------------------------------------------------

def test_children_in_armed_conflict_protocol_defers_a_denunciation_in_conflict_both_ways():
    # Art. 11(1): one year after receipt; if then engaged in armed conflict, not before its end
    ended_early = ts.withdrawal("GBR", "crc-opac", "2027-01-10", armed_conflict_until="2027-06-01",
                                in_armed_conflict=True)
    assert ended_early.effective == date(2028, 1, 10) and ended_early.deferred is False
    ended_late = ts.withdrawal("GBR", "crc-opac", "2027-01-10", armed_conflict_until="2029-06-01",
                               in_armed_conflict=True)
    assert ended_late.effective == date(2029, 6, 1) and ended_late.deferred is True
    assert "shall not take effect before the end of the armed conflict" in ended_late.explanation
    no_end = ts.withdrawal("GBR", "crc-opac", "2027-01-10", in_armed_conflict=True)
    assert no_end.effective is None


def test_iccpr_has_no_withdrawal_clause_and_the_positions_are_quoted():
    w = ts.withdrawal("RUS", "iccpr", "2027-01-10")
    assert w.possible is False and w.effective is None
    text = w.explanation
    assert "no clause on withdrawal" in text and "Art. 56 of the Vienna Convention" in text
    assert "would not appear possible unless all States Parties to the Covenant agree" in text  # end note 8
    assert "deliberately intended to exclude the possibility of denunciation" in text  # General Comment 26
    assert "untc-iv-4" in text and "hrc-gc26" in text


def test_the_dprk_notice_of_1997_is_recorded_and_has_no_effect():
    r = ts.status("PRK", "iccpr", "2026-01-01")
    assert r.status is Status.PARTY and r.withdrawal_notified == date(1997, 8, 25)
    assert "C.N.467.1997.TREATIES-10" in r.explanation and "no effect" in r.explanation
    assert "PRK" in ts.parties("iccpr", "2026-01-01")


def test_a_treaty_without_clause_or_position_cannot_tell():
    w = ts.withdrawal("FRA", "icescr", "2027-01-10")
    assert w.possible is None and w.effective is None
    assert "not before 10 January 2028" in w.explanation  # twelve months' notice, if at all


def test_genocide_convention_windows_around_the_six_month_limit():
    # in force 12 January 1951; ten years, then five-year periods: one ends on 12 January 2026;
    # a notice must come at least six months before the end of the current period
    assert ts.withdrawal("USA", "genocide", "2025-07-11").effective == date(2026, 1, 12)
    assert ts.withdrawal("USA", "genocide", "2025-07-13").effective == date(2031, 1, 12)


def test_convention_against_torture_one_year():
    assert ts.withdrawal("FRA", "cat", "2027-03-01").effective == date(2028, 3, 1)


def test_migrant_workers_convention_five_years_then_the_first_of_a_month():
    w = ts.withdrawal("MEX", "cmw", "2027-03-15")
    assert w.effective == date(2028, 4, 1)


# -- special records ------------------------------------------------------------------------------

@pytest.mark.parametrize("state, day, status", [
    ("TTO", "1998-05-25", Status.PARTY),  # acceded 14 November 1980
    ("TTO", "1998-08-25", Status.WITHDRAWAL_PENDING),  # denounced 26 May 1998, effective 26 August
    ("TTO", "1998-08-26", Status.CONSENTED),  # re-acceded that day: in force three months later
    ("TTO", "1998-11-26", Status.PARTY),
    ("TTO", "2000-06-27", Status.WITHDRAWN),  # second denunciation, 27 March 2000
    ("GUY", "1993-08-10", Status.PARTY),  # acceded 10 May 1993 (end note 2)
    ("GUY", "1999-04-04", Status.WITHDRAWAL_PENDING),  # denounced and re-acceded on 5 January 1999
    ("GUY", "1999-04-05", Status.PARTY),  # the re-accession takes over the day the denunciation takes effect
    ("JAM", "1998-01-23", Status.WITHDRAWN),  # 23 October 1997, three months
    ("BLR", "2023-02-08", Status.WITHDRAWN),  # C.N.400.2022.TREATIES-IV.5
])
def test_first_optional_protocol_denunciations_and_reaccessions(state, day, status):
    assert ts.status(state, "iccpr-op1", day).status is status


def test_predecessor_states_under_the_covenants():
    assert ts.status("CSK", "iccpr", "1980-01-01").status is Status.PARTY
    assert ts.status("DDR", "iccpr", "1980-01-01").status is Status.PARTY
    assert ts.status("YUG", "cat", "1991-12-01").status is Status.PARTY
    assert ts.status("DDR", "crc", "1990-10-02").status is Status.CONSENTED  # ratified the day before unification
    assert ts.status("YMD", "cerd", "1980-01-01").status is Status.PARTY


def test_guinea_accession_to_cedaw_annulled_by_its_signature():
    assert ts.status("GIN", "cedaw", "1980-05-01").status is Status.CONSENTED
    annulled = ts.status("GIN", "cedaw", "1981-01-01")
    assert annulled.status is Status.CONSENT_REVOKED and annulled.is_party is False and annulled.signature


# -- declarations that are acts with dates --------------------------------------------------------

def test_minimum_age_declared_under_opac_art_3_2():
    (d,) = ts.declarations("crc-opac", "3(2)", state="GBR")
    assert d.value == "16" and d.made == date(2003, 6, 24)
    ire = ts.declarations("crc-opac", "3(2)", state="IRL")
    assert [x.value for x in ire][-1] == "18" and ire[-1].made == date(2015, 1, 12)


def test_cat_article_22_acceptance_on_a_day():
    acc = ts.accepting("cat", "22", "2020-01-01")
    assert "FRA" in acc and "USA" not in acc
    assert all(ts.is_party(c, "cat", "2020-01-01") for c in acc)


def test_iccpr_article_41_declarations_with_periods():
    # Switzerland recognized the competence for periods of five years; none stood between
    # 18 September 2002 and 16 April 2010
    assert ts.declarations("iccpr", "41", state="CHE", on="2005-01-01") == []
    (d,) = ts.declarations("iccpr", "41", state="CHE", on="2012-01-01")
    assert d.stands is True and d.ended == date(2015, 4, 16) and d.ended_how == "lapsed"
    with pytest.raises(ts.TreatyStatusError, match="no declarations recorded under article"):
        ts.declarations("iccpr", "99")


def test_declarations_command():
    r = subprocess.run([*CLI, "declarations", "crc-opac", "--article", "3(2)", "--state", "GBR", "--format", "json"],
                       capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    (row,) = json.loads(r.stdout)
    assert row["value"] == "16" and row["source"] == "untc-iv-11-b"


# -- Kampala ----------------------------------------------------------------------------------------

def test_kampala_amendments_enter_into_force_per_state_a_year_after_deposit():
    assert ts.status("LIE", "kampala-aggression").entry_into_force == date(2013, 5, 8)
    assert ts.status("DEU", "kampala-aggression", "2014-06-02").status is Status.CONSENTED
    assert ts.status("DEU", "kampala-aggression", "2014-06-03").status is Status.PARTY
    assert ts.status("UKR", "kampala-aggression").entry_into_force == date(2025, 10, 25)
    assert "17 July 2018" in (ts.treaty("kampala-aggression").entry_into_force.condition or "")


def test_genocide_lists_say_they_are_incomplete():
    lst = ts.parties("genocide", "2024-04-24")
    assert lst.incomplete and "three accessions" in lst.incomplete
    assert ts.non_parties("genocide", "2024-04-24").incomplete


# -- the Hague Convention of 1954 and the Geneva Protocol of 1925 --------------------------------

def test_hague_denunciation_waits_for_the_later_of_hostilities_and_repatriation():
    w = ts.withdrawal("FRA", "hague-1954", "2027-01-10", in_armed_conflict=True, armed_conflict_until="2029-01-01")
    assert w.effective == date(2029, 1, 1) and w.deferred is True
    assert "whichever is the later" in w.explanation
    calm = ts.withdrawal("FRA", "hague-1999-p2", "2027-01-10", in_armed_conflict=False)
    assert calm.effective == date(2028, 1, 10)
    assert ts.treaty("hague-1954").entry_into_force.immediate_in_conflict.article == "33(3)"


def test_hague_later_acts_and_corrections():
    assert ts.status("ISL", "hague-1954", "2023-03-05").status is Status.PARTY
    assert ts.status("ISL", "hague-1954", "2023-03-04").status is Status.CONSENTED
    fin = ts.status("FIN", "hague-1999-p2", "2005-01-01")
    assert fin.consent == date(2004, 8, 27) and fin.status is Status.PARTY  # UNESCO's day, not the ICRC's
    assert ts.status("MLT", "hague-1954", "2026-01-01").status is Status.UNKNOWN
    assert ts.status("MLT", "hague-1999-p2", "2026-01-01").is_party is None  # its Convention status decides
    assert "MLT" in ts.parties("hague-1999-p2", "2026-01-01").undecided


def test_geneva_protocol_1925_reservations_and_no_withdrawal_clause():
    assert ts.withdrawal("USA", "geneva-protocol-1925", "2027-01-01").possible is None
    (fra,) = ts.declarations("geneva-protocol-1925", "reservation", state="FRA", on="1990-01-01")
    assert fra.value == "reciprocity+retaliation"
    assert [d.state for d in ts.declarations("geneva-protocol-1925", "reservation", state="CAN", on="1995-01-01")] == []
    assert len(ts.consenting("geneva-protocol-1925", "2020-11-09")) == 145


def test_outer_space_treaty_depositaries_and_incomplete_lists():
    r = ts.status("CHN", "outer-space", "1990-01-01")
    assert r.status is Status.PARTY and r.consent == date(1983, 12, 30)  # the first deposit (Washington) counts
    assert ts.withdrawal("USA", "outer-space", "2027-01-01").effective == date(2028, 1, 1)
    assert ts.parties("outer-space").incomplete
    assert "TWN" not in ts.consenting("outer-space", "2018-07-10")


# -- CFE and Open Skies -------------------------------------------------------------------------

def test_cfe_russia_suspended_in_2007_and_withdrew_in_2023():
    suspended = ts.status("RUS", "cfe", "2015-01-01")
    assert suspended.status is Status.PARTY and suspended.suspension == date(2007, 7, 14)  # a suspension is not a withdrawal
    assert ts.status("RUS", "cfe", "2023-11-06").status is Status.WITHDRAWAL_PENDING
    assert ts.status("RUS", "cfe", "2023-11-07").status is Status.WITHDRAWN
    assert ts.status("USA", "cfe").status is Status.PARTY  # suspended in 2023, still a party
    assert len(ts.consenting("cfe", "2023-11-08")) == 29
    w = ts.withdrawal("DEU", "cfe", "2027-01-01")
    assert w.effective == date(2027, 5, 31)  # at least 150 days before the day the notice names


def test_open_skies_withdrawals_of_2020_and_2021():
    assert ts.status("USA", "open-skies", "2020-11-21").status is Status.WITHDRAWAL_PENDING
    assert ts.status("USA", "open-skies", "2020-11-22").status is Status.WITHDRAWN
    assert ts.status("RUS", "open-skies", "2021-12-18").status is Status.WITHDRAWN
    assert "SWE" in ts.parties("open-skies").undecided


# -- the European Convention on Human Rights ---------------------------------------------------

def test_echr_russia_ceased_to_be_a_party_under_art_58_3():
    assert ts.status("RUS", "echr", "2022-03-01").status is Status.PARTY
    pending = ts.status("RUS", "echr", "2022-06-01")
    assert pending.status is Status.WITHDRAWAL_PENDING
    assert "ends without a notice of its own" in pending.explanation
    assert ts.status("RUS", "echr", "2022-09-16").status is Status.WITHDRAWN
    assert ts.withdrawal("FRA", "echr", "2027-01-01").effective == date(2027, 7, 1)  # six months' notice


def test_echr_unknown_where_no_record_was_read_and_lists_say_so():
    assert ts.status("GRC", "echr").status is Status.UNKNOWN
    assert ts.parties("echr").incomplete and "GRC" in ts.parties("echr").undecided
    # a succession known to the year, with effect from 1 January 1993: bound from that day
    assert ts.status("CZE", "echr", "1993-06-01").status is Status.PARTY


def test_a_no_under_a_treaty_known_to_miss_consents_carries_the_caution():
    r = ts.status("TJK", "genocide", "2026-01-01")
    assert r.is_party is False and "known to miss acts of consent" in r.explanation
    assert "gave no notice" in ts.withdrawal("RUS", "echr").explanation

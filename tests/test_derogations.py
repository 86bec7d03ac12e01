"""Derogations under Art. 4 of the ICCPR: the depositary's notifications as records, what stands
on a day, what cannot be suspended.

Dates and references are the depositary's: UN Treaty Collection status page IV-4, status as at 3
February 2026, section "Notifications under Article 4 (3) of the Covenant (Derogations)".
"""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import treatystatus as ts
from treatystatus import Status, TreatyStatusError
from treatystatus.rules.derogations import period_end

CLI = [sys.executable, "-m", "treatystatus"]


def _by_measure(ds, measure):
    return [d for d in ds if (d.measure or "") == measure]


# -- Ukraine ------------------------------------------------------------------------------------------

def test_ukraine_march_2022_martial_law_stands_and_the_state_of_emergency_is_on_record():
    ds = ts.derogations("Ukraine", on="2022-03-15")
    (ml,) = _by_measure(ds, "martial law")
    assert ml.stands is True
    assert ml.since == date(2022, 2, 24) and ml.since_how == "stated"  # "from 05:30 on 24 February 2022"
    assert "C.N.65.2022.TREATIES-IV.4" in ml.references
    soe = [d for d in _by_measure(ds, "state of emergency") if "C.N.64.2022.TREATIES-IV.4" in d.references]
    assert len(soe) == 1
    # notified on 1 March 2022 (dated 28 February) for 30 days, with no first day stated: whether it
    # still stands on 15 March depends on that day
    assert soe[0].stands is None and soe[0].territory == "certain regions of Ukraine"
    assert "UKR" in ts.derogating(on="2022-03-15")


def test_ukraine_2016_the_donetsk_and_luhansk_areas():
    ds = ts.derogations("UKR", on="2016-08-01")
    (d,) = ds.in_force
    assert "Donetsk and Luhansk" in d.territory and "14 June 2016" in d.territory  # the scope of 6 July 2016
    assert d.references[:3] == ("C.N.416.2015.TREATIES-IV.4", "C.N.656.2015.TREATIES-IV.4",
                                "C.N.502.2016.TREATIES-IV.4")
    earlier = ts.derogations("UKR", on="2016-03-01").in_force[0]  # the scope of 27 November 2015
    assert earlier.territory.startswith("certain areas of the Donetsk and Luhansk regions")
    assert ts.derogations("UKR", on="2014-06-01").in_force == []


def test_ukraine_extensions_follow_each_other_as_the_depositary_dates_them():
    # the 90-day period from 8 February 2025 ends on 8 May; the next notified period starts on 9 May
    ml = _by_measure(ts.derogations("UKR", history=True), "martial law")[0]
    starts = {n.start: n for n in ml.notifications if n.start is not None and n.length is not None}
    assert period_end(date(2025, 2, 8), starts[date(2025, 2, 8)].length) + timedelta(days=1) == date(2025, 5, 9)
    assert period_end(date(2025, 5, 9), starts[date(2025, 5, 9)].length) + timedelta(days=1) == date(2025, 8, 7)
    assert ml.until == date(2026, 1, 28) and ml.until_how == "period"


def test_a_notified_period_that_ran_out_is_reported_as_such():
    ds = ts.derogations("UKR", on="2026-02-01")
    assert not _by_measure(ds, "martial law")
    assert "its last notified period ended on 28 January 2026; no extension or termination is on record" in str(ds)


def test_a_derogation_with_no_end_on_record_stands_with_that_said():
    (d,) = ts.derogations("Israel", on="2026-01-01")
    assert d.stands is True and d.no_end_notified and d.until is None and d.articles == ("9",)
    assert "no end has been notified and no termination is on record" in d.explanation
    lst = ts.derogating(on="2026-01-01")
    assert "ISR" in lst and "ISR" in lst.no_end_notified


# -- Algeria -----------------------------------------------------------------------------------------

def test_algeria_state_of_siege_1991():
    (d,) = ts.derogations("Algeria", on="1991-07-01")
    assert d.measure == "state of siege" and d.territory == "whole"
    assert d.articles == ("9(3)", "12(1)", "17", "19(2)", "21")
    assert d.since == date(1991, 6, 5)  # "beginning at midnight in the night of 4/5 June 1991"
    assert d.until == date(1991, 9, 28) and d.until_how == "termination"  # "terminated ... on 29 September 1991"
    assert ts.derogations("DZA", on="1991-09-29") == []


def test_algeria_1_december_1991_none():
    ds = ts.derogations("DZA", on="1991-12-01")
    assert ds == [] and "no derogation by Algeria" in str(ds)
    assert "DZA" not in ts.derogating(on="1991-12-01") and "DZA" not in ts.derogating(on="1991-12-01").undecided


def test_algeria_2000_the_1992_state_of_emergency_extended_in_1993():
    (d,) = ts.derogations("DZA", on="2000-06-01")
    assert d.measure == "state of emergency" and d.since == date(1992, 2, 9)
    assert d.articles == ("9(3)", "12", "17", "21")
    assert len(d.notifications) == 3  # the decree of 1992, the extension of 1993 (known from 2011), the lifting


def test_algeria_lifted_in_february_2011():
    assert ts.derogations("DZA", on="2011-03-01") == []
    # the ordinance is dated 23 February 2011, received on 25 February: the day between is not given
    assert [d.stands for d in ts.derogations("DZA", on="2011-02-24")] == [None]
    assert ts.derogations("DZA", on="2011-02-22").in_force


# -- the pandemic --------------------------------------------------------------------------------------

def test_at_least_five_states_derogating_in_may_2020():
    lst = ts.derogating("iccpr", on="2020-05-15")
    covid = {"ARM", "LVA", "GEO", "SMR", "THA", "ETH", "SLV"}  # notified March-April 2020
    assert covid <= set(lst)
    assert not set(lst) & set(lst.undecided)
    for code in covid:
        assert ts.derogations(code, on="2020-05-15").in_force


def test_latvia_2020_the_state_of_emergency():
    (d,) = ts.derogations("LVA", on="2020-04-01")
    assert d.measure == "state of emergency" and d.since == date(2020, 3, 13) and d.until == date(2020, 6, 9)


# -- lists and single answers agree ------------------------------------------------------------------

def _change_days():
    days = set()
    for code in sorted({n.state for n in ts.notifications("iccpr")}):
        for d in ts.derogations(code, history=True):
            for x in (d.since, d.until):
                if isinstance(x, date):
                    days.update({x - timedelta(days=1), x, x + timedelta(days=1)})
    return sorted(days)


def test_list_and_single_answers_agree_at_change_points():
    days = _change_days()
    assert len(days) > 300
    states = sorted({n.state for n in ts.notifications("iccpr")})
    for d in days[::5]:
        lst = ts.derogating(on=d)
        for code in states:
            ds = ts.derogations(code, on=d)
            assert (code in lst) == bool(ds.in_force), (code, d)
            assert (code in lst.undecided) == (not ds.in_force and bool(ds.undecided)), (code, d)


@settings(max_examples=40, deadline=None)
@given(st.dates(min_value=date(1976, 3, 23), max_value=date(2026, 2, 3)),
       st.sampled_from(["UKR", "PER", "GTM", "ECU", "DZA", "COL", "CHL", "ARM", "TUR", "FRA"]))
def test_a_derogation_changes_no_status_and_the_status_says_so(d, code):
    r = ts.status(code, "iccpr", d)
    ds = ts.derogations(code, on=d)
    assert r.status in set(Status)
    assert {x.explanation for x in r.derogations} == {x.explanation for x in ds}
    assert (("derogat" in r.explanation) is bool(ds))


# -- what cannot be suspended ----------------------------------------------------------------------------

@pytest.mark.parametrize("article, ok", [("7", False), ("Art. 18", False), ("8(1)", False), ("8(3)", True),
                                         ("12", True), ("6", False), ("article 9", True), ("15", False)])
def test_non_derogable_articles_of_article_4_2(article, ok):
    r = ts.derogable("iccpr", article)
    assert r.derogable is ok
    assert "4(2)" in r.explanation


def test_article_8_admits_derogation_only_in_part_and_the_protocol_right_none():
    assert "only in part" in ts.derogable("ICCPR", "8").explanation
    assert ts.derogable("iccpr-op2", "1(1)").derogable is False  # Second Protocol Art. 6(2)
    with pytest.raises(TreatyStatusError, match="not an article"):
        ts.derogable("iccpr", "freedom of movement")
    with pytest.raises(TreatyStatusError, match="no derogation clause"):
        ts.derogations("France", "cat")


def test_no_notification_names_a_non_derogable_article_as_derogated_from():
    listed = set(ts.treaty("iccpr").derogation.non_derogable)
    named = {(n.state, a) for n in ts.notifications("iccpr") for a in (n.articles or ()) if n.kind != "termination"}
    assert {(s, a) for s, a in named if a in listed or a.split("(")[0] in {"6", "7", "11", "15", "16", "18"}} == set()


def test_every_notification_keeps_the_depositarys_words_and_source():
    ns = ts.notifications("iccpr")
    assert len(ns) > 900 and len({n.state for n in ns}) == 46
    assert all(n.source == "untc-iv-4" and (n.quote or n.note) for n in ns)
    assert {n.kind for n in ns} == {"derogation", "extension", "change", "termination", "information"}


# -- the command --------------------------------------------------------------------------------------------

def _run(*args):
    return subprocess.run([*CLI, *args], capture_output=True, text=True)


def test_cli_derogations_of_a_state_and_the_list():
    p = _run("derogations", "Ukraine", "--on", "2022-03-15", "--format", "json")
    assert p.returncode == 0
    out = json.loads(p.stdout)
    assert any(d["measure"] == "martial law" and d["stands"] for d in out["derogations"])
    p = _run("derogations", "--on", "2020-05-15")
    assert p.returncode == 0 and "LVA  Latvia" in p.stdout and "no end of their derogation" in p.stderr
    p = _run("derogable", "7")
    assert p.returncode == 0 and p.stdout.startswith("No derogation may be made from article 7")


def test_cli_derogations_errors_exit_2():
    for args in (("derogations", "Narnia"), ("derogations", "France", "--treaty", "cat"), ("derogable", "x"),
                 ("derogations", "--history")):
        p = _run(*args)
        assert p.returncode == 2 and p.stderr.startswith("treatystatus: error:") and "Traceback" not in p.stderr

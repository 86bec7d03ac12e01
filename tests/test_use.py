"""What users do with the library: what changed in a window, many questions in one call, dates
as people write them, charts that read well."""

import csv
import io
import json
import subprocess
import sys
from datetime import date

import pytest

import treatystatus as ts
from treatystatus import Status


def cli(*args, stdin=None):
    return subprocess.run([sys.executable, "-m", "treatystatus", *args], capture_output=True, text=True, input=stdin,
                          cwd="/")


# -- what changed ------------------------------------------------------------------------------------

def test_changes_lists_the_2025_withdrawals_from_the_mine_ban_convention_with_their_sources():
    ch = ts.changes("2025-06-01", "2026-02-28", treaties=["apmbc"])
    acts = [(c.state, c.day) for c in ch if c.what == "act" and c.kind == "withdrawal"]
    assert ("FIN", date(2025, 7, 10)) in acts
    assert {"EST", "LTU", "LVA", "FIN"} <= {s for s, _ in acts}
    fin = next(c for c in ch if c.state == "FIN" and c.what == "act")
    assert fin.ref == "C.N.372.2025.TREATIES-XXVI-5" and fin.source == "untc-xxvi-5"
    # the change of status each notice caused, on the day the rules give, with the notice as cause
    took = next(c for c in ch if c.state == "FIN" and c.what == "status" and c.kind == "withdrawn")
    assert took.day == date(2026, 1, 10) and took.before == "withdrawal-pending" and took.is_party is False
    assert took.cause is not None and took.cause.kind is ts.EventKind.WITHDRAWAL
    # in date order
    days = [c.day if isinstance(c.day, date) else c.day.latest for c in ch]
    assert days == sorted(days)


def test_changes_agree_with_the_histories_at_every_change_point():
    # exhaustive for one treaty: every status change the histories hold in the window is listed, and nothing else
    lo, hi = date(2015, 1, 1), date(2026, 11, 30)
    ch = ts.changes(lo, hi, treaties="rome-statute")
    listed = {(c.state, c.day, c.kind) for c in ch if c.what == "status"}
    expected = set()
    for code in {c.state for c in ts.changes("1998-07-17", hi, treaties="rome-statute")}:
        segs = ts.history(code, "rome-statute").segments
        for prev, seg in zip(segs, segs[1:]):
            if lo <= seg.start <= hi and (seg.status, seg.possible) != (prev.status, prev.possible):
                if (prev.status.value, seg.status.value) not in (("not-signed", "not-party"),
                                                                 ("state-not-yet", "not-signed")):
                    expected.add((code, seg.start, seg.status.value))
    assert listed == expected and ("PHL", date(2019, 3, 17), "withdrawn") in listed


def test_changes_mark_acts_whose_day_is_not_known_and_filter_by_state():
    ch = ts.changes("2026-01-01", "2026-11-30", treaties="rome-statute", states=["Hungary"])
    rev = next(c for c in ch if c.kind == "withdrawal-revoked")
    assert rev.uncertain and isinstance(rev.day, ts.DateRange)
    assert {c.state for c in ch} == {"HUN"}
    assert ch.until == date(2026, 11, 30) and "rome-statute" in ch.treaties


def test_changes_refuse_a_window_that_ends_before_it_starts():
    with pytest.raises(ts.TreatyStatusError, match="before it starts"):
        ts.changes("2026-01-01", "2025-01-01")


def test_changes_command_as_csv_and_json():
    r = cli("changes", "--since", "2025-07-01", "--until", "2025-07-31", "--treaty", "apmbc", "--format", "csv")
    assert r.returncode == 0, r.stderr
    rows = list(csv.DictReader(io.StringIO(r.stdout)))
    assert any(x["state"] == "FIN" and x["kind"] == "withdrawal" and x["ref"].startswith("C.N.372") for x in rows)
    j = cli("changes", "--since", "2025-07-01", "--until", "2025-07-31", "--treaty", "apmbc", "--json")
    data = json.loads(j.stdout)
    assert data["count"] == len(rows) and data["since"] == "2025-07-01"
    bad = cli("changes", "--since", "July 2025")
    assert bad.returncode == 2 and "Traceback" not in bad.stderr and bad.stderr.count("\n") == 1


# -- batches -----------------------------------------------------------------------------------------

def test_status_many_answers_each_row_and_returns_errors_in_place():
    out = ts.status_many([("Ukraine", "ottawa"), ("Narnia", "apmbc"), ("FIN", "apmbc", "2025-12-31"),
                          {"state": "PHL", "treaty": "icc", "date": "2019-03-16"}], on="2026-01-01")
    assert out[0].status is Status.PARTY and out[0].on == date(2026, 1, 1)
    assert isinstance(out[1], ts.UnknownStateError)
    assert out[2].status is Status.WITHDRAWAL_PENDING
    assert out[3].is_party is True


def test_batch_command_reads_a_file_and_standard_input_and_reports_bad_rows_by_line(tmp_path):
    f = tmp_path / "q.csv"
    f.write_text("state,treaty,date\nUkraine,ottawa,2026-01-01\nNarnia,apmbc\n\nFIN,apmbc,2026-01-10\n"
                 "USA,npt,01/02/2025\n", encoding="utf-8")
    r = cli("status", "--batch", str(f))
    assert r.returncode == 1  # some rows not answered
    rows = list(csv.DictReader(io.StringIO(r.stdout)))
    assert [x["line"] for x in rows] == ["2", "3", "5", "6"]
    assert rows[0]["status"] == "party" and rows[2]["status"] == "withdrawn" and rows[2]["is_party"] == "False"
    assert "line 3: unknown state 'Narnia'" in r.stderr and "line 6: invalid date" in r.stderr
    assert rows[1]["error"] and rows[3]["error"]
    s = cli("status", "--batch", "-", "--format", "jsonl", stdin="Ukraine,ottawa,2026-01-01\nPRK,npt,2010-01-01\n")
    lines = [json.loads(x) for x in s.stdout.splitlines()]
    assert s.returncode == 0 and lines[0]["status"] == "party" and lines[1]["is_party"] is None
    missing = cli("status", "--batch", str(tmp_path / "nope.csv"))
    assert missing.returncode == 2 and "cannot read" in missing.stderr


# -- dates -------------------------------------------------------------------------------------------

@pytest.mark.parametrize("given", ["27 December 2025", "27 Dec 2025", "December 27, 2025", "2025-12-27", "20251227"])
def test_unambiguous_date_forms_are_accepted(given):
    assert ts.status("FIN", "apmbc", given).on == date(2025, 12, 27)


@pytest.mark.parametrize("given, reason", [("01/02/2025", "day-first in some countries"), ("2025-06", "a month alone"),
                                           ("2025", "a year alone"), ("yesterday", "accepted forms")])
def test_other_date_forms_are_refused_with_the_accepted_ones_named(given, reason):
    with pytest.raises(ts.InvalidDateError) as exc:
        ts.status("FIN", "apmbc", given)
    assert reason in str(exc.value) and "27 December 2025" in str(exc.value)


# -- charts ------------------------------------------------------------------------------------------

def _png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")


def test_charts_show_in_a_notebook_as_pictures():
    pytest.importorskip("matplotlib")
    fig = ts.plot_treaty("npt")
    w, h = _png_size(fig._repr_png_())
    assert w > 600 and h > 300


def test_a_zoomed_chart_does_not_keep_the_axis_from_zero():
    pytest.importorskip("matplotlib")
    ax = ts.plot_treaty("apmbc", start="2020-01-01").axes[0]
    assert ax.get_ylim()[0] > 100
    assert ts.plot_treaty("apmbc").axes[0].get_ylim()[0] == 0


def test_a_disputed_withdrawal_is_not_drawn_as_taking_effect():
    pytest.importorskip("matplotlib")
    ax = ts.plot_treaty("npt").axes[0]
    labels = [t.get_text() for t in ax.get_legend().get_texts()]
    assert "withdrawal takes effect" not in labels
    assert any("disputed" in x for x in labels)
    assert any("PRK" in t.get_text() and "disputed" in t.get_text() for t in ax.texts)


def test_a_long_title_is_wrapped_and_the_footer_keeps_out_of_the_plot():
    pytest.importorskip("matplotlib")
    fig = ts.plot_treaty("bwc")
    ax = fig.axes[0]
    assert "\n" in ax.get_title(loc="left") or len(ax.get_title(loc="left")) <= 72
    fig.canvas.draw()
    box = ax.get_position()
    assert box.height > 0.6  # the plot keeps most of the frame under the depositary's footer
    foot = [t for t in fig.texts if "Depositary" in t.get_text()]
    assert foot and foot[0].get_window_extent().y1 < ax.get_window_extent().y0


# -- the whole dataset -------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def package(tmp_path_factory):
    d = tmp_path_factory.mktemp("export")
    r = cli("export", str(d))
    assert r.returncode == 0, r.stderr
    return d


def test_the_export_is_a_valid_frictionless_package(package):
    frictionless = pytest.importorskip("frictionless")
    report = frictionless.validate(str(package / "datapackage.json"))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])[:5]
    meta = json.loads((package / "datapackage.json").read_text(encoding="utf-8"))
    assert meta["licenses"][0]["name"] == "MIT" and meta["version"] == ts.data_version
    names = {r["name"] for r in meta["resources"]}
    assert {"events", "status", "treaties", "states", "sources", "groups"} <= names


def test_the_export_reloads_in_pandas_and_agrees_with_the_api(package):
    pd = pytest.importorskip("pandas")
    ev = pd.read_csv(package / "events.csv", dtype=str, keep_default_na=False)
    fin = ev[(ev.state == "FIN") & (ev.treaty == "apmbc") & (ev.kind == "withdrawal")].iloc[0]
    assert fin.date == "2025-07-10" and fin.ref == "C.N.372.2025.TREATIES-XXVI-5" and fin.source == "untc-xxvi-5"
    # a date known only to a month keeps its bounds and no day
    month = ev[ev.precision == "month"].iloc[0]
    assert month.date == "" and month.date_earliest.endswith("-01") and len(month.edtf) == 7
    st = pd.read_csv(package / "status.csv", dtype=str, keep_default_na=False)
    # the status periods are the histories': on any day, the period that holds it gives status()'s answer
    for code, tid, day in [("FIN", "apmbc", "2025-12-31"), ("FIN", "apmbc", "2026-01-10"),
                           ("HUN", "rome-statute", "2026-01-01"), ("RUS", "echr", "2022-09-16"),
                           ("SSD", "genocide", "2000-01-01"), ("PRK", "npt", "2010-01-01")]:
        rows = st[(st.state == code) & (st.treaty == tid) & (st.start <= day) & ((st.end == "") | (st.end > day))]
        assert len(rows) == 1, (code, tid, day)
        assert rows.iloc[0].status == ts.status(code, tid, day).status.value
    assert len(st[(st.state == "FIN") & (st.treaty == "apmbc")].start) == len(
        {s.start for s in ts.history("FIN", "apmbc").segments if s.end is None or s.end > date(1997, 9, 18)})


# -- groups of states --------------------------------------------------------------------------------

def test_the_annex_2_states_and_who_of_them_ratified_the_ctbt():
    annex = ts.group("Annex 2")
    assert len(annex) == 44 and {"USA", "CHN", "IND", "PAK", "PRK", "ISR", "EGY", "IRN", "COD"} <= set(annex)
    done = ts.consenting("ctbt", "2026-11-25", among="ctbt-annex2")
    # the eight whose ratification is missing, and Russia, whose ratification was revoked in 2023
    assert set(annex) - set(done) == {"CHN", "EGY", "IND", "IRN", "ISR", "PAK", "PRK", "RUS", "USA"}
    assert done.among == "ctbt-annex2" and set(done) <= set(annex)
    before = ts.consenting("ctbt", "2023-10-01", among="ctbt-annex2")
    assert "RUS" in before and len(before) == len(done) + 1


def test_lists_among_a_group_agree_with_single_answers():
    for tid in ("apmbc", "npt", "rome-statute", "ctbt"):
        p5 = ts.group("p5", "2026-11-25")
        parties = ts.parties(tid, "2026-11-25", among="P5")
        non = ts.non_parties(tid, "2026-11-25", among="p5")
        assert set(parties) | set(non) | set(parties.undecided) == set(p5)
        for code in p5:
            assert (code in parties) == (ts.status(code, tid, "2026-11-25").is_party is True)


def test_nato_members_outside_the_mine_ban_convention():
    # the four that left in 2025-2026, Poland, and the United States, which never joined
    assert ts.non_parties("apmbc", "2026-11-25", among="NATO") == ["EST", "FIN", "LTU", "LVA", "POL", "USA"]
    assert len(ts.group("nato", "2026-11-25")) == 32 and len(ts.group("nato", "2023-04-03")) == 30
    # NATO and FRUS give two days for Greece's and Türkiye's accession: in between, not settled
    mid = ts.group("nato", "1952-02-16")
    assert set(mid.undecided) == {"GRC", "TUR"} and "GRC" not in mid
    listed = ts.parties("cwc", "1952-02-16", among="nato")
    assert listed == [] and "GRC" not in listed.undecided  # the CWC did not exist: no one is undecided


def test_a_group_before_it_existed_and_an_unknown_group():
    assert ts.group("p5", "1945-10-23") == [] and len(ts.group("p5", "1945-10-24")) == 5
    with pytest.raises(ts.TreatyStatusError, match="unknown group"):
        ts.group("the avengers")
    # a list of states works as a group too
    assert ts.non_parties("apmbc", "2026-11-25", among=["USA", "France"]) == ["USA"]


def test_groups_command_and_among_on_the_command_line():
    r = cli("groups")
    assert r.returncode == 0 and "ctbt-annex2" in r.stdout and "p5" in r.stdout
    n = cli("non-parties", "apmbc", "--on", "2026-11-25", "--among", "p5", "--format", "json")
    assert {s["state"] for s in json.loads(n.stdout)["non_parties"]} == {"CHN", "RUS", "USA"}
    bad = cli("parties", "apmbc", "--among", "nobody")
    assert bad.returncode == 2 and "unknown group" in bad.stderr


# -- maps --------------------------------------------------------------------------------------------

def test_a_map_of_the_mine_ban_convention_draws_every_state_it_counts(tmp_path):
    pytest.importorskip("matplotlib")
    fig = ts.plot_map("apmbc", "2026-11-25")
    ax = fig.axes[0]
    labels = [t.get_text() for t in ax.get_legend().get_texts()]
    assert "party (161)" in labels and "withdrawn (5)" in labels
    assert "25 November 2026" in ax.get_title(loc="left").replace("\n", " ")
    assert fig._treatystatus_missing == []  # every state is a shape or a point
    out = tmp_path / "m.png"
    r = cli("map", "ottawa", "--on", "2026-11-25", "--out", str(out))
    assert r.returncode == 0, r.stderr
    w, h = _png_size(out.read_bytes())
    assert w >= 1200 and h >= 600 and out.stat().st_size > 50_000


def test_a_map_shows_undecided_states_as_such():
    pytest.importorskip("matplotlib")
    labels = [t.get_text() for t in ts.plot_map("rome-statute", "2026-01-01").axes[0].get_legend().get_texts()]
    assert any(x.startswith("party either way") for x in labels)  # Hungary: party or withdrawal-pending
    # the Sahel states' and Venezuela's notices of unknown day: bound either way, not "undecided"
    assert not any(x.startswith("undecided") for x in labels)
    npt = [t.get_text() for t in ts.plot_map("npt", "2026-01-01").axes[0].get_legend().get_texts()]
    assert "undecided, disputed or unknown (1)" in npt  # the DPRK's disputed withdrawal


def test_un_regional_groups_cover_the_membership_once_with_turkiye_in_two():
    today = "2026-11-25"
    groups = ["un-african", "un-asia-pacific", "un-eastern-european", "un-grulac", "un-weog"]
    members = [c for g in groups for c in ts.group(g, today)]
    assert members.count("TUR") == 2 and "USA" not in members
    un = {c for c in ts.states_on(today) if ts.state_info(c)["un"] == "member"}
    assert set(members) == un - {"USA"}  # every other UN Member in a group, as the UN's page lists them
    # undated: before the page's date, membership is undecided and the list says so
    old = ts.group("WEOG", "2020-01-01")
    assert old == [] and len(old.undecided) == 28 and old.incomplete
    assert ts.parties("apmbc", "2020-01-01", among="WEOG") == []

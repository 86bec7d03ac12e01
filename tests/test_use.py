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
    return subprocess.run([sys.executable, "-m", "treatystatus", *args], capture_output=True, text=True, input=stdin)


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


@pytest.mark.parametrize("given, reason", [("01/02/2025", "ambiguous"), ("2025-06", "a month alone"),
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

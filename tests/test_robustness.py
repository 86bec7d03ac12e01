"""Every input has a defined answer; results cannot corrupt the data; queries are thread-safe."""

from __future__ import annotations

import contextlib
import io
import threading
from datetime import date

import pytest
from hypothesis import given, strategies as st

import treatystatus as ts
from treatystatus import cli
from treatystatus.index import current

STATES = sorted(current().states)
TREATIES = [t.id for t in ts.treaties()]


def run_cli(argv: list[str]) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = cli.main(argv)
        except SystemExit as exc:  # --help
            code = exc.code
    return code, out.getvalue(), err.getvalue()


texts = st.one_of(st.text(max_size=30), st.sampled_from(["UA", "Ukraine", "congo", "XK", "", "--on", "-1", "ottawa"]))
dates = st.one_of(st.dates(min_value=date(1, 1, 1)).map(date.isoformat),
                  st.sampled_from(["2025-02-29", "0000-01-01", "9999-12-31", "31/12/2025", "2025-12", "today", ""]),
                  st.text(max_size=12))
commands = st.sampled_from(["status", "party", "parties", "consenting", "signatories", "non-parties", "withdraw",
                            "timeline", "treaties-of", "treaty"])


@given(commands, texts, texts, st.one_of(st.none(), dates), st.booleans(), st.sampled_from([None, "table", "csv", "json", "xml"]),
       st.sampled_from([None, "--in-armed-conflict", "--not-in-armed-conflict", "--armed-conflict-until"]))
def test_any_cli_call_answers_or_fails_cleanly(command, a, b, day, as_json, fmt, conflict):
    argv = [command]
    if command in ("status", "party", "withdraw", "timeline"):
        argv += [a, b]
    elif command == "treaties-of":
        argv += [a]
    else:
        argv += [b]
    if day is not None and command in ("status", "party", "parties", "consenting", "signatories", "non-parties",
                                       "treaties-of"):
        argv += ["--on", day]
    if day is not None and command == "withdraw":
        argv += ["--notified", day]
    if conflict and command == "withdraw":
        argv += [conflict] + ([day or "2027-01-01"] if conflict == "--armed-conflict-until" else [])
    if as_json and command in ("status", "withdraw", "treaty"):
        argv.append("--json")
    if fmt and command in ("parties", "consenting", "signatories", "non-parties", "timeline", "treaties-of"):
        argv += ["--format", fmt]
    code, out, err = run_cli(argv)
    assert code in (0, 1, 2, 3), (argv, code)
    assert "Traceback" not in out + err
    if code == 2:
        assert out == "" and len(err.strip().splitlines()) == 1 and err.startswith("treatystatus: error: "), (argv, err)
    else:
        assert out, argv


@given(st.sampled_from(STATES), st.sampled_from(TREATIES), st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31)))
def test_any_day_from_year_1_to_9999(state, treaty, d):
    try:
        r = ts.status(state, treaty, d)
    except ts.TreatyStatusError as exc:  # a day the calendar arithmetic cannot reach
        assert "out of range" in str(exc)
        return
    if d < ts.treaty(treaty).adopted:
        assert r.status is ts.Status.NOT_SIGNED and "did not exist yet" in r.explanation
    if d > r.data_as_of:
        assert r.after_data_as_of and "not included" in r.explanation
    try:
        ts.withdrawal(state, treaty, notified_on=d)
    except ts.TreatyStatusError as exc:
        assert "out of range" in str(exc)


def test_the_last_days_of_the_calendar():
    with pytest.raises(ts.TreatyStatusError, match="out of range"):
        ts.withdrawal("France", "apmbc", notified_on="9999-12-31")
    assert ts.status("France", "apmbc", "9999-12-31").status is ts.Status.PARTY


def test_results_are_frozen_and_lists_are_copies():
    r = ts.status("UKR", "apmbc", "2026-11-25")
    with pytest.raises(Exception):
        r.status = ts.Status.WITHDRAWN  # type: ignore[misc]
    with pytest.raises(Exception):
        ts.treaty("apmbc").withdrawal.notice.n = 1  # type: ignore[misc]
    p = ts.parties("apmbc", "2026-11-25")
    p.clear()
    assert len(ts.parties("apmbc", "2026-11-25")) == 161
    t = ts.timeline("POL", "apmbc")
    assert isinstance(t.events, tuple)
    with pytest.raises(Exception):
        t.events[0].date = date(2000, 1, 1)  # type: ignore[misc]
    assert ts.timeline("POL", "apmbc").events[0].date == date(1997, 12, 4)


def test_concurrent_first_queries_load_once_and_agree():
    ts.use_data()  # the shipped data: the first queries below race to load the index again
    import treatystatus.index as index

    index._set(None)
    expected = {(s, t): None for s in ("UKR", "EST", "USA", "FRA") for t in TREATIES}
    results: dict = {}
    errors: list = []
    barrier = threading.Barrier(8)

    def work(i: int) -> None:
        try:
            barrier.wait()
            for (s, t) in expected:
                key = (i, s, t)
                results[key] = (ts.is_party(s, t, "2026-01-01"), len(ts.parties(t, "2026-01-01")),
                                ts.status(s, t, "2026-01-01").status)
        except Exception as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(i,)) for i in range(8)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    assert not errors
    for (s, t) in expected:
        answers = {results[(i, s, t)] for i in range(8)}
        assert len(answers) == 1, (s, t, answers)

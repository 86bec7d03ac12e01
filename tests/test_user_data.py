"""Users' own data laid over the shipped data, and the checker curators run on theirs."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

import treatystatus as ts
from treatystatus import DataError, Status
from treatystatus.index import validate

FIX = Path(__file__).parent / "fixtures"


@pytest.fixture()
def userdata():
    ts.use_data(FIX / "userdata")
    yield FIX / "userdata"
    ts.use_data()


def test_user_records_are_added_and_corrections_win_with_a_reason(userdata):
    tuv = ts.status("Mongolia", "apmbc", "2026-12-01")
    assert tuv.status is Status.CONSENTED and tuv.consent == date(2026, 11, 30)
    assert tuv.entry_into_force == date(2027, 5, 1)
    assert [s.id for s in tuv.sources] == ["my-desk-2026-12"]
    ton = ts.status("Tonga", "apmbc", "2026-11-25")
    assert ton.consent == date(2025, 6, 26) and ton.entry_into_force == date(2025, 12, 1)
    assert len(ton.overrides) == 1 and "replaces" in ton.overrides[0] and "take precedence" in ton.overrides[0]
    assert "userdata/events/apmbc.txt:6" in ton.overrides[0] and "data/events/apmbc.txt" in ton.overrides[0]
    assert "User data:" in ton.explanation
    # the user's as-of date extends the coverage
    assert tuv.data_as_of == date(2027, 6, 30) and not tuv.after_data_as_of


def test_shipped_data_are_back_after_use_data_without_paths(userdata):
    ts.use_data()
    assert ts.status("Tonga", "apmbc", "2026-11-25").consent == date(2025, 6, 25)
    assert ts.status("Mongolia", "apmbc", "2026-12-01").status is Status.NOT_SIGNED


def test_environment_variable():
    code = "import treatystatus as ts; print(ts.status('MNG', 'apmbc', '2026-12-01').status.value)"
    env = dict(os.environ, TREATYSTATUS_DATA=str(FIX / "userdata"))
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd="/")
    assert out.stdout.strip() == "consented", out.stderr
    cli = subprocess.run([sys.executable, "-m", "treatystatus", "party", "Mongolia", "apmbc", "--on", "2027-05-01"],
                         capture_output=True, text=True, env=env, cwd="/")
    assert cli.returncode == 0 and cli.stdout.startswith("yes")


def test_a_broken_user_directory_is_refused_and_the_data_in_use_stay():
    with pytest.raises(DataError) as e:
        ts.use_data(FIX / "broken" / "unknown-state")
    assert "unknown state 'XYZ'" in str(e.value)
    assert ts.status("Mongolia", "apmbc", "2026-12-01").status is Status.NOT_SIGNED
    with pytest.raises(DataError):
        ts.use_data(FIX / "no-such-directory")


@pytest.mark.parametrize("defect, file, line, message", [
    ("bad-date", "events/apmbc.txt", 3, "date"),
    ("date-order", "events/apmbc.txt", 3, "cannot take effect on or before the day it was notified"),
    ("unknown-state", "events/apmbc.txt", 3, "unknown state 'XYZ'"),
    ("unknown-source", "events/apmbc.txt", 3, "unknown source 'nobody-said-so'"),
    ("duplicate-record", "events/apmbc.txt", 3, "duplicate record"),
    ("unknown-treaty", "events/landmines-2030.txt", 1, "unknown treaty 'landmines-2030'"),
])
def test_validate_catches_each_planted_defect(defect, file, line, message):
    root = FIX / "broken" / defect
    problems = validate(root)
    assert problems, defect
    assert any(f == f"{root}/{file}" and ln == line and message in msg for f, ln, msg in problems), problems
    r = subprocess.run([sys.executable, "-m", "treatystatus", "validate", str(root)], capture_output=True, text=True, cwd="/")
    assert r.returncode == 1 and f"{root}/{file}:{line}: " in r.stdout


def test_validate_accepts_good_user_data_and_the_shipped_data():
    assert validate(FIX / "userdata") == []
    r = subprocess.run([sys.executable, "-m", "treatystatus", "validate", str(FIX / "userdata")],
                       capture_output=True, text=True, cwd="/")
    assert r.returncode == 0 and "no problems" in r.stderr

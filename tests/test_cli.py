"""The command line, through real subprocesses."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest


SCRIPT = Path(sys.executable).parent / "treatystatus"


def run(*args: str, module: bool = True) -> subprocess.CompletedProcess:
    cmd = [sys.executable, "-m", "treatystatus", *args] if module else [str(SCRIPT), *args]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=60, cwd="/")


def test_console_script_is_installed():
    assert SCRIPT.is_file()
    r = run("status", "UA", "apmbc", "--on", "2026-11-25", module=False)
    assert r.returncode == 0 and "Ukraine (UKR)" in r.stdout and ": party" in r.stdout


def test_status_json_has_the_contract_fields():
    r = run("status", "Ukraine", "ottawa", "--on", "2026-11-25", "--json")
    assert r.returncode == 0, r.stderr
    d = json.loads(r.stdout)
    for key in ("state", "treaty", "on", "status", "is_party", "signature", "consent", "consent_type",
                "entry_into_force", "withdrawal_notified", "withdrawal_effective", "sources", "explanation"):
        assert key in d
    assert (d["state"], d["treaty"], d["status"], d["is_party"], d["entry_into_force"]) == (
        "UKR", "apmbc", "party", True, "2006-06-01")


def test_party_exit_codes():
    yes = run("party", "UA", "apmbc", "--on", "2026-11-25")
    assert yes.returncode == 0 and yes.stdout.startswith("yes")
    no = run("party", "Estonia", "apmbc", "--on", "2025-12-27")
    assert no.returncode == 1 and no.stdout.startswith("no") and "withdrawn" in no.stdout
    never = run("party", "USA", "apmbc")
    assert never.returncode == 1 and "not-signed" in never.stdout


@pytest.mark.parametrize("args, words", [
    (("status", "Narnia", "apmbc"), "unknown state"),
    (("status", "Congo", "apmbc"), "ambiguous state"),
    (("status", "UA", "no such treaty"), "unknown treaty"),
    (("status", "UA", "apmbc", "--on", "25/12/2025"), "invalid date"),
    (("status", "UA", "apmbc", "--on", "2025-02-30"), "invalid date"),
    (("party", "UA"), "required"),
    (("frobnicate",), "invalid choice"),
    ((), "no command"),
    (("withdraw", "UA", "apmbc", "--in-armed-conflict", "--armed-conflict-until", "2027-01-01"), "not allowed"),
    (("parties", "apmbc", "--format", "xml"), "invalid choice"),
])
def test_bad_input_is_one_line_on_stderr_and_exit_2(args, words):
    r = run(*args)
    assert r.returncode == 2
    assert r.stdout == ""
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1 and words in lines[0] and "Traceback" not in r.stderr


def test_parties_formats():
    table = run("parties", "apmbc", "--on", "2026-02-03")
    assert table.returncode == 0 and table.stdout.startswith("162 parties of apmbc on 2026-02-03")
    rows = list(csv.DictReader(io.StringIO(run("parties", "apmbc", "--on", "2026-02-03", "--format", "csv").stdout)))
    assert len(rows) == 162 and rows[0].keys() == {"state", "name"}
    assert {"state": "UKR", "name": "Ukraine"} in rows
    d = json.loads(run("parties", "apmbc", "--on", "2026-02-03", "--format", "json").stdout)
    assert d["count"] == 162 and len(d["parties"]) == 162
    sig = json.loads(run("signatories", "apmbc", "--on", "2026-02-03", "--format", "json").stdout)
    assert sig["count"] == 132
    non = run("non-parties", "apmbc", "--on", "2026-11-25", "--format", "csv").stdout
    assert "USA,United States of America" in non and "UKR," not in non


def test_withdraw():
    r = run("withdraw", "UA", "apmbc", "--notified", "2026-11-25", "--in-armed-conflict", "--json")
    assert r.returncode == 0, r.stderr
    d = json.loads(r.stdout)
    assert d["earliest_effective"] == "2027-05-25" and d["effective"] is None and d["deferred"] is True
    text = run("withdraw", "POL", "apmbc").stdout
    assert "20 August 2025" in text and "20 February 2026" in text and "Art. 20" in text


def test_timeline_treaties_info():
    t = run("timeline", "Lithuania", "apmbc")
    assert t.returncode == 0 and "2025-06-27  withdrawal" in t.stdout and "C.N.362.2025" in t.stdout
    rows = list(csv.DictReader(io.StringIO(run("timeline", "LTU", "apmbc", "--format", "csv").stdout)))
    assert [r["kind"] for r in rows] == ["signature", "ratification", "withdrawal"]
    assert "apmbc" in run("treaties").stdout
    info = run("info")
    assert info.returncode == 0 and "data version" in info.stdout and "apmbc" in info.stdout
    tr = run("treaty", "ottawa")
    assert "Article 20" in tr.stdout and "armed conflict" in tr.stdout


def test_treaties_of():
    r = run("treaties-of", "USA", "--on", "2026-11-25", "--format", "json")
    assert r.returncode == 0
    rows = json.loads(r.stdout)
    assert {x["treaty"]: x["status"] for x in rows}["apmbc"] == "not-signed"


def test_after_as_of_warns_on_stderr():
    r = run("status", "UA", "apmbc", "--on", "2031-01-01")
    assert r.returncode == 0 and "later events are not included" in r.stderr


def test_the_status_block_shows_the_acts_that_decide_the_status():
    # Russia revoked its CTBT ratification on 3 November 2023 (UNTC XXVI-4); the United States
    # notified on 18 July 2019 that it does not intend to become a party to the ATT (UNTC XXVI-8)
    ru = subprocess.run([sys.executable, "-m", "treatystatus", "status", "Russia", "ctbt", "--on", "2026-01-01"],
                        capture_output=True, text=True)
    assert "consent revoked       2023-11-03" in ru.stdout
    us = subprocess.run([sys.executable, "-m", "treatystatus", "status", "USA", "att", "--on", "2026-01-01"],
                        capture_output=True, text=True)
    assert "non-intention         2019-07-18" in us.stdout


def test_a_treaty_not_in_force_says_so_where_it_has_no_parties():
    # the CTBT has not entered into force (Art. XIV): no party, but many consents
    r = subprocess.run([sys.executable, "-m", "treatystatus", "parties", "ctbt", "--on", "2026-01-01"],
                       capture_output=True, text=True)
    assert r.stdout.startswith("0 parties of ctbt") and "not in force" in r.stderr and "consented" in r.stderr
    p = subprocess.run([sys.executable, "-m", "treatystatus", "party", "France", "ctbt", "--on", "2026-01-01"],
                       capture_output=True, text=True)
    assert "the treaty is not in force" in p.stdout


def test_validate_a_path_that_is_not_a_directory_is_a_usage_error(tmp_path):
    r = run("validate", str(tmp_path / "missing"))
    assert r.returncode == 2
    assert "is not a directory" in r.stderr and "Traceback" not in r.stderr

"""The compiled index: validated once, cached, read back without the schema; never trusted when stale or corrupt."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

import treatystatus as ts
from treatystatus import DataError, index
from treatystatus.index import validate
from treatystatus.layers import shipped_root

FIX = Path(__file__).parent / "fixtures"
QUERY = ("import sys, treatystatus as ts; print(ts.is_party('EE', 'ottawa', '2025-12-26'), "
         "ts.status('Niger', 'icc', '2026-11-25').status.value, 'treatystatus.build' in sys.modules)")


def _run(cache: Path, code: str = QUERY, **env: str) -> list[str]:
    e = dict(os.environ, TREATYSTATUS_CACHE=str(cache), **env)
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=e, cwd="/")
    assert r.returncode == 0, r.stderr
    return r.stdout.split()


def _folders(cache: Path) -> list[Path]:
    return [p for p in cache.iterdir() if p.is_dir() and not p.name.startswith(".tmp-") and p.name != "stamps"]


def test_built_once_then_read_back_without_building(tmp_path):
    assert _run(tmp_path) == ["True", "withdrawal-pending", "True"]  # the first use builds the index
    (folder,) = _folders(tmp_path)
    assert (folder / "core").is_file() and (folder / "t-apmbc").is_file()
    assert len(list((tmp_path / "stamps").iterdir())) == 1
    assert _run(tmp_path) == ["True", "withdrawal-pending", "False"]  # the next one only reads it
    shutil.rmtree(tmp_path / "stamps")  # without its stamp, the content hash finds the same index
    assert _run(tmp_path) == ["True", "withdrawal-pending", "False"]


@pytest.mark.parametrize("victim, damage", [
    ("core", lambda b: b"garbage"), ("t-apmbc", lambda b: b[: len(b) // 2]), ("t-rome-statute", lambda b: b""),
    ("core", lambda b: b[:-1] + bytes([b[-1] ^ 1])), ("names", lambda b: b[:10]),
])
def test_a_truncated_or_corrupt_cache_is_rebuilt_not_trusted(tmp_path, victim, damage):
    _run(tmp_path)
    (folder,) = _folders(tmp_path)
    f = folder / victim
    f.write_bytes(damage(f.read_bytes()))
    assert _run(tmp_path)[:2] == ["True", "withdrawal-pending"]
    assert _run(tmp_path, "import treatystatus as ts; print(ts.resolve_state('Ivory Coast'))") == ["CIV"]


def test_a_stamp_that_lies_is_not_believed(tmp_path):
    _run(tmp_path)
    (stamp,) = (tmp_path / "stamps").iterdir()
    text = stamp.read_text(encoding="utf-8")
    stamp.write_text(text.rsplit("\n\0\n", 1)[0] + "\n\0\n" + "0" * 32, encoding="utf-8")  # no such index
    assert _run(tmp_path)[:2] == ["True", "withdrawal-pending"]


def test_two_processes_building_at_once_leave_a_valid_index(tmp_path):
    e = dict(os.environ, TREATYSTATUS_CACHE=str(tmp_path))
    procs = [subprocess.Popen([sys.executable, "-c", QUERY], stdout=subprocess.PIPE, text=True, env=e, cwd="/")
             for _ in range(3)]
    outs = [p.communicate()[0].split()[:2] for p in procs]
    assert all(p.returncode == 0 for p in procs) and outs == [["True", "withdrawal-pending"]] * 3
    (folder,) = _folders(tmp_path)
    assert _run(tmp_path) == ["True", "withdrawal-pending", "False"]


def test_the_cache_is_keyed_by_the_data_and_user_directories(tmp_path):
    _run(tmp_path)
    _run(tmp_path, TREATYSTATUS_DATA=str(FIX / "userdata"))
    assert len(_folders(tmp_path)) == 2  # the user directory makes another index
    key = index.load(index._layers([])).key
    user = index.load(index._layers([FIX / "userdata"])).key
    assert key != user


def test_an_edited_file_changes_the_key_and_the_answers(tmp_path):
    data = tmp_path / "mine"
    shutil.copytree(FIX / "userdata", data)
    before = index.load(index._layers([data])).key
    with open(data / "events" / "apmbc.txt", "a", encoding="utf-8") as f:  # edited in place
        f.write("\nAUS  withdrawal  2026-11-01  note=\"a fictitious notice\"\n")
    idx = index.load(index._layers([data]))
    h = idx.treaty("apmbc").history("AUS")  # a treaty's own files are checked when it is read
    assert idx.key != before and h.at(date(2026, 11, 2)).facts.withdrawal is not None
    # and in a new process, through the command line
    assert _run(tmp_path / "c", "import treatystatus as ts; print(ts.status('AUS', 'apmbc', '2026-11-02').status.value)",
                TREATYSTATUS_DATA=str(data)) == ["withdrawal-pending"]
    with open(data / "sources.toml", "a", encoding="utf-8") as f:  # a shared file: the stamp no longer fits
        f.write("\n# changed\n")
    assert index.load(index._layers([data])).key not in (before, idx.key)


def test_an_unwritable_cache_falls_back(tmp_path, monkeypatch):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory", encoding="utf-8")
    # the cache directory cannot be created (a file stands in the way): answers still come, from memory
    assert _run(blocker / "cache")[:2] == ["True", "withdrawal-pending"]
    # the default places: inside the package, else the user's cache directory, else memory
    user = tmp_path / "user-cache"
    monkeypatch.setattr(index, "_cache_dirs", lambda: [str(blocker / "in-package"), str(user), None])
    idx = index.load(index._layers([FIX / "userdata"]))
    assert (user / idx.key / "core").is_file()
    monkeypatch.setattr(index, "_cache_dirs", lambda: [str(blocker / "x"), None])
    assert index.load(index._layers([FIX / "userdata"])).treaty("apmbc").history("UKR").at(
        date(2026, 1, 1)).is_party


def test_the_default_places(monkeypatch, tmp_path):
    monkeypatch.delenv("TREATYSTATUS_CACHE", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    places = index._cache_dirs()
    assert places[0] == str(Path(index.__file__).resolve().parent / "_cache")
    assert places[1] == str(tmp_path / "treatystatus") and places[2] is None
    monkeypatch.setenv("TREATYSTATUS_CACHE", "none")
    assert index._cache_dirs() == [None]


# -- validation ------------------------------------------------------------------------------------

@pytest.fixture()
def data_copy(tmp_path: Path) -> Path:
    dst = tmp_path / "data"
    shutil.copytree(Path(str(shipped_root())), dst, ignore=shutil.ignore_patterns("__pycache__", "*.py"))
    return dst


def test_an_impossible_date_in_a_treaty_file_is_a_problem_with_its_line(data_copy):
    path = data_copy / "treaties" / "apmbc.toml"
    text = path.read_text(encoding="utf-8").replace("adopted = 1997-09-18", "adopted = 2025-02-30")
    path.write_text(text, encoding="utf-8")
    line = next(i for i, l in enumerate(text.splitlines(), 1) if "2025-02-30" in l)
    problems = validate(data_copy)
    assert any(f.endswith("treaties/apmbc.toml") and ln == line for f, ln, _ in problems), problems


def test_an_impossible_date_in_the_sources_is_a_problem_not_a_crash(data_copy):
    path = data_copy / "sources.toml"
    text = path.read_text(encoding="utf-8").replace("date = 2026-02-03", "date = 2026-02-30", 1)
    path.write_text(text, encoding="utf-8")
    line = next(i for i, l in enumerate(text.splitlines(), 1) if "2026-02-30" in l)
    assert any(f.endswith("sources.toml") and ln == line for f, ln, _ in validate(data_copy))


def test_a_withdrawal_before_its_notice_period_ends_is_refused(data_copy):
    path = data_copy / "events" / "apmbc.txt"
    text = path.read_text(encoding="utf-8").replace("EST  withdrawal    2025-06-27  effective=2025-12-27",
                                                    "EST  withdrawal    2025-06-27  effective=2025-11-27")
    path.write_text(text, encoding="utf-8")
    line = next(i for i, l in enumerate(text.splitlines(), 1) if "effective=2025-11-27" in l)
    problems = validate(data_copy)
    assert any(ln == line and "before its notice period ends" in msg for _, ln, msg in problems), problems


def test_a_refused_treaty_file_stays_refused(tmp_path):
    broken = tmp_path / "broken"
    (broken / "treaties").mkdir(parents=True)
    shutil.copy(FIX / "design" / "sources.toml", broken / "sources.toml")
    text = (FIX / "design" / "treaties" / "demo-protocol.toml").read_text(encoding="utf-8")
    (broken / "treaties" / "demo-protocol.toml").write_text(text, encoding="utf-8")  # its parent is missing
    for _ in range(2):
        with pytest.raises(DataError, match="unknown parent treaty"):
            ts.use_data(broken)
    assert ts.is_party("UKR", "apmbc", "2026-01-01")  # the data in use stayed as they were


def test_the_cached_files_carry_a_checksum(tmp_path):
    _run(tmp_path)
    (folder,) = _folders(tmp_path)
    blob = (folder / "core").read_bytes()
    assert blob[:4] == b"TSIX"
    core = index._unpack(blob)
    assert core["format"] == index.FORMAT and core["key"] == folder.name and "apmbc" in core["treaties"]
    with pytest.raises(index._Stale):
        index._unpack(blob[:-3])


def test_another_version_of_the_package_builds_its_own_index(monkeypatch):
    layers = index._layers([FIX / "userdata"])
    key = index.load(layers).key
    monkeypatch.setattr(index, "_SALT", index._SALT + "-next")
    assert index.load(layers).key != key

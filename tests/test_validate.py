"""A broken data file fails with the file, the line and what is wrong."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from treatystatus.errors import DataError
from treatystatus.build import build
from treatystatus.index import validate
from treatystatus.layers import shipped_root, stack


@pytest.fixture()
def data_copy(tmp_path: Path) -> Path:
    root = Path(str(shipped_root()))
    dst = tmp_path / "data"
    shutil.copytree(root, dst, ignore=shutil.ignore_patterns("__pycache__", "*.py"))
    return dst


def _append(path: Path, text: str) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    lines.append(text)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return len(lines)


@pytest.mark.parametrize("line, message", [
    ("UKR  ratification  2005-13-27", "date"),                       # bad date
    ("UKR  withdrawal    2025-01-01  effective=2024-01-01", "cannot take effect"),  # date order
    ("XYZ  signature     1998-01-01", "unknown state 'XYZ'"),        # unknown state
    ("UKR  signature     1998-01-01  src=nowhere", "unknown source 'nowhere'"),
    ("UKR  signature     1999-02-24", "duplicate record"),           # duplicate
    ("UKR  accession     2010-01-01", "second instrument of consent"),
    ("UKR  signature     2001-01-01", "not open for signature"),
    ("UKR  ratifcation   2005-12-27", "kind"),                       # unknown kind
    ("UKR  signature     1998-01-01  colour=blue", "unexpected field"),
    # the United States never signed the Convention: it could only accede (Art. 16)
    ("USA  ratification  2026-05-01", "without a signature on record"),
    # Poland's withdrawal of 20 August 2025 is pending until 20 February 2026
    ("POL  withdrawal    2025-09-01  effective=2026-03-01", "second withdrawal while the one notified 2025-08-20"),
    # a further deposit needs a note saying where it is recorded
    ("UKR  ratification  2006-01-10  further=yes", "'further' applies"),
])
def test_event_defects_are_reported_with_file_and_line(data_copy, line, message):
    events = data_copy / "events" / "apmbc.txt"
    n = _append(events, line)
    problems = validate(data_copy)
    assert problems, "the defect was not caught"
    assert any(f.endswith("events/apmbc.txt") and ln == n and message in msg for f, ln, msg in problems), problems


def test_treaty_file_defects_name_the_line(data_copy):
    path = data_copy / "treaties" / "apmbc.toml"
    text = path.read_text(encoding="utf-8").replace('notice = { rule = "months-after", n = 6 }',
                                                      'notice = { rule = "months-later", n = 6 }')
    path.write_text(text, encoding="utf-8")
    problems = validate(data_copy)
    line = next(i for i, l in enumerate(text.splitlines(), 1) if "months-later" in l)
    assert any(f.endswith("apmbc.toml") and ln == line and "notice.rule" in msg for f, ln, msg in problems), problems


def test_loading_broken_data_raises_one_data_error(data_copy):
    (data_copy / "states.txt").write_text("UKR un-member 1945-10-24\n", encoding="utf-8")
    with pytest.raises(DataError) as e:
        build(stack(data_copy))
    assert "states.txt:1:" in str(e.value)


def test_validate_command(data_copy):
    ok = subprocess.run([sys.executable, "-m", "treatystatus", "validate", str(data_copy)],
                        capture_output=True, text=True, cwd="/")
    assert ok.returncode == 0 and ok.stdout == ""
    n = _append(data_copy / "events" / "apmbc.txt", "XYZ  signature  1998-01-01")
    bad = subprocess.run([sys.executable, "-m", "treatystatus", "validate", str(data_copy)],
                         capture_output=True, text=True, cwd="/")
    assert bad.returncode == 1
    assert f"events/apmbc.txt:{n}: unknown state 'XYZ'" in bad.stdout


def test_the_fast_reader_of_simple_toml_agrees_with_tomllib():
    import tomllib

    from treatystatus.formats import simple_toml as _simple_toml

    root = Path(str(shipped_root()))
    text = (root / "sources.toml").read_text(encoding="utf-8")
    fast = _simple_toml(text)
    assert fast is not None and fast == tomllib.loads(text)
    assert _simple_toml('[a]\nx = """multi"""\n') is None  # anything else goes to tomllib
    assert _simple_toml('[a]\nx = "a \\\\" b"\n') is None

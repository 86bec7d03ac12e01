"""The installed package: its data are inside it, and importing it does no work."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import treatystatus
from treatystatus.layers import shipped_root


def test_data_are_read_from_the_installed_package():
    root = Path(str(shipped_root()))
    assert (root / "treaties" / "apmbc.toml").is_file()
    assert (root / "events" / "apmbc.txt").is_file()
    assert Path(treatystatus.__file__).parent in root.parents or root.parent == Path(treatystatus.__file__).parent


def test_import_reads_no_data_and_imports_nothing_heavy():
    code = ("import sys, treatystatus; "
            "print('treatystatus.index' in sys.modules, 'pycountry' in sys.modules, 'tomllib' in sys.modules, "
            "'pydantic' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd="/", check=True).stdout
    assert out.split() == ["False", "False", "False", "False"]


def test_queries_read_the_compiled_index_without_the_schema():
    code = ("import sys, treatystatus as ts; ts.status('Ukraine', 'ottawa', '2026-01-01'); ts.parties('icc'); "
            "print('pydantic' in sys.modules, 'pycountry' in sys.modules, 'treatystatus.build' in sys.modules)")
    first = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd="/", check=True).stdout
    assert first.split()[2] in ("True", "False")  # this one may have had to build the index
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd="/", check=True).stdout
    assert out.split() == ["False", "False", "False"]


def test_versions():
    assert treatystatus.__version__
    import re
    from pathlib import Path

    changelog = (Path(treatystatus.__file__).resolve().parents[1] / "CHANGELOG.md")
    assert re.fullmatch(r"\d{4}\.\d\d\.\d\d", treatystatus.data_version)
    if changelog.exists():  # a checkout: the changelog's newest data section is this version
        assert f"### Data — {treatystatus.data_version}" in changelog.read_text(encoding="utf-8")
    # the package's as-of date is the latest day any treaty was searched to
    assert treatystatus.data_as_of == max(t.searched_to for t in treatystatus.treaties())

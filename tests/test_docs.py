"""Every example in the README and docs/ runs, and its output is what the page shows."""

from __future__ import annotations

import doctest
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").rglob("*.md"))]
SCRIPT = Path(sys.executable).parent / "treatystatus"


def _blocks(text: str, lang: str) -> list[str]:
    return re.findall(rf"```{lang}\n(.*?)```", text, flags=re.S)


@pytest.mark.parametrize("page", PAGES, ids=lambda p: str(p.relative_to(ROOT)))
def test_python_examples(page):
    text = page.read_text(encoding="utf-8")
    globs: dict = {}  # one page is one session: later blocks see earlier names
    for block in _blocks(text, "python"):
        if ">>>" not in block:
            continue
        parser = doctest.DocTestParser()
        test = parser.get_doctest(block, globs, page.name, str(page), 0)
        runner = doctest.DocTestRunner(optionflags=doctest.NORMALIZE_WHITESPACE | doctest.ELLIPSIS)
        runner.run(test, clear_globs=False)
        globs.update(test.globs)
        assert runner.failures == 0, f"{page.name}: a Python example's output differs (see the report above)"


@pytest.mark.parametrize("page", PAGES, ids=lambda p: str(p.relative_to(ROOT)))
def test_shell_examples(page):
    text = page.read_text(encoding="utf-8")
    for block in _blocks(text, "console"):
        chunks = re.split(r"^\$ ", block, flags=re.M)[1:]
        for chunk in chunks:
            cmd, _, expected = chunk.partition("\n")
            argv = shlex.split(cmd)
            assert argv[0] == "treatystatus", cmd
            # from docs/, so that an example can read a file of docs/examples
            r = subprocess.run([str(SCRIPT), *argv[1:]], capture_output=True, text=True, cwd=ROOT / "docs")
            got = (r.stdout + r.stderr).rstrip("\n")
            assert got == expected.rstrip("\n"), f"{page.name}: `{cmd}` printed:\n{got}"


def test_treaty_pages_match_the_data():
    r = subprocess.run([sys.executable, str(ROOT / "tools" / "treaty_docs.py"), "--check"], capture_output=True,
                       text=True)
    assert r.returncode == 0, r.stdout + r.stderr


def test_snapshots_match_the_data():
    r = subprocess.run([sys.executable, str(ROOT / "tools" / "snapshots.py"), "--check"], capture_output=True,
                       text=True)
    assert r.returncode == 0, r.stdout + r.stderr

"""The layers of the house: the contract in setup.cfg holds, and it names every module."""

from __future__ import annotations

import configparser
import shutil
import subprocess
import sys
from pathlib import Path

import treatystatus

ROOT = Path(__file__).resolve().parents[1]


def _contract() -> configparser.ConfigParser:
    cfg = configparser.ConfigParser()
    cfg.read(ROOT / "setup.cfg")
    return cfg


def test_every_module_is_in_a_layer():
    layers = _contract()["importlinter:contract:layers"]["layers"]
    named = {m.strip() for line in layers.splitlines() for m in line.replace(":", "|").split("|") if m.strip()}
    pkg = Path(treatystatus.__file__).parent
    modules = {f"treatystatus.{p.stem}" for p in pkg.glob("*.py") if p.stem not in ("__init__", "__main__")}
    modules |= {f"treatystatus.{p.name}" for p in pkg.iterdir() if (p / "__init__.py").is_file() and p.name != "data"}
    assert modules - named == set(), "modules missing from the layers contract in setup.cfg"
    assert named - modules == set(), "the contract names modules that do not exist"


def test_the_import_contracts_hold():
    exe = shutil.which("lint-imports") or str(Path(sys.executable).parent / "lint-imports")
    assert Path(exe).exists(), "import-linter is a test extra: pip install '.[test]'"
    r = subprocess.run([exe, str(ROOT / "setup.cfg")], capture_output=True, text=True, cwd=ROOT)
    assert r.returncode == 0, r.stdout + r.stderr
    assert "2 kept, 0 broken" in r.stdout

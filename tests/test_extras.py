"""The pandas and plot extras, rich display, and the example notebook."""

from __future__ import annotations

import json
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

import treatystatus as ts

ROOT = Path(__file__).resolve().parents[1]
pd = pytest.importorskip("pandas")


def test_to_frame_columns_and_dtypes():
    from treatystatus.frames import STATUS_COLUMNS

    f = ts.to_frame(["apmbc", "ccm"], on="2026-11-25")
    assert list(f.columns) == STATUS_COLUMNS
    assert len(f) == 2 * 197
    assert str(f["status"].dtype) == "category" and list(f["status"].cat.categories) == [s.value for s in ts.Status]
    assert str(f["is_party"].dtype) == "boolean"
    assert str(f["entry_into_force"].dtype) == "datetime64[ns]"
    ukr = f[(f.state == "UKR") & (f.treaty == "apmbc")].iloc[0]
    assert ukr["status"] == "party" and ukr["entry_into_force"] == pd.Timestamp("2006-06-01")
    assert f["is_party"].sum() == len(ts.parties("apmbc", "2026-11-25")) + len(ts.parties("ccm", "2026-11-25"))


def test_panel_frame():
    p = ts.panel(["apmbc"], "2024-01-01", "2026-11-25", freq="year")
    assert list(p.columns) == ["state", "treaty", "date", "status", "is_party"]
    assert str(p["date"].dtype) == "datetime64[ns]" and str(p["status"].dtype) == "category"
    est = p[(p.state == "EST")].set_index("date")["status"]
    assert list(est.astype(str)) == ["party", "party", "withdrawn"]


def test_timeline_and_results_convert():
    t = ts.timeline("Poland", "apmbc").to_frame()
    assert list(t["kind"].astype(str)) == ["signature", "ratification", "withdrawal"]
    assert t["effective"].iloc[2] == pd.Timestamp("2026-02-20")
    rows = ts.treaties_of("USA", "2026-11-25")
    assert len(rows.to_frame()) == len(ts.treaties())
    dicts = rows.to_dicts()
    assert json.dumps(dicts) and dicts[0]["on"] == "2026-11-25"


def test_rich_display():
    html = ts.status("UKR", "apmbc", "2026-11-25")._repr_html_()
    assert html.startswith("<table>") and "party" in html and "Sources" in html
    assert "<table>" in ts.timeline("POL", "apmbc")._repr_html_()
    assert "<table>" in ts.treaties_of("UKR", "2026-11-25")._repr_html_()
    assert "apmbc" in str(ts.treaties_of("UKR", "2026-11-25"))


def test_without_pandas_the_core_works_and_says_which_extra(monkeypatch):
    monkeypatch.setitem(sys.modules, "pandas", None)
    assert ts.is_party("UKR", "apmbc", "2026-11-25")
    assert ts.status("UKR", "apmbc", "2026-11-25").to_dict()["status"] == "party"
    with pytest.raises(ImportError, match=r"treatystatus\[pandas\]"):
        ts.to_frame(["apmbc"])
    with pytest.raises(ts.TreatyStatusError, match=r"treatystatus\[pandas\]"):
        ts.panel(["apmbc"])


def test_without_matplotlib_the_plot_says_which_extra(monkeypatch):
    monkeypatch.setitem(sys.modules, "matplotlib", None)
    monkeypatch.setitem(sys.modules, "matplotlib.figure", None)
    monkeypatch.setitem(sys.modules, "matplotlib.dates", None)
    with pytest.raises(ImportError, match=r"treatystatus\[plot\]"):
        ts.plot_treaty("apmbc")


def _is_png(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
    return width, height


@pytest.mark.parametrize("args, name", [
    (["plot", "apmbc"], "apmbc"), (["plot", "Rome Statute"], "icc"), (["plot-state", "Ukraine"], "ukr"),
    (["plot-state", "USA", "--treaty", "ccw", "--treaty", "att"], "usa"),
])
def test_cli_charts_render_valid_images(tmp_path, args, name):
    pytest.importorskip("matplotlib")
    png, svg = tmp_path / f"{name}.png", tmp_path / f"{name}.svg"
    for out in (png, svg):
        r = subprocess.run([sys.executable, "-m", "treatystatus", *args, "--out", str(out)], capture_output=True,
                           text=True, cwd="/")
        assert r.returncode == 0, r.stderr
        assert out.stat().st_size > 10_000
    w, h = _is_png(png)
    assert w >= 1000 and h >= 400  # article size at 150 dpi
    root = ET.parse(svg).getroot()
    assert root.tag.endswith("svg")
    text = svg.read_text()
    import treatystatus as ts

    days = {f"searched to {t.searched_to:%-d %B %Y}" for t in ts.treaties()}
    assert any(d in text for d in days)  # the footer says how current the data are


def test_plot_functions_return_figures_with_titles():
    pytest.importorskip("matplotlib")
    fig = ts.plot_treaty("apmbc")
    ax = fig.axes[0]
    assert "Anti-Personnel Mine Ban Convention" in ax.get_title(loc="left") and ax.get_ylabel() == "Number of states"
    assert any("withdrawal" in t.get_text() for t in ax.get_legend().get_texts())
    fig2 = ts.plot_state("UKR", ["apmbc", "icc"])
    assert "Ukraine" in fig2.axes[0].get_title(loc="left")


def test_bad_plot_output_is_a_clean_error(tmp_path):
    r = subprocess.run([sys.executable, "-m", "treatystatus", "plot", "apmbc", "--out", str(tmp_path / "x.gif")],
                       capture_output=True, text=True, cwd="/")
    assert r.returncode == 2 and "png or .svg" in r.stderr and "Traceback" not in r.stderr


def test_cli_panel_export():
    r = subprocess.run([sys.executable, "-m", "treatystatus", "panel", "apmbc", "--start", "2025-01-01", "--end",
                        "2026-11-25", "--state", "EE", "--format", "json"], capture_output=True, text=True, cwd="/")
    rows = [json.loads(x) for x in r.stdout.splitlines()]
    assert [(x["date"], x["status"]) for x in rows] == [("2025-01-01", "party"), ("2026-01-01", "withdrawn")]


def test_the_example_notebook_runs(tmp_path):
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    nb = nbformat.read(ROOT / "docs" / "examples" / "panel.ipynb", as_version=4)
    client = nbclient.NotebookClient(nb, timeout=120, kernel_name="python3",
                                     resources={"metadata": {"path": str(tmp_path)}})
    client.execute()
    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", [])]
    assert not [o for o in outputs if o.get("output_type") == "error"]
    assert (tmp_path / "apmbc-parties.png").stat().st_size > 10_000
    texts = json.dumps([o.get("data", {}).get("text/plain", "") for o in outputs])
    assert "EST" in texts and "POL" in texts

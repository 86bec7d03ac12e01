"""Speed figures of treatystatus, measured in one run and printed with their targets.

    python benchmarks/bench.py [--runs N]

Run it against an installed treatystatus (as a user has it). Figures are
medians; they vary with the machine, so they are printed, not asserted.
"""

from __future__ import annotations

import argparse
import resource
import shutil
import statistics
import subprocess
import sys
import time
import timeit
from datetime import date
from pathlib import Path

FLOOR = """
from pydantic import BaseModel
import pycountry
class M(BaseModel):
    code: str
print(M(code=pycountry.countries.get(alpha_2="UA").alpha_3).code)
"""

LOAD = """
import time, treatystatus, treatystatus.index as i, treatystatus.queries as q
t = time.perf_counter()
i.current().treaty("apmbc").history("UKR")
q.resolve_state("UA")
print((time.perf_counter() - t) * 1000)
"""


def per_call(stmt: str, setup: str, number: int) -> float:
    """Best-of-5 seconds per call."""
    t = timeit.Timer(stmt, setup=setup)
    return min(t.repeat(repeat=5, number=number)) / number


def cold(cmds: list[list[str]], runs: int) -> list[float]:
    """Median wall time of each command, the commands run in turn so that drift hits all alike."""
    times: list[list[float]] = [[] for _ in cmds]
    for _ in range(runs):
        for i, cmd in enumerate(cmds):
            t = time.perf_counter()
            subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, cwd="/")
            times[i].append(time.perf_counter() - t)
    return [statistics.median(t) for t in times]


def row(label: str, value: str, target: str, ok: bool | None) -> None:
    mark = "" if ok is None else ("  ok" if ok else "  OVER TARGET")
    print(f"{label:<52}{value:>14}   target {target}{mark}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=30, help="runs of each cold process (default 30)")
    ap.add_argument("--quick", action="store_true", help="skip the daily panel (about half a minute)")
    args = ap.parse_args()

    import treatystatus as ts

    print(f"treatystatus {ts.__version__}, data {ts.data_version}; Python {sys.version.split()[0]}\n")
    setup = "import treatystatus as ts; from datetime import date; d = date(2026, 11, 25); ts.is_party('UKR', 'apmbc', d)"
    t = per_call("ts.is_party('UKR', 'apmbc', d)", setup, 200_000)
    row("is_party, warm (code, id, date)", f"{t * 1e6:.2f} µs", "< 2 µs", t < 2e-6)
    t = per_call("ts.is_party('Ukraine', 'ottawa', '2026-11-25')", setup, 200_000)
    row("is_party, warm (name, alias, ISO string)", f"{t * 1e6:.2f} µs", "< 2 µs", t < 2e-6)
    t = per_call("ts.parties('apmbc', d)", setup, 20_000)
    row("parties(treaty, on), warm", f"{t * 1e6:.1f} µs", "< 50 µs", t < 50e-6)
    t = per_call("ts.status('UKR', 'apmbc', d)", setup, 5_000)
    row("status(state, treaty, on), warm", f"{t * 1e6:.1f} µs", "-", None)

    loads = [float(subprocess.run([sys.executable, "-c", LOAD], capture_output=True, text=True, check=True,
                                  cwd="/").stdout) for _ in range(args.runs)]
    load = statistics.median(loads)
    row("load and index the data (beyond imports)", f"{load:.1f} ms", "< 30 ms", load < 30)

    script = shutil.which("treatystatus") or str(Path(sys.executable).parent / "treatystatus")
    c_cli, c_pyd, c_floor = cold([[script, "status", "UA", "apmbc"], [sys.executable, "-c", "import pydantic"],
                                  [sys.executable, "-c", FLOOR]], args.runs)
    print()
    row("cold `treatystatus status UA apmbc`", f"{c_cli * 1e3:.0f} ms", "-", None)
    row("cold `python -c 'import pydantic'`", f"{c_pyd * 1e3:.0f} ms", "-", None)
    row("cold floor: BaseModel + one model + pycountry lookup", f"{c_floor * 1e3:.0f} ms", "-", None)
    row("ratio CLI / floor of the dependencies", f"{c_cli / c_floor:.2f}", "<= 1.3", c_cli / c_floor <= 1.3)
    row("ratio CLI / bare `import pydantic`", f"{c_cli / c_pyd:.2f}", "(pydantic 2 imports lazily)", None)

    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print()
    row("peak memory of this process (data loaded)", f"{rss:.0f} MiB", "-", None)

    # -- scale: one million random is_party calls; panels since 1945 -------------------------
    import random

    from treatystatus.index import current
    from treatystatus.panels import panel_rows

    rng = random.Random(1945)
    codes = sorted(current().states)
    tids = [t.id for t in ts.treaties()]
    start = date(1945, 1, 1).toordinal()
    span = date(2026, 11, 25).toordinal() - start
    calls = [(rng.choice(codes), rng.choice(tids), date.fromordinal(start + rng.randrange(span)))
             for _ in range(1_000_000)]
    is_party = ts.is_party
    t = time.perf_counter()
    n_yes = 0
    for s_, t_, d_ in calls:
        try:
            n_yes += is_party(s_, t_, d_)
        except ts.StatusUnknownError:  # undecided, disputed or unknown that day
            pass
    t = time.perf_counter() - t
    print()
    row(f"1,000,000 random is_party calls ({n_yes} yes)", f"{t:.2f} s", "< 3 s", t < 3)
    for label, freq, target in (("yearly panel, every treaty, 1945-2026", "year", 1.0),
                                ("monthly panel, every treaty, 1945-2026", "month", None)):
        t = time.perf_counter()
        n = sum(1 for _ in panel_rows(None, "1945-01-01", "2026-11-25", freq))
        t = time.perf_counter() - t
        row(f"{label} ({n:,} rows)", f"{t:.2f} s", f"< {target:g} s" if target else "-",
            (t < target) if target else None)
    if not args.quick:
        before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        t = time.perf_counter()
        n = sum(1 for _ in panel_rows(None, "1945-01-01", "2026-11-25", "day"))
        t = time.perf_counter() - t
        after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        row(f"daily panel, every treaty, 1945-2026 ({n:,} rows, streamed)", f"{t:.1f} s", "bounded", None)
        row("  peak memory added while streaming it", f"{after - before:.0f} MiB", "bounded", None)
    return 0


if __name__ == "__main__":
    sys.exit(main())

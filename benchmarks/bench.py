"""Speed and memory of treatystatus, measured in one run and printed beside their targets.

    python benchmarks/bench.py [--runs N] [--quick]

Run it with the interpreter of an environment where treatystatus is installed (as a user
has it). Cold figures are ratios to `python -c pass` measured in the same run, the commands
interleaved so that the machine's drift hits them alike (absolute times on a shared
machine are noise); warm figures are per call, best of five. The cold figures are measured
twice: with the shipped treaties, and with a synthetic data directory of 200 treaties
(generated here, in a temporary folder, and laid over the shipped data), to show that what a
query costs does not grow with the number of treaties.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import timeit
from datetime import date
from pathlib import Path

PY = sys.executable
SCRIPT = shutil.which("treatystatus", path=str(Path(PY).parent)) or str(Path(PY).parent / "treatystatus")
DAY = "2026-01-01"

COLD = [
    ("python -c pass", [PY, "-c", "pass"], None),
    ("cold `treatystatus party UA apmbc`", [SCRIPT, "party", "UA", "apmbc", "--on", DAY], 2.0),
    ("cold `treatystatus status UA apmbc` (text)", [SCRIPT, "status", "UA", "apmbc", "--on", DAY], 3.0),
    ("cold `treatystatus status UA apmbc --json`", [SCRIPT, "status", "UA", "apmbc", "--on", DAY, "--json"], 3.0),
    ("cold `import treatystatus` + one status()",
     [PY, "-c", f"import treatystatus as t; t.status('UA', 'apmbc', '{DAY}')"], 5.0),
]


def row(label: str, value: str, target: str, ok: bool | None) -> None:
    mark = "" if ok is None else ("  ok" if ok else "  OVER TARGET")
    print(f"{label:<58}{value:>14}   target {target}{mark}")


TIME = shutil.which("time", path="/usr/bin:/bin")


def run_child(cmd: list[str], env: dict) -> tuple[float, int]:
    """Wall time (s) of one process, and its peak resident memory (KiB), or 0 where it cannot
    be read: the memory is read by /usr/bin/time, because a child started from this process
    counts this process's memory until it execs."""
    t = time.perf_counter()
    r = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, cwd="/")
    elapsed = time.perf_counter() - t
    if r.returncode not in (0, 1):
        raise SystemExit(f"{cmd} failed ({r.returncode})")
    return elapsed, 0


def peak_memory(cmd: list[str], env: dict, runs: int = 5) -> int | None:
    """Median peak resident memory (KiB) of a command, by /usr/bin/time; None without it."""
    if TIME is None:
        return None
    out = []
    for _ in range(runs):
        r = subprocess.run([TIME, "-f", "%M", *cmd], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env,
                           cwd="/", text=True)
        out.append(int(r.stderr.strip().splitlines()[-1]))
    return int(statistics.median(out))


def cold(cmds: list[list[str]], runs: int, env: dict) -> list[tuple[float, int]]:
    """Median wall time and peak memory of each command, the commands run in turn."""
    for c in cmds:  # warm the file cache and the index
        run_child(c, env)
    times: list[list[float]] = [[] for _ in cmds]
    mem: list[list[int]] = [[] for _ in cmds]
    for _ in range(runs):
        for i, c in enumerate(cmds):
            t, m = run_child(c, env)
            times[i].append(t)
            mem[i].append(m)
    return [(statistics.median(t), statistics.median(m)) for t, m in zip(times, mem)]


def synthetic(folder: Path, n: int) -> None:
    """A user data directory adding ``n`` treaties (copies of the Ottawa Convention's files under new ids)."""
    from treatystatus.layers import shipped_root

    root = Path(shipped_root())
    (folder / "treaties").mkdir(parents=True)
    (folder / "events").mkdir()
    text = (root / "treaties" / "apmbc.toml").read_text(encoding="utf-8")
    events = (root / "events" / "apmbc.txt").read_text(encoding="utf-8")
    head, _, rest = text.partition("[signature]")
    for i in range(n):
        tid = f"synthetic-{i:03d}"
        lines = []
        for line in head.splitlines():
            if line.startswith(("id =", "title =", "short_title =", "untc =")):
                key = line.split("=")[0].strip()
                lines.append(f'{key} = "{tid}"' if key != "title" else f'title = "Synthetic treaty {i}"')
            else:
                lines.append(line)
        body = "\n".join(lines)
        body = body[:body.index("aliases = [")] + "aliases = []\n" + body[body.index("]", body.index("aliases = [")) + 2:]
        (folder / "treaties" / f"{tid}.toml").write_text(body + "[signature]" + rest, encoding="utf-8")
        (folder / "events" / f"{tid}.txt").write_text(events, encoding="utf-8")


def per_call(stmt: str, setup: str, number: int) -> float:
    t = timeit.Timer(stmt, setup=setup)
    return min(t.repeat(repeat=5, number=number)) / number


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=20, help="runs of each cold command (default 20)")
    ap.add_argument("--quick", action="store_true", help="skip the daily panel")
    args = ap.parse_args()

    work = Path(tempfile.mkdtemp(prefix="treatystatus-bench-"))
    env = dict(os.environ, TREATYSTATUS_CACHE=str(work / "cache"))
    env.pop("TREATYSTATUS_DATA", None)
    os.environ.update(TREATYSTATUS_CACHE=env["TREATYSTATUS_CACHE"])
    os.environ.pop("TREATYSTATUS_DATA", None)
    import treatystatus as ts
    from treatystatus import queries

    print(f"treatystatus {ts.__version__}, data {ts.data_version}, {len(queries.treaty_ids())} treaties; "
          f"Python {sys.version.split()[0]}; {os.cpu_count()} cores\n")

    # -- cold, with the shipped treaties and with 200 -------------------------------------------
    base = cold([c for _, c, _ in COLD] + [[PY, "-c", "import json"]], args.runs, env)
    synth_dir = work / "synthetic"
    synthetic(synth_dir, 200 - len(queries.treaty_ids()))
    env200 = dict(env, TREATYSTATUS_DATA=str(synth_dir))
    t0 = time.perf_counter()
    run_child([SCRIPT, "party", "UA", "apmbc"], env200)  # builds the 200-treaty index once
    build200 = time.perf_counter() - t0
    many = cold([c for _, c, _ in COLD], args.runs, env200)
    floor, floor_mem = base[0]
    floor200 = many[0][0]
    print(f"{'cold commands (median of ' + str(args.runs) + ' runs, ratio to python -c pass)':<58}"
          f"{'25 treaties':>14}{'200 treaties':>14}")
    for (label, _, target), (t, _m), (t2, _m2) in zip(COLD[1:], base[1:], many[1:]):
        ok = t / floor <= target and t2 / floor200 <= target
        mark = "  ok" if ok else "  OVER TARGET"
        print(f"{label:<58}{t / floor:>13.2f}x{t2 / floor200:>13.2f}x   target <= {target:g}x{mark}")
    print(f"{'  (python -c pass itself)':<58}{floor * 1e3:>11.1f} ms{floor200 * 1e3:>11.1f} ms")
    print(f"{'  (building the 200-treaty index, once)':<58}{'':>14}{build200:>12.2f} s")
    json_mem = peak_memory([PY, "-c", "import json"], env)
    print()
    if json_mem is None:
        print("peak memory: not measured (/usr/bin/time is not installed)")
    else:
        row("peak memory, `python -c 'import json'`", f"{json_mem / 1024:.1f} MiB", "-", None)
        for label, cmd, _ in COLD[1:]:
            m = peak_memory(cmd, env)
            target = 1.5 if "party" in label else None
            row(f"peak memory, {label.replace('cold ', '')}", f"{m / json_mem:.2f}x",
                "<= 1.5x" if target else "-", (m / json_mem <= target) if target else None)

    # -- warm ----------------------------------------------------------------------------------
    print()
    setup = ("import treatystatus as ts; from datetime import date; d = date(2026, 11, 25); "
             "ts.is_party('UKR', 'apmbc', d); ts.is_party('Ukraine', 'ottawa', '2026-11-25'); "
             "ts.parties('apmbc', d); ts.consenting('apmbc', d); ts.signatories('apmbc', d)")
    t = per_call("ts.is_party('UKR', 'apmbc', d)", setup, 200_000)
    row("warm is_party (code, id, date)", f"{t * 1e6:.2f} µs", "<= 1 µs", t <= 1e-6)
    t = per_call("ts.is_party('Ukraine', 'ottawa', '2026-11-25')", setup, 200_000)
    row("warm is_party (name, alias, ISO string)", f"{t * 1e6:.2f} µs", "-", None)
    for fn in ("parties", "consenting", "signatories"):
        t = per_call(f"ts.{fn}('apmbc', d)", setup, 20_000)
        row(f"warm {fn}(treaty, on)", f"{t * 1e6:.1f} µs", "<= 50 µs", t <= 50e-6)
    rng = random.Random(2026)
    states = ["UKR", "FRA", "HUN", "EST", "USA", "AND", "PRK", "RUS", "SSD", "CHN", "BRA", "NGA"]
    tids = queries.treaty_ids()
    pairs = [(rng.choice(states), rng.choice(tids), date.fromordinal(date(1980, 1, 1).toordinal()
              + rng.randrange(17000))) for _ in range(2000)]
    for p in pairs:
        ts.status(*p)
    best = min(timeit.repeat(lambda: [ts.status(*p) for p in pairs], number=1, repeat=5)) / len(pairs)
    row("warm status() with its explanation (2,000 varied calls)", f"{best * 1e6:.1f} µs", "<= 50 µs", best <= 50e-6)

    # -- scale -----------------------------------------------------------------------------------
    from treatystatus.panels import panel_rows

    codes = sorted(queries.states_on("2026-11-25")) + ["SUN", "SCG", "DDR", "CSK", "YUG", "YMD"]
    start = date(1945, 1, 1).toordinal()
    span = date(2026, 11, 25).toordinal() - start
    calls = [(rng.choice(codes), rng.choice(tids), date.fromordinal(start + rng.randrange(span)))
             for _ in range(1_000_000)]
    is_party = ts.is_party
    unknown = ts.StatusUnknownError
    t = time.perf_counter()
    n_yes = n_unsettled = 0
    for s_, t_, d_ in calls:
        try:
            n_yes += is_party(s_, t_, d_)
        except unknown:  # undecided, disputed or unknown that day
            n_unsettled += 1
    t = time.perf_counter() - t
    print()
    row(f"1,000,000 random is_party calls ({n_yes:,} yes, {n_unsettled:,} not settled)", f"{t:.2f} s", "<= 1.5 s",
        t <= 1.5)
    t = time.perf_counter()
    n = sum(1 for _ in panel_rows(None, "1945-01-01", "2026-11-25", "year"))
    t = time.perf_counter() - t
    row(f"yearly panel, every treaty, 1945-2026 ({n:,} rows)", f"{t:.2f} s", "<= 0.5 s", t <= 0.5)
    t = time.perf_counter()
    n = sum(1 for _ in panel_rows(None, "1945-01-01", "2026-11-25", "month"))
    t = time.perf_counter() - t
    row(f"monthly panel, every treaty, 1945-2026 ({n:,} rows)", f"{t:.2f} s", "-", None)
    # -- what users do with it ----------------------------------------------------------------------
    print()
    t = time.perf_counter()
    ch = ts.changes("2025-01-01", "2026-11-25")
    t = time.perf_counter() - t
    row(f"changes() over every treaty, 2025-2026 ({len(ch):,} items)", f"{t:.2f} s", "<= 1 s", t <= 1.0)
    rows = [(rng.choice(states), rng.choice(tids), DAY) for _ in range(200)]
    t = time.perf_counter()
    ts.status_many(rows)
    t_many = time.perf_counter() - t
    batch = "".join(f"{a},{b},{c}\n" for a, b, c in rows)
    t = time.perf_counter()
    subprocess.run([SCRIPT, "status", "--batch", "-"], input=batch, capture_output=True, text=True)
    t_batch = time.perf_counter() - t
    one = min(run_child([SCRIPT, "status", "UA", "apmbc", "--on", DAY], env)[0] for _ in range(3))
    row("`status --batch` of 200 rows vs 200 `status` processes", f"{t_batch / (200 * one):.3f}x",
        "<= 0.05x", t_batch / (200 * one) <= 0.05)
    row("  status_many() of the same 200 rows, warm", f"{t_many * 1e3:.1f} ms", "-", None)
    out = Path(tempfile.mkdtemp(prefix="treatystatus-export-"))
    t = time.perf_counter()
    ts.export(out)
    t = time.perf_counter() - t
    size = sum(f.stat().st_size for f in out.iterdir())
    row(f"export() of the whole dataset ({size / 2**20:.1f} MiB)", f"{t:.2f} s", "<= 5 s", t <= 5.0)
    shutil.rmtree(out, ignore_errors=True)
    if not args.quick:
        import resource

        before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        t = time.perf_counter()
        n = sum(1 for _ in panel_rows(None, "1945-01-01", "2026-11-25", "day"))
        t = time.perf_counter() - t
        after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        row(f"daily panel, every treaty, 1945-2026 ({n:,} rows, streamed)", f"{t:.1f} s", "-", None)
        row("  peak memory added while streaming it", f"{(after - before) / 1024:.0f} MiB", "bounded", None)
    shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())

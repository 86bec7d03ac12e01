"""Charts (``pip install 'treatystatus[plot]'``): a treaty's parties over time, one state's history.

Both functions return a matplotlib ``Figure`` (made without pyplot, so they work
with any backend and in scripts); ``fig.savefig("chart.png")`` writes it.
"""

from __future__ import annotations

from datetime import date
from typing import Any, Iterable

from . import api
from .frames import MissingExtraError
from .models import CONSENT_KINDS, EventKind, Status
from .panels import _changes
from .store import dataset

__all__ = ["plot_treaty", "plot_state", "STATUS_COLOURS"]

#: one colour per status, used by plot_state and its legend
STATUS_COLOURS = {
    Status.SIGNATORY: "#9ecae1",
    Status.NOT_INTENDING: "#bdbdbd",
    Status.CONSENTED: "#fdd49e",
    Status.PARTY: "#31a354",
    Status.WITHDRAWAL_PENDING: "#fd8d3c",
    Status.WITHDRAWN: "#de2d26",
    Status.WITHDRAWAL_DISPUTED: "#969696",
    Status.CONSENT_REVOKED: "#756bb1",
    Status.UNKNOWN: "#000000",
}


def _require() -> Any:
    """matplotlib.dates, or a MissingExtraError that names the extra to install."""
    try:
        import matplotlib.dates as mdates
        from matplotlib.figure import Figure  # noqa: F401
    except ImportError:
        raise MissingExtraError("plot", "matplotlib") from None
    return mdates


def _figure(width: float, height: float) -> Any:
    from matplotlib.figure import Figure

    return Figure(figsize=(width, height), dpi=150, layout="constrained")


def _steps(changes: dict[date, int], d0: date, d1: date) -> tuple[list[date], list[int]]:
    """A step series from +n/-n changes per day, running from ``d0`` to ``d1``."""
    xs, ys, n = [d0], [0], 0
    for d in sorted(changes):
        n += changes[d]
        if d <= d0:
            ys[0] = n
            continue
        if d > d1:
            break
        xs.append(d)
        ys.append(n)
    xs.append(d1)
    ys.append(ys[-1])
    return xs, ys


def _day(d: date) -> str:
    return f"{d.day} {d:%B %Y}"


def plot_treaty(treaty: str, start: object = None, end: object = None, ax: Any = None) -> Any:
    """The number of parties of a treaty over time, with signatures, accessions and withdrawals marked.

    The solid line counts the states for which the treaty is in force; the dashed line
    the signatures standing; ticks at the foot mark each instrument of consent (and
    signatures); red markers mark each withdrawal taking effect, labelled with the
    state's code.
    """
    mdates = _require()
    tr = api.treaty(treaty)
    ds = dataset()
    td = ds.treaty_data(tr.id)
    as_of = api._as_of(tr)
    d0 = api.to_date(start) if start is not None else tr.adopted
    d1 = api.to_date(end) if end is not None else max(as_of, date.today())
    steps: dict[date, int] = {}
    for rec in td.records.values():
        for s, e in rec.intervals:
            steps[s] = steps.get(s, 0) + 1
            if e is not None:
                steps[e] = steps.get(e, 0) - 1
    xs, ys = _steps(steps, d0, d1)
    sig_changes: dict[date, int] = {}
    consents, signatures, withdrawals = [], [], []
    for code, rec in td.records.items():
        for e in rec.events:
            if e.kind is EventKind.SIGNATURE:
                signatures.append(e.date)
            elif e.kind in CONSENT_KINDS:
                consents.append(e.date)
            elif e.kind is EventKind.WITHDRAWAL:
                revoked = any(x.kind is EventKind.WITHDRAWAL_REVOKED and x.date >= e.date for x in rec.events)
                if not revoked:
                    withdrawals.append((code, e.effective or tr.withdrawal.notice.apply(e.date)))
        days, statuses = _changes(code, tr.id)
        had = False
        for d, st in zip(days, statuses):
            has = st not in (Status.NOT_SIGNED, Status.NOT_PARTY, Status.WITHDRAWN) and any(
                e.kind is EventKind.SIGNATURE and e.date <= d for e in rec.events)
            if has != had:
                sig_changes[d] = sig_changes.get(d, 0) + (1 if has else -1)
                had = has
    sx, sy = _steps(sig_changes, d0, d1)

    fig = None
    if ax is None:
        fig = _figure(8, 4.5)
        ax = fig.add_subplot()
    else:
        fig = ax.figure
    ax.step(xs, ys, where="post", color="#31a354", linewidth=2.2, label="parties (treaty in force for them)")
    if signatures:
        ax.step(sx, sy, where="post", color="#3182bd", linewidth=1.2, linestyle="--", label="signatures standing")
    top = max(ys + sy + [1])
    ax.vlines([d for d in consents if d0 <= d <= d1], 0, top * 0.03, color="#31a354", linewidth=0.8,
              label="instrument of consent deposited")
    if signatures:
        ax.vlines([d for d in signatures if d0 <= d <= d1], top * 0.03, top * 0.06, color="#3182bd", linewidth=0.8,
                  label="signature")
    shown = [(c, d) for c, d in withdrawals if d0 <= d <= d1]
    if shown:
        import bisect

        yv = [ys[max(0, bisect.bisect_right(xs, d) - 1)] for _, d in shown]
        ax.scatter([d for _, d in shown], yv, marker="v", color="#de2d26", zorder=3, s=36,
                   label="withdrawal takes effect")
        by_day: dict[date, list[str]] = {}
        for c, d in shown:
            by_day.setdefault(d, []).append(c)
        for k, (d, codes) in enumerate(sorted(by_day.items())):
            yy = ys[max(0, bisect.bisect_right(xs, d) - 1)]
            ax.annotate(f"{', '.join(sorted(codes))} ({d:%b %Y})", (d, yy), xytext=(-4, -12 - 10 * (k % 6)),
                        textcoords="offset points", ha="right", va="top", fontsize=7, color="#de2d26")
    if tr.entry_into_force.date and d0 <= tr.entry_into_force.date <= d1:
        ax.axvline(tr.entry_into_force.date, color="#636363", linewidth=0.8, linestyle=":")
        ax.annotate("entry into force", (tr.entry_into_force.date, top), xytext=(3, -2), textcoords="offset points",
                    fontsize=7, color="#636363", va="top")
    if as_of < d1:
        ax.axvspan(as_of, d1, color="#f0f0f0", zorder=0)
    ax.set_title(f"{tr.short_title}: states parties, {d0.year}–{d1.year}", fontsize=12, loc="left")
    ax.set_ylabel("Number of states")
    ax.set_ylim(0, top * 1.08)
    ax.set_xlim(d0, d1)
    ax.xaxis.set_major_locator(mdates.AutoDateLocator())
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(ax.xaxis.get_major_locator()))
    ax.grid(axis="y", color="#e0e0e0", linewidth=0.6)
    ax.legend(loc="lower right", fontsize=7, frameon=True, framealpha=0.9, edgecolor="#e0e0e0")
    ax.text(1.0, -0.12, f"Data as of {_day(as_of)}; treatystatus {_version()}, data {ds.meta['data_version']}. "
            f"Depositary: {tr.depositary}" + (f" (UNTC {tr.untc})" if tr.untc else "") + ".",
            transform=ax.transAxes, ha="right", va="top", fontsize=6.5, color="#636363")
    return fig


def plot_state(state: str, treaties: Iterable[str] | None = None, start: object = None, end: object = None,
               ax: Any = None) -> Any:
    """One state's status over time under each treaty, as coloured bars (one row per treaty)."""
    mdates = _require()
    from matplotlib.patches import Patch

    code = api.resolve_state(state)
    ds = dataset()
    tids = [t.id for t in api.treaties()] if treaties is None else [api.treaty(t).id for t in treaties]
    as_of = max(api._as_of(ds.treaty_def(t)) for t in tids)
    d1 = api.to_date(end) if end is not None else max(as_of, date.today())
    spans: list[tuple[str, list[tuple[date, date, Status]]]] = []
    first = d1
    for tid in tids:
        days, statuses = _changes(code, tid)
        segs = []
        for i, (d, st) in enumerate(zip(days, statuses)):
            e = days[i + 1] if i + 1 < len(days) else d1
            if st not in (Status.NOT_SIGNED, Status.NOT_PARTY) and d < d1:
                segs.append((d, min(e, d1), st))
                first = min(first, d)
        spans.append((tid, segs))
    d0 = api.to_date(start) if start is not None else date(first.year, 1, 1)
    if ax is None:
        fig = _figure(8, max(3.0, 0.9 + 0.32 * len(tids)))
        ax = fig.add_subplot()
    else:
        fig = ax.figure
    for i, (tid, segs) in enumerate(reversed(spans)):
        for s, e, st in segs:
            s = max(s, d0)
            if e <= s:
                continue
            ax.barh(i, mdates.date2num(e) - mdates.date2num(s), left=mdates.date2num(s), height=0.7,
                    color=STATUS_COLOURS[st], edgecolor="white", linewidth=0.3)
    ax.set_yticks(range(len(spans)), [tid for tid, _ in reversed(spans)], fontsize=8)
    ax.set_xlim(mdates.date2num(d0), mdates.date2num(d1))
    ax.xaxis_date()
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(ax.xaxis.get_major_locator()))
    if as_of < d1:
        ax.axvspan(mdates.date2num(as_of), mdates.date2num(d1), color="#f0f0f0", zorder=0)
    used = {st for _, segs in spans for _, _, st in segs}
    handles = [Patch(color=c, label=s.value) for s, c in STATUS_COLOURS.items() if s in used]
    ax.legend(handles=handles, loc="lower left", bbox_to_anchor=(0, 1.0), ncol=4, fontsize=7, frameon=False)
    ax.set_title(f"{ds.states.name(code)} ({code}): status under each treaty", fontsize=12, loc="left", pad=22)
    ax.text(1.0, -0.08 * (12 / max(len(tids), 4)), f"Data as of {_day(as_of)}; treatystatus {_version()}, "
            f"data {ds.meta['data_version']}. Not signed: no bar.", transform=ax.transAxes, ha="right", va="top",
            fontsize=6.5, color="#636363")
    return fig


def _version() -> str:
    from ._version import __version__

    return __version__

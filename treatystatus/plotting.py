"""Charts (``pip install 'treatystatus[plot]'``): a treaty's parties over time, one state's history.

Both functions return a matplotlib ``Figure`` (made without pyplot, so they work with any
backend and in scripts); ``fig.savefig("chart.png")`` writes it. Every series is read from
the same lists and histories the queries answer from.
"""

from __future__ import annotations

import bisect
from datetime import date
from typing import Any, Iterable

from . import queries
from .explain import day as _day
from .errors import MissingExtraError
from .kinds import CONSENT_KINDS, EventKind, Status

__all__ = ["plot_treaty", "plot_state", "plot_map", "world", "STATUS_COLOURS"]

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
    Status.UNDECIDED: "#d9d9d9",
    Status.TERMINATED: "#525252",
    Status.CEASED: "#8c6d31",
    Status.NOT_YET: "#f0f0f0",
    Status.UNKNOWN: "#000000",
}


def _require() -> Any:
    """matplotlib.dates, or an error that names the extra to install."""
    try:
        import matplotlib.dates as mdates
        from matplotlib.figure import Figure  # noqa: F401
    except ImportError:
        raise MissingExtraError("plot", "matplotlib") from None
    return mdates


def _figure(width: float, height: float) -> Any:
    """A figure made without pyplot that a notebook shows as a picture (not as its repr)."""
    from matplotlib.figure import Figure

    fig = Figure(figsize=(width, height), dpi=150, layout="constrained")

    def png() -> bytes:
        from io import BytesIO

        buf = BytesIO()
        fig.savefig(buf, format="png", dpi=100)
        return buf.getvalue()

    fig._repr_png_ = png
    return fig


def _canvas(ax: Any, width: float, height: float) -> tuple[Any, Any, bool]:
    """The figure and axes to draw on: the caller's, or a new figure's (``own`` True)."""
    if ax is not None:
        return ax.figure, ax, False
    fig = _figure(width, height)
    return fig, fig.add_subplot(), True


def _footer(fig: Any, ax: Any, text: str, own: bool) -> None:
    """The sources line under the chart: wrapped, in a strip of its own that the plot does not share."""
    import textwrap

    lines = textwrap.wrap(text, 150)
    if own:
        h = (0.012 + 0.022 * len(lines)) * 4.5 / fig.get_figheight()
        fig.text(0.01, 0.004, "\n".join(lines), ha="left", va="bottom", fontsize=6.5, color="#636363")
        fig.get_layout_engine().set(rect=(0, h, 1, 1 - h - 0.01))
    else:
        ax.text(0.0, -0.14, "\n".join(textwrap.wrap(text, 110)), transform=ax.transAxes, ha="left", va="top",
                fontsize=6.5, color="#636363")


def _title(text: str) -> str:
    import textwrap

    return "\n".join(textwrap.wrap(text, 72))


def _series(changes: list, d0: date, d1: date, count: Any) -> tuple[list[date], list[int]]:
    """A step series of ``count(list)`` at each change day, from ``d0`` to ``d1``."""
    xs, ys = [d0], [0]
    for d, lst in changes:
        if d <= d0:
            ys[0] = count(lst)
            continue
        if d > d1:
            break
        xs.append(d)
        ys.append(count(lst))
    xs.append(d1)
    ys.append(ys[-1])
    return xs, ys


def _version() -> str:
    from ._version import __version__

    return __version__


def plot_treaty(treaty: str, start: object = None, end: object = None, ax: Any = None) -> Any:
    """The number of parties of a treaty over time, with signatures, accessions and withdrawals marked.

    The solid line counts the states for which the treaty is in force (``parties()`` on each
    day); a grey band above it, the states whose status is undecided that day; the dashed
    line the signatures standing (``signatories()``); ticks at the foot mark each instrument
    of consent and signature; red markers each withdrawal taking effect.
    """
    mdates = _require()
    info = queries.treaty_summary(treaty)
    assert isinstance(info, dict)
    tid = info["id"]
    in_force = info["in_force"] is not None
    # a treaty not in force has no parties: its curve is the states whose consent stands
    party_changes = queries.list_changes(tid, "party" if in_force else "consenting")
    sig_changes = queries.list_changes(tid, "signatory")
    adopted = queries.treaty(tid).adopted
    as_of = queries.data_as_of(tid)
    d0 = queries.to_date(start) if start is not None else adopted
    if end is not None:
        d1 = queries.to_date(end)
    else:  # to today, and past it to the last change already on record (a withdrawal due next year)
        d1 = max(as_of, date.today())
        last = party_changes[-1][0] if party_changes else d1
        if last > d1:
            d1 = date.fromordinal(last.toordinal() + 60)
    xs, ys = _series(party_changes, d0, d1, len)
    _, us = _series(party_changes, d0, d1, lambda lst: len(lst) + len(lst.undecided))
    sx, sy = _series(sig_changes, d0, d1, len)
    incomplete = next((lst.incomplete for _, lst in sig_changes if lst.incomplete), None)
    events = queries.records(tid)
    consents = [e.latest for e in events if e.kind in CONSENT_KINDS]
    signatures = [e.latest for e in events if e.kind is EventKind.SIGNATURE]
    withdrawals, disputed = [], []
    for code in sorted({e.state for e in events}):
        for d, st in queries.status_changes(code, tid):
            if st is Status.WITHDRAWN:
                withdrawals.append((code, d))
            elif st is Status.WITHDRAWAL_DISPUTED:
                disputed.append((code, d))
    fig, ax, own = _canvas(ax, 8, 4.5)
    ax.step(xs, ys, where="post", color="#31a354", linewidth=2.2,
            label="parties (treaty in force for them)" if in_force else "consent deposited (the treaty is not in force)")
    if any(u != y for u, y in zip(us, ys)):
        ax.fill_between(xs, ys, us, step="post", color="#bdbdbd", alpha=0.6, linewidth=0,
                        label="status undecided (a day the sources do not give)")
    if signatures:
        label = "signatures standing" + (" (signatures not all recorded)" if incomplete else "")
        ax.step(sx, sy, where="post", color="#3182bd", linewidth=1.2, linestyle="--", label=label)
    visible = [y for x, y in zip(xs, us) if d0 <= x <= d1] + [y for x, y in zip(sx, sy) if d0 <= x <= d1]
    top = max(visible + [1])
    low = [y for x, y in zip(xs, ys) if d0 <= x <= d1] + [y for x, y in zip(sx, sy) if d0 <= x <= d1 and y]
    # a chart zoomed in on a stretch of time shows the range of that stretch, not the axis from zero
    base = 0 if start is None or not low else max(0, min(low) - max(2, (top - min(low)) * 0.15))
    span = max(1, top - base)
    ax.vlines([d for d in consents if d0 <= d <= d1], base, base + span * 0.03, color="#31a354", linewidth=0.8,
              label="instrument of consent deposited")
    if signatures:
        ax.vlines([d for d in signatures if d0 <= d <= d1], base + span * 0.03, base + span * 0.06, color="#3182bd",
                  linewidth=0.8, label="signature")
    shown = [(c, d) for c, d in withdrawals if d0 <= d <= d1]
    if shown:
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
    contested = [(c, d) for c, d in disputed if d0 <= d <= d1]
    if contested:  # not drawn as taking effect: the state leaves the count of parties, and the band holds it
        yv = [us[max(0, bisect.bisect_right(xs, d) - 1)] for _, d in contested]
        ax.scatter([d for _, d in contested], yv, marker="o", facecolors="none", edgecolors="#636363", zorder=3,
                   s=36, label="withdrawal whose effect is disputed (not counted either way)")
        for c, d in contested:
            ax.annotate(f"{c}: effect disputed ({d:%b %Y})", (d, us[max(0, bisect.bisect_right(xs, d) - 1)]),
                        xytext=(4, 6), textcoords="offset points", fontsize=7, color="#636363")
    eif = info["in_force"]
    if eif and d0 <= date.fromisoformat(eif) <= d1:
        e = date.fromisoformat(eif)
        ax.axvline(e, color="#636363", linewidth=0.8, linestyle=":")
        ax.annotate("entry into force", (e, top), xytext=(3, -2), textcoords="offset points", fontsize=7,
                    color="#636363", va="top")
    if as_of < d1:
        ax.axvspan(as_of, d1, color="#f0f0f0", zorder=0, label="after the data's as-of date")
    what = "states parties" if in_force else "ratifications (not in force)"
    ax.set_title(_title(f"{info['short_title']}: {what}, {d0.year}–{d1.year}"), fontsize=12, loc="left")
    ax.set_ylabel("Number of states")
    ax.set_ylim(base, top + span * 0.08)
    ax.set_xlim(d0, d1)
    ax.xaxis.set_major_locator(mdates.AutoDateLocator())
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(ax.xaxis.get_major_locator()))
    ax.grid(axis="y", color="#e0e0e0", linewidth=0.6)
    ax.legend(loc="lower right", fontsize=7, frameon=True, framealpha=0.9, edgecolor="#e0e0e0")
    foot = (f"Complete to {_day(date.fromisoformat(info['complete_to']))}, later acts searched to {_day(as_of)}; "
            f"treatystatus {_version()}. Depositary: {info['depositary']}"
            + (f" (UNTC {info['untc']})" if info["untc"] else "") + ".")
    if incomplete:
        foot += " Signatures: not all recorded."
    _footer(fig, ax, foot, own)
    return fig


def plot_state(state: str, treaties: Iterable[str] | None = None, start: object = None, end: object = None,
               ax: Any = None) -> Any:
    """One state's status over time under each treaty, as coloured bars (one row per treaty)."""
    mdates = _require()
    from matplotlib.patches import Patch

    code = queries.resolve_state(state)
    tids = queries.treaty_ids() if treaties is None else [queries.resolve_treaty(t) for t in treaties]
    infos = [queries.treaty_summary(t) for t in tids]
    as_of = max(date.fromisoformat(i["searched_to"]) for i in infos)  # type: ignore[index]
    d1 = queries.to_date(end) if end is not None else max(as_of, date.today())
    spans: list[tuple[str, list[tuple[date, date, Status]]]] = []
    first = d1
    for tid in tids:
        segs = []
        for s in queries.history(code, tid).segments:
            if s.status in (Status.NOT_SIGNED, Status.NOT_PARTY) or s.start >= d1:
                continue
            e = s.end if s.end is not None and s.end < d1 else d1
            st = s.status
            if st is Status.UNDECIDED and s.is_party:  # a party either way: drawn as one, hatched
                st = "party-undecided"
            if segs and segs[-1][2] == st and segs[-1][1] == s.start:  # the same status, other facts: one bar
                segs[-1] = (segs[-1][0], e, st)
            else:
                segs.append((s.start, e, st))
            first = min(first, s.start)
        spans.append((tid, segs))
    d0 = queries.to_date(start) if start is not None else date(first.year, 1, 1)
    own = ax is None
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
            hatched = st == "party-undecided"
            ax.barh(i, mdates.date2num(e) - mdates.date2num(s), left=mdates.date2num(s), height=0.7,
                    color=STATUS_COLOURS[Status.PARTY] if hatched else STATUS_COLOURS.get(st, "#000000"),
                    edgecolor="white", linewidth=0.3, hatch="///" if hatched else None)
    ax.set_yticks(range(len(spans)), [tid for tid, _ in reversed(spans)], fontsize=8)
    ax.set_xlim(mdates.date2num(d0), mdates.date2num(d1))
    ax.xaxis_date()
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(ax.xaxis.get_major_locator()))
    if as_of < d1:
        ax.axvspan(mdates.date2num(as_of), mdates.date2num(d1), color="#f0f0f0", zorder=0)
    used = {st for _, segs in spans for _, _, st in segs}
    handles = [Patch(color=c, label=s.value) for s, c in STATUS_COLOURS.items() if s in used]
    if "party-undecided" in used:
        handles.append(Patch(facecolor=STATUS_COLOURS[Status.PARTY], hatch="///", edgecolor="white",
                             label="party (status otherwise undecided)"))
    ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.01, 1.0), ncol=1, fontsize=7, frameon=False)
    ax.set_title(_title(f"{queries.state_name(code)}: status under each treaty"), fontsize=12, loc="left")
    _footer(fig, ax, f"Later acts searched to {_day(as_of)}; treatystatus {_version()}. Not signed: no bar. "
            "Grey background: after the data's as-of date.", own)
    return fig


# -- maps -------------------------------------------------------------------------------------------

#: the world's shapes: Natural Earth (public domain), 1:110m, keyed by ISO 3166-1 alpha-3
WORLD_FILE = "world.json.gz"

_A1, _A2, _A3, _A4 = 1.340264, -0.081106, 0.000893, 0.003796


def _equal_earth(lon: float, lat: float) -> tuple[float, float]:
    """The Equal Earth projection (Šavrič, Patterson and Jenny, 2018), in degrees-like units."""
    import math

    lam, phi = math.radians(lon), math.radians(lat)
    t = math.asin(math.sqrt(3) / 2 * math.sin(phi))
    t2 = t * t
    t6 = t2 * t2 * t2
    x = 2 * math.sqrt(3) * lam * math.cos(t) / (3 * (9 * _A4 * t6 * t2 + 7 * _A3 * t6 + 3 * _A2 * t2 + _A1))
    y = t * (_A4 * t6 * t2 + _A3 * t6 + _A2 * t2 + _A1)
    return x, y


_world_cache: dict = {}


def world() -> dict:
    """The shipped world geometry: ``countries`` (code -> polygons, each a list of rings of
    [lon, lat], the first the outer one), ``points`` (code -> [lon, lat] for states too small
    for the scale), and its ``source``."""
    if not _world_cache:
        import gzip
        import json
        import os

        from .layers import shipped_root

        with open(os.path.join(shipped_root(), WORLD_FILE), "rb") as fh:
            _world_cache.update(json.loads(gzip.decompress(fh.read())))
    return _world_cache


#: the map's classes, in the legend's order: (label, colour, statuses)
_MAP_CLASSES = [
    ("party", STATUS_COLOURS[Status.PARTY], {Status.PARTY}),
    ("party, withdrawal pending", STATUS_COLOURS[Status.WITHDRAWAL_PENDING], {Status.WITHDRAWAL_PENDING}),
    ("party either way (its status otherwise undecided)", "#a1d99b", set()),
    ("consented, not yet in force for it", STATUS_COLOURS[Status.CONSENTED], {Status.CONSENTED}),
    ("signatory", STATUS_COLOURS[Status.SIGNATORY], {Status.SIGNATORY, Status.NOT_INTENDING}),
    ("withdrawn", STATUS_COLOURS[Status.WITHDRAWN], {Status.WITHDRAWN}),
    ("consent revoked", STATUS_COLOURS[Status.CONSENT_REVOKED], {Status.CONSENT_REVOKED}),
    ("not a party", "#fee8c8", {Status.NOT_SIGNED, Status.NOT_PARTY}),
    ("undecided, disputed or unknown", "#bdbdbd", {Status.UNDECIDED, Status.WITHDRAWAL_DISPUTED, Status.UNKNOWN}),
    ("did not exist that day, or not counted", "#f7f7f7", {Status.NOT_YET, Status.CEASED, Status.TERMINATED}),
]


def plot_map(treaty: str, on: object = None, ax: Any = None) -> Any:
    """A world map of every state's status under a treaty on a day (default: today): a colour per
    status, undecided states shown as such, with the legend, the day, the counts and the sources'
    dates. States the map's shapes do not include are named under it. Today's borders are drawn
    (Natural Earth, 1:110m, public domain), whatever the day."""
    _require()
    from matplotlib.collections import PathCollection, PolyCollection  # noqa: F401
    from matplotlib.patches import Patch

    info = queries.treaty_summary(treaty)
    assert isinstance(info, dict)
    tid = info["id"]
    d = queries.to_date(on)
    geo = world()
    codes = queries.states_on(d)
    colour_of: dict = {}
    for label, colour, sts in _MAP_CLASSES:
        for s in sts:
            colour_of[s] = (label, colour)
    status = {}
    for c in codes:
        r = queries.status(c, tid, d)
        status[c] = "bound-undecided" if r.status is Status.UNDECIDED and r.is_party else r.status
    colour_of["bound-undecided"] = tuple(_MAP_CLASSES[2][:2])
    fig, ax, own = _canvas(ax, 10, 5.6)
    polys, colours = [], []
    shapes = geo["countries"]
    for code in sorted(shapes, key=lambda c: -len(shapes[c])):  # small ones (enclaves) drawn last
        st = status.get(code)
        colour = colour_of[st][1] if st is not None else "#f7f7f7"
        for polygon in shapes[code]:
            ring = polygon[0]
            polys.append([_equal_earth(x, y) for x, y in ring])
            colours.append(colour)
    ax.add_collection(PolyCollection(polys, facecolors=colours, edgecolors="#ffffff", linewidths=0.25))
    dots = [(code, p) for code, p in geo["points"].items() if code in status]
    if dots:
        xy = [_equal_earth(*p) for _, p in dots]
        ax.scatter([x for x, _ in xy], [y for _, y in xy], s=9, c=[colour_of[status[c]][1] for c, _ in dots],
                   edgecolors="#636363", linewidths=0.3, zorder=3)
    outline = [_equal_earth(-180, lat) for lat in range(-90, 91, 5)] + \
        [_equal_earth(180, lat) for lat in range(90, -91, -5)]
    ax.fill([x for x, _ in outline], [y for _, y in outline], color="#eef3f8", zorder=0, linewidth=0)
    ax.set_aspect("equal")
    ax.set_xlim(min(x for x, _ in outline) * 1.01, max(x for x, _ in outline) * 1.01)
    ax.set_ylim(-1.35, 1.35)
    ax.axis("off")
    counts: dict[str, int] = {}
    for c, st in status.items():
        counts[colour_of[st][0]] = counts.get(colour_of[st][0], 0) + 1
    handles = [Patch(facecolor=colour, edgecolor="#bdbdbd", label=f"{label} ({counts[label]})")
               for label, colour, _ in _MAP_CLASSES if counts.get(label)]
    ax.legend(handles=handles, loc="lower left", fontsize=7, frameon=True, framealpha=0.9, edgecolor="#e0e0e0")
    ax.set_title(_title(f"{info['short_title']}: who is bound on {_day(d)}"), fontsize=12, loc="left")
    missing = sorted(c for c in status if c not in shapes and c not in geo["points"])
    foot = (f"{len(status)} states counted that day. Borders of today ({geo['source']}), whatever the day. "
            + (f"Not on the map (no shape at this scale): {', '.join(missing)}. " if missing else "")
            + f"Complete to {_day(date.fromisoformat(info['complete_to']))}, later acts searched to "
              f"{_day(date.fromisoformat(info['searched_to']))}; treatystatus {_version()}.")
    _footer(fig, ax, foot, own)
    fig._treatystatus_missing = missing  # what the figure names as not drawn
    return fig

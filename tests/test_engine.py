"""The one engine: every answer, list, panel and chart reads the same history.

The agreement check runs over every state and every treaty in the data, at every change
point of the state's history and on the day before it.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest

import treatystatus as ts
from treatystatus import Status, queries
from treatystatus.index import current
from treatystatus.panels import panel_rows

TREATIES = [t.id for t in ts.treaties()]
CONSENTING = {Status.CONSENTED, Status.PARTY, Status.WITHDRAWAL_PENDING}


def _days(h):
    out = set()
    for s in h.segments[1:]:
        out.add(s.start)
        out.add(s.start - timedelta(days=1))
    return sorted(out)


class _Lists:
    def __init__(self, tid):
        self.tid = tid
        self.cache = {}

    def get(self, d):
        hit = self.cache.get(d)
        if hit is None:
            p, c, n = ts.parties(self.tid, d), ts.consenting(self.tid, d), ts.non_parties(self.tid, d)
            hit = self.cache[d] = (set(p), set(p.undecided), set(c), set(c.undecided), set(n), set(n.undecided))
        return hit


def _under(code, d):
    """For a state with no records of its own: the code it is listed under on ``d`` (while it
    existed, the continuing state's, which holds its acts), or None."""
    info = current().states[code]
    if info.continued_by is None or (info.until is not None and d >= info.until):
        return None
    return info.continued_by


@pytest.mark.parametrize("tid", TREATIES)
def test_every_answer_agrees_at_every_change_point(tid):
    idx = current()
    lists = _Lists(tid)
    existing_cache: dict = {}
    checked = 0
    for code in sorted(idx.states):
        h = ts.history(code, tid)
        for d in _days(h):
            r = ts.status(code, tid, d)
            seg = h.at(d)
            assert (r.status, r.is_party, r.possible) == (seg.status, seg.is_party, seg.possible), (code, d)
            try:
                single = ts.is_party(code, tid, d)
            except ts.StatusUnknownError:
                single = None
            assert single == r.is_party, (code, d)
            (row,) = list(panel_rows([tid], d, d, freq="day", states=[code]))
            assert (row.status, row.is_party) == (r.status, r.is_party), (code, d)
            parties, p_und, cons, c_und, non, n_und = lists.get(d)
            own = code in idx.treaty(tid).order
            listed = code if own else _under(code, d)
            if listed is not None:
                if r.is_party is True:
                    assert listed in parties, (code, d)
                elif r.is_party is False:
                    assert listed not in parties and listed not in p_und, (code, d)
                else:
                    assert listed not in parties and listed in p_und, (code, d)
                if r.status is not Status.UNDECIDED and r.status not in (Status.UNKNOWN, Status.WITHDRAWAL_DISPUTED):
                    assert (listed in cons) == (r.status in CONSENTING), (code, d)
            else:
                assert code not in parties and code not in cons
            existing = existing_cache.get(d)
            if existing is None:
                existing = existing_cache[d] = set(queries.states_on(d))
            if code in existing:
                assert (code in non) == (r.is_party is False), (code, d)
                assert (code in n_und) == (r.is_party is None), (code, d)
            checked += 1
    assert checked > len(idx.states)


@pytest.mark.parametrize("tid", TREATIES)
def test_the_lists_change_only_where_they_say(tid):

    for kind, fn in (("party", ts.parties), ("consenting", ts.consenting), ("signatory", ts.signatories)):
        changes = queries.list_changes(tid, kind)
        for i, (d, lst) in enumerate(changes):
            assert list(lst) == list(fn(tid, d)) and lst.undecided == fn(tid, d).undecided, (kind, d)
            end = changes[i + 1][0] if i + 1 < len(changes) else d + timedelta(days=400)
            last = end - timedelta(days=1)
            assert list(fn(tid, last)) == list(lst) and fn(tid, last).undecided == lst.undecided, (kind, last)


def test_the_chart_draws_the_list_counts():
    pytest.importorskip("matplotlib")
    fig = ts.plot_treaty("apmbc", "1997-01-01", "2026-11-25")
    line = fig.axes[0].lines[0]
    import matplotlib.dates as mdates

    for x, y in zip(line.get_xdata(), line.get_ydata()):
        d = x if isinstance(x, date) else mdates.num2date(x).date()
        assert y == len(ts.parties("apmbc", d)), d

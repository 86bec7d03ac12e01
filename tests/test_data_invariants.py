"""Invariants every treaty's data must satisfy, checked the same way for each treaty."""

from __future__ import annotations


import pytest

import treatystatus as ts
from treatystatus.models import CONSENT_KINDS, EventKind
from treatystatus.store import dataset, entry_into_force, shipped_root, validate

TREATIES = [t.id for t in ts.treaties()]


def test_shipped_data_has_no_problems():
    assert validate(shipped_root()) == []


def test_there_are_treaties():
    assert "apmbc" in TREATIES


@pytest.mark.parametrize("tid", TREATIES)
class TestTreatyData:
    def records(self, tid):
        return dataset().treaty_data(tid).records

    def test_every_event_has_a_known_source_and_state(self, tid):
        ds = dataset()
        for rec in self.records(tid).values():
            for e in rec.events:
                assert e.source in ds.sources, e.origin
                assert e.state in ds.states.states, e.origin
                assert e.origin.startswith("data/events/"), e.origin

    def test_events_in_order_and_sensible(self, tid):
        tr = ts.treaty(tid)
        for code, rec in self.records(tid).items():
            dates = [e.date for e in rec.events]
            assert dates == sorted(dates), code
            sig = [e for e in rec.events if e.kind is EventKind.SIGNATURE]
            consent = [e for e in rec.events if e.kind in CONSENT_KINDS]
            assert len(sig) == len({e.at for e in sig}), f"{code}: more than one signature at one depositary"
            if sig and consent:
                assert sig[0].date <= consent[0].date, code
            for e in rec.events:
                if e.kind is not EventKind.ANNOUNCEMENT:
                    assert e.date >= tr.adopted, e.origin
                assert e.date <= tr.as_of, f"{e.origin}: dated after the data's as-of date"

    def test_recorded_entry_into_force_equals_the_rule(self, tid):
        tr = ts.treaty(tid)
        checked = 0
        for rec in self.records(tid).values():
            for e in rec.events:
                if e.in_force is not None and e.kind is not EventKind.INSTRUMENT:
                    assert entry_into_force(tr, e) == e.in_force, e.origin
                    checked += 1
                if e.kind is EventKind.SUCCESSION and e.effective is not None and tr.in_force:
                    assert entry_into_force(tr, e) == max(e.effective, tr.entry_into_force.date), e.origin
        if tid == "apmbc":
            assert checked >= 5  # the Ottawa data carry sourced dates to check against

    def test_recorded_withdrawal_dates_follow_the_rule(self, tid):
        tr = ts.treaty(tid)
        for rec in self.records(tid).values():
            for e in rec.events:
                if e.kind is EventKind.WITHDRAWAL and e.effective is not None and not e.disputed:
                    earliest = tr.withdrawal.notice.apply(e.date)
                    assert e.effective >= earliest, e.origin
                    if not (tr.withdrawal.later_date_allowed or tr.withdrawal.armed_conflict):
                        assert e.effective == earliest, e.origin

    def test_threshold_instrument_and_treaty_entry_into_force(self, tid):
        tr = ts.treaty(tid)
        eif = tr.entry_into_force
        if eif.threshold is None or eif.threshold_date is None:
            pytest.skip("no threshold recorded")
        consents = sorted(e.date for rec in self.records(tid).values() for e in rec.events
                          if e.kind in CONSENT_KINDS and e.kind is not EventKind.SUCCESSION)
        assert consents[eif.threshold - 1] == eif.threshold_date
        assert eif.treaty_rule.apply(eif.threshold_date) == eif.date

    def test_published_counts(self, tid):
        tr = ts.treaty(tid)
        assert tr.checkpoints, "each treaty carries at least one published count"
        for cp in tr.checkpoints:
            if cp.parties is not None:
                assert len(ts.parties(tid, cp.on)) == cp.parties, cp
            if cp.consenting is not None:
                assert len(ts.consenting(tid, cp.on)) == cp.consenting, cp
            if cp.signatories is not None:
                assert len(ts.signatories(tid, cp.on)) == cp.signatories, cp

    def test_quoted_articles_cite_the_treaty_text(self, tid):
        tr = ts.treaty(tid)
        ds = dataset()
        for q in tr.quoted_articles():
            assert ds.sources[q.source].kind in ("treaty-text", "status-page")
            assert q.text is None or q.text.strip()
        assert tr.withdrawal.text.strip()

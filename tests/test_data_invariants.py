"""Invariants every treaty's data must satisfy, checked the same way for each treaty."""

from __future__ import annotations

import pytest

import treatystatus as ts
from treatystatus.index import current, validate
from treatystatus.kinds import CONSENT_KINDS, EventKind
from treatystatus.layers import shipped_root
from treatystatus.rules import entry_into_force

TREATIES = [t.id for t in ts.treaties()]


def test_shipped_data_has_no_problems():
    assert validate(shipped_root()) == []


def test_there_are_treaties():
    assert "apmbc" in TREATIES


def _records(tid):
    ti = current().treaty(tid)
    return {code: ti.events(code) for code in ti.order}


@pytest.mark.parametrize("tid", TREATIES)
class TestTreatyData:
    def test_every_event_has_a_known_source_and_state(self, tid):
        idx = current()
        for evs in _records(tid).values():
            for e in evs:
                assert e.source in idx.sources, e.origin
                assert all(a in idx.sources for a in e.also), e.origin
                assert e.state in idx.states, e.origin
                assert e.origin.startswith("data/events/"), e.origin

    def test_events_in_order_and_sensible(self, tid):
        tr = ts.treaty(tid)
        for code, evs in _records(tid).items():
            sig = [e for e in evs if e.kind is EventKind.SIGNATURE]
            consent = [e for e in evs if e.kind in CONSENT_KINDS]
            assert len(sig) == len({e.at for e in sig}), f"{code}: more than one signature at one depositary"
            revoked = any(e.kind is EventKind.CONSENT_REVOKED for e in evs)
            if sig and consent and not revoked:  # Guinea acceded to CEDAW, then annulled it by signing
                assert sig[0].earliest is None or sig[0].earliest <= consent[0].latest, code
            for e in evs:
                if e.kind is not EventKind.ANNOUNCEMENT:
                    assert e.latest >= tr.adopted, e.origin
                assert e.latest <= tr.searched_to, f"{e.origin}: dated after the day later acts were searched to"

    def test_recorded_entry_into_force_equals_the_rule(self, tid):
        rules = current().treaty(tid).rules
        checked = 0
        for evs in _records(tid).values():
            for e in evs:
                if e.in_force is not None and e.kind is not EventKind.INSTRUMENT and not e.immediate:
                    got = entry_into_force(rules.entry, e._replace(in_force=None), e.earliest, e.latest)
                    assert (got.earliest, got.latest) == (e.in_force, e.in_force), e.origin
                    checked += 1
        if tid == "apmbc":
            assert checked >= 5  # the Ottawa data carry sourced dates to check against

    def test_recorded_withdrawal_dates_follow_the_rule(self, tid):
        w = ts.treaty(tid).withdrawal
        for evs in _records(tid).values():
            for e in evs:
                if e.kind is EventKind.WITHDRAWAL and e.effective is not None and not e.disputed \
                        and w.notice is not None and e.earliest is not None:
                    earliest = w.notice.apply(e.earliest)
                    assert e.effective >= earliest, e.origin
                    if not (w.later_date_allowed or w.named_date_required or w.armed_conflict):
                        assert e.effective == earliest, e.origin

    def test_threshold_instrument_and_treaty_entry_into_force(self, tid):
        tr = ts.treaty(tid)
        eif = tr.entry_into_force
        if eif.threshold is None or eif.threshold_date is None:
            pytest.skip("no threshold recorded")
        def revoked(e, evs):  # an instrument later annulled (Guinea's CEDAW accession of 1980) does not count
            later = [x for x in evs if x.latest >= e.latest and x is not e]
            nxt = next((x for x in later if x.kind in CONSENT_KINDS or x.kind is EventKind.CONSENT_REVOKED), None)
            return nxt is not None and nxt.kind is EventKind.CONSENT_REVOKED

        consents = sorted(e.latest for evs in _records(tid).values() for e in evs
                          if e.kind in CONSENT_KINDS and e.kind is not EventKind.SUCCESSION and not revoked(e, evs))
        assert consents[eif.threshold - 1] == eif.threshold_date
        if eif.condition:  # "subject to the entry into force of the Covenant": not before the rule's day
            assert eif.treaty_rule.apply(eif.threshold_date) <= eif.date
        else:
            assert eif.treaty_rule.apply(eif.threshold_date) == eif.date

    def test_published_counts(self, tid):
        tr = ts.treaty(tid)
        assert tr.checkpoints or "no dated published count" in (tr.note or "").lower(), \
            "each treaty carries at least one published count, or says why it cannot"
        for cp in tr.checkpoints:
            if cp.parties is not None:
                assert len(ts.parties(tid, cp.on)) == cp.parties, cp
            if cp.consenting is not None:
                assert len(ts.consenting(tid, cp.on)) == cp.consenting, cp
            if cp.signatories is not None:
                assert len(ts.signatories(tid, cp.on)) == cp.signatories, cp

    def test_quoted_articles_cite_the_treaty_text(self, tid):
        tr = ts.treaty(tid)
        idx = current()
        for q in tr.quoted_articles():
            assert idx.sources[q.source]["kind"] in ("treaty-text", "status-page")
            assert q.text is None or q.text.strip()
        w = tr.withdrawal
        assert w is None or w.none is not None or w.text.strip()

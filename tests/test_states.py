"""Naming states: codes, names, aliases, ambiguity and suggestions."""

from __future__ import annotations

import pytest

import treatystatus as ts
from treatystatus import AmbiguousStateError, UnknownStateError


@pytest.mark.parametrize("text, code", [
    ("UA", "UKR"), ("ua", "UKR"), ("UKR", "UKR"), ("ukr", "UKR"), ("804", "UKR"), ("Ukraine", "UKR"),
    ("  ukraine ", "UKR"), ("4", "AFG"), ("004", "AFG"),
    ("Bolivia (Plurinational State of)", "BOL"), ("Bolivia", "BOL"),
    ("Türkiye", "TUR"), ("Turkiye", "TUR"), ("turkey", "TUR"),
    ("Côte d'Ivoire", "CIV"), ("Cote d'Ivoire", "CIV"), ("Ivory Coast", "CIV"),
    ("Russia", "RUS"), ("Russian Federation", "RUS"), ("South Korea", "KOR"), ("Republic of Korea", "KOR"),
    ("North Korea", "PRK"), ("Czech Republic", "CZE"), ("Czechia", "CZE"), ("Swaziland", "SWZ"),
    ("Eswatini", "SWZ"), ("Vatican", "VAT"), ("Holy See", "VAT"), ("State of Palestine", "PSE"),
    ("Palestine", "PSE"), ("Cook Islands", "COK"), ("Niue", "NIU"), ("Kosovo", "XKX"),
    ("Yugoslavia", "YUG"), ("Serbia and Montenegro", "SCG"), ("Czechoslovakia", "CSK"), ("USSR", "SUN"),
    ("Soviet Union", "SUN"), ("United Kingdom of Great Britain and Northern Ireland", "GBR"), ("UK", "GBR"),
    ("United States of America", "USA"), ("The Bahamas", "BHS"), ("Bahamas (The)", "BHS"),
    ("Netherlands (Kingdom of the)", "NLD"), ("The former Yugoslav Republic of Macedonia", "MKD"),
    ("Democratic Republic of the Congo", "COD"), ("Republic of the Congo", "COG"), ("Guinea-Bissau", "GNB"),
    ("Republic of Guinea", "GIN"), ("St. Kitts and Nevis", "KNA"), ("Saint Kitts and Nevis", "KNA"),
])
def test_resolves(text, code):
    assert ts.resolve_state(text) == code


@pytest.mark.parametrize("text, candidates", [
    ("Congo", {"COG", "COD"}), ("Korea", {"KOR", "PRK"}), ("guinea", {"GIN", "GNB", "GNQ", "PNG"}),
])
def test_ambiguous_names_list_candidates(text, candidates):
    with pytest.raises(AmbiguousStateError) as e:
        ts.resolve_state(text)
    assert set(e.value.candidates) == candidates
    assert all(c in str(e.value) for c in candidates)


@pytest.mark.parametrize("text, expected", [("Ukrane", "UKR"), ("Polnd", "POL"), ("Astralia", "AUS")])
def test_unknown_names_suggest_close_matches(text, expected):
    with pytest.raises(UnknownStateError) as e:
        ts.resolve_state(text)
    assert any(s.startswith(expected) for s in e.value.suggestions)
    assert "did you mean" in str(e.value)


@pytest.mark.parametrize("text", ["", "   ", "XX", "999", "Atlantis", "GRL", "Greenland", "PR"])
def test_unknown(text):
    with pytest.raises(UnknownStateError):
        ts.resolve_state(text)


def test_territory_that_is_not_a_treaty_participant_says_why():
    with pytest.raises(UnknownStateError, match="not in the list of states"):
        ts.resolve_state("Greenland")


def test_errors_are_value_errors():
    with pytest.raises(ValueError):
        ts.resolve_state("Atlantis")
    with pytest.raises(ts.TreatyStatusError):
        ts.resolve_state(None)  # type: ignore[arg-type]


def test_the_curated_list():
    from treatystatus.index import current

    states = current().states
    kinds = [s.kind for s in states.values()]
    assert kinds.count("un-member") == 193
    assert {c for c, s in states.items() if s.kind in ("observer", "non-member")} == {"VAT", "PSE", "COK", "NIU"}
    assert states["SSD"].since.isoformat() == "2011-07-14"
    assert states["UKR"].since.isoformat() == "1945-10-24"
    assert states["SUN"].continued_by == "RUS" and states["SCG"].continued_by == "SRB"


def test_every_name_in_results_is_the_curated_name():
    assert ts.state_name("TR") == "Türkiye"
    assert ts.status("ivory coast", "apmbc", "2020-01-01").state_name == "Côte d'Ivoire"

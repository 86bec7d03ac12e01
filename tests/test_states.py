"""Naming states: codes, names, aliases, ambiguity and suggestions."""

from __future__ import annotations

from datetime import date

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
    # UN membership is kept apart from statehood: 193 Members today, two observer States
    today = date(2026, 12, 2)
    members = [c for c, s in states.items() if s.un == "member" and (s.un_until is None or s.un_until > today)]
    assert len(members) == 193
    assert {c for c, s in states.items() if s.un == "observer"} == {"VAT", "PSE"}
    assert {c for c, s in states.items() if s.kind == "participant"} == {"VAT", "PSE", "COK", "NIU"}
    assert states["SSD"].since == date(2011, 7, 9) and states["SSD"].un_since == date(2011, 7, 14)
    assert states["SUN"].continued_by == "RUS" and states["SCG"].continued_by == "SRB"


def test_the_states_counted_follow_statehood_not_un_membership():
    # Gleditsch and Ward: Switzerland since before 1816, both Koreas from 1948, the FRG from 1949
    in_1950 = set(ts.states_on("1950-01-01"))
    assert {"CHE", "KOR", "PRK", "DEU", "DDR", "CSK", "YUG"} <= in_1950
    assert "RVN" not in in_1950 and "YMD" not in in_1950
    in_1985 = set(ts.states_on("1985-01-01"))
    assert {"CHE", "PRK", "DDR", "CSK", "YUG", "YMD", "DEU"} <= in_1985 and "RVN" not in in_1985
    # UN Members before the list counts them independent were treaty parties: counted
    assert {"UKR", "BLR", "IND"} <= in_1950
    # a continued state counts under its continuer; "other" entities are never counted
    assert "SUN" not in in_1985 and "RUS" in in_1985
    assert not {"XKX", "TWN"} & set(ts.states_on("2026-01-01"))
    assert "PRK" in ts.parties("npt", "1986-01-01") and "PRK" not in ts.non_parties("npt", "1986-01-01")


def test_every_name_in_results_is_the_curated_name():
    assert ts.state_name("TR") == "Türkiye"
    assert ts.status("ivory coast", "apmbc", "2020-01-01").state_name == "Côte d'Ivoire"

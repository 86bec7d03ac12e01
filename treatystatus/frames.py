"""pandas tables: status tables, the long panel, and timelines (``pip install 'treatystatus[pandas]'``).

Column names and dtypes are stable and documented in ``docs/tables.md``: dates are
``datetime64[ns]`` (pandas dates; missing ones are ``NaT``), ``status`` is a
categorical with every status in a fixed order, ``is_party`` is the nullable
``boolean`` dtype (``<NA>`` where the status is unknown).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Iterable

from .dates import DateRange
from .errors import MissingExtraError
from .kinds import EventKind, Status

if TYPE_CHECKING:  # pragma: no cover
    import pandas

__all__ = ["to_frame", "panel", "MissingExtraError", "STATUS_ORDER", "STATUS_COLUMNS", "PANEL_COLUMNS"]

STATUS_ORDER = [s.value for s in Status]
KIND_ORDER = [k.value for k in EventKind]

#: the date fields of a status result: each is a column holding the day where the sources give
#: it (NaT otherwise), with ``<field>_earliest`` and ``<field>_latest`` beside it
DAY_FIELDS = ["signature", "consent", "entry_into_force", "provisional_application", "non_intention",
              "consent_revoked", "withdrawal_notified", "cessation", "withdrawal_effective", "withdrawal_revoked",
              "suspension"]
#: the columns of to_frame(), in order
STATUS_COLUMNS = (["state", "state_name", "treaty", "on", "status", "is_party", "possible", "consent_type",
                   "entry_basis"] + DAY_FIELDS + [f"{f}_{b}" for f in DAY_FIELDS for b in ("earliest", "latest")]
                  + ["data_as_of", "after_data_as_of"])
#: the columns of panel(), in order
PANEL_COLUMNS = ["state", "treaty", "date", "status", "is_party"]
TIMELINE_COLUMNS = ["state", "treaty", "date", "date_earliest", "date_latest", "precision", "kind", "effective",
                    "in_force", "ref", "source", "note"]
_DATES = {"on", "data_as_of", "date", "effective", "in_force", "date_earliest", "date_latest", *DAY_FIELDS,
          *(f"{f}_{b}" for f in DAY_FIELDS for b in ("earliest", "latest"))}


def _pandas() -> Any:
    try:
        import pandas
    except ImportError:
        raise MissingExtraError("pandas", "pandas") from None
    return pandas


def _typed(pd: Any, df: "pandas.DataFrame") -> "pandas.DataFrame":
    for col in df.columns:
        if col in _DATES:
            df[col] = pd.to_datetime(df[col]).astype("datetime64[ns]")
        elif col == "status":
            df[col] = pd.Categorical(df[col], categories=STATUS_ORDER)
        elif col in ("kind", "consent_type"):
            df[col] = pd.Categorical(df[col], categories=KIND_ORDER)
        elif col in ("is_party", "after_data_as_of"):
            df[col] = df[col].astype("boolean")
        else:
            df[col] = df[col].astype("string")
    return df


def _exact(v: Any) -> Any:
    return None if isinstance(v, DateRange) else v


def _lo(v: Any) -> Any:
    return v.earliest if isinstance(v, DateRange) else v


def _hi(v: Any) -> Any:
    return v.latest if isinstance(v, DateRange) else v


def results_frame(results: Iterable[Any]) -> "pandas.DataFrame":
    """A frame of status results, one row each, with the STATUS_COLUMNS."""
    pd = _pandas()
    rows = []
    for r in results:
        row = {"state": r.state, "state_name": r.state_name, "treaty": r.treaty, "on": r.on, "status": r.status.value,
               "is_party": r.is_party, "possible": ";".join(s.value for s in r.possible) or None,
               "consent_type": r.consent_type.value if r.consent_type else None, "entry_basis": r.entry_basis,
               "data_as_of": r.data_as_of, "after_data_as_of": r.after_data_as_of}
        for f in DAY_FIELDS:
            v = getattr(r, f)
            row[f], row[f"{f}_earliest"], row[f"{f}_latest"] = _exact(v), _lo(v), _hi(v)
        rows.append(row)
    return _typed(pd, pd.DataFrame(rows, columns=STATUS_COLUMNS))


def timeline_frame(timeline: Any) -> "pandas.DataFrame":
    """A frame of a timeline's events, one row each, with the TIMELINE_COLUMNS."""
    pd = _pandas()
    rows = [{"state": e.state, "treaty": e.treaty, "date": _exact(e.date), "date_earliest": e.earliest,
             "date_latest": e.latest, "precision": e.precision, "kind": e.kind.value, "effective": e.effective,
             "in_force": e.in_force, "ref": e.ref, "source": e.source, "note": e.note}
            for e in timeline.events]
    return _typed(pd, pd.DataFrame(rows, columns=TIMELINE_COLUMNS))


def to_frame(treaties: Iterable[str] | str | None = None, on: object = None,
             states: Iterable[str] | None = None) -> "pandas.DataFrame":
    """One row per state and treaty, with the status fields on the day ``on`` (default today).

    ``treaties``: ids or aliases (default: all); ``states``: codes or names (default:
    the current states that existed that day).
    """
    from . import queries

    _pandas()
    d = queries.to_date(on)
    tids = queries.treaty_ids() if treaties is None else [
        queries.resolve_treaty(t) for t in ([treaties] if isinstance(treaties, str) else treaties)]
    codes = queries.states_on(d) if states is None else [queries.resolve_state(s) for s in states]
    return results_frame(queries.status(c, t, d) for t in tids for c in codes)


def panel(treaties: Iterable[str] | str | None = None, start: object = "1945-01-01", end: object = None,
          freq: str = "year", states: Iterable[str] | None = None) -> "pandas.DataFrame":
    """The long panel (state, treaty, date, status, is_party) that political-science work uses.

    Dates: 1 January of each year, the 1st of each month, or every day (``freq``), from
    ``start`` to ``end`` (default today). States: on each date, the current states that
    existed then (UN members from their admission, the observer States, Cook Islands,
    Niue), unless ``states`` is given.
    """
    from .panels import panel_rows

    pd = _pandas()
    rows = list(panel_rows(treaties, start, end, freq, states))  # type: ignore[arg-type]
    df = pd.DataFrame.from_records([(r.state, r.treaty, r.date, r.status.value, r.is_party) for r in rows],
                                   columns=PANEL_COLUMNS)
    return _typed(pd, df)

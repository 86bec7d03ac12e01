"""pandas tables: status tables, the long panel, and timelines (``pip install 'treatystatus[pandas]'``).

Column names and dtypes are stable and documented in ``docs/tables.md``: dates are
``datetime64[ns]`` (pandas dates; missing ones are ``NaT``), ``status`` is a
categorical with every status in a fixed order, ``is_party`` is the nullable
``boolean`` dtype (``<NA>`` where the status is unknown).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Iterable

from .errors import TreatyStatusError
from .models import EventKind, Status

if TYPE_CHECKING:  # pragma: no cover
    import pandas

__all__ = ["to_frame", "panel", "MissingExtraError", "STATUS_ORDER", "STATUS_COLUMNS", "PANEL_COLUMNS"]

STATUS_ORDER = [s.value for s in Status]
KIND_ORDER = [k.value for k in EventKind]

#: the columns of to_frame(), in order
STATUS_COLUMNS = ["state", "state_name", "treaty", "on", "status", "is_party", "signature", "consent", "consent_type",
                  "entry_into_force", "provisional_application", "non_intention", "consent_revoked",
                  "withdrawal_notified", "withdrawal_effective", "withdrawal_revoked", "suspension",
                  "data_as_of", "after_data_as_of"]
#: the columns of panel(), in order
PANEL_COLUMNS = ["state", "treaty", "date", "status", "is_party"]
TIMELINE_COLUMNS = ["state", "treaty", "date", "kind", "precision", "effective", "in_force", "ref", "source", "note"]
_DATES = {"on", "signature", "consent", "entry_into_force", "provisional_application", "non_intention",
          "consent_revoked", "withdrawal_notified", "withdrawal_effective", "withdrawal_revoked", "suspension",
          "data_as_of", "date", "effective", "in_force"}


class MissingExtraError(TreatyStatusError, ImportError):
    """An optional extra is not installed; the message says which one to install."""

    def __init__(self, extra: str, module: str):
        super().__init__(f"this needs {module}, which is not installed: pip install 'treatystatus[{extra}]'")


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


def results_frame(results: Iterable[Any]) -> "pandas.DataFrame":
    """A frame of status results, one row each, with the STATUS_COLUMNS."""
    pd = _pandas()
    rows = []
    for r in results:
        d = r.model_dump(mode="python")
        rows.append({c: (d[c].value if hasattr(d[c], "value") else d[c]) for c in STATUS_COLUMNS})
    return _typed(pd, pd.DataFrame(rows, columns=STATUS_COLUMNS))


def timeline_frame(timeline: Any) -> "pandas.DataFrame":
    """A frame of a timeline's events, one row each, with the TIMELINE_COLUMNS."""
    pd = _pandas()
    rows = [{"state": e.state, "treaty": e.treaty, "date": e.date, "kind": e.kind.value, "precision": e.precision,
             "effective": e.effective, "in_force": e.in_force, "ref": e.ref, "source": e.source, "note": e.note}
            for e in timeline.events]
    return _typed(pd, pd.DataFrame(rows, columns=TIMELINE_COLUMNS))


def to_frame(treaties: Iterable[str] | str | None = None, on: object = None,
             states: Iterable[str] | None = None) -> "pandas.DataFrame":
    """One row per state and treaty, with the status fields on the day ``on`` (default today).

    ``treaties``: ids or aliases (default: all); ``states``: codes or names (default:
    the current states that existed that day).
    """
    from . import api
    from .store import dataset

    pd = _pandas()
    d = api.to_date(on)
    tids = [t.id for t in api.treaties()] if treaties is None else [
        api.treaty(t).id for t in ([treaties] if isinstance(treaties, str) else treaties)]
    codes = dataset().states.existing_on(d) if states is None else [api.resolve_state(s) for s in states]
    del pd
    return results_frame(api.status(c, t, d) for t in tids for c in codes)


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

"""treatystatus: who is bound by which multilateral treaty, since when, and on what source.

    >>> import treatystatus
    >>> treatystatus.is_party("Ukraine", "ottawa", on="2026-01-01")
    True

Importing the package reads no data; the first query loads and validates the
data files once.
"""

from __future__ import annotations

from ._version import __version__
from .api import (is_party, non_parties, parties, resolve_state, signatories, state_name, status, timeline,
                  treaties, treaties_of, treaty, withdrawal, consenting)
from .store import use_data
from .errors import (AmbiguousStateError, DataError, InvalidDateError, StatusUnknownError, TreatyStatusError,
                     UnknownStateError, UnknownTreatyError)
from .models import Event, EventKind, Results, Source, Status, StatusResult, Timeline, Treaty, WithdrawalResult

__all__ = [
    "__version__", "data_version", "data_as_of",
    "status", "is_party", "parties", "consenting", "signatories", "non_parties", "timeline", "treaty",
    "treaties", "treaties_of", "withdrawal", "resolve_state", "state_name", "use_data",
    "panel_rows", "status_changes",
    "TreatyStatusError", "UnknownStateError", "AmbiguousStateError", "UnknownTreatyError", "InvalidDateError",
    "StatusUnknownError", "DataError",
    "Event", "EventKind", "Results", "Source", "Status", "StatusResult", "Timeline", "Treaty", "WithdrawalResult",
    "to_frame", "panel", "plot_treaty", "plot_state",
]


def panel_rows(treaties=None, start="1945-01-01", end=None, freq="year", states=None):
    """Stream the long panel as rows (state, treaty, date, status, is_party), without pandas."""
    from .panels import panel_rows as _rows

    return _rows(treaties, start, end, freq, states)


def status_changes(state, treaty):
    """The days on which a state's status under a treaty changes, with the new status."""
    from .panels import status_changes as _changes

    return _changes(state, treaty)


def to_frame(treaties=None, on=None, states=None):
    """One row per state and treaty with the status fields on a day (needs ``treatystatus[pandas]``)."""
    from .frames import to_frame as _to_frame

    return _to_frame(treaties, on, states)


def panel(treaties=None, start="1945-01-01", end=None, freq="year", states=None):
    """The long state x treaty x date panel as a DataFrame (needs ``treatystatus[pandas]``)."""
    from .frames import panel as _panel

    return _panel(treaties, start, end, freq, states)


def plot_treaty(treaty, start=None, end=None, ax=None):
    """A chart of a treaty's parties over time (needs ``treatystatus[plot]``)."""
    from .plotting import plot_treaty as _plot

    return _plot(treaty, start, end, ax)


def plot_state(state, treaties=None, start=None, end=None, ax=None):
    """A chart of one state's history across treaties (needs ``treatystatus[plot]``)."""
    from .plotting import plot_state as _plot

    return _plot(state, treaties, start, end, ax)


def __getattr__(name: str):
    # data_version and data_as_of are read from the data on first access, not at import
    if name in ("data_version", "data_as_of"):
        from .store import dataset

        meta = dataset().meta
        return meta["data_version"] if name == "data_version" else meta["as_of"]
    raise AttributeError(f"module 'treatystatus' has no attribute {name!r}")

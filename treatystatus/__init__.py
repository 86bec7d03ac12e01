"""treatystatus: who is bound by which multilateral treaty, since when, and on what source.

    >>> import treatystatus
    >>> treatystatus.is_party("Ukraine", "ottawa", on="2026-01-01")
    True

Importing the package reads no data and imports none of its modules: each public name is
resolved on first use, and the first query reads the compiled index (building it once after
any change of the data).
"""

from ._version import __version__

__all__ = [
    "__version__", "data_version", "data_as_of",
    "status", "is_party", "parties", "consenting", "signatories", "non_parties", "timeline", "treaty",
    "treaties", "treaties_of", "withdrawal", "resolve_state", "state_name", "state_info", "states_on", "use_data", "history",
    "panel_rows", "status_changes",
    "TreatyStatusError", "UnknownStateError", "AmbiguousStateError", "UnknownTreatyError", "InvalidDateError",
    "StatusUnknownError", "DataError",
    "Event", "EventKind", "Results", "Source", "Status", "StatusResult", "Timeline", "WithdrawalResult",
    "StateList", "DateRange", "to_frame", "panel", "plot_treaty", "plot_state",
    "declarations", "accepting", "Declaration", "Declarations",
    "derogations", "derogating", "derogable", "notifications", "Derogation", "Derogations", "DerogatingList",
    "Derogability", "Notification", "changes", "Change", "Changes", "status_many", "export", "groups", "group", "plot_map",
]

#: where each public name lives
_WHERE = {
    **{n: "queries" for n in ("status", "is_party", "parties", "consenting", "signatories", "non_parties",
                               "timeline", "treaty", "treaties", "treaties_of", "withdrawal", "resolve_state",
                               "state_name", "state_info", "states_on", "history", "status_changes",
                               "declarations", "accepting", "derogations", "derogating", "derogable",
                               "notifications", "changes", "status_many", "groups", "group")},
    "use_data": "index",
    "panel_rows": "panels",
    **{n: "errors" for n in ("TreatyStatusError", "UnknownStateError", "AmbiguousStateError", "UnknownTreatyError",
                              "InvalidDateError", "StatusUnknownError", "DataError")},
    "Event": "records", "Source": "records", "Notification": "records", "EventKind": "kinds", "Status": "kinds",
    **{n: "results" for n in ("Results", "StatusResult", "Timeline", "WithdrawalResult", "StateList", "Declaration",
                              "Declarations", "Derogation", "Derogations", "DerogatingList", "Derogability",
                              "Change", "Changes")},
    "DateRange": "dates",
    "export": "export",
    "to_frame": "frames", "panel": "frames", "plot_treaty": "plotting", "plot_state": "plotting", "plot_map": "plotting",
}


def __getattr__(name: str):
    if name in ("data_version", "data_as_of"):
        from .index import current

        meta = current().meta
        return meta["data_version"] if name == "data_version" else meta["as_of"]
    where = _WHERE.get(name)
    if where is None:
        raise AttributeError(f"module 'treatystatus' has no attribute {name!r}")
    value = getattr(__import__(f"{__name__}.{where}", fromlist=[name]), name)
    globals()[name] = value  # later look-ups skip this function
    return value


def __dir__():
    return sorted(__all__)

"""The law, in one place: pure functions and rule objects, no I/O and no English.

Handed a treaty's rules and a state's records, the engine returns that state's
:class:`History` (ordered segments with their status and the facts behind each) and, for a
notice of withdrawal, a :class:`Decision`. It imports only ``dates``, ``kinds``,
``records``, ``frozen`` and ``errors``; it never looks anything up.

Modules: ``clauses`` (periods and the nodes of a withdrawal clause), ``consent`` (entry into
force for a state), ``withdrawal`` (the clause as a rule and the planner), ``model`` (the
history and its segments), ``history`` (``replay``), ``parents`` (``compose``: protocols and their parents), ``declarations`` (which stand on a day).
Names are imported on first use, so that reading a history needs ``model`` alone.
"""

_WHERE = {
    **{n: "clauses" for n in ("Period", "OnDate", "DaysAfter", "MonthsAfter", "YearsAfter", "FirstDayOfNthMonthAfter",
                               "FirstDayOfMonthAfterDays", "period", "PERIOD_KINDS", "Context", "OPEN", "UNKNOWN",
                               "Node", "AfterNotice", "NamedDay", "Later", "EventEnd", "IfInConflict", "Windows",
                               "MinimumMembership", "NoWithdrawalClause", "Expiry", "ImmediateInConflict")},
    **{n: "consent" for n in ("EntryRule", "Entry", "entry_into_force")},
    **{n: "model" for n in ("TreatyRules", "Facts", "Parent", "Segment", "History", "is_party_of", "sort_key", "on_list")},
    **{n: "history" for n in ("replay", "MAX_UNCERTAIN")},
    **{n: "parents" for n in ("compose", "combine")},
    **{n: "declarations" for n in ("DeclarationSpell", "spells", "stands_on")},
    **{n: "withdrawal" for n in ("WithdrawalRule", "ConflictClause", "Decision", "plan", "build_effect",
                                  "standing_of")},
}

__all__ = sorted(_WHERE)


def __getattr__(name: str):
    where = _WHERE.get(name)
    if where is None:
        raise AttributeError(f"module 'treatystatus.rules' has no attribute {name!r}")
    value = getattr(__import__(f"{__name__}.{where}", fromlist=[name]), name)
    globals()[name] = value
    return value


def __dir__():
    return __all__

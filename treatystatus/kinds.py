"""The vocabulary every layer shares: kinds of act and statuses.

The values are plain tuples (``STATUS_VALUES``, ``KIND_VALUES``); the enums ``Status`` and
``EventKind`` and the sets built from them are made on first use, so that a command that
only prints a status never imports :mod:`enum`.
"""

__all__ = ["EventKind", "Status", "CONSENT_KINDS", "BOUND", "UNSETTLED", "STATUS_CODES", "KIND_CODES",  # noqa: F822
           "STATUS_VALUES", "KIND_VALUES", "BOUND_CODES", "UNSETTLED_CODES"]

#: every kind of act or record the data hold for a state and a treaty, in order
KIND_VALUES = (
    "signature", "ratification", "acceptance", "approval", "accession", "succession",
    "consent",                   # consent to be bound notified without a named instrument (UNTC suffix "P")
    "instrument",                # an instrument of consent whose kind the source does not give
    "provisional-application",
    "non-intention",             # a signatory's notice that it does not intend to become a party
    "withdrawal",                # a notice of withdrawal (or denunciation) received by the depositary
    "withdrawal-revoked",        # a notice of withdrawal itself withdrawn before it took effect
    "consent-revoked",           # an instrument of consent revoked, the signature standing
    "suspension",                # a notice that a state suspends the treaty (changes no status by itself)
    "communication",             # a deposited communication that changes no status
    "announcement",              # a government's announcement or decision: not a deposited act
    "gap",                       # a fact known to be missing from the data: the status cannot be told
    "declaration",               # a declaration under an article of the treaty (article=, value=): no status
    "declaration-withdrawn",     # that declaration withdrawn (or lapsed at the end of its stated period)
)

#: a state's standing under a treaty on one day, in order (docs/data-model.md)
STATUS_VALUES = (
    "not-signed",
    "not-party",                 # no consent on record, for a treaty whose signatures are not all recorded
    "signatory",
    "signatory-not-intending",
    "consented",                 # consent deposited, not (yet) in force for the state
    "party",
    "withdrawal-pending",
    "withdrawn",
    "withdrawal-disputed",       # a withdrawal whose legal effect is disputed (is_party is None)
    "consent-revoked",
    "unknown",                   # the data record a gap
    "state-ceased",              # the state no longer existed that day
    "treaty-terminated",         # the treaty itself had expired or been terminated
    "undecided",                 # depends on a day (or a fact) the sources do not give
    "state-not-yet",             # the state did not exist yet that day (and had no act on record)
)

#: compact integer codes, used by the compiled index
STATUS_CODES_BY_VALUE = {v: i for i, v in enumerate(STATUS_VALUES)}
KIND_CODES_BY_VALUE = {v: i for i, v in enumerate(KIND_VALUES)}
#: the codes of the statuses under which the treaty is in force for the state
BOUND_CODES = frozenset({STATUS_CODES_BY_VALUE["party"], STATUS_CODES_BY_VALUE["withdrawal-pending"]})
#: the codes of the statuses that are neither "party" nor "not a party"
UNSETTLED_CODES = frozenset({STATUS_CODES_BY_VALUE[v] for v in ("unknown", "withdrawal-disputed", "undecided")})

#: the facts of a history segment that are records, in the order the compiled index stores them
FACT_EVENTS = ("signature", "consent", "provisional", "non_intention", "consent_revoked", "withdrawal",
               "withdrawal_revoked", "suspension", "gap", "revoked_consent")

#: the kinds that record declarations under an article: they change no status
DECLARATION_VALUES = ("declaration", "declaration-withdrawn")

_CONSENT_VALUES = ("ratification", "acceptance", "approval", "accession", "succession", "consent", "instrument")


def _make() -> dict:
    from enum import StrEnum

    EventKind = StrEnum("EventKind", [(v.upper().replace("-", "_"), v) for v in KIND_VALUES], module=__name__)
    EventKind.__doc__ = "Every kind of act or record the data hold for a state and a treaty (docs/data-model.md)."
    Status = StrEnum("Status", [(_status_name(v), v) for v in STATUS_VALUES], module=__name__)
    Status.__doc__ = "A state's standing under a treaty on one day (docs/data-model.md)."
    return {
        "EventKind": EventKind, "Status": Status,
        "CONSENT_KINDS": frozenset(EventKind(v) for v in _CONSENT_VALUES),
        "BOUND": frozenset({Status.PARTY, Status.WITHDRAWAL_PENDING}),
        "UNSETTLED": frozenset({Status.UNKNOWN, Status.WITHDRAWAL_DISPUTED, Status.UNDECIDED}),
        "STATUS_CODES": {s: i for i, s in enumerate(Status)},
        "KIND_CODES": {k: i for i, k in enumerate(EventKind)},
    }


def _status_name(v: str) -> str:
    return {"signatory-not-intending": "NOT_INTENDING", "state-ceased": "CEASED",
            "treaty-terminated": "TERMINATED", "state-not-yet": "NOT_YET"}.get(v, v.upper().replace("-", "_"))


_lock = __import__("_thread").allocate_lock()


def __getattr__(name: str):
    if name in ("EventKind", "Status", "CONSENT_KINDS", "BOUND", "UNSETTLED", "STATUS_CODES", "KIND_CODES"):
        with _lock:  # made once: every thread sees the same classes
            if "Status" not in globals():
                globals().update(_make())
        return globals()[name]
    raise AttributeError(f"module 'treatystatus.kinds' has no attribute {name!r}")

"""The vocabulary every layer shares: kinds of act and statuses (plain enums, no dependencies)."""

from enum import StrEnum

__all__ = ["EventKind", "Status", "CONSENT_KINDS", "BOUND", "UNSETTLED", "STATUS_CODES", "KIND_CODES"]


class EventKind(StrEnum):
    """Every kind of act or record the data hold for a state and a treaty."""

    SIGNATURE = "signature"
    RATIFICATION = "ratification"
    ACCEPTANCE = "acceptance"
    APPROVAL = "approval"
    ACCESSION = "accession"
    SUCCESSION = "succession"
    #: consent to be bound notified without a named instrument (UNTC suffix "P")
    CONSENT = "consent"
    #: an instrument of consent whose kind (ratification, accession, succession) the source
    #: does not give
    INSTRUMENT = "instrument"
    PROVISIONAL_APPLICATION = "provisional-application"
    #: a signatory's notice that it does not intend to become a party
    NON_INTENTION = "non-intention"
    #: a notice of withdrawal (or denunciation) received by the depositary
    WITHDRAWAL = "withdrawal"
    #: a notice of withdrawal itself withdrawn before it took effect
    WITHDRAWAL_REVOKED = "withdrawal-revoked"
    #: an instrument of consent revoked, the signature standing
    CONSENT_REVOKED = "consent-revoked"
    #: a notice that a state suspends the operation of the treaty (not a withdrawal;
    #: it changes no status under the treaty's own terms)
    SUSPENSION = "suspension"
    #: a deposited communication that changes no status (kept for the record)
    COMMUNICATION = "communication"
    #: a government's announcement or decision: not an act deposited with the depositary
    ANNOUNCEMENT = "announcement"
    #: a fact known to be missing from the data: the status cannot be told
    GAP = "gap"


CONSENT_KINDS = frozenset({
    EventKind.RATIFICATION, EventKind.ACCEPTANCE, EventKind.APPROVAL,
    EventKind.ACCESSION, EventKind.SUCCESSION, EventKind.CONSENT, EventKind.INSTRUMENT,
})


class Status(StrEnum):
    """A state's standing under a treaty on one day. See ``docs/data-model.md``."""

    NOT_SIGNED = "not-signed"
    #: no instrument of consent on record, for a treaty whose signatures the data do not
    #: record completely: not a party, and whether it signed is not known
    NOT_PARTY = "not-party"
    SIGNATORY = "signatory"
    #: signed, then notified that it does not intend to become a party
    NOT_INTENDING = "signatory-not-intending"
    #: consent to be bound deposited, not (yet) in force for the state
    CONSENTED = "consented"
    PARTY = "party"
    WITHDRAWAL_PENDING = "withdrawal-pending"
    WITHDRAWN = "withdrawn"
    #: a withdrawal whose legal effect is disputed (is_party is None)
    WITHDRAWAL_DISPUTED = "withdrawal-disputed"
    #: consent revoked before the treaty bound the state; the signature stands
    CONSENT_REVOKED = "consent-revoked"
    #: the data record a gap: not known
    UNKNOWN = "unknown"
    #: the state no longer existed on that day (its treaty relations ended or passed on)
    CEASED = "state-ceased"
    #: the treaty itself had expired or been terminated
    TERMINATED = "treaty-terminated"
    #: the status depends on a day (or a fact) the sources do not give: one of several
    #: statuses, listed with the bounds and the reason
    UNDECIDED = "undecided"


#: the statuses under which the treaty is in force for the state
BOUND = frozenset({Status.PARTY, Status.WITHDRAWAL_PENDING})
#: the statuses that are neither "party" nor "not a party"
UNSETTLED = frozenset({Status.UNKNOWN, Status.WITHDRAWAL_DISPUTED, Status.UNDECIDED})

#: compact integer codes, used by the compiled index
STATUS_CODES = {s: i for i, s in enumerate(Status)}
KIND_CODES = {k: i for i, k in enumerate(EventKind)}

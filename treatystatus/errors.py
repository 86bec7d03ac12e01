"""Exceptions raised by treatystatus.

Every error a user can cause by their input is a :class:`TreatyStatusError`
(itself a :class:`ValueError`), so one ``except`` clause catches them all. The
command-line interface prints the message of any of them on one line of
standard error and exits with status 2.
"""

from __future__ import annotations


class TreatyStatusError(ValueError):
    """Base class of every error treatystatus raises on bad input or data."""


class UnknownStateError(TreatyStatusError):
    """The text does not name a state treatystatus knows.

    ``suggestions`` holds close matches (state codes), possibly empty.
    """

    def __init__(self, query: str, suggestions: tuple[str, ...] = (), reason: str | None = None):
        self.query = query
        self.suggestions = suggestions
        msg = f"unknown state {query!r}"
        if reason:
            msg += f": {reason}"
        if suggestions:
            msg += "; did you mean " + ", ".join(suggestions) + "?"
        super().__init__(msg)


class AmbiguousStateError(TreatyStatusError):
    """The text could name more than one state; ``candidates`` lists their codes."""

    def __init__(self, query: str, candidates: tuple[str, ...], names: tuple[str, ...] = ()):
        self.query = query
        self.candidates = candidates
        shown = [f"{c} ({n})" for c, n in zip(candidates, names)] if len(names) == len(candidates) else list(candidates)
        super().__init__(
            f"ambiguous state {query!r}: it could be " + ", ".join(shown) + "; use a code or the full name"
        )


class UnknownTreatyError(TreatyStatusError):
    """The text does not name a treaty in the data."""

    def __init__(self, query: str, suggestions: tuple[str, ...] = ()):
        self.query = query
        self.suggestions = suggestions
        msg = f"unknown treaty {query!r}"
        if suggestions:
            msg += "; did you mean " + ", ".join(suggestions) + "?"
        msg += " (`treatystatus treaties` lists them)"
        super().__init__(msg)


class InvalidDateError(TreatyStatusError):
    """A date argument is not a date or an ISO 8601 ``YYYY-MM-DD`` string."""

    def __init__(self, value: object, reason: str | None = None):
        self.value = value
        super().__init__(f"invalid date {value!r}: " + (reason or "accepted forms: 2025-12-27, 20251227, "
                                                                 "27 December 2025, 27 Dec 2025, December 27, 2025"))


class StatusUnknownError(TreatyStatusError):
    """The data record a gap for this state and treaty: the answer is not known.

    Raised by :func:`treatystatus.is_party`, which must answer yes or no;
    :func:`treatystatus.status` instead returns ``status="unknown"``.
    """


class DataError(TreatyStatusError):
    """The data files are broken. ``problems`` lists ``(file, line, message)``."""

    def __init__(self, problems: list[tuple[str, int, str]]):
        self.problems = problems
        first = problems[0]
        more = f" (and {len(problems) - 1} more problems)" if len(problems) > 1 else ""
        super().__init__(f"{first[0]}:{first[1]}: {first[2]}{more}")


class MissingExtraError(TreatyStatusError, ImportError):
    """An optional extra is not installed; the message says which one to install."""

    def __init__(self, extra: str, module: str):
        super().__init__(f"this needs {module}, which is not installed: pip install 'treatystatus[{extra}]'")

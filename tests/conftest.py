import os
import tempfile

from hypothesis import HealthCheck, settings

# The compiled index goes to a folder of this test run, so that the tests neither read a
# cache left by another run nor write into the installed package (tests/test_index.py
# checks the default places).
os.environ.setdefault("TREATYSTATUS_CACHE", tempfile.mkdtemp(prefix="treatystatus-test-cache-"))

# Property-based tests: the "ci" profile (the default) runs 300 examples per test from a fixed
# seed, so that every run checks the same cases in bounded time; the "long" profile draws
# 2,000 fresh examples per test (HYPOTHESIS_PROFILE=long pytest tests/test_properties.py).
settings.register_profile("ci", max_examples=300, derandomize=True, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("long", max_examples=2000, derandomize=False, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


def pytest_report_header(config):
    """Say which copy of the library the run tests: the checkout's source (``python -m pytest``
    puts the working directory first on the path, as an editable install does) or an installed
    copy (plain ``pytest`` after ``pip install '.[test]'``, as .ci/run does)."""
    from pathlib import Path

    import treatystatus

    where = Path(treatystatus.__file__).resolve().parent
    checkout = Path(__file__).resolve().parent.parent / "treatystatus"
    which = "the checkout's source" if where == checkout else "an installed copy"
    return f"treatystatus under test: {where} ({which}), version {treatystatus.__version__}"

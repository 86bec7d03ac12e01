from hypothesis import HealthCheck, settings

# Property-based tests run with a fixed seed and a bounded number of examples,
# so that every run (and CI) checks the same cases in bounded time.
settings.register_profile("treatystatus", max_examples=60, derandomize=True, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("treatystatus")

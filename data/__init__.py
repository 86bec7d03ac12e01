"""The curated data files of treatystatus (read with importlib.resources; no code here)."""

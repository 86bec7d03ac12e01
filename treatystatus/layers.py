"""Data directories: the shipped data, and users' directories laid over them.

A user directory has the same layout as ``data/`` and may hold any of its files (see
``docs/user-data.md``). This module only finds and reads files; what replaces what is
decided when the index is built.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import Any, Iterable

__all__ = ["Layer", "shipped_root", "stack", "fingerprint", "overlay_paths_from_env", "DATA_FILES"]

#: the files of a data directory that the index reads
DATA_FILES = ("meta.toml", "sources.toml", "states.txt", "names.txt")


class Layer:
    """One data directory: the shipped data, or a user's directory laid over them."""

    def __init__(self, root: Any, label: str, user: bool):
        self.root, self.label, self.user = root, label, user

    def path(self, rel: str) -> Any:
        return self.root.joinpath(*rel.split("/"))

    def read(self, rel: str) -> str:
        return self.path(rel).read_text(encoding="utf-8")

    def exists(self, rel: str) -> bool:
        return self.path(rel).is_file()

    def where(self, rel: str) -> str:
        return f"{self.label}/{rel}"

    def names(self, folder: str, suffix: str) -> list[str]:
        """The file names in ``folder`` ending in ``suffix``, sorted."""
        d = self.path(folder)
        if not d.is_dir():
            return []
        return sorted(p.name for p in d.iterdir() if p.name.endswith(suffix))

    def files(self) -> Iterable[str]:
        """Every data file of the directory, as relative paths."""
        for rel in DATA_FILES:
            if self.exists(rel):
                yield rel
        for name in self.names("treaties", ".toml"):
            yield f"treaties/{name}"
        for name in self.names("events", ".txt"):
            yield f"events/{name}"


def shipped_root() -> Any:
    """The installed data: the ``treatystatus/data`` package directory (or, run from a checkout, ``data/``)."""
    here = Path(__file__).resolve().parent
    for root in (here / "data", here.parent / "data"):
        if (root / "meta.toml").is_file():
            return root
    from importlib import resources

    return resources.files("treatystatus.data")


def stack(root: Any, overlays: Iterable[tuple[Any, str]] = (), label: str = "data") -> list[Layer]:
    return [Layer(root, label, False)] + [Layer(r, lab, True) for r, lab in overlays]


def overlay_paths_from_env() -> list[Path]:
    env = os.environ.get("TREATYSTATUS_DATA", "")
    return [Path(p) for p in env.split(os.pathsep) if p]


def fingerprint(layers: list[Layer], salt: str) -> str:
    """A hash of every data file of every layer (names and contents), and ``salt`` (the version)."""
    h = hashlib.blake2b(digest_size=16)
    h.update(salt.encode())
    for layer in layers:
        h.update(b"\0layer\0" + layer.label.encode() + (b"\0user" if layer.user else b""))
        for rel in layer.files():
            h.update(b"\0" + rel.encode() + b"\0")
            h.update(layer.path(rel).read_bytes())
    return h.hexdigest()

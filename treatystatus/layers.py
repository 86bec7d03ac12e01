"""Data directories: the shipped data, and users' directories laid over them.

A user directory has the same layout as ``data/`` and may hold any of its files (see
``docs/user-data.md``). This module only finds, lists and reads files; what replaces what is
decided when the index is built. It uses ``os`` alone, so that checking whether the cached
index is still current costs a few ``stat`` calls.
"""

from __future__ import annotations

import os

__all__ = ["Layer", "shipped_root", "stack", "fingerprint", "manifest", "treaty_signature", "overlay_paths_from_env",
           "DATA_FILES"]

#: the files of a data directory that the index reads
DATA_FILES = ("meta.toml", "sources.toml", "states.txt", "names.txt", "groups.txt")
_FOLDERS = (("treaties", ".toml"), ("events", ".txt"), ("derogations", ".txt"))


class Layer:
    """One data directory: the shipped data, or a user's directory laid over them."""

    __slots__ = ("root", "label", "user")

    def __init__(self, root: object, label: str, user: bool):
        self.root, self.label, self.user = os.fspath(root), label, user  # type: ignore[arg-type]

    def path(self, rel: str) -> str:
        return os.path.join(self.root, *rel.split("/"))

    def read(self, rel: str) -> str:
        with open(self.path(rel), encoding="utf-8") as f:
            return f.read()

    def exists(self, rel: str) -> bool:
        return os.path.isfile(self.path(rel))

    def where(self, rel: str) -> str:
        return f"{self.label}/{rel}"

    def names(self, folder: str, suffix: str) -> list[str]:
        """The file names in ``folder`` ending in ``suffix``, sorted."""
        try:
            return sorted(e.name for e in os.scandir(self.path(folder)) if e.name.endswith(suffix) and e.is_file())
        except (FileNotFoundError, NotADirectoryError):
            return []

    def files(self) -> list[str]:
        """Every data file of the directory, as relative paths."""
        out = [rel for rel in DATA_FILES if self.exists(rel)]
        for folder, suffix in _FOLDERS:
            out += [f"{folder}/{n}" for n in self.names(folder, suffix)]
        return out


def shipped_root() -> str:
    """The installed data: the ``treatystatus/data`` package directory (or, run from a checkout, ``data/``)."""
    here = os.path.dirname(os.path.abspath(__file__))
    for root in (os.path.join(here, "data"), os.path.join(os.path.dirname(here), "data")):
        if os.path.isfile(os.path.join(root, "meta.toml")):
            return root
    from importlib import resources

    return str(resources.files("treatystatus.data"))


def stack(root: object, overlays: object = (), label: str = "data") -> list[Layer]:
    return [Layer(root, label, False)] + [Layer(r, lab, True) for r, lab in overlays]  # type: ignore[attr-defined]


def overlay_paths_from_env() -> list[str]:
    env = os.environ.get("TREATYSTATUS_DATA", "")
    return [p for p in env.split(os.pathsep) if p]


def _stat(path: str) -> str:
    try:
        st = os.stat(path)
    except OSError:
        return "-"
    return f"{st.st_size}:{st.st_mtime_ns}:{st.st_ino}"


def manifest(layers: list[Layer]) -> str:
    """What changes whenever a shared data file is edited, added, removed or replaced, or a
    treaty's file is added or removed: the ``stat`` of ``meta.toml``, ``sources.toml``,
    ``states.txt`` and ``names.txt``, and the names of the treaties' and events' files. The
    treaties' own files are checked when a treaty is read (:func:`treaty_signature`), so
    that the cost of this check does not grow with the number of treaties."""
    rows = []
    for layer in layers:
        rows.append(f"@{layer.label}{'/user' if layer.user else ''}")
        rows += [f"{rel}\t{_stat(layer.path(rel))}" for rel in DATA_FILES]
        for folder, suffix in _FOLDERS:
            try:
                rows.append(folder + "\t" + " ".join(sorted(e.name for e in os.scandir(layer.path(folder))
                                                           if e.name.endswith(suffix))))
            except (FileNotFoundError, NotADirectoryError):
                rows.append(folder + "\t-")
    return "\n".join(rows)


def treaty_signature(layers: list[Layer], tid: str) -> str:
    """The ``stat`` of one treaty's files, in every layer."""
    return "|".join(f"{_stat(layer.path(f'treaties/{tid}.toml'))},{_stat(layer.path(f'events/{tid}.txt'))}"
                    f",{_stat(layer.path(f'derogations/{tid}.txt'))}" for layer in layers)


def fingerprint(layers: list[Layer], salt: str) -> str:
    """A hash of every data file of every layer (names and contents), and ``salt`` (the version)."""
    import hashlib

    h = hashlib.blake2b(digest_size=16)
    h.update(salt.encode())
    for layer in layers:
        h.update(b"\0layer\0" + layer.label.encode() + (b"\0user" if layer.user else b""))
        for rel in layer.files():
            h.update(b"\0" + rel.encode() + b"\0")
            with open(layer.path(rel), "rb") as f:
                h.update(f.read())
    return h.hexdigest()

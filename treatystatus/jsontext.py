"""JSON text of plain values, written without the :mod:`json` module (which a command would
otherwise import, with the regular expression engine, only to print one answer)."""

__all__ = ["dumps"]

_ESCAPES = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f"}


def _string(s: str) -> str:
    if not any(c in _ESCAPES or c < " " for c in s):
        return f'"{s}"'
    return '"' + "".join(_ESCAPES.get(c) or (f"\\u{ord(c):04x}" if c < " " else c) for c in s) + '"'


def dumps(v: object, indent: int | None = 2, _level: int = 0) -> str:
    """JSON text of plain values, as ``json.dumps(v, ensure_ascii=False, indent=indent)`` writes it
    (the tests check that they agree); it spares a command the import of :mod:`json`."""
    if v is None:
        return "null"
    if v is True:
        return "true"
    if v is False:
        return "false"
    if isinstance(v, str):
        return _string(v)
    if isinstance(v, (int, float)):
        return repr(v) if isinstance(v, int) else float.__repr__(v)
    if isinstance(v, dict):
        if not v:
            return "{}"
        items = [f"{_string(str(k))}: {dumps(x, indent, _level + 1)}" for k, x in v.items()]
    elif isinstance(v, (list, tuple)):
        if not v:
            return "[]"
        items = [dumps(x, indent, _level + 1) for x in v]
    else:
        raise TypeError(f"not JSON: {type(v).__name__}")
    open_, close = ("{", "}") if isinstance(v, dict) else ("[", "]")
    if indent is None:
        return open_ + ", ".join(items) + close
    pad, inner = " " * (indent * _level), " " * (indent * (_level + 1))
    return open_ + "\n" + ",\n".join(inner + i for i in items) + "\n" + pad + close

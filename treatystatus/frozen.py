"""A base for small frozen records: named fields with defaults, equality, hashing, a repr.

The library's records are defined with this instead of ``dataclasses`` so that importing
them generates no code and imports nothing (``dataclasses`` pulls in ``inspect``; each
decorated class costs an ``exec``): the first query in a new process stays close to the
interpreter's own start.

    class Point(Frozen):
        __slots__ = ("x", "y")
        _defaults = {"y": 0}
"""

__all__ = ["Frozen"]

_MISSING = object()


class Frozen:
    __slots__ = ()
    #: default values of the fields that have one (the fields are the class's ``__slots__``,
    #: its bases' first)
    _defaults: dict = {}

    def __init_subclass__(cls, **kw) -> None:
        super().__init_subclass__(**kw)
        names: list[str] = []
        for klass in reversed(cls.__mro__):
            for n in klass.__dict__.get("__slots__", ()):
                if n not in names:
                    names.append(n)
        cls._fields = tuple(names)
        defaults: dict = {}
        for klass in reversed(cls.__mro__):
            defaults.update(klass.__dict__.get("_defaults", {}))
        cls._all_defaults = defaults
        if "__init__" not in cls.__dict__:
            cls.__init__ = _first_init  # type: ignore[assignment]

    def __init__(self, *args, **kwargs) -> None:
        fields = self._fields
        if len(args) > len(fields):
            raise TypeError(f"{type(self).__name__} takes at most {len(fields)} arguments")
        setter = object.__setattr__
        defaults = self._all_defaults
        for i, name in enumerate(fields):
            if i < len(args):
                if name in kwargs:
                    raise TypeError(f"{type(self).__name__} got two values for {name!r}")
                value = args[i]
            else:
                value = kwargs.pop(name, _MISSING)
                if value is _MISSING:
                    value = defaults.get(name, _MISSING)
                    if value is _MISSING:
                        raise TypeError(f"{type(self).__name__} needs {name!r}")
                    if isinstance(value, (list, dict, set)):
                        value = type(value)(value)
            setter(self, name, value)
        if kwargs:
            raise TypeError(f"{type(self).__name__} has no field {next(iter(kwargs))!r}")
        post = getattr(self, "_post_init", None)
        if post is not None:
            post()

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"{type(self).__name__} is immutable")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"{type(self).__name__} is immutable")

    def _values(self) -> tuple:
        return tuple(getattr(self, n) for n in self._fields if not n.startswith("_"))

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return self._values() == other._values()  # type: ignore[attr-defined]

    def __ne__(self, other: object) -> bool:
        eq = self.__eq__(other)
        return eq if eq is NotImplemented else not eq

    def __hash__(self) -> int:
        return hash((self.__class__, self._values()))

    def __repr__(self) -> str:
        shown = ", ".join(f"{n}={getattr(self, n)!r}" for n in self._fields
                          if not n.startswith("_") and getattr(self, n) != self._all_defaults.get(n, _MISSING))
        return f"{type(self).__name__}({shown})"

    def __reduce__(self):
        return (_rebuild, (self.__class__, tuple(getattr(self, n) for n in self._fields)))

    def _replace(self, **changes):
        """A copy with some fields changed."""
        values = {n: getattr(self, n) for n in self._fields}
        values.update(changes)
        return self.__class__(**values)


def _rebuild(cls, values):
    return cls(*values)


def _first_init(self, *args, **kwargs) -> None:
    """On a class's first instance, write its own ``__init__`` (one ``exec``, paid once and only
    for the classes a program uses), then call it."""
    cls = type(self)
    if cls.__init__ is _first_init:
        cls.__init__ = _compiled_init(cls)  # type: ignore[assignment]
    cls.__init__(self, *args, **kwargs)


def _compiled_init(cls):
    fields, defaults = cls._fields, cls._all_defaults
    seen_default = False
    for n in fields:
        if n in defaults:
            seen_default = True
        elif seen_default:  # a required field after one with a default: the generic form
            return Frozen.__init__
    env = {"_set": object.__setattr__}
    params, body = [], []
    for i, n in enumerate(fields):
        if n in defaults:
            env[f"_d{i}"] = defaults[n]
            params.append(f"{n}=_d{i}")
        else:
            params.append(n)
        body.append(f"    _set(self, {n!r}, {n})")
    if getattr(cls, "_post_init", None) is not None:
        body.append("    self._post_init()")
    src = f"def __init__(self, {', '.join(params)}):\n" + "\n".join(body or ["    pass"]) + "\n"
    exec(src, env)
    init = env["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    return init

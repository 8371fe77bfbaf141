"""Portable JSON for generator states: save in Python, resume in JavaScript (and back).

The JSON holds the same dict as ``bit_generator.state`` (numpy's format), arrays as lists. Fields wider
than 32 bits are always decimal strings, so JavaScript reads them exactly with ``BigInt``; every other
integer is a JSON number. The table below is the whole format (docs/ARCHITECTURE.md).
"""

import json
import re

import numpy as np

# field path -> how it is stored: "bigint" (one decimal string), "uint64[]" (list of decimal
# strings), "uint32[]" / "uint8[]" (list of numbers), "int" (one JSON number). Every integer field of
# every state is listed, so ``state_from_json`` checks the type of each.
FIELDS = {
    "PCG64": {("state", "state"): "bigint", ("state", "inc"): "bigint", ("has_uint32",): "int", ("uinteger",): "int"},
    "PCG64DXSM": {("state", "state"): "bigint", ("state", "inc"): "bigint", ("has_uint32",): "int",
                  ("uinteger",): "int"},
    "MT19937": {("state", "key"): "uint32[]", ("state", "pos"): "int"},
    "Philox": {("state", "counter"): "uint64[]", ("state", "key"): "uint64[]", ("buffer",): "uint64[]",
               ("buffer_pos",): "int", ("has_uint32",): "int", ("uinteger",): "int"},
    "Philox4x32": {("state", "counter"): "uint32[]", ("state", "key"): "uint32[]", ("buffer",): "uint32[]",
                   ("buffer_pos",): "int"},
    "Threefry": {("state", "counter"): "uint64[]", ("state", "key"): "uint64[]", ("buffer",): "uint64[]",
                 ("buffer_pos",): "int", ("has_uint32",): "int", ("uinteger",): "int"},
    "Threefry2x32": {("state", "counter"): "uint32[]", ("state", "key"): "uint32[]", ("buffer",): "uint32[]",
                     ("buffer_pos",): "int"},
    "SFC64": {("state", "state"): "uint64[]", ("has_uint32",): "int", ("uinteger",): "int"},
    "MidSquare": {("state", "value"): "bigint", ("state", "digits"): "int"},
    "MiddleSquareWeyl": {("state", "x"): "bigint", ("state", "w"): "bigint", ("state", "s"): "bigint"},
    "ARC4": {("state", "i"): "int", ("state", "j"): "int", ("state", "S"): "uint8[]"},
}
ARRAY_DTYPES = {"uint64[]": np.uint64, "uint32[]": np.uint32, "uint8[]": np.uint8}
WIDE = ("bigint", "uint64[]")
DECIMAL = re.compile("[0-9]{1,40}")  # digits only (no sign, space or underscore); 2**128 has 39


def _fields_for(state):
    """The field table of a state dict's generator; a clear error for anything else."""
    if not isinstance(state, dict):
        raise TypeError(f"state must be a dict, not {type(state).__name__}")
    name = state.get("bit_generator")
    if not isinstance(name, str) or name not in FIELDS:
        raise ValueError(f"state['bit_generator'] must be one of {sorted(FIELDS)}, got {name!r}")
    return FIELDS[name]


def _where(path):
    """``state['state']['inc']`` for the path ``("state", "inc")``."""
    return "state" + "".join(f"[{p!r}]" for p in path)


def _map_fields(state, fields, convert):
    """A copy of ``state`` with ``convert(kind, value, path)`` applied to each field in ``fields``."""
    out = {k: (dict(v) if isinstance(v, dict) else v) for k, v in state.items()}
    for path, kind in fields.items():
        parent = out
        for key in path[:-1]:
            parent = parent.get(key) if isinstance(parent, dict) else None
        if not isinstance(parent, dict) or path[-1] not in parent:
            raise ValueError(f"state is missing {_where(path)}")
        parent[path[-1]] = convert(kind, parent[path[-1]], path)
    return out


def _to_portable(kind, value, path):
    if kind == "int":
        return int(value)
    if kind == "bigint":
        return str(int(value))
    words = [int(v) for v in np.asarray(value).ravel().tolist()]
    return [str(w) for w in words] if kind == "uint64[]" else words


def _reader(plain_integers):
    """``convert(kind, value, path)`` reading one field of the portable JSON strictly: wide integers
    as decimal strings (also as JSON integers when ``plain_integers``), the others as JSON integers;
    never a float, bool or other string. The ranges are checked by the generator's state setter."""
    def integer(value, wide, where):
        if wide and isinstance(value, str) and DECIMAL.fullmatch(value):
            return int(value)
        if type(value) is int and (not wide or plain_integers):
            return value
        want = ("a decimal string (digits only)" + (" or an integer" if plain_integers else "")) if wide \
            else "an integer (a JSON number without fraction or exponent)"
        shown = repr(value) if len(repr(value)) <= 60 else repr(value)[:57] + "..."
        raise ValueError(f"{where} must be {want}, got {type(value).__name__} {shown}")

    def convert(kind, value, path):
        where, wide = _where(path), kind in WIDE
        if kind in ("int", "bigint"):
            return integer(value, wide, where)
        if not isinstance(value, list):
            raise ValueError(f"{where} must be a list of integers, got {type(value).__name__}")
        words = [integer(v, wide, f"{where}[{i}]") for i, v in enumerate(value)]
        bits = np.iinfo(ARRAY_DTYPES[kind]).bits
        bad = next((i for i, w in enumerate(words) if not 0 <= w < 1 << bits), None)
        if bad is not None:
            raise ValueError(f"{where}[{bad}] must be in [0, 2**{bits}), got {words[bad]}")
        return np.array(words, dtype=ARRAY_DTYPES[kind])

    return convert


def _plain(value):
    """numpy scalars and arrays as plain Python values, for json.dumps."""
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, np.ndarray):
        return value.tolist()
    if isinstance(value, np.generic):
        return value.item()
    return value


def state_to_json(state):
    """The portable JSON text of a generator ``state`` dict (prng's or numpy's own)."""
    return json.dumps(_plain(_map_fields(state, _fields_for(state), _to_portable)))


def state_from_json(text, *, plain_integers=False):
    """The state dict (numpy's format, ready for ``bit_generator.state = ...``) from portable JSON text.

    Strict: every integer field must be a JSON integer, and every field wider than 32 bits a decimal
    string of digits (a JSON number there may have lost bits on the way, e.g. through JavaScript).
    Floats, booleans, NaN, ``"1_0"``, ``" 7 "`` are refused with a ValueError naming the field.
    plain_integers: also accept wide fields as JSON integers (numpy's own state dict written with
    ``json.dumps``: exact when written and read by Python).
    """
    try:
        state = json.loads(text, parse_constant=_no_constant)
    except json.JSONDecodeError as exc:
        raise ValueError(f"text is not valid JSON: {exc}") from None
    except RecursionError:
        raise ValueError("text is nested too deeply to be a generator state") from None
    return _map_fields(state, _fields_for(state), _reader(plain_integers))


def _no_constant(name):
    """JSON has no NaN or Infinity: refuse them (Python's json would read them as floats)."""
    raise ValueError(f"text is not valid JSON: {name} is not a JSON value")

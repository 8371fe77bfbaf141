"""Portable JSON for generator states: save in Python, resume in JavaScript (and back).

The JSON holds the same dict as ``bit_generator.state`` (numpy's format), arrays as lists. Fields wider
than 32 bits are always decimal strings, so JavaScript reads them exactly with ``BigInt``; every other
integer is a JSON number. The table below is the whole format (docs/ARCHITECTURE.md).
"""

import json

import numpy as np

# field path -> how it is stored: "bigint" (one decimal string), "uint64[]" (list of decimal
# strings), "uint32[]" / "uint8[]" (list of numbers)
FIELDS = {
    "PCG64": {("state", "state"): "bigint", ("state", "inc"): "bigint"},
    "PCG64DXSM": {("state", "state"): "bigint", ("state", "inc"): "bigint"},
    "MT19937": {("state", "key"): "uint32[]"},
    "Philox": {("state", "counter"): "uint64[]", ("state", "key"): "uint64[]", ("buffer",): "uint64[]"},
    "Philox4x32": {("state", "counter"): "uint32[]", ("state", "key"): "uint32[]", ("buffer",): "uint32[]"},
    "Threefry": {("state", "counter"): "uint64[]", ("state", "key"): "uint64[]", ("buffer",): "uint64[]"},
    "Threefry2x32": {("state", "counter"): "uint32[]", ("state", "key"): "uint32[]", ("buffer",): "uint32[]"},
    "SFC64": {("state", "state"): "uint64[]"},
    "MidSquare": {("state", "value"): "bigint"},
    "MiddleSquareWeyl": {("state", "x"): "bigint", ("state", "w"): "bigint", ("state", "s"): "bigint"},
    "ARC4": {("state", "S"): "uint8[]"},
}
ARRAY_DTYPES = {"uint64[]": np.uint64, "uint32[]": np.uint32, "uint8[]": np.uint8}


def _fields_for(state):
    """The field table of a state dict's generator; a clear error for anything else."""
    if not isinstance(state, dict):
        raise TypeError(f"state must be a dict, not {type(state).__name__}")
    name = state.get("bit_generator")
    if name not in FIELDS:
        raise ValueError(f"state['bit_generator'] must be one of {sorted(FIELDS)}, got {name!r}")
    return FIELDS[name]


def _map_fields(state, fields, convert):
    """A copy of ``state`` with ``convert(kind, value, path)`` applied to each field in ``fields``."""
    out = {k: (dict(v) if isinstance(v, dict) else v) for k, v in state.items()}
    for path, kind in fields.items():
        parent = out
        for key in path[:-1]:
            parent = parent.get(key) if isinstance(parent, dict) else None
        if not isinstance(parent, dict) or path[-1] not in parent:
            raise ValueError(f"state is missing state{''.join(f'[{p!r}]' for p in path)}")
        parent[path[-1]] = convert(kind, parent[path[-1]], path)
    return out


def _to_portable(kind, value, path):
    if kind == "bigint":
        return str(int(value))
    words = [int(v) for v in np.asarray(value).ravel().tolist()]
    return [str(w) for w in words] if kind == "uint64[]" else words


def _from_portable(kind, value, path):
    where = "state" + "".join(f"[{p!r}]" for p in path)
    try:
        if kind == "bigint":
            return int(value)
        return np.array([int(v) for v in value], dtype=ARRAY_DTYPES[kind])
    except (TypeError, ValueError, OverflowError) as exc:
        raise ValueError(f"{where} is not a valid {kind} value: {exc}") from None


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


def state_from_json(text):
    """The state dict (numpy's format, ready for ``bit_generator.state = ...``) from portable JSON text."""
    try:
        state = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ValueError(f"text is not valid JSON: {exc}") from None
    return _map_fields(state, _fields_for(state), _from_portable)

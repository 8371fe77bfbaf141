"""Helpers shared by the vectors/make_*.py scripts: value encoding and the JSON file layout.

Nothing here computes an expected value; it only writes down what numpy, randomgen, the published
KAT files or a compiled reference program produced, in the encoding of vectors/README.md.
"""

import hashlib
import json
import platform
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
KAT = HERE / "kat"  # the published known-answer files (kat/README.md: their sources)

# Portable-state fields that are wider than 32 bits and so are written as decimal strings
# (docs/ARCHITECTURE.md, "Portable JSON").
WIDE_FIELDS = {
    "PCG64": {"state.state", "state.inc"},
    "PCG64DXSM": {"state.state", "state.inc"},
    "Philox": {"state.counter", "state.key", "buffer"},
    "Threefry": {"state.counter", "state.key", "buffer"},
    "SFC64": {"state.state"},
    "MiddleSquareWeyl": {"state.x", "state.w", "state.s"},
    "MidSquare": {"state.value"},
}


def dec(x):
    """A 64-bit (or wider) integer as a decimal string."""
    return str(int(x))


def decs(xs):
    return [str(int(x)) for x in xs]


def ints(xs):
    return [int(x) for x in xs]


def fhex(x):
    """A double as Python's float.hex() string (exact)."""
    return float(x).hex()


def portable_state(state):
    """numpy-format state dict -> the portable JSON form (arrays as lists, wide ints as strings)."""
    wide = WIDE_FIELDS.get(state["bit_generator"], set())

    def conv(path, v):
        if isinstance(v, dict):
            return {k: conv(f"{path}.{k}" if path else k, x) for k, x in v.items()}
        if hasattr(v, "tolist"):  # numpy array or numpy scalar
            v = v.tolist()
        if isinstance(v, (list, tuple)):
            return [conv(path, x) for x in v]
        if isinstance(v, bool) or not isinstance(v, int):
            return v
        return str(v) if path in wide else v

    return conv("", state)


def encode_array(values, full_values_max=4096):
    """A numpy array as {"dtype", "shape", "hex"} (its little-endian bytes), or with "sha256" of those
    bytes instead of "hex" when it has more than ``full_values_max`` values."""
    data = values.astype(values.dtype.newbyteorder("<")).tobytes()
    entry = {"dtype": str(values.dtype), "shape": list(values.shape)}
    if values.size > full_values_max:
        entry["sha256"] = hashlib.sha256(data).hexdigest()
    else:
        entry["hex"] = data.hex()
    return entry


def versions(**extra):
    v = {"python": platform.python_version()}
    v.update(extra)
    return v


def write(name, *, family, generated_by, versions, source, cases):
    """Write vectors/<name>: top-level keys one per line, each case compact on its own line."""
    names = [c["name"] for c in cases]
    dup = {n for n in names if names.count(n) > 1}
    assert not dup, f"case names must be unique: {sorted(dup)}"
    head = {"family": family, "generated_by": generated_by, "versions": versions, "source": source}
    lines = ["{"]
    for k, v in head.items():
        lines.append(f"  {json.dumps(k)}: {json.dumps(v, ensure_ascii=False)},")
    lines.append('  "cases": [')
    body = [
        "    " + json.dumps(c, ensure_ascii=False, separators=(",", ":")) for c in cases
    ]
    lines.append(",\n".join(body))
    lines.append("  ]")
    lines.append("}")
    path = HERE / name
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    json.loads(path.read_text(encoding="utf-8"))  # it must parse
    print(f"{name}: {len(cases)} cases, {path.stat().st_size} bytes", file=sys.stderr)

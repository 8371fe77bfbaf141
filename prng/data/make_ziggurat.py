"""Write prng/data/ziggurat.json: numpy's ziggurat tables, verbatim, in a language-neutral form.

The 256-layer tables behind numpy's ``standard_normal`` and ``standard_exponential`` cannot be
regenerated bit-exactly in double precision, so they are copied from numpy's C header (they are data,
BSD-3 licensed: the licence travels with them in the JSON). Usage, from a numpy source checkout at the
tag the Python and JS code is verified against:

    git -C numpy checkout v2.4.6
    python prng/data/make_ziggurat.py path/to/numpy [--tag v2.4.6]

JSON layout: ``tables`` maps each C array name to 256 entries (``ki_*``/``ke_*``: integers below 2**53,
as JSON numbers; ``*_double``: ``float.hex`` of the double; ``*_float``: ``float.hex`` of the float32
value) and ``scalars`` maps the six ``ziggurat_*`` constants the same way (names ending ``_f`` are
float32).
"""

import argparse
import hashlib
import json
import pathlib
import re

import numpy as np

HEADER = "numpy/random/src/distributions/ziggurat_constants.h"
LICENSE = "numpy/random/src/distributions/LICENSE.md"
OUT = pathlib.Path(__file__).with_name("ziggurat.json")

_ARRAY = re.compile(r"static const (uint64_t|uint32_t|double|float) (\w+)\[\] = \{(.*?)\};", re.S)
_SCALAR = re.compile(r"static const (double|float) (\w+) =\s*([0-9.eE+-]+)f?;")
_COMMENT = re.compile(r"//[^\n]*|/\*.*?\*/", re.S)


def _float32_hex(literal):
    """float.hex of the float32 nearest a C float literal (via double: safe for every numpy entry)."""
    return float(np.float32(float(literal.rstrip("fF")))).hex()


def _parse_value(ctype, literal):
    """One C literal as its JSON form: integers as numbers, doubles and floats as float.hex."""
    if ctype.startswith("uint"):
        return int(literal.rstrip("uUlL"), 0)
    if ctype == "float":
        return _float32_hex(literal)
    return float(literal).hex()


def parse_header(text):
    """Return ``(tables, scalars)`` parsed from the text of numpy's ziggurat_constants.h."""
    text = _COMMENT.sub("", text)
    tables = {}
    for ctype, name, body in _ARRAY.findall(text):
        values = [_parse_value(ctype, tok) for tok in body.replace(",", " ").split()]
        if len(values) != 256:
            raise ValueError(f"{name}: expected 256 entries, found {len(values)}")
        tables[name] = values
    scalars = {name: _parse_value(ctype, lit) for ctype, name, lit in _SCALAR.findall(text)}
    if len(tables) != 12 or len(scalars) != 6:
        raise ValueError(f"expected 12 tables and 6 scalars, found {len(tables)} and {len(scalars)}")
    return tables, scalars


def build(numpy_root, tag):
    """The JSON document for the numpy source tree at ``numpy_root`` (checked out at ``tag``)."""
    header = (numpy_root / HEADER).read_bytes()
    tables, scalars = parse_header(header.decode())
    return {
        "source": {
            "project": "numpy", "tag": tag, "path": HEADER,
            "sha256": hashlib.sha256(header).hexdigest(),
            "generated_by": "prng/data/make_ziggurat.py",
        },
        "attribution": (
            "Tables copied verbatim from NumPy's ziggurat_constants.h. Copyright (c) 2005-2017, "
            "NumPy Developers; the ziggurat methods were derived from Julia (MIT). Redistributed "
            "under the BSD-3-Clause licence reproduced in 'license'."
        ),
        "license": (numpy_root / LICENSE).read_text(),
        "encoding": {
            "ki_double, ke_double, ki_float, ke_float": "integers (all < 2**53) as JSON numbers",
            "*_double tables, double scalars": "float.hex of the double",
            "*_float tables, scalars ending _f": "float.hex of the float32 value",
        },
        "scalars": scalars,
        "tables": tables,
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("numpy_root", type=pathlib.Path, help="root of a numpy source checkout")
    parser.add_argument("--tag", default="v2.4.6", help="the numpy tag checked out (recorded)")
    args = parser.parse_args()
    OUT.write_text(json.dumps(build(args.numpy_root, args.tag), indent=1) + "\n")
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()

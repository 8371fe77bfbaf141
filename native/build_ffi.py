"""cffi builder (API mode) for the C backend: compiles native/*.c into the module prng._prng_c.

setup.py names it in cffi_modules ("native/build_ffi.py:ffibuilder"), so `pip install .` builds it.
For work in a checkout, `python native/build_ffi.py` builds it in place (prng/_prng_c*.so).
The declarations are those of prng.h and distributions.h, between their cdef-begin and cdef-end
markers. Importing this module first writes the generated headers from prng/data/ (mt19937_jump.h by
make_mt19937_jump.py, distributions/ziggurat_tables.h by make_ziggurat.py).
"""

import os
import shutil
import sys
import tempfile
from pathlib import Path

import cffi

NATIVE = Path(__file__).resolve().parent
ROOT = NATIVE.parent
SOURCES = ["seedsequence.c", "pcg64.c", "mt19937.c", "philox.c", "philox4x32.c", "threefry.c", "sfc64.c", "midsquare.c",
           "msws.c", "arc4.c", "distributions/uniform.c", "distributions/ziggurat.c", "distributions/bounded.c",
           "distributions/shuffle.c", "distributions/legacy.c", "distributions/torch.c",
           "distributions/continuous.c", "distributions/legacy_continuous.c",
           "distributions/noncentral.c",
           "distributions/discrete.c", "distributions/legacy_discrete.c"]
HEADERS = ["prng.h", "distributions.h", "torch.h"]
# No -march=native: what ships runs anywhere; philox4x32.c picks its AVX2 path at run time.
CFLAGS = ["-std=c99", "-O3", "-ffp-contract=off", "-fno-fast-math", "-fno-semantic-interposition",
          "-fvisibility=hidden"]


def declarations():
    """The public headers' plain declarations, which cffi's cdef can parse (no preprocessor lines)."""
    bodies = []
    for header in HEADERS:
        text = (NATIVE / header).read_text()
        body = text.split("/* cdef-begin", 1)[1].split("/* cdef-end", 1)[0]
        bodies.append(body.split("\n", 1)[1])
    return "".join(bodies)


def make_builder(native):
    """An FFI for prng._prng_c, the sources named as `native`/<file> (setuptools wants them relative
    to the project root, which it runs from; an absolute path keeps the objects in the build folder)."""
    builder = cffi.FFI()
    builder.cdef(declarations())
    builder.set_source(
        "prng._prng_c",
        '#include "prng.h"\n#include "distributions.h"\n#include "torch.h"',
        sources=[os.path.join(native, name) for name in SOURCES],
        include_dirs=[native],
        extra_compile_args=CFLAGS,
    )
    return builder


def write_generated_headers():
    """native/mt19937_jump.h and native/distributions/ziggurat_tables.h, from prng/data/."""
    sys.path.insert(0, str(NATIVE))
    try:
        import make_mt19937_jump
        import make_ziggurat
    finally:
        sys.path.remove(str(NATIVE))
    make_mt19937_jump.write_header(make_mt19937_jump.load_words())
    make_ziggurat.write_header()


write_generated_headers()
ffibuilder = make_builder(os.path.relpath(NATIVE, os.getcwd()))


def build_in_place():
    """Compile in a scratch folder, then copy the extension next to prng/__init__.py."""
    with tempfile.TemporaryDirectory() as tmp:
        builder = make_builder(str(NATIVE))
        built = Path(builder.compile(tmpdir=tmp))
        target = ROOT / "prng" / built.name
        shutil.copyfile(built, target)
    return target


if __name__ == "__main__":
    print(f"built {build_in_place()}")

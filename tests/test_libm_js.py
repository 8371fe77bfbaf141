"""Mismatch rate of the JS libm ports (js/src/libm) against glibc, over 10^6 inputs per function.

For each function: numpy draws 10^6 inputs (mostly the arguments the random variates pass, plus a
spread over the domain), glibc computes the expected results (Python's math module for double,
ctypes on libm.so.6 for float: both call the process's glibc), ``node`` evaluates the JS port on
the same inputs, and the bit patterns are compared. The ports reproduce glibc 2.36's x86-64 FMA
builds, so the test runs only where that is what the oracle runs.
"""

import ctypes
import math
import platform
import shutil
import subprocess
from pathlib import Path

import numpy as np
import pytest

N = 1_000_000
INDEX = Path(__file__).resolve().parent.parent / "js" / "src" / "libm" / "index.js"

# Reads float64 inputs, applies one export of js/src/libm/index.js, writes float64 results.
NODE_EVAL = """
import { readFileSync, writeFileSync } from "node:fs";
const [, indexUrl, name, inPath, outPath] = process.argv;
const f = (await import(indexUrl))[name];
const buf = readFileSync(inPath);
const x = new Float64Array(buf.buffer, buf.byteOffset, buf.length / 8);
const y = new Float64Array(x.length);
for (let i = 0; i < x.length; i++) y[i] = f(x[i]);
writeFileSync(outPath, y);
"""


def glibc_version():
    libc = ctypes.CDLL("libc.so.6")
    libc.gnu_get_libc_version.restype = ctypes.c_char_p
    return libc.gnu_get_libc_version().decode()


def cpu_has_fma():
    try:
        text = Path("/proc/cpuinfo").read_text()
    except OSError:
        return False
    flags = next((line for line in text.splitlines() if line.startswith("flags")), "")
    return "fma" in flags.split()


def oracle_platform():
    return platform.system() == "Linux" and platform.machine() == "x86_64" and cpu_has_fma()


pytestmark = [
    pytest.mark.skipif(shutil.which("node") is None, reason="node is not installed"),
    pytest.mark.skipif(not oracle_platform() or glibc_version() != "2.36",
                       reason="the JS ports reproduce glibc 2.36's x86-64 FMA builds"),
]


def log_uniform(rng, n, lo, hi, signed=False):
    x = np.exp2(rng.uniform(lo, hi, n))
    return x * rng.choice([-1.0, 1.0], n) if signed else x


def polar_r2(rng, n):
    """numpy's legacy gauss: r2 = x1^2 + x2^2 of points drawn in the square, kept inside the disc."""
    x1, x2 = 2.0 * rng.random((2, 2 * n)) - 1.0
    r2 = x1 * x1 + x2 * x2
    return r2[(r2 < 1.0) & (r2 > 0.0)][:n]


def inputs(name, rng):
    """10^6 arguments for `name`: the variates' own arguments first, then spreads."""
    f32 = np.float32
    if name == "log":
        parts = [polar_r2(rng, 400_000), 1.0 - rng.random(300_000), 1.0 + rng.uniform(-0.07, 0.07, 100_000),
                 log_uniform(rng, 200_000, -1074, 1024)]
    elif name == "exp":
        x = rng.random(500_000) * 3.6541528853610088
        parts = [-0.5 * x * x, rng.uniform(-745.2, 709.7, 300_000), rng.uniform(-1.0, 1.0, 200_000)]
    elif name == "log1p":
        parts = [-rng.random(500_000), rng.uniform(-0.9999, 3.0, 300_000), log_uniform(rng, 200_000, -60, 1024)]
    elif name in ("sin", "cos"):
        parts = [2.0 * math.pi * rng.random(500_000), rng.uniform(-20.0, 20.0, 300_000),
                 log_uniform(rng, 200_000, -30, 1024, signed=True)]
    elif name == "logf":
        parts = [f32(1.0) - rng.random(500_000, dtype=f32), log_uniform(rng, 300_000, -149, 128),
                 1.0 + rng.uniform(-0.1, 0.1, 200_000)]
    elif name == "expf":
        parts = [-rng.random(500_000, dtype=f32) * f32(7.69711747013104972), rng.uniform(-104.5, 89.0, 500_000)]
    elif name == "log1pf":
        parts = [-rng.random(500_000, dtype=f32), rng.uniform(-0.9999, 3.0, 300_000),
                 log_uniform(rng, 200_000, -60, 128)]
    else:  # sinf, cosf
        theta = 2.0 * math.pi * rng.random(500_000, dtype=f32).astype(np.float64)
        parts = [theta, rng.uniform(-130.0, 130.0, 300_000), log_uniform(rng, 200_000, -20, 128, signed=True)]
    x = np.concatenate([np.asarray(p, np.float64) for p in parts])
    if name.endswith("f"):
        x = x.astype(np.float32).astype(np.float64)
    if name == "log1pf":
        x = x[x > -1.0]
    assert len(x) >= N
    return x


def glibc(name, x):
    """glibc's results: math.<name> for double, ctypes libm.so.6 for float."""
    if not name.endswith("f"):
        f = getattr(math, name)
        return np.array([f(v) for v in x.tolist()])
    f = getattr(ctypes.CDLL("libm.so.6"), name)
    f.restype, f.argtypes = ctypes.c_float, [ctypes.c_float]
    return np.array([f(v) for v in x.tolist()], dtype=np.float32)


def js(name, x, tmp_path):
    src, dst = tmp_path / "x.bin", tmp_path / "y.bin"
    x.astype("<f8").tofile(src)
    subprocess.run(["node", "--input-type=module", "-e", NODE_EVAL, INDEX.as_uri(), name, str(src), str(dst)],
                   check=True, timeout=120)
    return np.fromfile(dst, dtype="<f8")


def mismatches(want, got):
    if want.dtype == np.float32:
        assert np.array_equal(got.astype(np.float32).astype(np.float64), got, equal_nan=True), "not float32 values"
        got, bits = got.astype(np.float32), np.uint32
    else:
        bits = np.uint64
    both_nan = np.isnan(want) & np.isnan(got)
    return np.flatnonzero((want.view(bits) != got.view(bits)) & ~both_nan)


@pytest.mark.parametrize("name", ["log", "exp", "log1p", "sin", "cos", "logf", "expf", "log1pf", "sinf", "cosf"])
def test_js_libm_matches_glibc(name, tmp_path):
    seed = sum(name.encode())
    x = inputs(name, np.random.default_rng(seed))
    want = glibc(name, x)
    got = js(name, x, tmp_path)
    bad = mismatches(want, got)
    print(f"{name}: {len(bad)} mismatches / {len(x)} inputs (glibc {glibc_version()})")
    examples = [(float(x[i]).hex(), float(want[i]).hex(), float(got[i]).hex()) for i in bad[:5]]
    assert len(bad) == 0, f"{name}: {len(bad)}/{len(x)} differ from glibc, e.g. {examples}"

"""Time every prng generator x backend against numpy's equivalent, in one run.

    python bench/bench.py [--runs 5] [--out bench/RESULTS.md]

For n = 10**3 and 10**7 it times ``random_raw(n)`` into a new array, ``random_raw(n, out=arr)``,
``fill_uint32`` of 2n words into a caller's array (64 bits of output per value, the bytes numpy's
``random_raw(n)`` writes) and ``fill_double`` (n doubles, the work of numpy's ``Generator.random(n)``),
reports the median ns per value over ``--runs`` runs and the ratio to numpy's time measured in the same
run, and writes a Markdown table. Philox4x32 and Threefry2x32 are compared per 64 bits of output (two of
their 32-bit words against one numpy Philox value); Threefry (randomgen's, not in numpy) with numpy's
Philox, the counter-based generator numpy has.
The pure-Python backend is timed at n = 10**3 only.
First it times the calls users make (bench/calls.py: Generator and RandomState methods, the bootstrap).
It also times single calls of ``prng.compat.python.Random`` against CPython's ``random.Random`` (same
seed, same statement, same run): ns per call and the ratio; and ``prng.compat.torch`` at n = 10**6
against torch's CPU generator (``torch.set_num_threads(1)``, interleaved runs, process time; skipped when
torch is not installed) plus its CUDA-generator emulation (ns per value; nothing to compare with on a CPU).
"""

import argparse
import platform
import random
import statistics
import time
import timeit
from pathlib import Path

import numpy as np
from calls import bench_calls, calls_markdown

import prng

# prng class, numpy class it is compared with, values of prng per numpy value
ALGORITHMS = [
    ("PCG64", "PCG64", 1),
    ("PCG64DXSM", "PCG64DXSM", 1),
    ("MT19937", "MT19937", 1),
    ("Philox", "Philox", 1),
    ("Philox4x32", "Philox", 2),
    ("SFC64", "SFC64", 1),
    ("Threefry", "Philox", 1),
    ("Threefry2x32", "Philox", 2),
    ("MiddleSquareWeyl", "MT19937", 1),
    ("ARC4", "MT19937", 1),
]
SEEDS = {"MiddleSquareWeyl": 0xB5AD4ECEDA1CE2A9, "ARC4": "bench"}
SIZES = (10**3, 10**7)


def make(name, backend):
    """A prng generator of class ``name`` on ``backend``."""
    return getattr(prng, name)(SEEDS.get(name, 12345), backend=backend)


def median_seconds(fn, runs, repeat):
    """Median over ``runs`` of the time of ``repeat`` calls of ``fn``, per call."""
    fn()  # warm up (compiles numba kernels, faults in pages)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        for _ in range(repeat):
            fn()
        times.append((time.perf_counter() - start) / repeat)
    return statistics.median(times)


def operations(gen, n, per_value=1):
    """The timed operations on ``gen`` for ``n`` numpy-sized values: name -> zero-argument callable.

    ``per_value`` prng values make one numpy value (2 for Philox4x32's 32-bit words), except in
    ``fill_uint32``, which writes as many bytes as numpy's ``random_raw(n)``: 2n 32-bit words.
    """
    out = np.empty(n * per_value, dtype=np.uint64)
    doubles = np.empty(n)
    words = np.empty(2 * n, dtype=np.uint32)
    if isinstance(gen, np.random.BitGenerator):
        numpy_gen = np.random.Generator(gen)
        return {
            "random_raw(n)": lambda: gen.random_raw(n),
            "random_raw(n, out=)": lambda: gen.random_raw(n),  # numpy has no out=: a new array each time
            "fill_uint32 (64 bits/value, out=)": lambda: gen.random_raw(n),
            "doubles": lambda: numpy_gen.random(n, out=doubles),
        }
    return {
        "random_raw(n)": lambda: gen.random_raw(n * per_value),
        "random_raw(n, out=)": lambda: gen.random_raw(out=out),
        "fill_uint32 (64 bits/value, out=)": lambda: gen.fill_uint32(words),
        "doubles": lambda: gen.fill_double(doubles),
    }


def bench(runs):
    """Rows of (algorithm, backend, n, operation, ns per value, ratio to numpy)."""
    rows = []
    for n in SIZES:
        repeat = max(1, 10**6 // n)
        for name, numpy_name, per_value in ALGORITHMS:
            ref_ops = operations(getattr(np.random, numpy_name)(12345), n)
            ref = {op: median_seconds(fn, runs, repeat) for op, fn in ref_ops.items()}
            for backend in prng.available_backends():
                if backend == "python" and n > 10**3:
                    continue
                ops = operations(make(name, backend), n, per_value)
                for op, fn in ops.items():
                    seconds = median_seconds(fn, runs, repeat if backend != "python" else 1)
                    rows.append((name, backend, n, op, seconds / n * 1e9, seconds / ref[op], numpy_name))
    return rows


# compat.python.Random against CPython's random.Random: (statement, calls per timing)
PYTHON_RANDOM_CALLS = [("random()", 10**6), ("getrandbits(32)", 10**6), ("randrange(1000)", 2 * 10**5),
                       ("gauss()", 2 * 10**5), ("shuffle(x)", 200)]


def bench_python_random(runs):
    """Rows of (call, prng ns per call, CPython ns per call, ratio), timed alternately in one run."""
    from prng.compat.python import Random

    rows = []
    for call, number in PYTHON_RANDOM_CALLS:
        times = {}
        for name, cls in (("prng", Random), ("cpython", random.Random)):
            namespace = {"r": cls(12345), "x": list(range(1000))}
            times[name] = statistics.median(timeit.repeat(f"r.{call}", globals=namespace, number=number,
                                                          repeat=runs)) / number * 1e9
        rows.append((call, times["prng"], times["cpython"], times["prng"] / times["cpython"]))
    return rows


def python_random_markdown(rows):
    """The compat.python.Random timings as a Markdown table."""
    lines = ["", "`prng.compat.python.Random` against CPython's `random.Random` (same seed, same statement "
             "`r.<call>`, median of the runs; shuffle of 1000 items per call):", "",
             "| call | prng ns/call | CPython ns/call | × CPython |", "|---|---:|---:|---:|"]
    lines += [f"| `{call}` | {ours:.1f} | {theirs:.1f} | {ratio:.2f} |" for call, ours, theirs, ratio in rows]
    return "\n".join(lines) + "\n"


# compat.torch against torch's CPU generator: (label, prng call, torch call) on a generator g, n values
TORCH_CPU_CALLS = [
    ("rand float32", "T.rand(n, generator=g)", "torch.rand(n, generator=g)"),
    ("rand float64", "T.rand(n, generator=g, dtype='float64')", "torch.rand(n, generator=g, dtype=torch.float64)"),
    ("randn float32 (avx2 kernel)", "T.randn(n, generator=g)", "torch.randn(n, generator=g)"),
    ("randn float32 (default kernel)", "T.randn(n, generator=g, kernel='default')", None),
    ("randn float64", "T.randn(n, generator=g, dtype='float64')", "torch.randn(n, generator=g, dtype=torch.float64)"),
    ("randint(0, 1000)", "T.randint(0, 1000, (n,), generator=g)", "torch.randint(0, 1000, (n,), generator=g)"),
    ("randperm", "T.randperm(n, generator=g)", "torch.randperm(n, generator=g)"),
]
TORCH_CUDA_CALLS = [("rand float32", "T.rand(n, generator=c)"), ("rand float64", "T.rand(n, generator=c, dtype='float64')"),
                    ("randn float32", "T.randn(n, generator=c)"), ("randn float64", "T.randn(n, generator=c, dtype='float64')"),
                    ("randint(0, 1000)", "T.randint(0, 1000, (n,), generator=c)")]
TORCH_N = 10**6


def bench_torch(runs):
    """Rows of (device, call, prng ns/value, torch ns/value or None), prng and torch timed alternately."""
    from prng.compat import torch as T

    namespace = {"T": T, "n": TORCH_N, "g": T.Generator().manual_seed(1),
                 "c": T.Generator(device="cuda", sm_count=132).manual_seed(1)}
    try:
        import torch
        torch.set_num_threads(1)
        torch_namespace = {"torch": torch, "n": TORCH_N, "g": torch.Generator().manual_seed(1)}
    except ImportError:
        torch = None
    rows = []
    for label, ours, theirs in TORCH_CPU_CALLS:
        times = {"prng": [], "torch": []}
        for _ in range(runs):
            times["prng"].append(_process_time(ours, namespace))
            if torch is not None and theirs is not None:
                times["torch"].append(_process_time(theirs, torch_namespace))
        theirs_ns = statistics.median(times["torch"]) / TORCH_N * 1e9 if times["torch"] else None
        rows.append(("cpu", label, statistics.median(times["prng"]) / TORCH_N * 1e9, theirs_ns))
    for label, ours in TORCH_CUDA_CALLS:
        seconds = statistics.median(_process_time(ours, namespace) for _ in range(runs))
        rows.append(("cuda (emulated, 132 SMs)", label, seconds / TORCH_N * 1e9, None))
    return rows


def _process_time(statement, namespace):
    """Process time of one evaluation of ``statement``."""
    code = compile(statement, "<bench>", "eval")
    start = time.process_time()
    eval(code, namespace)
    return time.process_time() - start


def torch_markdown(rows):
    """The compat.torch timings as a Markdown table."""
    lines = ["", f"`prng.compat.torch` (C kernels) against torch's CPU generator, n = 10^6, "
             "`torch.set_num_threads(1)`, median process time of the runs:", "",
             "| generator | call | prng ns/value | torch ns/value | × torch |", "|---|---|---:|---:|---:|"]
    for device, call, ours, theirs in rows:
        ratio = f"{ours / theirs:.2f}" if theirs else "—"
        torch_ns = f"{theirs:.2f}" if theirs else "—"
        lines.append(f"| {device} | `{call}` | {ours:.2f} | {torch_ns} | {ratio} |")
    return "\n".join(lines) + "\n"


def machine():
    """A one-line description of this machine and the library versions."""
    model = platform.processor() or platform.machine()
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        for line in cpuinfo.read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    return f"{model}, {platform.system()} {platform.machine()}, Python {platform.python_version()}, numpy {np.__version__}"


def markdown(rows, runs):
    """The results as a Markdown table."""
    lines = [
        f"Machine: {machine()}. Median of {runs} runs; ratio = prng time / numpy time in the same run "
        "(< 1 is faster than numpy). Philox4x32 per 64 bits of output.",
        "",
        "| algorithm | backend | n | operation | ns/value | × numpy | numpy reference |",
        "|---|---|---:|---|---:|---:|---|",
    ]
    for name, backend, n, op, ns, ratio, numpy_name in rows:
        lines.append(f"| {name} | {backend} | 10^{len(str(n)) - 1} | {op} | {ns:.2f} | {ratio:.2f} | {numpy_name} |")
    return "\n".join(lines) + "\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="timed runs per case (median reported)")
    parser.add_argument("--out", default=str(Path(__file__).with_name("RESULTS.md")), help="Markdown output")
    args = parser.parse_args()
    table = (calls_markdown(bench_calls(args.runs), args.runs) + "\n" + markdown(bench(args.runs), args.runs)
             + python_random_markdown(bench_python_random(args.runs)) + torch_markdown(bench_torch(args.runs)))
    Path(args.out).write_text(table)
    print(table)


if __name__ == "__main__":
    main()

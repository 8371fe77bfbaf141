"""Write vectors/torch_cpu.json: PyTorch 2.13 CPU generator outputs, recorded from real torch.

    python vectors/make_torch.py

needs torch (CPU build, tested with 2.13.0+cpu) on an x86-64 CPU with AVX2. The kernel-dependent
cases are recorded twice: in this process (torch's AVX2 kernel) and in a child process run with
ATEN_CPU_CAPABILITY=default (torch's scalar DEFAULT kernel). The file's layout is described at the
end of vectors/README.md.
"""

import hashlib
import json
import os
import platform
import subprocess
import sys
import warnings
from pathlib import Path

import numpy as np
import torch

OUT = Path(__file__).with_name("torch_cpu.json")
FULL_VALUES_MAX = 4096          # larger arrays are recorded as a SHA-256 of their bytes

SEEDS = [0, 1, 42, 12345, 2**32 + 7, -1, 2**63 + 5, -(2**63), 2**64 - 1]
BIG_SEEDS = [0, 42, 2**32 + 7]  # also get n = 1000, (1,4,64,64) and randperm(100000)
SIZES = [[1], [5], [15], [16], [17], [100], [1, 4, 8, 8]]
BIG_SIZES = [[1000], [1, 4, 64, 64]]
RANDINT_RANGES = [(0, 10), (-5, 7), (0, 2**28 - 1), (0, 2**28), (3, 2**32 + 3), (-(2**40), 2**41),
                  (-(2**63), 2**63 - 1)]
FLOAT_RANDINT = [(0, 2**30, "float32"), (-(2**40) - 5, 2**61 + 3, "float64"), (0, 2**63 - 1, "float32"),
                 (2**24 - 3, 2**24 + 5, "float32")]     # torch narrows [low, high) for float dtypes
DTYPES = ["float32", "float64"]


def encode_array(tensor):
    """An array as {"dtype", "shape", "hex"} (little-endian bytes) or {"dtype", "shape", "sha256"}."""
    values = tensor.contiguous().numpy()
    data = values.astype(values.dtype.newbyteorder("<")).tobytes()
    entry = {"dtype": str(values.dtype), "shape": list(values.shape)}
    if values.size > FULL_VALUES_MAX:
        entry["sha256"] = hashlib.sha256(data).hexdigest()
    else:
        entry["hex"] = data.hex()
    return entry


class Recorder:
    """Runs operations on one torch.Generator and records each with torch's result."""

    def __init__(self, name, kernel, seed=None, state=None):
        self.gen = torch.Generator()
        if state is not None:
            self.gen.set_state(state)
            make = {"state": bytes(state.numpy()).hex()}
        else:
            self.gen.manual_seed(seed)
            make = {"seed": str(seed)}
        self.case = {"kind": "torch_cpu", "name": name, "kernel": kernel, "make": make, "ops": []}

    def _add(self, op, **fields):
        self.case["ops"].append({"op": op, **fields})

    def manual_seed(self, seed):
        self.gen.manual_seed(seed)
        self._add("manual_seed", seed=str(seed))

    def initial_seed(self):
        self._add("initial_seed", expect=str(self.gen.initial_seed()))

    def get_state(self):
        self._add("get_state", expect=bytes(self.gen.get_state().numpy()).hex())

    def state_sha256(self):
        self._add("state_sha256", expect=hashlib.sha256(bytes(self.gen.get_state().numpy())).hexdigest())

    def rand(self, size, dtype):
        self._add("rand", size=size, dtype=dtype,
                  expect=encode_array(torch.rand(size, generator=self.gen, dtype=getattr(torch, dtype))))

    def randn(self, size, dtype):
        self._add("randn", size=size, dtype=dtype,
                  expect=encode_array(torch.randn(size, generator=self.gen, dtype=getattr(torch, dtype))))

    def normal(self, mean, std, size, dtype):
        out = torch.normal(mean, std, size, generator=self.gen, dtype=getattr(torch, dtype))
        self._add("normal", mean=mean.hex(), std=std.hex(), size=size, dtype=dtype, expect=encode_array(out))

    def uniform_(self, a, b, size, dtype):
        out = torch.empty(size, dtype=getattr(torch, dtype)).uniform_(a, b, generator=self.gen)
        self._add("uniform_", a=a.hex(), b=b.hex(), size=size, dtype=dtype, expect=encode_array(out))

    def randint(self, low, high, size, dtype="int64"):
        out = torch.randint(low, high, size, generator=self.gen, dtype=getattr(torch, dtype))
        self._add("randint", low=str(low), high=str(high), size=size, dtype=dtype, expect=encode_array(out))

    def randperm(self, n):
        self._add("randperm", n=n, expect=encode_array(torch.randperm(n, generator=self.gen)))

    def bernoulli_(self, p, size, dtype):
        out = torch.empty(size, dtype=getattr(torch, dtype)).bernoulli_(p, generator=self.gen)
        self._add("bernoulli_", p=p.hex(), size=size, dtype=dtype, expect=encode_array(out))

    def bernoulli(self, probs):
        out = torch.bernoulli(probs, generator=self.gen)
        self._add("bernoulli", p=encode_array(probs), expect=encode_array(out))

    def exponential_(self, lambd, size, dtype):
        out = torch.empty(size, dtype=getattr(torch, dtype)).exponential_(lambd, generator=self.gen)
        self._add("exponential_", lambd=lambd.hex(), size=size, dtype=dtype, expect=encode_array(out))


def seed_cases():
    """Seeding rules: initial_seed and the full state right after manual_seed."""
    for seed in SEEDS:
        rec = Recorder(f"manual_seed({seed})", "any", seed=seed)
        rec.initial_seed()
        rec.get_state()
        yield rec.case


def sized_cases(kernel, op_names, dtypes):
    """Each op, dtype and size from a fresh manual_seed, then a digest of the state after it."""
    for seed in SEEDS:
        sizes = SIZES + (BIG_SIZES if seed in BIG_SEEDS else [])
        for name in op_names:
            for dtype in dtypes:
                rec = Recorder(f"{name} {dtype} seed {seed}", kernel, seed=seed)
                for size in sizes:
                    rec.manual_seed(seed)
                    getattr(rec, name)(size, dtype)
                    rec.state_sha256()
                yield rec.case


def integer_cases():
    """randint over ranges on both sides of 2**28, and randperm (small and large n)."""
    for seed in SEEDS:
        rec = Recorder(f"randint/randperm seed {seed}", "any", seed=seed)
        for low, high in RANDINT_RANGES:
            rec.manual_seed(seed)
            rec.randint(low, high, [100])
            rec.state_sha256()
        rec.randint(0, 1000, [2, 3], "int32")
        for low, high, dtype in FLOAT_RANDINT:
            rec.randint(low, high, [20], dtype)
        for n in [0, 1, 10, 1000] + ([100000] if seed in BIG_SEEDS else []):
            rec.manual_seed(seed)
            rec.randperm(n)
            rec.state_sha256()
        yield rec.case


def sequence_cases():
    """Consecutive calls on one generator: the cached double normal crosses calls and dtypes."""
    for seed in [0, 2**32 + 7, -1]:
        rec = Recorder(f"sequence seed {seed}", "avx2", seed=seed)
        rec.randn([3], "float64")
        rec.get_state()
        rec.randn([20], "float64")
        rec.randn([1], "float64")
        rec.randn([5], "float32")
        rec.rand([2], "float64")
        rec.randn([1], "float32")
        rec.randn([], "float32")
        rec.randint(0, 100, [3])
        rec.randn([17], "float32")
        rec.randn([1, 4, 8, 8], "float32")
        rec.randn([7], "float64")
        rec.get_state()
        yield rec.case


def resume_cases():
    """Generators built from a state torch produced mid-stream (with a cached normal pending)."""
    for seed in [5, 2**40 + 1]:
        gen = torch.Generator().manual_seed(seed)
        torch.rand(1000, generator=gen)
        torch.randn(1, generator=gen, dtype=torch.float64)
        rec = Recorder(f"resume after rand(1000), randn(1) seed {seed}", "avx2", state=gen.get_state())
        rec.get_state()
        rec.randn([3], "float32")
        rec.randn([100], "float32")
        rec.randint(-3, 2**30, [10])
        rec.randperm(10)
        rec.get_state()
        yield rec.case


def parameter_cases(kernel):
    """normal(mean, std), uniform_(a, b), bernoulli, exponential_ (fusing differs by kernel)."""
    for seed in [0, 2**32 + 7]:
        rec = Recorder(f"distributions seed {seed}", kernel, seed=seed)
        for dtype in DTYPES:
            for size in [[5], [100]]:
                rec.normal(0.5, 2.5, size, dtype)
                rec.normal(-1.25, 0.1, size, dtype)
                rec.uniform_(-1.5, 3.25, size, dtype)
                rec.uniform_(0.1, 0.7, size, dtype)
            rec.bernoulli_(0.3, [50], dtype)
            rec.bernoulli(torch.linspace(0, 1, 37, dtype=getattr(torch, dtype)))
            rec.exponential_(2.5, [50], dtype)
            rec.state_sha256()
        yield rec.case


def avx2_cases():
    yield from seed_cases()
    yield from sized_cases("avx2", ["rand", "randn"], DTYPES)
    yield from integer_cases()
    yield from sequence_cases()
    yield from resume_cases()
    yield from parameter_cases("avx2")


def default_cases():
    yield from sized_cases("default", ["randn"], ["float32"])
    yield from parameter_cases("default")


def glibc_version():
    return platform.libc_ver()[1] or "unknown"


def main():
    warnings.filterwarnings("ignore", "from is out of bounds|to - 1 is out of bounds")  # float randint
    if "--default-kernel-cases" in sys.argv:
        assert torch.backends.cpu.get_cpu_capability() == "DEFAULT"
        json.dump(list(default_cases()), sys.stdout)
        return
    assert torch.backends.cpu.get_cpu_capability() in ("AVX2", "AVX512"), "needs torch's AVX2 kernel"
    child = subprocess.run([sys.executable, __file__, "--default-kernel-cases"], check=True,
                           capture_output=True, text=True,
                           env={**os.environ, "ATEN_CPU_CAPABILITY": "default"})
    document = {
        "family": "torch_cpu",
        "generated_by": "vectors/make_torch.py",
        "versions": {"torch": torch.__version__, "numpy": np.__version__,
                     "python": platform.python_version(), "glibc": glibc_version(),
                     "machine": platform.machine()},
        "source": "torch.Generator (CPU) outputs; kernel 'avx2' cases from torch's AVX2 dispatch, "
                  "'default' cases from a run with ATEN_CPU_CAPABILITY=default, 'any' cases do not "
                  "depend on the kernel",
        "cases": list(avx2_cases()) + json.loads(child.stdout),
    }
    OUT.write_text(json.dumps(document, separators=(",", ":")) + "\n")
    print(f"wrote {OUT} ({OUT.stat().st_size} bytes, {len(document['cases'])} cases)")


if __name__ == "__main__":
    main()

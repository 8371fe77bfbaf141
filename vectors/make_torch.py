"""Write vectors/torch_cpu.json: PyTorch 2.13 CPU generator outputs, recorded from real torch.

    python vectors/make_torch.py

needs torch (CPU build, tested with 2.13.0+cpu) on an x86-64 CPU with AVX2. The kernel-dependent
cases are recorded twice: in this process (torch's AVX2 kernel) and in a child process run with
ATEN_CPU_CAPABILITY=default (torch's scalar DEFAULT kernel). The file's layout is described at the
end of vectors/README.md.
"""

import hashlib
import json
import math
import os
import platform
import random
import subprocess
import sys
import warnings
from pathlib import Path

import numpy as np
import torch
import torch.nn.functional as F
from torch.utils.data import DataLoader, RandomSampler, get_worker_info
from torch.utils.data._utils.worker import _generate_state

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
HALF_DTYPES = ["float16", "bfloat16"]
ALL_FLOATS = HALF_DTYPES + DTYPES
HALF_SEEDS = [0, 42, 2**32 + 7, -1]
LARGE_RANDPERM = 0xFFFFFFFF // 20      # 214748364: the smallest n of randperm_cpu's inside-out algorithm


def encode_array(tensor):
    """An array as {"dtype", "shape", "hex"} (little-endian bytes) or {"dtype", "shape", "sha256"};
    bfloat16 (which numpy lacks) as its raw 16-bit patterns under the dtype name "bfloat16"."""
    tensor = tensor.contiguous()
    if tensor.dtype == torch.bfloat16:
        values, name = tensor.view(torch.int16).numpy().view(np.uint16), "bfloat16"
    else:
        values = tensor.numpy()
        name = str(values.dtype)
    data = values.astype(values.dtype.newbyteorder("<")).tobytes()
    entry = {"dtype": name, "shape": list(values.shape)}
    if values.size > FULL_VALUES_MAX:
        entry["sha256"] = hashlib.sha256(data).hexdigest()
    else:
        entry["hex"] = data.hex()
    return entry


class Recorder:
    """Runs operations on one torch.Generator and records each with torch's result.

    ``default=True`` records on ``torch.default_generator`` instead, for what draws from it with no
    generator argument (dropout, nn.Linear/nn.Conv2d construction, a DataLoader without ``generator=``);
    the case's generator stands for it on replay.
    """

    def __init__(self, name, kernel, seed=None, state=None, default=False):
        self.gen = torch.default_generator if default else torch.Generator()
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

    def dropout_mask(self, size, p, dtype):
        """The elements F.dropout keeps (it draws from the default generator: default=True)."""
        out = F.dropout(torch.ones(size, dtype=getattr(torch, dtype)), p, training=True) != 0
        self._add("dropout_mask", size=size, p=float(p).hex(), dtype=dtype, expect=encode_array(out))

    def init(self, fn, shape, dtype, **kwargs):
        """torch.nn.init.<fn>(torch.empty(shape, dtype), **kwargs, generator=g)."""
        out = getattr(torch.nn.init, fn)(torch.empty(shape, dtype=getattr(torch, dtype)), **kwargs,
                                         generator=self.gen)
        encoded = {k: float(v).hex() if isinstance(v, (int, float)) else v for k, v in kwargs.items()}
        self._add("init", fn=fn, shape=shape, dtype=dtype, kwargs=encoded, expect=encode_array(out))

    def layer(self, kind, args, dtype, **kwargs):
        """nn.Linear(*args) / nn.Conv2d(*args) parameters (the default generator: default=True)."""
        cls = {"linear": torch.nn.Linear, "conv2d": torch.nn.Conv2d}[kind]
        module = cls(*args, dtype=getattr(torch, dtype), **kwargs)
        bias = None if module.bias is None else encode_array(module.bias.detach())
        self._add(kind, args=list(args), kwargs=kwargs, dtype=dtype,
                  expect={"weight": encode_array(module.weight.detach()), "bias": bias})

    def random_sampler(self, n, replacement=False, num_samples=None):
        order = list(RandomSampler(range(n), replacement=replacement, num_samples=num_samples, generator=self.gen))
        self._add("random_sampler", n=n, replacement=replacement, num_samples=num_samples, expect=order)

    def epoch_plan(self, n, batch_size, shuffle, num_workers, drop_last, loader_generator):
        """One epoch of a DataLoader over WorkerProbe(n): what each batch saw in the worker that made it.
        ``loader_generator`` False: DataLoader without generator= (it draws from the default generator)."""
        loader = DataLoader(WorkerProbe(n), batch_size=batch_size, shuffle=shuffle, num_workers=num_workers,
                            generator=self.gen if loader_generator else None, drop_last=drop_last)
        epoch = iter(loader)
        base_seed = epoch._base_seed
        batches = list(epoch)
        workers = {}
        for batch in batches:
            worker = int(batch["worker"][0])
            if worker >= 0:
                workers[worker] = {"torch_initial_seed": batch["torch_seed"][0], "info_seed": batch["info_seed"][0],
                                   "numpy_seed": [int(w) for w in _generate_state(base_seed, worker)],
                                   "numpy_state_sha256": batch["numpy_state"][0],
                                   "python_state_sha256": batch["python_state"][0]}
        expect = {"base_seed": str(base_seed), "batches": [b["index"].tolist() for b in batches],
                  "workers": [int(b["worker"][0]) for b in batches],
                  "worker_seeds": {str(w): workers[w] for w in sorted(workers)}}
        self._add("epoch_plan", n=n, batch_size=batch_size, shuffle=shuffle, num_workers=num_workers,
                  drop_last=drop_last, loader_generator=loader_generator, expect=expect)


class WorkerProbe(torch.utils.data.Dataset):
    """Item i reports i, its worker and, as seen in that worker: torch.initial_seed(), the worker info's
    seed, and SHA-256 digests of numpy's global RandomState key and of random's MT key (624 words each,
    uint32 little-endian). Nothing here draws, so every item of a worker sees its seeded state."""

    def __init__(self, n):
        self.n = n

    def __len__(self):
        return self.n

    def __getitem__(self, i):
        info = get_worker_info()
        numpy_key = np.random.get_state()[1].astype("<u4").tobytes()
        python_key = np.array(random.getstate()[1][:624], dtype="<u4").tobytes()
        return {"index": i, "worker": -1 if info is None else info.id, "torch_seed": str(torch.initial_seed()),
                "info_seed": "" if info is None else str(info.seed),
                "numpy_state": hashlib.sha256(numpy_key).hexdigest(),
                "python_state": hashlib.sha256(python_key).hexdigest()}


def seed_cases():
    """Seeding rules: initial_seed and the full state right after manual_seed."""
    for seed in SEEDS:
        rec = Recorder(f"manual_seed({seed})", "any", seed=seed)
        rec.initial_seed()
        rec.get_state()
        yield rec.case


def float_sizes(seed):
    """SIZES, plus BIG_SIZES for the BIG_SEEDS."""
    return SIZES + (BIG_SIZES if seed in BIG_SEEDS else [])


def half_sizes(seed):
    """SIZES, 33 and 1000 (float16/bfloat16 draw only whole blocks before the last one), and a
    (1, 4, 64, 64) latent for the BIG_SEEDS."""
    return SIZES + [[33], [1000]] + ([[1, 4, 64, 64]] if seed in BIG_SEEDS else [])


def sized_cases(kernel, op_names, dtypes, seeds=SEEDS, sizes_of=float_sizes):
    """Each op, dtype and size from a fresh manual_seed, then a digest of the state after it."""
    for seed in seeds:
        sizes = sizes_of(seed)
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


def record_parameters(rec, dtype):
    """normal(mean, std) and uniform_(a, b) with non-trivial parameters, at 5 and 100 elements."""
    for size in [[5], [100]]:
        rec.normal(0.5, 2.5, size, dtype)
        rec.normal(-1.25, 0.1, size, dtype)
        rec.uniform_(-1.5, 3.25, size, dtype)
        rec.uniform_(0.1, 0.7, size, dtype)


def parameter_cases(kernel):
    """normal(mean, std), uniform_(a, b), bernoulli, exponential_ (fusing differs by kernel)."""
    for seed in [0, 2**32 + 7]:
        rec = Recorder(f"distributions seed {seed}", kernel, seed=seed)
        for dtype in DTYPES:
            record_parameters(rec, dtype)
            rec.bernoulli_(0.3, [50], dtype)
            rec.bernoulli(torch.linspace(0, 1, 37, dtype=getattr(torch, dtype)))
            rec.exponential_(2.5, [50], dtype)
            rec.state_sha256()
        yield rec.case


def half_parameter_cases(kernel):
    """normal(mean, std), uniform_(a, b), exponential_, bernoulli(p) in float16/bfloat16 (fusing and the
    float -> half casts of the bounds differ by kernel)."""
    for seed in [0, 2**32 + 7]:
        rec = Recorder(f"half distributions seed {seed}", kernel, seed=seed)
        for dtype in HALF_DTYPES:
            record_parameters(rec, dtype)
            rec.uniform_(-1.3, 2.7, [2000], dtype)     # values that round up to b become a
            rec.exponential_(2.5, [50], dtype)
            rec.bernoulli(torch.linspace(0, 1, 37, dtype=getattr(torch, dtype)))
            rec.state_sha256()
        yield rec.case


def dropout_cases():
    """F.dropout masks from torch.manual_seed(seed): p in (0, 1) and the no-draw p = 0 and p = 1."""
    for seed in [0, 42, 2**32 + 7]:
        rec = Recorder(f"dropout seed {seed}", "any", seed=seed, default=True)
        for dtype in ALL_FLOATS:
            for size, p in [([7], 0.5), ([100], 0.1), ([4, 33], 0.9), ([2, 3, 8, 8], 0.25), ([5], 0.0),
                            ([5], 1.0), ([0], 0.5)]:
                rec.dropout_mask(size, p, dtype)
            rec.state_sha256()
        yield rec.case


def init_cases(kernel, seeds):
    """torch.nn.init on fresh tensors: every function, fan rules on 2-D and 4-D shapes, the gains, and
    trunc_normal_'s two samplers (normal rejection for p > 0.3, uniform proposals otherwise); float16
    and bfloat16 for a subset (the rest reach the same uniform_/normal_)."""
    calls = [("uniform_", {"a": -0.3, "b": 0.7}), ("normal_", {"mean": 0.1, "std": 0.02}),
             ("kaiming_uniform_", {"a": math.sqrt(5)}), ("kaiming_uniform_", {"mode": "fan_out", "nonlinearity": "relu"}),
             ("kaiming_normal_", {}), ("kaiming_normal_", {"mode": "fan_out", "nonlinearity": "tanh"}),
             ("kaiming_normal_", {"a": 0.2}), ("xavier_uniform_", {"gain": 1.7}), ("xavier_normal_", {}),
             ("trunc_normal_", {"std": 0.02}), ("trunc_normal_", {}), ("trunc_normal_", {"a": -1.0, "b": 1.0}),
             ("trunc_normal_", {"a": 1.0, "b": 3.0}), ("trunc_normal_", {"mean": 0.3, "std": 0.5, "a": 0.5, "b": 0.6}),
             ("trunc_normal_", {"a": 2.5, "b": 4.0})]
    half_calls = [calls[i] for i in (1, 2, 8, 9, 11)]
    for seed in seeds:
        rec = Recorder(f"nn.init seed {seed}", kernel, seed=seed)
        for shape in [[3, 5], [5, 7], [8, 4, 3, 3]]:
            for dtype in ALL_FLOATS:
                for fn, kwargs in calls if dtype in DTYPES else half_calls:
                    rec.init(fn, shape, dtype, **kwargs)
            rec.state_sha256()
        yield rec.case


def layer_cases(kernel):
    """nn.Linear / nn.Conv2d parameters right after construction (reset_parameters)."""
    for seed in [0, 7]:
        rec = Recorder(f"layers seed {seed}", kernel, seed=seed, default=True)
        for dtype in ["float32", "float16", "bfloat16", "float64"]:
            rec.layer("linear", (3, 2), dtype)
            rec.layer("linear", (128, 64), dtype)
            rec.layer("linear", (5, 1), dtype, bias=False)
            rec.layer("conv2d", (3, 8, 3), dtype)
            rec.layer("conv2d", (4, 6, (3, 5)), dtype, groups=2)
            rec.layer("conv2d", (16, 32, 1), dtype, bias=False)
            rec.state_sha256()
        yield rec.case


def data_cases():
    """DataLoader epochs (three in a row on one generator) and RandomSampler orders."""
    configs = [(10, 3, True, 0, False), (10, 3, True, 2, False), (12, 4, True, 3, True), (7, 7, True, 0, True),
               (10, 3, False, 2, False), (100, 8, True, 4, False)]
    for seed in [0, 2**40 + 5]:
        for loader_generator in (True, False):
            rec = Recorder(f"DataLoader seed {seed} generator={'g' if loader_generator else 'None'}", "any",
                           seed=seed, default=not loader_generator)
            for n, batch_size, shuffle, workers, drop_last in configs:
                for _ in range(3):
                    rec.epoch_plan(n, batch_size, shuffle, workers, drop_last, loader_generator)
                rec.state_sha256()
            yield rec.case
        rec = Recorder(f"RandomSampler seed {seed}", "any", seed=seed)
        for replacement, num_samples in [(False, None), (False, 25), (True, None), (True, 70)]:
            rec.random_sampler(10, replacement, num_samples)
        rec.state_sha256()
        yield rec.case


def large_randperm_case():
    """randperm(214748364): randperm_cpu's inside-out shuffle with random64() (values as a SHA-256)."""
    rec = Recorder(f"randperm({LARGE_RANDPERM}) seed 0 (inside-out)", "any", seed=0)
    rec.randperm(LARGE_RANDPERM)
    rec.state_sha256()
    yield rec.case


def avx2_cases():
    yield from seed_cases()
    yield from sized_cases("avx2", ["rand", "randn"], DTYPES)
    yield from integer_cases()
    yield from sequence_cases()
    yield from resume_cases()
    yield from parameter_cases("avx2")
    yield from sized_cases("avx2", ["rand", "randn"], HALF_DTYPES, HALF_SEEDS, half_sizes)
    yield from half_parameter_cases("avx2")
    yield from dropout_cases()
    yield from init_cases("avx2", [0, 12345])
    yield from layer_cases("avx2")
    yield from data_cases()
    yield from large_randperm_case()


def default_cases():
    yield from sized_cases("default", ["randn"], ["float32"])
    yield from parameter_cases("default")
    yield from sized_cases("default", ["randn"], HALF_DTYPES, HALF_SEEDS, half_sizes)
    yield from half_parameter_cases("default")
    yield from init_cases("default", [0])
    yield from layer_cases("default")


def cpu_vendor():
    """/proc/cpuinfo's vendor_id (torch 2.13's CPU kernels take the same path on every x86-64 vendor)."""
    try:
        with open("/proc/cpuinfo") as info:
            return next((line.split(":")[1].strip() for line in info if line.startswith("vendor_id")), "unknown")
    except OSError:
        return "unknown"


def glibc_version():
    return platform.libc_ver()[1] or "unknown"


def main():
    warnings.filterwarnings("ignore", "from is out of bounds|to - 1 is out of bounds")  # float randint
    warnings.filterwarnings("ignore", "This DataLoader will create")                    # workers > CPUs
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
                     "machine": platform.machine(), "cpu_vendor": cpu_vendor()},
        "source": "torch.Generator (CPU) outputs; kernel 'avx2' cases from torch's AVX2 dispatch, "
                  "'default' cases from a run with ATEN_CPU_CAPABILITY=default, 'any' cases do not "
                  "depend on the kernel",
        "cases": list(avx2_cases()) + json.loads(child.stdout),
    }
    OUT.write_text(json.dumps(document, separators=(",", ":")) + "\n")
    print(f"wrote {OUT} ({OUT.stat().st_size} bytes, {len(document['cases'])} cases)")


if __name__ == "__main__":
    main()

"""Write vectors/torch_cuda.json: real torch CUDA generator outputs, recorded ON A GPU.

    python vectors/make_torch_cuda.py            # needs torch with CUDA and one visible GPU

The committed vectors/torch_cuda.json is this script's output on an NVIDIA H200 (torch 2.11.0+cu130)
from before the half-precision, dropout, randperm, bernoulli and exponential_ cases were added; a run
on a GPU records those too, and prng.verify / tests/test_vectors.py replay whatever the file holds.
Everything recorded comes from torch on the device; the file names the torch and CUDA versions, the
GPU, its SM count and threads per SM (the launch geometry that decides values above one wave, see
docs/torch-cuda.md).

Each case seeds a fresh ``torch.Generator(device="cuda")`` and records a sequence of calls (so the
second call of every case exercises the offset), each followed by ``get_state()`` (seed and offset).
Sizes are chosen around this GPU's wave ``W = 256 * SMs * (threads_per_SM // 256)``: below, at and
above one wave, and above one float4 / double2 per thread. Arrays above FULL_VALUES_MAX elements are
recorded as a SHA-256 of their bytes plus ``samples`` (hex of the elements around each wave boundary).
"""

import sys

import numpy as np
import torch
import torch.nn.functional as F

from make_torch import FULL_VALUES_MAX, encode_array
from vecjson import write

SEEDS = [0, 1, 42, 2**32 + 7, -1, 2**63 + 5]      # all of them at the small sizes
WAVE_SEEDS = [0, 42]                              # these also around the wave
RANDINT_RANGES = [(0, 10), (-5, 7), (0, 2**28 - 1), (0, 2**28), (-(2**40), 2**41)]
FLOAT_DTYPES = ["float32", "float64"]
HALF_DTYPES = ["float16", "bfloat16"]
LATENT_SHAPES = [[1, 4, 64, 64], [1, 16, 128, 128]]    # Stable Diffusion 1.x/2.x and SD3/Flux-size latents
LATENT_SEEDS = [0, 42, 12345]
RANDPERM_SIZES = [1, 2, 3, 10, 100, 1000, 30083, 30084, 100000, 1000000]  # int32 keys up to 30083
SAMPLE_RADIUS = 3               # elements recorded on each side of a wave boundary


def geometry():
    """(device properties, W): W is the number of threads of one full launch (one wave)."""
    props = torch.cuda.get_device_properties(0)
    wave = 256 * props.multi_processor_count * (props.max_threads_per_multi_processor // 256)
    return props, wave


def sizes(seed, wave):
    """Small numels for every seed; for WAVE_SEEDS also numels below, at and above one wave and past one
    double2 (2W) and one float4 (4W) per thread."""
    numels = {1, 5, 256, 257}
    if seed in WAVE_SEEDS:
        numels |= {1000, wave - 1, wave, wave + 1, 2 * wave + 1, 4 * wave + 5}
    return [[n] for n in sorted(numels)]


def samples(values, wave):
    """The elements around every multiple of the wave (and the last ones) as {"index", "hex"}."""
    flat = values.reshape(-1)
    picks = set(range(max(flat.size - SAMPLE_RADIUS, 0), flat.size))
    for boundary in range(wave, flat.size, wave):
        picks.update(range(boundary - SAMPLE_RADIUS, min(boundary + SAMPLE_RADIUS, flat.size)))
    index = sorted(picks)
    data = flat[index]
    return {"index": index, "hex": data.astype(data.dtype.newbyteorder("<")).tobytes().hex()}


class Recorder:
    """One seeded CUDA generator; every call is recorded with torch's result and the state after it.
    ``default=True`` uses torch's default CUDA generator (what F.dropout draws from), seeded the same."""

    def __init__(self, name, seed, wave, default=False):
        self.gen = torch.cuda.default_generators[0] if default else torch.Generator(device="cuda")
        self.gen.manual_seed(seed)
        self.wave = wave
        self.case = {"kind": "torch_cuda", "name": name, "seed": str(seed), "ops": []}

    def _add(self, op, out, **fields):
        torch.cuda.synchronize()
        values = out.cpu()
        expect = encode_array(values)
        if values.numel() > FULL_VALUES_MAX:
            raw = values.view(torch.int16).numpy().view(np.uint16) if values.dtype == torch.bfloat16 else values.numpy()
            expect["samples"] = samples(raw, self.wave)
        state = bytes(self.gen.get_state().numpy()).hex()
        self.case["ops"].append({"op": op, **fields, "expect": expect, "state_after": state})

    def rand(self, size, dtype):
        self._add("rand", torch.rand(size, generator=self.gen, device="cuda", dtype=getattr(torch, dtype)),
                  size=size, dtype=dtype)

    def randn(self, size, dtype):
        self._add("randn", torch.randn(size, generator=self.gen, device="cuda", dtype=getattr(torch, dtype)),
                  size=size, dtype=dtype)

    def normal(self, mean, std, size, dtype):
        out = torch.normal(mean, std, size, generator=self.gen, device="cuda", dtype=getattr(torch, dtype))
        self._add("normal", out, mean=mean.hex(), std=std.hex(), size=size, dtype=dtype)

    def uniform_(self, a, b, size, dtype):
        out = torch.empty(size, device="cuda", dtype=getattr(torch, dtype)).uniform_(a, b, generator=self.gen)
        self._add("uniform_", out, a=a.hex(), b=b.hex(), size=size, dtype=dtype)

    def randint(self, low, high, size, dtype="int64"):
        out = torch.randint(low, high, size, generator=self.gen, device="cuda", dtype=getattr(torch, dtype))
        self._add("randint", out, low=str(low), high=str(high), size=size, dtype=dtype)

    def dropout_mask(self, size, p, dtype):
        """The elements F.dropout keeps (the default CUDA generator: default=True)."""
        out = F.dropout(torch.ones(size, device="cuda", dtype=getattr(torch, dtype)), p, training=True) != 0
        self._add("dropout_mask", out, size=size, p=float(p).hex(), dtype=dtype)

    def randperm(self, n):
        self._add("randperm", torch.randperm(n, generator=self.gen, device="cuda"), n=n)

    def bernoulli_(self, p, size, dtype):
        out = torch.empty(size, device="cuda", dtype=getattr(torch, dtype)).bernoulli_(p, generator=self.gen)
        self._add("bernoulli_", out, p=float(p).hex(), size=size, dtype=dtype)

    def bernoulli(self, probs):
        self._add("bernoulli", torch.bernoulli(probs.cuda(), generator=self.gen), p=encode_array(probs))

    def exponential_(self, lambd, size, dtype):
        out = torch.empty(size, device="cuda", dtype=getattr(torch, dtype)).exponential_(lambd, generator=self.gen)
        self._add("exponential_", out, lambd=float(lambd).hex(), size=size, dtype=dtype)

    def set_offset(self, offset):
        self.gen.set_offset(offset)
        self.case["ops"].append({"op": "set_offset", "offset": str(offset)})


def sampling_cases(seed, size, dtypes, wave):
    """rand and randn of ``size`` in each dtype, twice in a row, then a small call after the big one."""
    for dtype in dtypes:
        for op in ("rand", "randn"):
            rec = Recorder(f"seed {seed}: {op} {size} {dtype} x2, then {op} [5]", seed, wave)
            for shape in (size, size, [5]):
                getattr(rec, op)(shape, dtype)
            yield rec.case


def parameter_case(dtype, wave):
    """normal(2.5, 0.75) and uniform_(-2, 3) below and above the wave."""
    rec = Recorder(f"seed 7: normal(2.5, 0.75), uniform_(-2, 3) {dtype}", 7, wave)
    for size in ([1000], [wave + 1]):
        rec.normal(2.5, 0.75, size, dtype)
        rec.uniform_(-2.0, 3.0, size, dtype)
    return rec.case


def cases(wave):
    """Each op at each size for a few seeds, twice in a row, then a small call after the big one."""
    for seed in SEEDS:
        for size in sizes(seed, wave):
            yield from sampling_cases(seed, size, FLOAT_DTYPES, wave)
            for low, high in RANDINT_RANGES:
                rec = Recorder(f"seed {seed}: randint({low}, {high}) {size} x2, then [5]", seed, wave)
                for shape in (size, size, [5]):
                    rec.randint(low, high, shape)
                yield rec.case
    for dtype in FLOAT_DTYPES:
        yield parameter_case(dtype, wave)
    yield from half_cases(wave)
    yield from dropout_cases(wave)
    yield from integer_and_discrete_cases(wave)
    # torch maps cuRAND's 1.0 to 0.0: seed 0, counter block 19169, thread 157 draws 0xffffffa5
    rec = Recorder("seed 0: rand [256] at offset 4 * 19169 (element 157: cuRAND 1.0 -> 0.0)", 0, wave)
    rec.set_offset(4 * 19169)
    rec.rand([256], "float32")
    yield rec.case


def half_cases(wave):
    """float16/bfloat16 rand/randn (computed in float32, then cast) around the wave, normal/uniform_ with
    parameters, and diffusion latents (randn of LATENT_SHAPES) in float16, bfloat16 and float32."""
    for seed in [0, 42, 2**32 + 7, -1]:
        for size in sizes(seed, wave):
            yield from sampling_cases(seed, size, HALF_DTYPES, wave)
    for dtype in HALF_DTYPES:
        yield parameter_case(dtype, wave)
    for seed in LATENT_SEEDS:
        for shape in LATENT_SHAPES:
            for dtype in HALF_DTYPES + ["float32"]:
                rec = Recorder(f"seed {seed}: latent randn {shape} {dtype}", seed, wave)
                rec.randn(shape, dtype)
                yield rec.case


def dropout_cases(wave):
    """F.dropout masks from torch.cuda.manual_seed(seed): sizes that pick each vector width (VEC 8, 4, 2
    and the grid-stride kernel for odd numels) below and above the wave, in every float dtype."""
    for seed in [0, 42]:
        for dtype in HALF_DTYPES + FLOAT_DTYPES:
            rec = Recorder(f"seed {seed}: dropout masks {dtype}", seed, wave, default=True)
            for size in ([1], [7], [6], [12], [1000], [4, 8, 33], [wave + 8], [4 * wave + 8], [2 * wave + 3]):
                for p in (0.1, 0.5):
                    rec.dropout_mask(size, p, dtype)
            yield rec.case


def integer_and_discrete_cases(wave):
    """randperm on both sides of the int32/int64 key switch, bernoulli_ (scalar p), bernoulli (p tensor),
    exponential_."""
    for seed in [0, 42]:
        rec = Recorder(f"seed {seed}: randperm", seed, wave)
        for n in RANDPERM_SIZES:
            rec.randperm(n)
        yield rec.case
        rec = Recorder(f"seed {seed}: bernoulli_, bernoulli, exponential_", seed, wave)
        for size in ([1000], [wave + 1]):
            for dtype in ["float32", "float16", "float64", "bool"]:
                rec.bernoulli_(0.3, size, dtype)
            for dtype in HALF_DTYPES + FLOAT_DTYPES:
                rec.exponential_(2.5, size, dtype)
        for dtype in ["float32", "float16", "float64"]:
            for count in (37, 5000):
                rec.bernoulli(torch.linspace(0, 1, count, dtype=getattr(torch, dtype)))
        yield rec.case


def main():
    assert torch.cuda.is_available(), "needs a CUDA GPU"
    props, wave = geometry()
    write("torch_cuda.json", family="torch_cuda", generated_by="vectors/make_torch_cuda.py",
          versions={"torch": torch.__version__, "cuda": torch.version.cuda, "numpy": np.__version__,
                    "gpu": props.name, "capability": f"{props.major}.{props.minor}",
                    "sm_count": props.multi_processor_count,
                    "threads_per_sm": props.max_threads_per_multi_processor, "wave": wave,
                    "python": sys.version.split()[0]},
          source="torch.Generator(device='cuda') outputs on the GPU named in versions",
          cases=list(cases(wave)))


if __name__ == "__main__":
    main()

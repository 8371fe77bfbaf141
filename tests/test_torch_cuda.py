"""prng.compat._torch_cuda: torch's CUDA generator (Philox4x32-10 through cuRAND), without a GPU.

What is checked:

* vectors/torch_cuda.json, torch's own outputs on an NVIDIA H200 (replayed case by case by
  test_vectors.py through prng.verify): here the normals are measured in ulps, with the bit-identical
  counts pinned, and half-precision normals are checked against the recorded float32 ones;
* the Philox path (curand_init layout -> counter/key) against the Random123 known-answer vectors
  and against prng.Philox4x32 (itself checked against those vectors and randomgen);
* the launch geometry and offset bookkeeping, against numbers worked by hand from torch's source
  (each table row says how), and the layouts of the dropout, bernoulli and randperm kernels;
* cuRAND's uniform conversions and torch's 1.0 -> 0.0 rule on crafted words, and on real Philox
  draws that hit 1.0;
* [P] real torch CUDA printouts from public issues and code (vectors/torch_cuda_public.json), to the
  printed precision (4 decimals), not bitwise.
"""

import hashlib
import json
from fractions import Fraction

import numpy as np
import pytest

import prng
from conftest import VECTORS_DIR, load_vectors
from prng import verify
from prng.compat import _torch_cuda as tc
from prng.compat import _torch_dtypes as _dtypes
from prng.compat import torch as torch_compat

PUBLIC = load_vectors("torch_cuda_public")["cases"]
KAT_CASES = [c for c in load_vectors("philox4x32")["cases"] if c.get("source") == "random123_kat_vectors.txt"]
PRINT_HALF_UNIT = 0.5e-4        # torch prints 4 decimals: the printed value is within half a unit
NORMAL_SLACK = 5e-6             # our logf/__sincosf stand-ins are not the GPU's bits (docs/torch-cuda.md)
FULL_DRAW_MAX = 2**21           # larger printed draws are checked element by element (see _printed_values)


def words(values):
    return np.array(values, dtype=np.uint64)


# ---- Philox: the curand_init(seed, subsequence, offset) layout --------------------------------

@pytest.mark.parametrize("case", KAT_CASES, ids=lambda c: c["name"])
def test_curand4_reproduces_random123_kat(case):
    """KAT counter (c0, c1, c2, c3), key (k0, k1) = curand_init(seed = k1:k0, subsequence = c3:c2,
    offset = 4 * c1:c0): curand4's first output is philox4x32_10(counter, key)."""
    c0, c1, c2, c3 = (int(w) for w in case["make"]["counter"])
    k0, k1 = (int(w) for w in case["make"]["key"])
    expect = next(op["expect"] for op in case["ops"] if op["op"] == "next_uint32")[:4]
    got = tc.curand4(k0 | k1 << 32, c0 | c1 << 32, words([c2 | c3 << 32]))
    assert [int(w[0]) for w in got] == expect


@pytest.mark.parametrize("seed, block, thread", [(0, 0, 0), (42, 7, 12345), (2**64 - 1, 2**40 + 3, 2**33 + 5),
                                                  (67280421310721, 0, 270335)])
def test_curand4_matches_philox4x32_bit_generator(seed, block, thread):
    """The k-th curand4 of a thread equals block k of prng.Philox4x32(counter=(block, thread), key=seed)."""
    counter = [block & 0xFFFFFFFF, block >> 32, thread & 0xFFFFFFFF, thread >> 32]
    bitgen = prng.Philox4x32(counter=counter, key=[seed & 0xFFFFFFFF, seed >> 32])
    expect = [bitgen.next_uint32() for _ in range(12)]
    got = [int(w[0]) for k in range(3) for w in tc.curand4(seed, block + k, words([thread]))]
    assert got == expect


# ---- launch geometry and offsets (calc_execution_policy, philox_cuda_state) -------------------

# (numel, unroll, sm_count, threads_per_sm) -> (counter_offset, grid), worked by hand from
# grid = min(ceil(numel / 256), sm_count * (threads_per_sm // 256)) and
# counter_offset = ((numel - 1) // (256 * grid * unroll) + 1) * 4  (DistributionTemplates.h).
POLICY_TABLE = [
    ((1, 4, 132, 2048), (4, 1)),                  # one block; (0 // 1024 + 1) * 4
    ((256, 4, 132, 2048), (4, 1)),
    ((257, 4, 132, 2048), (4, 2)),                # ceil(257 / 256) = 2 blocks
    ((270336, 4, 132, 2048), (4, 1056)),          # H100 SXM wave: 132 * 8 blocks * 256 threads
    ((270337, 4, 132, 2048), (4, 1056)),          # grid capped at 1056; 270336 // 1081344 = 0
    ((1081344, 4, 132, 2048), (4, 1056)),         # exactly one float4 per thread
    ((1081345, 4, 132, 2048), (8, 1056)),         # 1081344 // 1081344 = 1 -> a second call
    ((540673, 2, 132, 2048), (8, 1056)),          # double2: 540672 // 540672 = 1
    ((40960, 4, 40, 1024), (4, 160)),             # T4 wave: 40 * 4 blocks * 256 (issue 194676)
    ((40961, 4, 40, 1024), (4, 160)),             # T4: element 40960 is thread 0's second component
    ((89088, 4, 58, 1536), (4, 348)),             # L4 wave: 58 * 6 blocks * 256 (issue 194676)
    ((9483264, 4, 132, 2048), (36, 1056)),        # issue 143086: 9483263 // 1081344 = 8 -> 9 calls
    ((9483264, 4, 108, 2048), (44, 864)),         # A100: 9483263 // 884736 = 10 -> 11 calls
    ((100000, 4, 48, 1536), (4, 288)),            # RTX A4000, issue 97097: 99999 // 294912 = 0
    ((1000, 4, 1, 256), (4, 1)),                  # one block of 256: 999 // 1024 = 0
    ((1025, 4, 1, 256), (8, 1)),
]


@pytest.mark.parametrize("args, expect", POLICY_TABLE, ids=lambda v: str(v))
def test_execution_policy_table(args, expect):
    assert tc.execution_policy(*args) == expect


def test_launch_plan_splits_tensors_needing_64bit_indexing():
    """float32, numel 2**29 + 1: the last byte offset 2**31 > INT32_MAX, so torch's parent call reserves
    ((2**29) // 1081344 + 1) * 4 = 497 * 4 = 1988, then with_32bit_indexing halves it into 2**28
    (first) and 2**28 + 1 elements, each reserving ((n - 1) // 1081344 + 1) * 4 = 249 * 4 = 996."""
    plan = tc.launch_plan(2**29 + 1, 4, 4, 132, 2048)
    assert plan == [tc.Launch(0, 2**29 + 1, 1056, 1988, False),
                    tc.Launch(0, 2**28, 1056, 996, True),
                    tc.Launch(2**28, 2**28 + 1, 1056, 996, True)]
    assert tc.launch_plan(2**29, 4, 4, 132, 2048) == [tc.Launch(0, 2**29, 1056, 1988, True)]  # 1 + (2**29-1)*4 fits
    assert [p.writes for p in tc.launch_plan(2**28 + 1, 2, 8, 132, 2048)] == [False, True, True]  # float64
    assert tc.launch_plan(0, 4, 4, 132, 2048) == []        # empty tensors return before philox_cuda_state


def test_offset_advances_per_call():
    """Offsets from the policy table: 4 per small call, 8 for float32 above one float4 per thread."""
    gen = tc.CUDAGenerator(sm_count=1, threads_per_sm=256)       # 256 threads: one float4 each = 1024
    steps = [(1000, np.float32, 4), (1025, np.float32, 8), (513, np.float64, 8), (0, np.float32, 0),
             (512, np.float64, 4)]
    offset = 0
    for numel, dtype, step in steps:
        gen.uniform_(np.empty(numel, dtype))
        offset += step
        assert gen.get_offset() == offset


def test_second_call_starts_at_the_next_counter():
    """The second small call reads ctr.x = offset / 4 = 1: it equals the elements of one first call
    made after set_offset(4)."""
    gen = tc.CUDAGenerator(132).manual_seed(5)
    gen.uniform_(np.empty(10, np.float32))
    second = gen.uniform_(np.empty(10, np.float32))
    fresh = tc.CUDAGenerator(132).manual_seed(5)
    fresh.set_offset(4)
    assert np.array_equal(second, fresh.uniform_(np.empty(10, np.float32)))


# ---- uniform conversions and torch's 1.0 -> 0.0 ------------------------------------------------

def test_curand_uniform_rounds_the_word_to_float_first():
    """_curand_uniform: float(x) * 2**-32 + 2**-33 (hand-worked: 2**32 - 128 rounds up to 2**32 under
    ties-to-even, 2**32 - 129 down to 2**32 - 256, whose 1 - 2**-24 absorbs the 2**-33)."""
    got = tc.curand_uniform(words([0, 1, 2**32 - 129, 2**32 - 128, 2**32 - 1]))
    assert got.dtype == np.float32
    assert got.tolist() == [2.0**-33, 2.0**-32 + 2.0**-33, 1 - 2.0**-24, 1.0, 1.0]


def test_curand_uniform_double_hq():
    """z = x ^ (y << 21): (0x1FFFFF, 0xFFFFFFFF) gives z = 2**53 - 1, whose (2**54 - 1) * 2**-54 ties
    to 1.0; z = 0 gives 2**-54."""
    got = tc.curand_uniform_double_hq(words([0x1FFFFF, 0, 1]), words([0xFFFFFFFF, 0, 0]))
    assert got.tolist() == [1.0, 2.0**-54, 2.0**-53 + 2.0**-54]


def test_rand_maps_one_to_zero_on_a_real_draw():
    """Seed 0, counter block 19169, thread 157: word x = 0xffffffa5 >= 2**32 - 128, so cuRAND gives
    1.0 and torch's uniform_kernel writes 0.0 (found by a search over blocks and threads)."""
    x = tc.curand4(0, 19169, words([157]))[0]
    assert int(x[0]) == 0xFFFFFFA5 and tc.curand_uniform(x)[0] == 1.0
    gen = tc.CUDAGenerator(132).manual_seed(0)
    gen.set_offset(4 * 19169)
    values = gen.uniform_(np.empty(256, np.float32))
    assert values[157] == 0.0 and np.count_nonzero(values == 0.0) == 1


def test_rand_maps_one_to_zero_in_a_later_component():
    """Seed 0, block 126162, thread 121: word z = 0xffffffff. With one 256-thread block, element
    121 + 2 * 256 = 633 of a 1024-element rand is that thread's third component."""
    assert int(tc.curand4(0, 126162, words([121]))[2][0]) == 0xFFFFFFFF
    gen = tc.CUDAGenerator(sm_count=1, threads_per_sm=256).manual_seed(0)
    gen.set_offset(4 * 126162)
    assert gen.uniform_(np.empty(1024, np.float32))[633] == 0.0


def test_uniform_range_is_one_fused_multiply_add():
    """uniform_(a, b) = fma(u, b - a, a): the exactly rounded u * (b - a) + a, checked with fractions
    (float(Fraction) rounds correctly); no value reaches b, so none is reversed to a."""
    gen = tc.CUDAGenerator(132).manual_seed(3)
    u = gen.uniform_(np.empty(200, np.float64))
    gen.manual_seed(3)
    v = gen.uniform_(np.empty(200, np.float64), -2.0, 3.0)
    assert v.tolist() == [float(Fraction(x) * 5 - 2) for x in u.tolist()]


# ---- integers: torch's formulas applied to the (KAT-checked) Philox words ---------------------

@pytest.mark.parametrize("span, low", [(10, 0), (7, -3), (2**28 - 1, 5)])
def test_random_from_to_small_range_uses_one_word(span, low):
    """span < 2**28: element e (below one wave) = Philox word x of thread e % span + low [S]."""
    out = tc.CUDAGenerator(132).manual_seed(9).random_from_to_(np.empty(300, np.int64), span, low)
    x = tc.curand4(9, 0, np.arange(300, dtype=np.uint64))[0]
    assert out.tolist() == [int(v) % span + low for v in x]


def test_random_from_to_large_range_uses_two_words():
    """span >= 2**28: (x << 32 | y) % span + low; unroll 2 (ulonglong2) [S]."""
    span, low = 2**40 + 7, -(2**39)
    out = tc.CUDAGenerator(132).manual_seed(9).random_from_to_(np.empty(300, np.int64), span, low)
    x, y = tc.curand4(9, 0, np.arange(300, dtype=np.uint64))[:2]
    assert out.tolist() == [((int(a) << 32) | int(b)) % span + low for a, b in zip(x, y)]


# ---- [P] public printouts of real torch CUDA outputs --------------------------------------------

def _printed_values(gen, call, indices):
    """Our values at the printed flat indices of one call, advancing ``gen`` as the call does.

    Draws up to FULL_DRAW_MAX elements run through the generator. Larger ones (a 9.5M-element randn)
    take the generator's own launch plan and compute each printed element alone with launch_values
    (valid as printed: randn's transform fma(z, 1, 0) is the identity up to the sign of a zero).
    """
    numel = int(np.prod(call["shape"]))
    if numel <= FULL_DRAW_MAX:
        out = np.empty(numel, np.float32)
        if call["op"] == "rand":
            gen.uniform_(out)
        else:
            gen.normal_(out, call.get("mean", 0.0), call.get("std", 1.0))
        return out[indices]
    assert call["op"] == "randn", "large printouts are randn only"
    (launch,) = tc.launch_plan(numel, 4, 4, gen.sm_count, gen.threads_per_sm)
    offset = gen.get_offset()
    gen.set_offset(offset + launch.counter_offset)
    return np.array([tc.launch_values(gen.initial_seed(), offset, e + 1, launch.grid, tc.NORMAL_FLOAT, first=e)[0]
                     for e in indices])


@pytest.mark.parametrize("case", PUBLIC, ids=lambda c: c["name"])
def test_public_torch_cuda_printouts(case):
    """[P] Every printed value agrees with ours to the printed precision (4 decimals; normals get a
    further 5e-6 for the GPU's logf/__sincosf)."""
    gen = tc.CUDAGenerator(case["sm_count"] or 1, case["threads_per_sm"] or tc.DEFAULT_THREADS_PER_SM)
    gen.manual_seed(case["seed"])
    for call in case["calls"]:
        if call["op"] == "skip_offset":
            gen.set_offset(gen.get_offset() + call["increment"])
            continue
        indices = [i for i, _ in call["printed"]]
        printed = np.array([float(v) for _, v in call["printed"]])
        got = _printed_values(gen, call, indices)
        slack = PRINT_HALF_UNIT + (1e-9 if call["op"] == "rand" else NORMAL_SLACK)
        assert np.abs(got - printed).max() <= slack, f"{case['name']}: {got} vs {printed}"


def test_public_printouts_need_the_right_sm_count():
    """Above one wave the SM count matters: issue 97097's rows 997-999 are not reproduced with the
    RTX 2070 Super's geometry (40 SMs, 1024 threads) instead of the A4000's (48, 1536)."""
    case = next(c for c in PUBLIC if "97097" in c["name"])
    call = case["calls"][0]
    gen = tc.CUDAGenerator(40, 1024).manual_seed(case["seed"])
    out = gen.normal_(np.empty(100000, np.float32), call["mean"], call["std"])
    tail = [(i, float(v)) for i, v in call["printed"] if i >= 99700]
    assert max(abs(out[i] - v) for i, v in tail) > 0.1


def _front_dispatches_cuda():
    """Whether prng.compat.torch.Generator(device="cuda", sm_count=...) is wired to CUDAGenerator."""
    try:
        return isinstance(torch_compat.Generator(device="cuda", sm_count=1), tc.CUDAGenerator)
    except (TypeError, ValueError):
        return False


@pytest.mark.skipif(not _front_dispatches_cuda(), reason="prng.compat.torch does not dispatch device='cuda' yet")
def test_torch_front_with_a_cuda_generator():
    """[P] through prng.compat.torch: seed 0's rand(5) twice (issue 47347, storch-example) and seed 10's
    randn(3) (issue 79496); randint is random_from_to_; CPU-only functions refuse CUDA generators."""
    gen = torch_compat.Generator(device="cuda", sm_count=132).manual_seed(0)
    for printed in ([0.3990, 0.5167, 0.0249, 0.9401, 0.9459], [0.9722, 0.7910, 0.4690, 0.3300, 0.3345]):
        assert np.abs(torch_compat.rand(5, generator=gen) - printed).max() <= PRINT_HALF_UNIT
    randn = torch_compat.randn(3, generator=torch_compat.Generator(device="cuda", sm_count=1).manual_seed(10))
    assert np.abs(randn - [-0.1029, 1.6810, -0.2708]).max() <= PRINT_HALF_UNIT + NORMAL_SLACK
    twin = tc.CUDAGenerator(132).manual_seed(0)
    twin.set_offset(gen.get_offset())
    assert np.array_equal(torch_compat.randint(-5, 7, (3, 4), generator=gen),
                          twin.random_from_to_(np.empty((3, 4), np.int64), 12, -5))


# ---- vectors/torch_cuda.json: torch on an H200 (every case replayed by test_vectors.py) -----------
#
# Normals are not bit-exact (the GPU's logf/__sincosf and log/sincospi); test_vectors.py replays them
# within verify.CUDA_CLOSE_UNITS. Here they are measured in plain ulps of the GPU's value, and the
# counts of bit-identical values are pinned: a change that moves any of them (a dropped half-step
# offset of the Box-Muller angle, say: float64's largest difference goes from 44 to 5726 ulps, float32
# loses 3 identical values) fails.

GPU_FILE = load_vectors("torch_cuda")
NORMAL_OPS = ("randn", "normal")
# float32 / float64: what the 11,596 recorded values of each show
NORMAL_ULPS = {"float32": 2973, "float64": 44}          # largest |ours - GPU| in ulps of the GPU's value
NORMAL_IDENTICAL = {"float32": 2775, "float64": 9322}   # bit-identical values
# float16 / bfloat16 normals: torch's kernel is the float32 one with the value cast to half, on the same
# elements, so the GPU's half normals are its recorded float32 normals rounded; ours come from our half
# path. At most one half ulp apart (the float32 values differ by < 2**-19).
HALF_IDENTICAL = {"float16": 11587, "bfloat16": 11594}  # of 11,596


def ulp_distance(ours, theirs):
    """|ours - theirs| in ulps (the distance between their ordered integer encodings)."""
    bits = f"i{ours.itemsize}"
    def ordered(x):
        i = x.view(bits).astype(np.int64)
        return np.where(i < 0, np.iinfo(bits).min - i, i)
    return np.abs(ordered(ours) - ordered(theirs))


def recorded_normals(dtype=None):
    """(dtype, ours, GPU's) over every recorded randn/normal value; with ``dtype`` the cases are replayed
    with that dtype instead (float32 cases only: same offsets), the GPU's float32 values rounded to it."""
    found = {}
    for case in verify.file_cases(GPU_FILE):
        if dtype is not None:
            if not any(op["op"] in NORMAL_OPS and op["dtype"] == "float32" for op in case["ops"]):
                continue
            case = dict(case, ops=[dict(op, dtype=dtype) if op.get("dtype") == "float32" else op for op in case["ops"]])
        for op, got, _ in verify.cuda_recorded(case):
            if op["op"] in NORMAL_OPS:
                entry = dict(op["expect"], dtype="float32") if dtype is not None else op["expect"]
                ours, theirs = verify.cuda_pairs(got, entry)
                if dtype is not None:               # __float2half / __float2bfloat16: nearest, ties to even
                    theirs = theirs.astype(_dtypes.numpy_dtype(dtype))
                found.setdefault(op["dtype"], ([], []))
                found[op["dtype"]][0].append(ours)
                found[op["dtype"]][1].append(theirs)
    return {name: (np.concatenate(a), np.concatenate(b)) for name, (a, b) in found.items()}


def test_recorded_normals_in_ulps():
    for name, (ours, theirs) in recorded_normals().items():
        ulps = ulp_distance(ours, theirs)
        assert ours.size == 11596
        assert ulps.max() <= NORMAL_ULPS[name], (name, int(ulps.max()))
        assert np.count_nonzero(ulps == 0) >= NORMAL_IDENTICAL[name], (name, int(np.count_nonzero(ulps == 0)))


@pytest.mark.parametrize("name", ["float16", "bfloat16"])
def test_half_normals_against_the_recorded_float32(name):
    """The bitwise rate of CUDA half-precision normals: float16 11,587 / 11,596 (99.92%), bfloat16
    11,594 / 11,596 (99.98%) bit-identical; the rest one ulp apart."""
    pytest.importorskip("ml_dtypes") if name == "bfloat16" else None
    (ours, theirs), = recorded_normals(name).values()
    ulps = ulp_distance(ours.view(np.uint16).view(np.int16), theirs.view(np.uint16).view(np.int16))
    assert ours.size == 11596 and ulps.max() <= 1
    assert np.count_nonzero(ulps == 0) >= HALF_IDENTICAL[name], int(np.count_nonzero(ulps == 0))


def test_box_muller_angles_keep_the_half_step():
    """cuRAND's angles: float ``v = y * 2pi 2**-32 + pi 2**-32`` and double ``v = 2 * (z 2**-53 + 2**-54)``
    (curand_normal.h), so a zero word still gives a non-zero angle: sin v = pi 2**-32 (float, as float
    rounds it) and sinpi(2**-53) (double)."""
    sin, _ = tc.curand_box_muller(words([0]), words([0]))
    radius = np.sqrt(np.float32(-2.0) * np.log(np.float64(2.0**-33)).astype(np.float32))
    assert abs(sin[0] / radius - np.pi * 2.0**-32) < 1e-15
    sin, _ = tc.curand_box_muller_double(words([0]), words([0]), words([0]), words([0]))
    assert abs(sin[0] / np.sqrt(-2.0 * np.log(2.0**-54)) - np.pi * 2.0**-53) < 1e-30


# ---- the kernels added for training and latents: layouts and offsets worked from torch's source ------

@pytest.mark.parametrize("n, itemsize, vec", [
    (16, 4, 4), (16, 2, 8), (16, 8, 2), (12, 2, 4), (6, 2, 2), (7, 4, 1), (7, 2, 1), (10, 4, 2), (1, 8, 1),
])
def test_dropout_vector_size(n, itemsize, vec):
    """get_vector_size: 16 bytes' worth (float32 4, half 8, double 2), halved until it divides n."""
    assert tc.dropout_vector_size(n, itemsize) == vec


@pytest.mark.parametrize("n, bits", [(1, 3), (2, 5), (10, 9), (1000, 23), (30083, 32), (30084, 33),
                                     (2**31 - 1, 64)])
def test_randperm_key_bits(n, bits):
    """ceil(log2(n - (6 n**2 + 1) / (12 log 0.9))): 1 -> log2(6.54) = 2.7 -> 3; int32 keys up to n = 30083."""
    assert tc.randperm_key_bits(n) == bits


def test_dropout_mask_layout_and_offset():
    """float16, n = 16 on one 256-thread block: VEC 8, so thread t keeps elements 8t..8t+7 from its two
    curand_uniform4 calls (counters 0 and 1), compared with float(1 - p); the offset grows by
    execution_policy(16, 4) = 4. float32 n = 7 (VEC 1) is the grid-stride layout."""
    gen = tc.CUDAGenerator(sm_count=1, threads_per_sm=256).manual_seed(3)
    mask = gen.dropout_mask(16, 0.25, "float16")
    draws = [np.concatenate(tc._uniform4(tc.curand4(3, k, np.array([t], np.uint64)))) for t in (0, 1) for k in (0, 1)]
    assert np.array_equal(mask, np.concatenate(draws) < np.float32(0.75)) and gen.get_offset() == 4
    mask = gen.dropout_mask(7, 0.5, "float32")
    assert np.array_equal(mask, tc.launch_values(3, 4, 7, 1, tc.UNIFORM_FLOAT) < np.float32(0.5))


def test_bernoulli_tensor_layout_and_offset():
    """torch.bernoulli(p): offset + 12 (philox_cuda_state(10)), thread t of CUDA_tensor_apply2 (step 4)
    draws elements 4t..4t+3 from counter offset/4, and keeps u <= p."""
    gen = tc.CUDAGenerator(132).manual_seed(11)
    gen.set_offset(8)
    p = np.linspace(0, 1, 9, dtype=np.float32)
    got = gen.bernoulli(p)
    words = tc.curand4(11, 2, np.arange(3, dtype=np.uint64))
    u = np.stack(tc._uniform4(words), axis=1).reshape(-1)[:9]
    assert np.array_equal(got, (u <= p).astype(np.float32)) and gen.get_offset() == 20


def test_randperm_offsets_and_a_duplicate_island():
    """randperm(n): the int32 keys' random_ launch (unroll 2: offset + 4 for small n), then + n rounded up
    to 4 for the duplicate-key kernel. Keys sorted on their low 3 bits for n = 1 ... the island shuffle
    is checked on a run of equal keys placed by hand."""
    gen = tc.CUDAGenerator(132).manual_seed(0)
    assert gen.randperm(1).tolist() == [0] and gen.get_offset() == 8
    assert sorted(gen.randperm(10).tolist()) == list(range(10)) and gen.get_offset() == 8 + 4 + 12
    run = np.arange(5)
    tc._shuffle_run(run, 9, 16, 3)
    words = [int(w[0]) for k in range(1) for w in tc.curand4(9, 4, np.array([3], np.uint64))]
    expect = list(range(5))
    for i, word in zip(range(4, 0, -1), words):
        r = word % (i + 1)
        expect[i], expect[r] = expect[r], expect[i]
    assert run.tolist() == expect


def _encode(values):
    """An ARRAY entry as make_torch_cuda.py writes it (little-endian bits; bfloat16 as raw patterns)."""
    values = np.asarray(values)
    bits = values.view(f"u{values.itemsize}").astype(f"<u{values.itemsize}")
    return {"dtype": values.dtype.name, "shape": list(values.shape), "hex": bits.tobytes().hex()}


def test_replayer_reads_every_op_make_torch_cuda_writes():
    """Plumbing, not truth: one case in make_torch_cuda.py's format with every op a GPU run now records,
    filled from this module's own outputs (so only the reading is checked), replays clean, and fails
    when one recorded value changes. Their truth comes from a run of the script on a GPU."""
    pytest.importorskip("ml_dtypes")
    gen = tc.CUDAGenerator(132, 2048).manual_seed(5)
    calls = [({"op": "dropout_mask", "size": [12], "p": (0.5).hex(), "dtype": "float16"},
              lambda: torch_compat.dropout_mask([12], 0.5, generator=gen, dtype="float16")),
             ({"op": "randperm", "n": 10}, lambda: torch_compat.randperm(10, generator=gen)),
             ({"op": "bernoulli_", "p": (0.3).hex(), "size": [10], "dtype": "bool"},
              lambda: torch_compat.bernoulli_(np.empty(10, bool), 0.3, generator=gen)),
             ({"op": "bernoulli", "p": _encode(np.linspace(0, 1, 37, dtype=np.float32))},
              lambda: torch_compat.bernoulli(np.linspace(0, 1, 37, dtype=np.float32), generator=gen)),
             ({"op": "exponential_", "lambd": (2.5).hex(), "size": [10], "dtype": "float16"},
              lambda: torch_compat.exponential_(np.empty(10, np.float16), 2.5, generator=gen)),
             ({"op": "rand", "size": [5], "dtype": "bfloat16"}, lambda: torch_compat.rand(5, generator=gen, dtype="bfloat16")),
             ({"op": "randn", "size": [1, 4, 8, 8], "dtype": "float16"},
              lambda: torch_compat.randn(1, 4, 8, 8, generator=gen, dtype="float16"))]
    ops = []
    for op, call in calls:
        ops.append(dict(op, expect=_encode(call()), state_after=gen.get_state().hex()))
    case = {"kind": "torch_cuda", "name": "format", "seed": "5", "ops": ops, "gpu": {"sm_count": 132, "threads_per_sm": 2048}}
    assert verify.replay_case(case) == []
    for index in range(len(ops)):
        changed = json.loads(json.dumps(case))
        entry = changed["ops"][index]["expect"]
        top = 2 * (np.dtype("u2" if entry["dtype"] == "bfloat16" else entry["dtype"]).itemsize - 1)
        entry["hex"] = entry["hex"][:top] + format(int(entry["hex"][top: top + 2], 16) ^ 0x80, "02x") + entry["hex"][top + 2:]
        assert verify.replay_case(changed) != [], ops[index]["op"]       # the first value's sign bit


# ---- state and arguments --------------------------------------------------------------------------

def test_state_round_trip_and_layout():
    gen = tc.CUDAGenerator(58, 1536).manual_seed(-1)
    gen.uniform_(np.empty(3, np.float32))
    state = gen.get_state()
    assert state == (2**64 - 1).to_bytes(8, "little") + (4).to_bytes(8, "little")
    other = tc.CUDAGenerator(58, 1536)
    other.set_state(np.frombuffer(state, dtype=np.uint8))
    assert (other.initial_seed(), other.get_offset()) == (2**64 - 1, 4)
    other.set_state(state[:8])                   # seed only: offset 0
    assert other.get_offset() == 0


@pytest.mark.parametrize("call, error, match", [
    (lambda: tc.CUDAGenerator(0), ValueError, "sm_count"),
    (lambda: tc.CUDAGenerator(2.5), TypeError, "sm_count"),
    (lambda: tc.CUDAGenerator(132, 128), ValueError, "threads_per_sm"),
    (lambda: tc.CUDAGenerator(132).manual_seed(2**64), ValueError, "seed"),
    (lambda: tc.CUDAGenerator(132).set_offset(6), ValueError, "offset"),
    (lambda: tc.CUDAGenerator(132).set_state(bytes(12)), ValueError, "state"),
    (lambda: tc.CUDAGenerator(132).uniform_(np.empty(3, np.int32)), TypeError, "out"),
    (lambda: tc.CUDAGenerator(132).normal_(np.empty((4, 4), np.float32)[:, ::2]), ValueError, "out"),
    (lambda: tc.CUDAGenerator(132).random_from_to_(np.empty(3, np.int64), 0, 0), ValueError, "span"),
])
def test_bad_arguments(call, error, match):
    with pytest.raises(error, match=match):
        call()

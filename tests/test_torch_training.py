"""prng.compat.torch's training side against torch 2.13 (CPU): float16/bfloat16, dropout masks, nn.init,
layer parameters, DataLoader epochs; and the default CUDA generators.

1. vectors/torch_cpu.json (recorded from real torch by vectors/make_torch.py, replayed by
   test_vectors.py) covers every new op.
2. Behaviour that needs no torch: dtype arguments, default CUDA generators, bad input.
3. Live property tests against an installed torch (hypothesis; skipped without torch).
"""

import math
import sys
import warnings

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import load_vectors
from prng.compat import _torch_cuda
from prng.compat import _torch_dtypes
from prng.compat import torch as T
from prng.compat.torch import data, nn

OPS = [(c, op) for c in load_vectors("torch_cpu")["cases"] for op in c["ops"]]
LIVE = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


# ---- 1. the vectors cover the new ops -------------------------------------------------------------

def test_vectors_cover_the_training_side():
    def recorded(name, **fields):
        return [op for _, op in OPS if op["op"] == name and all(op.get(k) == v for k, v in fields.items())]

    for dtype in ("float16", "bfloat16"):
        for name in ("rand", "randn", "normal", "uniform_", "exponential_"):
            assert recorded(name, dtype=dtype), (name, dtype)
        for size in ([15], [16], [17], [1, 4, 64, 64]):
            assert recorded("randn", dtype=dtype, size=size)
        assert any(c["kernel"] == "default" for c, op in OPS if op["op"] == "randn" and op.get("dtype") == dtype)
    assert {op["dtype"] for op in recorded("dropout_mask")} == {"float16", "bfloat16", "float32", "float64"}
    assert {float.fromhex(op["p"]) for op in recorded("dropout_mask")} >= {0.0, 0.5, 1.0}
    assert {op["fn"] for op in recorded("init")} == {"uniform_", "normal_", "kaiming_uniform_", "kaiming_normal_",
                                                    "xavier_uniform_", "xavier_normal_", "trunc_normal_"}
    assert recorded("linear") and recorded("conv2d") and recorded("random_sampler")
    plans = recorded("epoch_plan")
    assert {op["num_workers"] for op in plans} >= {0, 2, 3, 4} and {op["loader_generator"] for op in plans} == {True, False}
    assert recorded("randperm", n=214748364)


# ---- 2. no torch needed ---------------------------------------------------------------------------

@pytest.mark.parametrize("dtype", ["banana", "torch.float32", None, "int32", 5, True, "bfloat17"])
def test_unknown_dtypes_are_type_errors(dtype):
    for call in (lambda: T.rand(3, dtype=dtype), lambda: T.randn(3, dtype=dtype),
                 lambda: T.normal(0.0, 1.0, (3,), dtype=dtype), lambda: T.dropout_mask((3,), 0.5, dtype=dtype),
                 lambda: T.rand(3, generator=T.Generator(device="cuda", sm_count=1), dtype=dtype)):
        with pytest.raises(TypeError, match="dtype must be one of"):
            call()
    with pytest.raises(TypeError, match="dtype must be one of"):
        T.randperm(3, dtype="float16")


def test_dtype_spellings():
    """Names, numpy dtypes and aliases numpy resolves; ml_dtypes' type; torch dtypes by their name."""
    assert T.rand(2, dtype=np.float16).dtype == np.float16
    assert T.rand(2, dtype="half").dtype == np.float16
    assert T.randn(2, dtype=np.dtype("float64")).dtype == np.float64
    assert _torch_dtypes.resolve(type("dtype", (), {"__module__": "torch", "__str__": lambda s: "torch.bfloat16"})(),
                                 _torch_dtypes.FLOATS) == "bfloat16"
    ml_dtypes = pytest.importorskip("ml_dtypes")
    assert T.rand(2, dtype=ml_dtypes.bfloat16).dtype == ml_dtypes.bfloat16
    assert T.randn(2, dtype="bfloat16").dtype.name == "bfloat16"


def test_bfloat16_without_ml_dtypes_says_how_to_get_it(monkeypatch):
    monkeypatch.setitem(sys.modules, "ml_dtypes", None)
    with pytest.raises(ImportError, match="install ml_dtypes"):
        T.rand(2, dtype="bfloat16")
    assert T.rand(2, dtype="float16").dtype == np.float16          # the other dtypes do not need it


def test_bfloat16_rounding_is_torchs():
    """round_to_nearest_even: ties go to the even pattern, NaN to 0x7fc0, overflow to infinity."""
    values = np.array([1 + 2.0**-8, 1 + 3 * 2.0**-8, 1 + 2.0**-8 + 2.0**-20, np.nan, 3.4e38, -0.0], np.float32)
    assert _torch_dtypes.bfloat16_bits(values).tolist() == [0x3F80, 0x3F82, 0x3F81, 0x7FC0, 0x7F80, 0x8000]


def test_manual_seed_seeds_the_default_cuda_generators():
    """torch.manual_seed also runs torch.cuda.manual_seed_all: existing default CUDA generators go back to
    offset 0 with the seed, and ones made later start from it (torch seeds its lazily made ones)."""
    before = T.default_cuda_generator(7)
    assert before is T.default_cuda_generator(7) and before.sm_count == 7
    T.rand(5, generator=before)
    T.manual_seed(-3)
    later = T.default_cuda_generator(9, 1536)
    for gen in (before, later):
        assert (gen.initial_seed(), gen.get_offset()) == (2**64 - 3, 0)
    assert T.default_generator.initial_seed() == 2**64 - 3
    value = T.seed()
    assert before.initial_seed() == later.initial_seed() == T.initial_seed() == value


def test_dropout_mask_rules():
    gen = T.Generator().manual_seed(1)
    state = gen.get_state()
    assert T.dropout_mask((2, 3), 0.0, generator=gen).all() and not T.dropout_mask((4,), 1.0, generator=gen).any()
    assert T.dropout_mask((0, 3), 0.5, generator=gen).shape == (0, 3)
    assert gen.get_state() == state                             # p = 0, p = 1 and empty draw nothing
    mask = T.dropout_mask(1000, 0.3, generator=gen)
    assert mask.dtype == bool and 600 < mask.sum() < 800


@pytest.mark.parametrize("call, error, message", [
    (lambda: T.dropout_mask((3,), 1.5), ValueError, "between 0 and 1"),
    (lambda: T.dropout_mask((3,), "0.5"), TypeError, "p must be a float"),
    (lambda: T.uniform_(np.empty(3, np.int32)), TypeError, "out's dtype must be one of"),
    (lambda: T.bernoulli(np.zeros(3, np.int64)), TypeError, "p's dtype must be one of"),
    (lambda: nn.init.kaiming_uniform_(np.empty(3, np.float32)), ValueError, "fewer than 2 dimensions"),
    (lambda: nn.init.kaiming_uniform_(np.empty((3, 3), np.float32), mode="fan_mid"), ValueError, "fan_mid"),
    (lambda: nn.init.kaiming_normal_(np.empty((3, 3), np.float32), nonlinearity="swish"), ValueError, "swish"),
    (lambda: nn.init.kaiming_normal_(np.empty((3, 3), np.float32), a=True), ValueError, "negative_slope"),
    (lambda: nn.init.trunc_normal_(np.empty((3, 3), np.float16), a=2.0, b=3.0), NotImplementedError, "float16"),
    (lambda: nn.linear_parameters(-1, 3), ValueError, "in_features"),
    (lambda: nn.conv2d_parameters(3, 4, 3, groups=2), ValueError, "divisible by groups"),
    (lambda: nn.conv2d_parameters(4, 4, (3, 3, 3)), ValueError, "kernel_size"),
    (lambda: data.RandomSampler(0), ValueError, "num_samples should be a positive integer"),
    (lambda: data.RandomSampler(5, generator=T.Generator(device="cuda", sm_count=1)), TypeError, "CPU"),
    (lambda: data.epoch_plan(5, batch_size=0, shuffle=True, num_workers=0, generator=None), ValueError, "batch_size"),
    (lambda: data.epoch_plan(5, batch_size=2, shuffle=1, num_workers=0, generator=None), TypeError, "shuffle"),
    (lambda: data.epoch_plan(5, batch_size=2, shuffle=True, num_workers=-1, generator=None), ValueError, "num_workers"),
    (lambda: data.epoch_plan(5, batch_size=2, shuffle=True, num_workers=2, generator=None).worker_seed(2),
     ValueError, r"worker_id must be in \[0, 2\)"),
    (lambda: T.randperm(2**31, generator=T.Generator(device="cuda", sm_count=1)), NotImplementedError, "64 key"),
])
def test_bad_input(call, error, message):
    with pytest.raises(error, match=message):
        call()


def test_epoch_plan_without_workers_and_successive_epochs():
    gen = T.Generator().manual_seed(0)
    first = data.epoch_plan(10, batch_size=4, shuffle=True, num_workers=0, generator=gen, drop_last=True)
    assert [len(b) for b in first.batches] == [4, 4] and first.worker_of(1) is None
    second = data.epoch_plan(10, batch_size=4, shuffle=True, num_workers=0, generator=gen)
    assert second.base_seed != first.base_seed and len(second.batches) == 3
    sequential = data.epoch_plan(5, batch_size=2, shuffle=False, num_workers=2, generator=gen)
    assert sequential.batches == [[0, 1], [2, 3], [4]] and [sequential.worker_of(b) for b in range(3)] == [0, 1, 0]


def test_large_randperm_runs_match_the_one_step_loop():
    """The gather/scatter runs of the inside-out shuffle equal r[i] = r[z]; r[z] = i one step at a time."""
    targets = np.array([0, 0, 1, 1, 3, 2, 6, 0, 5, 9, 9, 9, 4], np.int64)
    perm = np.empty(targets.size, np.int64)
    T._inside_out_steps(perm, targets, 0)
    expect = list(range(targets.size))
    for i, z in enumerate(targets.tolist()):
        expect[i] = expect[z]
        expect[z] = i
    assert perm.tolist() == expect


# ---- 3. live against torch ------------------------------------------------------------------------

def _torch():
    return pytest.importorskip("torch")


def _bits(tensor, torch):
    """A torch tensor's values as numpy bits (16-bit types as uint16)."""
    tensor = tensor.contiguous()
    if tensor.dtype in (torch.float16, torch.bfloat16):
        return tensor.view(torch.int16).numpy().view(np.uint16)
    return tensor.numpy()


def _our_bits(values):
    values = np.asarray(values)
    return values.view(np.uint16) if values.dtype.itemsize == 2 else values


SEEDS = st.integers(-(2**63), 2**64 - 1)
SIZES = st.sampled_from([0, 1, 5, 15, 16, 17, 31, 33, 100, 257])
HALF = st.sampled_from(["float16", "bfloat16"])


@LIVE
@given(seed=SEEDS, n=SIZES, dtype=HALF, op=st.sampled_from(["rand", "randn", "normal", "uniform_", "exponential_"]),
       a=st.floats(-4, 4), span=st.floats(0, 6))
def test_live_half_precision(seed, n, dtype, op, a, span):
    torch = _torch()
    pytest.importorskip("ml_dtypes")
    theirs, ours = torch.Generator().manual_seed(seed), T.Generator().manual_seed(seed)
    tdtype = getattr(torch, dtype)
    if op in ("rand", "randn"):
        expect, got = getattr(torch, op)(n, generator=theirs, dtype=tdtype), getattr(T, op)(n, generator=ours, dtype=dtype)
    elif op == "normal":
        expect = torch.normal(a, span, (n,), generator=theirs, dtype=tdtype)
        got = T.normal(a, span, (n,), generator=ours, dtype=dtype)
    elif op == "uniform_":
        expect = torch.empty(n, dtype=tdtype).uniform_(a, a + span, generator=theirs)
        got = T.uniform_(T._empty((n,), dtype), a, a + span, generator=ours)
    else:
        expect = torch.empty(n, dtype=tdtype).exponential_(span + 0.1, generator=theirs)
        got = T.exponential_(T._empty((n,), dtype), span + 0.1, generator=ours)
    assert np.array_equal(_our_bits(got), _bits(expect, torch))
    assert ours.get_state() == bytes(theirs.get_state().numpy())


@LIVE
@given(seed=SEEDS, shape=st.sampled_from([(1,), (7,), (3, 33), (2, 3, 8, 8)]), p=st.floats(0, 1),
       dtype=st.sampled_from(["float32", "float16", "bfloat16", "float64"]))
def test_live_dropout_masks(seed, shape, p, dtype):
    torch = _torch()
    torch.manual_seed(seed)
    expect = torch.nn.functional.dropout(torch.ones(shape, dtype=getattr(torch, dtype)), p, training=True) != 0
    gen = T.Generator().manual_seed(seed)
    assert np.array_equal(T.dropout_mask(shape, p, generator=gen, dtype=dtype), expect.numpy())
    assert gen.get_state() == bytes(torch.get_rng_state().numpy())


INIT_CALLS = [("uniform_", {"a": -0.3, "b": 0.7}), ("normal_", {"mean": 0.1, "std": 0.02}),
              ("kaiming_uniform_", {"a": math.sqrt(5)}), ("kaiming_uniform_", {"mode": "fan_out", "nonlinearity": "relu"}),
              ("kaiming_normal_", {"nonlinearity": "leaky_relu", "a": 0.1}), ("xavier_uniform_", {"gain": 1.3}),
              ("xavier_normal_", {}), ("trunc_normal_", {"std": 0.02}), ("trunc_normal_", {"a": -0.5, "b": 1.5}),
              ("trunc_normal_", {"a": 1.0, "b": 3.0})]


@LIVE
@given(seed=SEEDS, call=st.sampled_from(INIT_CALLS), shape=st.sampled_from([(3, 5), (5, 7), (4, 2, 3, 3), (64, 9)]),
       dtype=st.sampled_from(["float32", "float64", "float16"]))
def test_live_nn_init(seed, call, shape, dtype):
    torch = _torch()
    fn, kwargs = call
    if fn == "trunc_normal_" and dtype == "float16" and kwargs.get("a") == 1.0:
        return                                                   # the uniform-proposal sampler: float32/float64
    theirs, ours = torch.Generator().manual_seed(seed), T.Generator().manual_seed(seed)
    expect = getattr(torch.nn.init, fn)(torch.empty(shape, dtype=getattr(torch, dtype)), **kwargs, generator=theirs)
    got = getattr(nn.init, fn)(np.empty(shape, dtype), **kwargs, generator=ours)
    assert np.array_equal(_our_bits(got), _bits(expect, torch))
    assert ours.get_state() == bytes(theirs.get_state().numpy())


@LIVE
@given(seed=SEEDS, sizes=st.tuples(st.integers(0, 40), st.integers(1, 40)), bias=st.booleans(),
       kernel_size=st.sampled_from([1, 3, (3, 5)]), groups=st.sampled_from([1, 2]))
def test_live_layer_parameters(seed, sizes, bias, kernel_size, groups):
    torch = _torch()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")                          # zero-element weights
        torch.manual_seed(seed)
        linear = torch.nn.Linear(*sizes, bias=bias)
        weight, b = nn.linear_parameters(*sizes, bias=bias, generator=T.Generator().manual_seed(seed))
    assert np.array_equal(weight, linear.weight.detach().numpy())
    assert (b is None and linear.bias is None) or np.array_equal(b, linear.bias.detach().numpy())
    channels = (2 * sizes[1], 4)
    torch.manual_seed(seed)
    conv = torch.nn.Conv2d(*channels, kernel_size, bias=bias, groups=groups)
    weight, b = nn.conv2d_parameters(*channels, kernel_size, bias=bias, groups=groups,
                                     generator=T.Generator().manual_seed(seed))
    assert np.array_equal(weight, conv.weight.detach().numpy())
    assert (b is None and conv.bias is None) or np.array_equal(b, conv.bias.detach().numpy())


@LIVE
@given(seed=SEEDS, n=st.integers(1, 60), batch_size=st.integers(1, 9), shuffle=st.booleans(), drop_last=st.booleans(),
       own_generator=st.booleans())
def test_live_dataloader_epochs(seed, n, batch_size, shuffle, drop_last, own_generator):
    """Two epochs in the main process (num_workers=0): base seed, batches, generator states."""
    torch = _torch()
    theirs = torch.Generator().manual_seed(seed)
    ours = T.Generator().manual_seed(seed)
    torch.manual_seed(seed // 3)
    T.manual_seed(seed // 3)
    loader = torch.utils.data.DataLoader(range(n), batch_size=batch_size, shuffle=shuffle, drop_last=drop_last,
                                         generator=theirs if own_generator else None)
    for _ in range(2):
        epoch = iter(loader)
        batches = [b.tolist() for b in epoch]
        plan = data.epoch_plan(n, batch_size=batch_size, shuffle=shuffle, num_workers=0, drop_last=drop_last,
                               generator=ours if own_generator else None)
        assert (plan.base_seed, plan.batches) == (epoch._base_seed, batches)
    assert ours.get_state() == bytes(theirs.get_state().numpy())
    assert T.get_rng_state() == bytes(torch.get_rng_state().numpy())


@pytest.mark.parametrize("worker_id", [0, 1, 7])
def test_live_worker_numpy_seed_is_torchs_generate_state(worker_id):
    torch = _torch()
    from torch.utils.data._utils.worker import _generate_state

    plan = data.epoch_plan(3, batch_size=1, shuffle=True, num_workers=8, generator=T.Generator().manual_seed(4))
    assert plan.numpy_seed(worker_id) == _generate_state(plan.base_seed, worker_id)
    assert torch is not None


def test_live_cuda_generator_shapes_refused_like_torch():
    """torch's samplers draw randperm on the CPU: a CUDA generator is refused (TypeError here)."""
    with pytest.raises(TypeError):
        data.epoch_plan(4, batch_size=2, shuffle=True, num_workers=0,
                        generator=_torch_cuda.CUDAGenerator(1))

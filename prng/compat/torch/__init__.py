"""PyTorch 2.13's CPU random number generator, without PyTorch: numpy arrays out.

``Generator().manual_seed(s)`` followed by ``rand``/``randn``/``randint``/``randperm``/... gives the
same values as ``torch.Generator().manual_seed(s)`` with the torch function of the same name on a
contiguous CPU tensor, and ``get_state()``/``set_state()`` use torch's 5056-byte layout, so states move
between this module and torch in both directions. Float dtypes are float16, bfloat16 (computed in
float32 and rounded as torch does; see ``_torch_dtypes``), float32 and float64. ``dropout_mask`` gives
``F.dropout``'s mask; ``nn`` and ``data`` reproduce layer initialisation and DataLoader shuffling.

The bit source is ``prng.MT19937.from_genrand(seed & 0xffffffff)`` (torch's ``mt19937`` engine,
``aten/src/ATen/core/MT19937RNGEngine.h``); torch's ``random()`` is one 32-bit word and its
``random64()`` two words, the first one high (``aten/src/ATen/CPUGeneratorImpl.cpp``).

Float math that depends on the compiled kernel (float32 ``randn``/``normal`` with 16 or more
elements, and whether multiply-adds are fused) follows ``kernel``: ``"avx2"`` (torch's choice on every
x86-64 CPU with AVX2, AVX-512 ones included; fully portable) or ``"default"`` (torch's scalar kernel,
``ATEN_CPU_CAPABILITY=default``; by torch's source also the aarch64 one, not checked; calls glibc's
``logf``/``sinf``/``cosf``). float64 normals call libm through Python's ``math`` (glibc on Linux):
see ``_torch_math``.

Speed and threads: with the C extension built, the kernels run in C (``native/distributions/torch.c``, the same bits;
``_torch_seed.NATIVE``), else in the readable numpy/Python code of this module. Every function holds
the generator's ``lock`` (a ``threading.RLock``) for the whole call, so a generator shared between
threads hands out each draw once.
"""

import contextlib
import math
import operator
import struct
import threading

import numpy as np

from ... import _sampling
from ...bitgen.mt19937 import MT19937
from .. import _torch_cuda, _torch_math, _torch_seed
from .. import _torch_dtypes as _dtypes
from .._torch_seed import DEFAULT_SEED, SeededGenerator, checked_seed

STATE_SIZE = 5056                      # len(torch.get_rng_state())
KERNELS = ("avx2", "default")
DEFAULT_KERNEL = "avx2"

_MT_N = 624
_MASK32 = 0xFFFFFFFF
_MASK64 = 0xFFFFFFFFFFFFFFFF
_INT64_MIN, _INT64_MAX = -(2**63), 2**63 - 1
_STATE_HEAD = struct.Struct("<QiiQ")              # the_initial_seed, left, seeded, next
_STATE_TAIL = struct.Struct("<dddi4xf?3x")        # normal_x, normal_y, normal_rho, normal_is_valid,
                                                  # next_float_normal_sample, its valid flag
_TAIL_OFFSET = _STATE_HEAD.size + 8 * _MT_N
_RANDINT_64BIT_RANGE = 2**28                      # randint draws random64() from this range on
_RANDPERM_32BIT_LIMIT = 0xFFFFFFFF // 20          # randperm switches to random64() from this n on
_NORMAL_FILL_MIN = 16                             # normal_fill (blocks of 16) from this numel on
_TWO_POW_M24 = 2.0**-24
_TWO_POW_M53 = 2.0**-53
_RANDPERM_BLOCK = 2**24                           # inside-out randperm draws this many steps at a time


class Generator(SeededGenerator):
    """``torch.Generator(device="cpu")``: MT19937 plus torch's cached Box-Muller normal.

    ``Generator(device="cuda", sm_count=N[, threads_per_sm=T])`` returns a
    ``_torch_cuda.CUDAGenerator`` instead: torch's CUDA Philox generator as it runs on a GPU with N
    multiprocessors (docs/torch-cuda.md). Every sampling function of this module accepts it.
    """

    def __new__(cls, device="cpu", **cuda_geometry):
        if device == "cuda":
            return _torch_cuda.CUDAGenerator(**cuda_geometry)
        return super().__new__(cls)

    def __init__(self, device="cpu"):
        if device != "cpu":
            raise ValueError(f"device must be 'cpu' or 'cuda', got {device!r}")
        self.lock = threading.RLock()
        self._mt = MT19937.from_genrand(DEFAULT_SEED & _MASK32)
        self._reset(DEFAULT_SEED)

    @property
    def device(self):
        """Always ``"cpu"``."""
        return "cpu"

    def _reset(self, seed):
        self._seed = seed
        self._just_seeded = True      # torch stores next=0 (not 624) until the first draw
        self._normal_cache = None     # the pending double normal (state bytes' normal_y)
        self._float_normal_cache = None   # kept only so that states round-trip; torch never sets it

    def manual_seed(self, seed):
        """Seed as ``torch.Generator.manual_seed``; returns ``self``.

        ``seed`` is an int in [-2**63, 2**64 - 1]; negatives wrap to ``seed + 2**64``. Only the low
        32 bits seed MT19937 (``init_genrand``); ``initial_seed()`` keeps all 64.
        """
        seed = checked_seed(seed)
        with self.lock:
            self._mt = MT19937.from_genrand(seed & _MASK32)
            self._reset(seed)
        return self

    def get_state(self):
        """torch's ``get_state()`` bytes (5056, little-endian ``CPUGeneratorImplState``)."""
        mt = self._mt.state["state"]
        pos = int(mt["pos"])
        head = _STATE_HEAD.pack(self._seed, _MT_N + 1 - pos, 1, 0 if self._just_seeded else pos)
        words = np.asarray(mt["key"], dtype="<u8").tobytes()
        normal, float_normal = self._normal_cache, self._float_normal_cache
        tail = _STATE_TAIL.pack(0.0, 0.0 if normal is None else normal, 0.0, normal is not None,
                                0.0 if float_normal is None else float_normal, float_normal is not None)
        return head + words + tail

    def set_state(self, state):
        """Restore a state from ``get_state()`` here or ``get_rng_state()``/``get_state()`` in torch.

        ``state``: 5056 bytes (``bytes``, ``bytearray``, a uint8 numpy array or a torch ByteTensor).
        """
        data = _state_bytes(state)
        seed, left, seeded, next_ = _STATE_HEAD.unpack_from(data)
        consistent = next_ == _MT_N + 1 - left or (left == 1 and next_ == 0)
        if seeded != 1 or not 1 <= left <= _MT_N or not consistent:
            raise ValueError(f"state has an invalid MT position (left={left}, next={next_}, "
                             f"seeded={seeded}); expected seeded=1, 1 <= left <= 624, next = 625 - left")
        words = np.frombuffer(data, dtype="<u8", count=_MT_N, offset=_STATE_HEAD.size)
        if int(words.max()) > _MASK32:
            raise ValueError("state's MT words must be 32-bit values")
        _, normal_y, _, normal_valid, float_normal, float_valid = _STATE_TAIL.unpack_from(data, _TAIL_OFFSET)
        with self.lock:
            self._mt.state = {"bit_generator": "MT19937",
                              "state": {"key": words.astype(np.uint32), "pos": _MT_N + 1 - left}}
            self._reset(seed)
            self._just_seeded = next_ == 0
            self._normal_cache = normal_y if normal_valid else None
            self._float_normal_cache = float_normal if float_valid else None

    @contextlib.contextmanager
    def _native(self, draws=True):
        """``(prng.c.torch, the MT19937 core's prng_bitgen_t)`` under the core's lock, or ``(None, None)``
        where the C kernels are unavailable (the reference code then runs). ``draws``: the call draws."""
        native = _torch_seed.NATIVE
        if native is None or self._mt.backend != "c":
            yield None, None
            return
        with _sampling.sampling(self._mt) as (_, bitgen):
            yield native, bitgen
        if draws:
            self._just_seeded = False

    def _random(self, n):
        """n draws of torch's ``random()`` (32-bit words), as uint64."""
        with self.lock:
            if n:
                self._just_seeded = False
            return self._mt.random_raw(n)

    def _random64(self, n):
        """n draws of torch's ``random64()``: two words each, the first one high."""
        words = self._random(2 * n).reshape(n, 2)
        return (words[:, 0] << np.uint64(32)) | words[:, 1]

    def _uniforms(self, n, dtype):
        """n of torch's ``uniform_real_distribution`` (0, 1) draws in ``dtype``.

        float32: low 24 bits of ``random()`` * 2**-24; float64: low 53 bits of ``random64()`` * 2**-53.
        """
        with self._native(n > 0) as (native, bitgen):
            if native is not None:
                out = np.empty(n, dtype)
                native.uniform_fill(bitgen, out, 0.0, 1.0, 0.0, False, False)   # u * 1 + 0 == u
                return out
        if dtype == np.float32:
            return ((self._random(n) & np.uint64(0xFFFFFF)).astype(np.float32) * np.float32(_TWO_POW_M24))
        return (self._random64(n) & np.uint64(2**53 - 1)).astype(np.float64) * _TWO_POW_M53

    def _normal(self):
        """One ``at::normal_distribution<double>`` draw (mean 0, std 1), using the cached sine."""
        if self._normal_cache is not None:
            value, self._normal_cache = self._normal_cache, None
            return value
        u1, u2 = self._uniforms(2, np.float64)
        value, self._normal_cache = _torch_math.box_muller_f64(float(u1), float(u2))
        return value


def state_to_mt19937(state):
    """numpy's MT19937 state dict continuing torch CPU state bytes' 32-bit stream (normal caches dropped)."""
    gen = Generator()
    gen.set_state(state)
    return gen._mt.state


def state_from_mt19937(mt19937_state):
    """torch CPU state bytes (``set_rng_state``) continuing an MT19937 state dict; initial seed 0."""
    gen = Generator().manual_seed(0)
    gen._mt.state = mt19937_state
    gen._just_seeded = False
    return gen.get_state()


def _state_bytes(state):
    """The raw bytes of a state given as bytes-like, a uint8 numpy array, or a torch ByteTensor."""
    if hasattr(state, "numpy") and not isinstance(state, np.ndarray):
        state = state.numpy()
    if isinstance(state, np.ndarray) and state.dtype != np.uint8:
        raise TypeError(f"state must hold uint8 bytes, got dtype {state.dtype}")
    data = bytes(memoryview(state).cast("B")) if isinstance(state, np.ndarray) else bytes(state)
    if len(data) != STATE_SIZE:
        raise ValueError(f"state must be {STATE_SIZE} bytes, got {len(data)}")
    return data


# ---------------------------------------------------------------------------------------------
# Argument handling
# ---------------------------------------------------------------------------------------------

def _generator(generator):
    """``generator`` (a CPU ``Generator`` or a ``CUDAGenerator``), or the default CPU one for None."""
    if generator is None:
        return default_generator
    if not isinstance(generator, (Generator, _torch_cuda.CUDAGenerator)):
        raise TypeError(f"generator must be a prng.compat.torch.Generator, got {type(generator).__name__}")
    return generator


def _shape(size):
    """torch's ``*size``: ints, or one tuple/list of ints; each >= 0."""
    if len(size) == 1 and isinstance(size[0], (tuple, list)):
        size = size[0]
    try:
        shape = tuple(operator.index(s) for s in size)
    except TypeError:
        raise TypeError(f"size must be ints or one sequence of ints, got {size!r}") from None
    if any(s < 0 for s in shape):
        raise ValueError(f"size must be non-negative, got {shape}")
    return shape


def _kernel(kernel):
    if kernel not in KERNELS:
        raise ValueError(f"kernel must be one of {KERNELS}, got {kernel!r}")
    return kernel


def _writable(out, what="out"):
    """A writable C-contiguous numpy array's flat view (torch's element order)."""
    if not isinstance(out, np.ndarray):
        raise TypeError(f"{what} must be a numpy array, got {type(out).__name__}")
    if not (out.flags.c_contiguous and out.flags.writeable):
        raise ValueError(f"{what} must be a writable C-contiguous array")
    return out.reshape(-1)


def _float_output(out):
    """(flat view, dtype name) of a writable C-contiguous float16/bfloat16/float32/float64 array."""
    flat = _writable(out)
    return flat, _dtypes.resolve(out.dtype, _dtypes.FLOATS, "out's dtype")


def _mul_add(x, a, b, kernel):
    """x*a + b in x's float type: one rounding (fma) for "avx2", two for "default"."""
    if kernel == "default":
        return x * a + b
    fma = _torch_math.fma32 if x.dtype == np.float32 else _torch_math.fma64
    return fma(x, a, b)


def _scalar(value, name):
    """``static_cast<scalar_t>(value)`` of a double: float32/float64, or float -> float16/bfloat16 (as float32)."""
    return _dtypes.round_to(np.array([value], dtype=np.float64), name)[0]


# ---------------------------------------------------------------------------------------------
# Uniform
# ---------------------------------------------------------------------------------------------

def uniform_(out, a=0.0, b=1.0, *, generator=None, kernel=DEFAULT_KERNEL):
    """``Tensor.uniform_(a, b)`` on a float16/bfloat16/float32/float64 array, in place; returns ``out``.

    torch's ``uniform_kernel``: ``v = x*(b-a) + a`` in float32 (float16/bfloat16/float32) or float64,
    fused on AVX2; ``v`` is cast to the array's type, and a cast value equal to ``(scalar_t)b`` becomes
    ``(scalar_t)a``.
    """
    flat, name = _float_output(out)
    kernel = _kernel(kernel)
    if not a <= b:
        raise ValueError(f"uniform_ expects a <= b, got a={a}, b={b}")
    gen = _generator(generator)
    if gen.device == "cuda":
        gen.uniform_(out, a, b)
        return out
    compute = _dtypes.compute_dtype(name)
    low, high = compute.type(a), compute.type(b)
    with gen.lock, gen._native(flat.size > 0) as (native, bitgen):
        if native is not None and name not in _dtypes.REDUCED:   # float32/float64: all of it in C
            native.uniform_fill(bitgen, flat, low, high - low, high, kernel != "default", True)
            return out
        if native is not None:
            values = np.empty(flat.size, compute)
            native.uniform_fill(bitgen, values, low, high - low, high, kernel != "default", False)
        else:
            values = _mul_add(gen._uniforms(flat.size, compute), high - low, low, kernel)
    values = _dtypes.round_to(values, name)
    low, high = _scalar(a, name), _scalar(b, name)
    flat[:] = np.where(values == high, low, values)
    return out


def rand(*size, generator=None, dtype="float32"):
    """``torch.rand(*size)``: ``uniform_(0, 1)``; float32 (and float16/bfloat16, then rounded) take 24
    bits of one word, float64 53 bits of ``random64()``."""
    return uniform_(_empty(_shape(size), dtype), generator=generator)


def _empty(shape, dtype):
    """An empty array of a float dtype argument (TypeError for anything else)."""
    return np.empty(shape, _dtypes.numpy_dtype(_dtypes.resolve(dtype, _dtypes.FLOATS)))


# ---------------------------------------------------------------------------------------------
# Normal
# ---------------------------------------------------------------------------------------------

def normal_(out, mean=0.0, std=1.0, *, generator=None, kernel=DEFAULT_KERNEL):
    """``Tensor.normal_(mean, std)`` on a float16/bfloat16/float32/float64 array, in place; returns ``out``.

    torch's ``normal_kernel``: fewer than 16 elements take the cached double Box-Muller
    (``normal_distribution<double>``, ``z*std + mean`` fused on AVX2, then cast); 16 or more take
    ``normal_fill`` in float32 or float64 (blocks of 16, a re-drawn last block when ``n % 16``), then cast.
    """
    flat, name = _float_output(out)
    kernel = _kernel(kernel)
    if not std >= 0.0:
        raise ValueError(f"normal_ expects std >= 0.0, got {std}")
    gen = _generator(generator)
    if gen.device == "cuda":
        gen.normal_(out, mean, std)
        return out
    with gen.lock:
        if flat.size >= _NORMAL_FILL_MIN:
            values = _normal_fill(gen, flat, name, mean, std, kernel)
        else:
            values = _mul_add(np.array([gen._normal() for _ in range(flat.size)]), std, mean, kernel)
    if values is not flat:
        flat[:] = _dtypes.round_to(values, name)
    return out


def _normal_fill(gen, flat, name, mean, std, kernel):
    """``normal_fill``: n = flat.size >= 16 values in float32/float64 from blocks of 16 uniforms, the last
    16 re-drawn if n % 16. float32/float64 first fill the whole output with n uniforms; float16/bfloat16
    draw only the whole blocks (a 16-value buffer), so their last block follows n - n % 16 draws.
    Returns the values (``flat`` itself when the C kernel filled it)."""
    dtype = _dtypes.compute_dtype(name)
    mean, std = dtype.type(mean), dtype.type(std)
    n = flat.size
    with gen._native() as (native, bitgen):
        if native is not None:
            values = flat if flat.dtype == dtype else np.empty(n, dtype)
            native.normal_fill(bitgen, values, mean, std, kernel, name in _dtypes.REDUCED)
            return values
    block = _normal_block(dtype, kernel)
    whole = n - n % 16
    data = gen._uniforms(whole if name in _dtypes.REDUCED else n, dtype)
    values = np.empty(n, dtype)
    blocks, out = data[:whole].reshape(-1, 16), values[:whole].reshape(-1, 16)
    out[:, :8], out[:, 8:] = block(blocks[:, :8], blocks[:, 8:], mean, std)
    if n % 16:
        tail = gen._uniforms(16, dtype)
        values[n - 16: n - 8], values[n - 8:] = block(tail[:8], tail[8:], mean, std)
    return values


def _normal_block(dtype, kernel):
    if dtype == np.float64:
        return _torch_math.normal_block_f64
    if kernel == "default":
        return _torch_math.normal_block_default_f32
    return _torch_math.normal_block_avx2_f32


def randn(*size, generator=None, dtype="float32", kernel=DEFAULT_KERNEL):
    """``torch.randn(*size)``; ``kernel`` picks torch's AVX2 or DEFAULT float32 math (n >= 16)."""
    return normal_(_empty(_shape(size), dtype), generator=generator, kernel=kernel)


def normal(mean, std, size, *, generator=None, dtype="float32", kernel=DEFAULT_KERNEL):
    """``torch.normal(mean: float, std: float, size)``."""
    return normal_(_empty(_shape((size,)), dtype), mean, std, generator=generator, kernel=kernel)


# ---------------------------------------------------------------------------------------------
# Integers and permutations
# ---------------------------------------------------------------------------------------------

def randint(low=0, high=None, size=None, *, generator=None, dtype="int64"):
    """``torch.randint(low=0, high, size)``: ``(v % (high-low)) + low``, no rejection.

    ``v`` is one ``random()`` word when ``high - low < 2**28``, else one ``random64()``.
    Called as torch allows: ``randint(high, size)`` or ``randint(low, high, size)``. Float dtypes
    first narrow [low, high) as torch's ``update_from``/``update_to`` do, then cast each value.
    """
    if size is None:
        low, high, size = 0, low, high
    elif high is None:
        low, high = 0, low
    name = _dtypes.resolve(dtype, _dtypes.INTS + (_dtypes.FLOAT32, _dtypes.FLOAT64))
    out_dtype = np.dtype(name)
    shape = _shape((size,))
    low, high = _int_arg(low, "low"), _int_arg(high, "high")
    if not _INT64_MIN <= low < high <= _INT64_MAX:
        raise ValueError(f"randint expects -2**63 <= low < high <= 2**63 - 1, got low={low}, high={high}")
    if out_dtype.kind == "f":
        low, high = _narrow_to_float(low, high, out_dtype)
    else:
        info = np.iinfo(out_dtype)
        if not (info.min <= low and high - 1 <= info.max):
            raise ValueError(f"randint expects low >= {info.min} and high - 1 <= {info.max} for "
                             f"{out_dtype.name}, got low={low}, high={high}")
    span = high - low
    gen = _generator(generator)
    if gen.device == "cuda":
        return gen.random_from_to_(np.empty(shape, out_dtype), span, low)
    n = int(np.prod(shape))
    with gen.lock, gen._native(n > 0) as (native, bitgen):
        if native is not None:
            values = np.empty(n, np.int64)
            native.random_fill(bitgen, values, span, low & _MASK64)
        else:
            draws = gen._random64(n) if span >= _RANDINT_64BIT_RANGE else gen._random(n)
            values = ((draws % np.uint64(span)) + np.uint64(low & _MASK64)).view(np.int64)
    return values.astype(out_dtype, copy=False).reshape(shape)


def _narrow_to_float(low, high, dtype):
    """torch's ``update_from``/``update_to`` (``aten/src/ATen/native/DistributionTemplates.h``):
    when ``low + 1`` / ``high - 1`` cast to the float type lands outside [low, high), step low up /
    high down by one float spacing from that cast value."""
    digits = np.finfo(dtype).nmant + 1
    low_plus_1 = _int64_through_float(low + 1, digits)
    if low_plus_1 < low:
        low = low_plus_1 + (1 << (abs(low + 1).bit_length() - digits))
    high_minus_1 = _int64_through_float(high - 1, digits)
    if high_minus_1 >= high:
        high = high_minus_1 - (1 << (abs(high - 1).bit_length() - digits))
    if not low < high:
        raise ValueError(f"randint: low={low} and high={high} collapse when cast to {dtype.name}")
    return low, high


def _int64_through_float(value, digits):
    """``(int64_t)(T)value`` on x86-64: rounded to ``digits`` significant bits (ties to even);
    2**63, which int64 cannot hold, converts to -2**63 (the x86 "integer indefinite" value)."""
    drop = abs(value).bit_length() - digits
    if drop <= 0:
        return value
    magnitude, rest = divmod(abs(value), 1 << drop)
    half = 1 << (drop - 1)
    if rest > half or (rest == half and magnitude & 1):
        magnitude += 1
    rounded = (magnitude << drop) * (1 if value >= 0 else -1)
    return _INT64_MIN if rounded > _INT64_MAX else rounded


def _int_arg(value, name):
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)):
        raise TypeError(f"{name} must be an int, got {value!r}")
    return int(value)


def randperm(n, *, generator=None, dtype="int64"):
    """``torch.randperm(n)``. CPU generators (``randperm_cpu``), a Fisher-Yates shuffle of ``0..n-1``:
    n < 214748364: for i in 0..n-2 swap r[i] with r[i + random() % (n-i)];
    larger n: inside-out, for i in 0..n-1: z = random64() % (i+1); r[i] = r[z]; r[z] = i.
    CUDA generators: torch's sort of random keys (``_torch_cuda.CUDAGenerator.randperm``).
    """
    n = _int_arg(n, "n")
    if n < 0:
        raise ValueError(f"randperm expects n >= 0, got {n}")
    out_dtype = np.dtype(_dtypes.resolve(dtype, _dtypes.INTS))
    if n - 1 > np.iinfo(out_dtype).max:
        raise ValueError(f"randperm expects n <= {np.iinfo(out_dtype).max + 1} for {out_dtype.name}, got {n}")
    gen = _generator(generator)
    if gen.device == "cuda":
        return gen.randperm(n).astype(out_dtype)
    with gen.lock, gen._native(n > (1 if n < _RANDPERM_32BIT_LIMIT else 0)) as (native, bitgen):
        if native is not None:
            perm = np.empty(n, np.int64)
            native.randperm(bitgen, perm, _RANDPERM_32BIT_LIMIT)
            return perm.astype(out_dtype, copy=False)
        return _randperm_reference(gen, n, out_dtype)


def _randperm_reference(gen, n, out_dtype):
    """``randperm_cpu`` in Python (see ``randperm``)."""
    if n < _RANDPERM_32BIT_LIMIT:
        perm = list(range(n))
        for i, draw in enumerate(gen._random(max(n - 1, 0)).tolist()):
            j = i + draw % (n - i)
            perm[i], perm[j] = perm[j], perm[i]
        return np.array(perm, dtype=out_dtype)
    return _randperm_inside_out(gen, n).astype(out_dtype)


def _randperm_inside_out(gen, n):
    """``randperm_cpu``'s inside-out shuffle for large n, drawn in blocks of ``_RANDPERM_BLOCK`` steps."""
    perm = np.empty(n, np.int64)
    for first in range(0, n, _RANDPERM_BLOCK):
        count = min(_RANDPERM_BLOCK, n - first)
        steps = np.arange(first, first + count, dtype=np.uint64)
        _inside_out_steps(perm, (gen._random64(count) % (steps + np.uint64(1))).astype(np.int64), first)
    return perm


def _inside_out_steps(perm, targets, first):
    """Steps i = first, first+1, ... of ``r[i] = r[z]; r[z] = i`` (``z = targets[i - first] <= i``).

    Runs of about sqrt(i) steps are one gather and two scatters: that is exact while no step of the run
    reads a position an earlier step of the run wrote, i.e. no z lies in [run start, i) and no z repeats.
    A run stops before the first step that breaks this, which then starts the next run (the first step
    of a run never conflicts).
    """
    done = 0
    while done < targets.size:
        start = first + done
        z = targets[done: done + max(1, math.isqrt(start))]
        steps = np.arange(start, start + z.size)
        conflict = (z >= start) & (z < steps)
        ordered = np.sort(z)
        for repeated in np.unique(ordered[1:][ordered[1:] == ordered[:-1]]).tolist():
            conflict[np.flatnonzero(z == repeated)[1:]] = True
        run = int(np.argmax(conflict)) if conflict.any() else z.size
        z, steps = z[:run], steps[:run]
        perm[start: start + run] = steps
        perm[start: start + run] = perm[z]
        perm[z] = steps
        done += run


# ---------------------------------------------------------------------------------------------
# Bernoulli, exponential and dropout
# ---------------------------------------------------------------------------------------------

def bernoulli_(out, p=0.5, *, generator=None):
    """``Tensor.bernoulli_(p: float)`` in place: element = ``U53(random64()) < p`` on CPU generators
    (CUDA: ``CUDAGenerator.bernoulli_``); returns ``out``."""
    flat = _writable(out)
    if not 0.0 <= p <= 1.0:
        raise ValueError(f"bernoulli_ expects 0 <= p <= 1, got {p}")
    gen = _generator(generator)
    if gen.device == "cuda":
        gen.bernoulli_(out, p)
        return out
    with gen.lock:
        flat[:] = gen._uniforms(out.size, np.dtype(np.float64)) < p
    return out


def bernoulli(p, *, generator=None):
    """``torch.bernoulli(p)`` for a float array of probabilities (same dtype out).

    CPU: float64 p: ``U53(random64()) < p``; float32/float16/bfloat16 p: ``U24(random()) < p`` in float.
    CUDA: ``CUDAGenerator.bernoulli``.
    """
    p = np.ascontiguousarray(p)
    name = _dtypes.resolve(p.dtype, _dtypes.FLOATS, "p's dtype")
    if not ((p >= 0) & (p <= 1)).all():
        raise ValueError("bernoulli expects all 0 <= p <= 1")
    gen = _generator(generator)
    if gen.device == "cuda":
        return gen.bernoulli(p)
    compute = _dtypes.compute_dtype(name)
    with gen.lock:
        draws = gen._uniforms(p.size, compute)
    return (draws < p.reshape(-1).astype(compute)).astype(p.dtype).reshape(p.shape)


def exponential_(out, lambd=1.0, *, generator=None):
    """``Tensor.exponential_(lambd)`` in place. CPU: ``-1/lambd * log1p(-U53(random64()))`` in double,
    then cast; CUDA: ``CUDAGenerator.exponential_``."""
    flat, name = _float_output(out)
    if not lambd > 0.0:
        raise ValueError(f"exponential_ expects lambd > 0, got {lambd}")
    gen = _generator(generator)
    if gen.device == "cuda":
        gen.exponential_(out, lambd)
        return out
    with gen.lock, gen._native(flat.size > 0) as (native, bitgen):
        if native is not None and isinstance(lambd, (int, float)):   # Python's double arithmetic
            values = flat if name == _dtypes.FLOAT64 else np.empty(flat.size, np.float64)
            native.exponential_fill(bitgen, values, lambd)
            if values is not flat:
                flat[:] = _dtypes.round_to(values, name)
            return out
        uniforms = gen._uniforms(flat.size, np.dtype(np.float64))
    flat[:] = _dtypes.round_to([-1.0 / lambd * math.log1p(-u) for u in uniforms.tolist()], name)
    return out


def dropout_mask(size, p, *, generator=None, dtype="float32"):
    """The elements ``torch.nn.functional.dropout(torch.ones(size, dtype=dtype, device=d), p,
    training=True)`` keeps (True) when torch's default generator of device d is in ``generator``'s state;
    the draws advance ``generator`` as dropout advances torch's.

    ``p`` is in [0, 1]; p = 0 keeps everything and p = 1 drops everything, without drawing. CPU
    (``_dropout_impl``): ``bernoulli_(1 - p)``, so kept = ``U53(random64()) < 1 - p``, the same for every
    dtype. CUDA (``fused_dropout_kernel``): ``CUDAGenerator.dropout_mask``, where the dtype matters.
    """
    shape = _shape((size,))
    name = _dtypes.resolve(dtype, _dtypes.FLOATS)
    if isinstance(p, bool) or not isinstance(p, (int, float, np.floating, np.integer)):
        raise TypeError(f"p must be a float, got {p!r}")
    if not 0.0 <= p <= 1.0:
        raise ValueError(f"dropout probability has to be between 0 and 1, got p={p}")
    gen = _generator(generator)
    n = int(np.prod(shape))
    if n == 0 or p == 0.0 or p == 1.0:
        return np.full(shape, p != 1.0)
    if gen.device == "cuda":
        return gen.dropout_mask(n, float(p), name).reshape(shape)
    with gen.lock:
        return (gen._uniforms(n, np.dtype(np.float64)) < 1.0 - p).reshape(shape)


# ---------------------------------------------------------------------------------------------
# The default generator (torch.default_generator) and torch's module-level functions
# ---------------------------------------------------------------------------------------------

default_generator = Generator()
default_generator.seed()

_default_cuda_generators = {}          # (sm_count, threads_per_sm) -> that GPU's default CUDA generator
_cuda_seed = None                      # the last manual_seed/seed, which default CUDA generators start from


def default_cuda_generator(sm_count, threads_per_sm=_torch_cuda.DEFAULT_THREADS_PER_SM):
    """``torch.cuda.default_generators[i]`` of a GPU with this geometry (one generator per geometry).

    Made on first use, as torch makes it: seeded with the last ``manual_seed``/``seed`` of this module,
    or from OS entropy when there was none (torch's ``getDefaultCUDAGenerator`` calls ``seed()``).
    """
    key = (sm_count, threads_per_sm)
    if key not in _default_cuda_generators:
        gen = _torch_cuda.CUDAGenerator(sm_count, threads_per_sm)
        if _cuda_seed is None:
            gen.seed()
        else:
            gen.manual_seed(_cuda_seed)
        _default_cuda_generators[key] = gen
    return _default_cuda_generators[key]


def _seed_cuda_defaults(seed):
    """``torch.cuda.manual_seed_all(seed)``: every default CUDA generator, and those made later."""
    global _cuda_seed
    _cuda_seed = seed
    for gen in _default_cuda_generators.values():
        gen.manual_seed(seed)


def manual_seed(seed):
    """``torch.manual_seed(seed)``: ``int(seed)`` seeds the default CPU generator, which is returned, and
    every default CUDA generator (``default_cuda_generator``), made or yet to be made."""
    seed = checked_seed(int(seed))
    _seed_cuda_defaults(seed)
    return default_generator.manual_seed(seed)


def seed():
    """``torch.seed()``: reseed the default generator from OS entropy, and the default CUDA generators
    with the same seed; returns the seed."""
    value = default_generator.seed()
    _seed_cuda_defaults(value)
    return value


def initial_seed():
    """``torch.initial_seed()``."""
    return default_generator.initial_seed()


def get_rng_state():
    """``torch.get_rng_state()``, as 5056 bytes."""
    return default_generator.get_state()


def set_rng_state(state):
    """``torch.set_rng_state(state)``."""
    default_generator.set_state(state)


from . import data, nn  # noqa: E402  (they build on the functions above)

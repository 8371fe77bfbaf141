"""PyTorch's CUDA generator (``torch.Generator(device="cuda")``, torch 2.13) reproduced on the CPU.

torch's CUDA sampling kernels draw from cuRAND's ``Philox4_32_10``; the numbers depend on the seed,
the generator's offset, the tensor size and -- above one launch wave -- the GPU's multiprocessor count,
which is why ``CUDAGenerator`` takes ``sm_count`` (and ``threads_per_sm``) from the user. The pieces:

* state (``aten/src/ATen/cuda/CUDAGeneratorImpl.cpp``): a uint64 seed and ``philox_offset_per_thread``;
  every kernel launch uses the current offset, then ``philox_cuda_state(increment)`` adds the
  increment rounded up to a multiple of 4.
* launch geometry (``calc_execution_policy`` in ``aten/src/ATen/native/cuda/DistributionTemplates.h``):
  256 threads per block, ``grid = min(ceil(numel / 256), sm_count * (threads_per_sm // 256))`` blocks,
  increment ``((numel - 1) // (256 * grid * unroll) + 1) * 4``; tensors that need 64-bit indexing
  reserve offsets for the whole tensor and then run as 32-bit-indexable halves
  (``distribution_nullary_kernel`` / ``TensorIteratorBase::with_32bit_indexing``).
* element mapping (``distribution_elementwise_grid_stride_kernel``): with ``S = 256 * grid`` threads,
  element ``e`` is component ``(e // S) % unroll`` of thread ``e % S``'s call number
  ``e // (S * unroll)``; thread ``idx``'s call ``k`` reads
  ``philox4x32_10(counter = (lo32(offset/4 + k), hi32(offset/4 + k), lo32(idx), hi32(idx)),
  key = (lo32(seed), hi32(seed)))`` (``curand_init(seed, subsequence=idx, offset)`` then ``curand4``).
* transforms: cuRAND's ``curand_uniform4`` / ``curand_uniform2_double`` / ``curand_normal4`` /
  ``curand_normal2_double`` / ``curand4`` and torch's ``uniform_kernel`` (``u*(to-from)+from``, then
  ``to`` becomes ``from``: ``rand`` maps 1.0 to 0.0), ``normal_kernel`` (``z*std+mean``) and
  ``random_from_to_kernel`` (``v % range + base``). The multiply-adds are fused, as nvcc contracts them.

Exactness: the integer paths and the uniforms are exact arithmetic. The normals call the GPU's
``logf``/``__sincosf`` (float32) and ``log``/``sincospi`` (float64); their bits are not documented,
so here they are computed in float64 with glibc's ``log``/``sin``/``cos`` and rounded -- close
(float32: about 1e-6), NOT bit-exact, and nothing in this module has been compared with a GPU bit for
bit. See docs/torch-cuda.md.

Speed and threads: with the C extension built, uniform_/rand, normal_/randn, random_from_to_/randint
(and the uniforms of bernoulli_/exponential_) run each launch in C (``native/distributions/torch.c``, the same bits;
``_torch_seed.NATIVE``), else in the numpy code here. A generator's ``lock`` (an RLock) is held for
each call.
"""

import math
import struct
import threading
from collections import namedtuple

import numpy as np

from ..bitgen.philox import philox_block
from ..bitgen.philox4x32 import PHILOX_M4x32, PHILOX_W32
from . import _torch_math, _torch_seed
from . import _torch_dtypes as _dtypes
from ._torch_seed import DEFAULT_SEED, SeededGenerator, checked_seed

DEFAULT_THREADS_PER_SM = 2048          # maxThreadsPerMultiProcessor of sm_70/80/90/100 (V100, A100, H100, B200)
BLOCK_SIZE = 256                       # block_size_bound
CURAND_CALL_OFFSET = 4                 # max_generator_offsets_per_curand_call
STATE_SIZE = 16                        # len(torch.cuda.get_rng_state()): u64 seed, i64 offset

_MASK32 = 0xFFFFFFFF
_MASK64 = 0xFFFFFFFFFFFFFFFF
_INT32_MAX = 2**31 - 1
_RANDINT_64BIT_RANGE = 2**28           # random_from_to_kernel draws 64-bit values from this range on
_BERNOULLI_TENSOR_INCREMENT = 10       # bernoulli_kernel(self, p_tensor): philox_cuda_state(10)
_STATE = struct.Struct("<QQ")          # seed, offset (torch writes the offset as int64: the same bytes)
_SEED_ONLY_STATE = struct.Struct("<Q")

_F32, _F64 = np.float32, np.float64
_U64 = np.uint64
_CURAND_2POW32_INV = _F32(2.0**-32)                      # CURAND_2POW32_INV (2.3283064e-10f == 2**-32)
_CURAND_2POW32_INV_2PI = _F32(2.0**-32) * _F32(6.2831855)  # CURAND_2POW32_INV_2PI, folded in float
_CURAND_2POW53_INV_DOUBLE = 2.0**-53

Launch = namedtuple("Launch", "start numel grid counter_offset writes")
Launch.__doc__ = """One ``distribution_nullary_kernel`` call: elements [start, start + numel), ``grid``
blocks, the offset increment ``counter_offset`` it reserves, and whether it launches a kernel
(``writes``; the parent call of a tensor that needs 64-bit indexing only reserves offsets)."""

Distribution = namedtuple("Distribution", "sample unroll")
Distribution.__doc__ = """A cuRAND draw as torch's kernels use it: ``sample(words)`` turns the four
Philox words of one ``curand4`` (uint64 arrays, one entry per thread) into ``unroll`` component
arrays; ``unroll = sizeof(dist return) / sizeof(accscalar)``."""


# ---------------------------------------------------------------------------------------------
# Launch geometry and offset bookkeeping
# ---------------------------------------------------------------------------------------------

def execution_policy(numel, unroll, sm_count, threads_per_sm=DEFAULT_THREADS_PER_SM):
    """torch's ``calc_execution_policy``: ``(counter_offset, grid)`` for a launch over ``numel`` > 0
    elements with ``unroll`` values per ``curand4`` call."""
    grid = min(-(-numel // BLOCK_SIZE), sm_count * (threads_per_sm // BLOCK_SIZE))
    counter_offset = ((numel - 1) // (BLOCK_SIZE * grid * unroll) + 1) * CURAND_CALL_OFFSET
    return counter_offset, grid


def _fits_32bit_indexing(numel, itemsize):
    """``TensorIteratorBase::can_use_32bit_indexing`` for a contiguous output of ``numel`` elements."""
    return numel <= _INT32_MAX and 1 + (numel - 1) * itemsize <= _INT32_MAX


def _pieces_32bit(start, numel, itemsize):
    """``with_32bit_indexing`` on a 1-D iterator: halve (first half ``numel // 2``) until every piece
    fits 32-bit indexing; pieces as ``(start, numel)``, left to right."""
    if _fits_32bit_indexing(numel, itemsize):
        return [(start, numel)]
    half = numel // 2
    return _pieces_32bit(start, half, itemsize) + _pieces_32bit(start + half, numel - half, itemsize)


def launch_plan(numel, unroll, itemsize, sm_count, threads_per_sm=DEFAULT_THREADS_PER_SM):
    """The ``Launch``es of one ``distribution_nullary_kernel`` over a contiguous tensor, in order.

    Empty tensors launch nothing (and leave the offset alone). A tensor needing 64-bit indexing first
    reserves offsets for all of it, then each 32-bit piece reserves its own and launches.
    """
    def launch(start, count, writes):
        counter_offset, grid = execution_policy(count, unroll, sm_count, threads_per_sm)
        return Launch(start, count, grid, counter_offset, writes)

    if numel == 0:
        return []
    pieces = _pieces_32bit(0, numel, itemsize)
    parent = [launch(0, numel, False)] if len(pieces) > 1 else []
    return parent + [launch(start, count, True) for start, count in pieces]


# ---------------------------------------------------------------------------------------------
# cuRAND: curand_init / curand4 and the distributions torch uses
# ---------------------------------------------------------------------------------------------

def curand4(seed, counter, subsequences):
    """``curand4()`` of each thread in ``subsequences`` (uint64 array) after ``curand_init(seed,
    subsequence, offset)``, for the 64-bit block ``counter = offset // 4 + k`` of its k-th call:
    Philox4x32-10 of (lo32(counter), hi32(counter), lo32(subsequence), hi32(subsequence)) with key
    (lo32(seed), hi32(seed)). Four uint64 arrays of 32-bit words."""
    subsequences = np.asarray(subsequences, dtype=_U64)
    words = [np.full(subsequences.shape, counter & _MASK32, _U64), np.full(subsequences.shape, counter >> 32, _U64),
             subsequences & _U64(_MASK32), subsequences >> _U64(32)]
    return philox_block(words, [seed & _MASK32, seed >> 32], 32, PHILOX_M4x32, PHILOX_W32)


def _as_float32(words):
    """An unsigned 32-bit value converted to float (round to nearest even), as CUDA's ``(float)x``."""
    return words.astype(np.uint32).astype(_F32)


def curand_uniform(words):
    """cuRAND's ``_curand_uniform``: ``x * 2**-32 + 2**-33`` in float, range (0, 1].

    ``x`` is rounded to float first, so every ``x >= 2**32 - 128`` gives exactly 1.0.
    """
    return _as_float32(words) * _CURAND_2POW32_INV + _CURAND_2POW32_INV / _F32(2)


def curand_uniform_double_hq(x, y):
    """cuRAND's ``_curand_uniform_double_hq``: ``z = x ^ (y << 21)`` (53 bits),
    ``z * 2**-53 + 2**-54`` in double, range (0, 1] (``z = 2**53 - 1`` rounds to 1.0)."""
    z = x ^ (y << _U64(21))
    return z.astype(_F64) * _CURAND_2POW53_INV_DOUBLE + _CURAND_2POW53_INV_DOUBLE / 2


def _log(x):
    """glibc's ``log`` of each float64 (numpy's own SIMD log, on AVX-512 CPUs, differs from it in about
    0.35% of values by an ulp: the stand-ins use glibc's, as native/distributions/torch.c does)."""
    return np.array([math.log(v) for v in np.ravel(x).tolist()], dtype=_F64).reshape(np.shape(x))


def _logf(x):
    """Stand-in for CUDA's ``logf`` (<= 1 ulp, bits undocumented): log in double, rounded to float."""
    return _log(x.astype(_F64)).astype(_F32)


def _sincosf(x):
    """Stand-in for CUDA's ``__sincosf`` (the SFU approximation, absolute error about 2**-21.4 on
    [-pi, pi]): sin and cos in double, rounded to float."""
    wide = x.astype(_F64)
    return np.sin(wide).astype(_F32), np.cos(wide).astype(_F32)


def _sincospi(x):
    """Stand-in for CUDA's double ``sincospi``: sin(pi x), cos(pi x) after exact reduction by the
    nearest integer n (``x - n`` is exact), with the sign (-1)**n."""
    n = np.rint(x)
    reduced = math.pi * (x - n)
    sign = 1.0 - 2.0 * np.remainder(n, 2.0)
    return sign * np.sin(reduced), sign * np.cos(reduced)


def curand_box_muller(x, y):
    """cuRAND's ``_curand_box_muller``: ``u = _curand_uniform(x)``, ``v = y * 2pi 2**-32 + pi 2**-32``
    (fused), ``s = sqrtf(-2 logf(u))``, returns ``(s * sin v, s * cos v)``. Not bit-exact (logf,
    __sincosf)."""
    v = _torch_math.fma32(_as_float32(y), _CURAND_2POW32_INV_2PI, _CURAND_2POW32_INV_2PI / _F32(2))
    s = np.sqrt(_F32(-2.0) * _logf(curand_uniform(x)))
    sin_v, cos_v = _sincosf(v)
    return sin_v * s, cos_v * s


def curand_box_muller_double(x0, x1, y0, y1):
    """cuRAND's ``_curand_box_muller_double``: ``u`` from (x0, x1) and ``v`` from (y0, y1) as
    ``_curand_uniform_double_hq`` (v scaled to (0, 2]), ``s = sqrt(-2 log u)``, returns
    ``(s * sinpi v, s * cospi v)``. Not bit-exact (the GPU's log, sincospi)."""
    v = 2.0 * curand_uniform_double_hq(y0, y1)
    s = np.sqrt(-2.0 * _log(curand_uniform_double_hq(x0, x1)))
    sin_v, cos_v = _sincospi(v)
    return sin_v * s, cos_v * s


def _uniform4(words):
    """``curand_uniform4``: ``_curand_uniform`` of each of the four words."""
    return [curand_uniform(w) for w in words]


def _uniform2_double(words):
    """``curand_uniform2_double``: ``_curand_uniform_double_hq`` of (x, y) and of (z, w)."""
    return [curand_uniform_double_hq(words[0], words[1]), curand_uniform_double_hq(words[2], words[3])]


def _normal4(words):
    """``curand_normal4``: ``_curand_box_muller`` of (x, y), then of (z, w)."""
    return [*curand_box_muller(words[0], words[1]), *curand_box_muller(words[2], words[3])]


def _normal2_double(words):
    """``curand_normal2_double``: one ``_curand_box_muller_double`` of all four words."""
    return list(curand_box_muller_double(*words))


def _words4(words):
    """``curand4`` as ``random_from_to_kernel`` uses it for ranges below 2**28 (``uint4``)."""
    return list(words)


def _words64x2(words):
    """torch's ``ulonglong2`` lambda (ranges from 2**28 on): ``(x << 32) | y`` and ``(z << 32) | w``."""
    return [(words[0] << _U64(32)) | words[1], (words[2] << _U64(32)) | words[3]]


UNIFORM_FLOAT = Distribution(_uniform4, 4)
UNIFORM_DOUBLE = Distribution(_uniform2_double, 2)
NORMAL_FLOAT = Distribution(_normal4, 4)
NORMAL_DOUBLE = Distribution(_normal2_double, 2)
WORDS32 = Distribution(_words4, 4)
WORDS64 = Distribution(_words64x2, 2)


def launch_values(seed, offset, numel, grid, dist, first=0):
    """One ``distribution_elementwise_grid_stride_kernel`` launch: raw values of elements
    [first, numel) in element order. Element ``idx + S * (k * unroll + ii)`` (``S = 256 * grid``) is
    component ``ii`` of thread ``idx``'s call ``k``; only the calls and threads that own a wanted
    element are computed (``first`` lets the tail of a huge tensor be checked cheaply)."""
    threads = BLOCK_SIZE * grid
    per_call = threads * dist.unroll
    chunks = []
    for k in range(first // per_call, -(-numel // per_call)):
        begin = k * per_call
        active = np.arange(min(threads, numel - begin), dtype=_U64)
        chunks.append(np.ravel(dist.sample(curand4(seed, offset // 4 + k, active)))[: numel - begin])
    return np.concatenate(chunks)[first % per_call:]


# ---------------------------------------------------------------------------------------------
# The generator
# ---------------------------------------------------------------------------------------------

class CUDAGenerator(SeededGenerator):
    """``torch.Generator(device="cuda")`` on a GPU with ``sm_count`` multiprocessors.

    ``sm_count`` is ``torch.cuda.get_device_properties(0).multi_processor_count`` (H100 SXM 132,
    H100 PCIe 114, A100 108, L4 58, T4 40, ...) and ``threads_per_sm`` its
    ``max_threads_per_multi_processor`` (2048 on sm_70/80/90/100, 1536 on sm_86/89/120, 1024 on
    sm_75). Both only matter for tensors above one wave, ``256 * sm_count * (threads_per_sm // 256)``
    elements, and for the offsets that follow them.
    """

    device = "cuda"

    def __init__(self, sm_count, threads_per_sm=DEFAULT_THREADS_PER_SM):
        self.sm_count = _positive_int(sm_count, "sm_count", 1)
        self.threads_per_sm = _positive_int(threads_per_sm, "threads_per_sm", BLOCK_SIZE)
        self.lock = threading.RLock()
        self._seed = DEFAULT_SEED
        self._offset = 0

    def __repr__(self):
        return f"CUDAGenerator(sm_count={self.sm_count}, threads_per_sm={self.threads_per_sm})"

    # -- seed, offset and state (CUDAGeneratorImpl) --------------------------------------------

    def manual_seed(self, seed):
        """``manual_seed``: ``seed`` in [-2**63, 2**64 - 1] (negatives wrap to ``seed + 2**64``);
        the offset goes back to 0. Returns ``self``."""
        seed = checked_seed(seed)
        with self.lock:
            self._seed, self._offset = seed, 0
        return self

    def get_offset(self):
        """``philox_offset_per_thread``: a multiple of 4."""
        return self._offset

    def set_offset(self, offset):
        """``set_offset``: a non-negative multiple of 4 below 2**64."""
        if isinstance(offset, bool) or not isinstance(offset, (int, np.integer)):
            raise TypeError(f"offset must be an int, got {type(offset).__name__}")
        if not (0 <= int(offset) <= _MASK64 and int(offset) % 4 == 0):
            raise ValueError(f"offset must be a multiple of 4 in [0, 2**64), got {offset}")
        self._offset = int(offset)

    def get_state(self):
        """``get_state()`` bytes: 16, little-endian u64 seed and i64 offset."""
        return _STATE.pack(self._seed, self._offset)

    def set_state(self, state):
        """``set_state``: 16 bytes (seed, offset) or 8 (seed only, offset 0), as bytes-like, a uint8
        numpy array or a CPU ByteTensor."""
        data = _state_bytes(state)
        if len(data) == _SEED_ONLY_STATE.size:
            seed, offset = _SEED_ONLY_STATE.unpack(data)[0], 0
        elif len(data) == STATE_SIZE:
            seed, offset = _STATE.unpack(data)
        else:
            raise ValueError(f"state must be {STATE_SIZE} or {_SEED_ONLY_STATE.size} bytes, got {len(data)}")
        with self.lock:
            self.set_offset(offset)
            self._seed = seed

    def _philox_cuda_state(self, increment):
        """``philox_cuda_state``: the offset to launch with; the stored one grows by ``increment``
        rounded up to a multiple of 4 (``CUDAGeneratorState::increase``)."""
        with self.lock:
            offset = self._offset
            self._offset = (offset + -(-increment // 4) * 4) & _MASK64
        return offset

    # -- sampling kernels ------------------------------------------------------------------------

    def _fill(self, out, dist, transform, native=None):
        """``distribution_nullary_kernel`` over ``out`` (row-major element order): launch by launch,
        the raw values through ``transform`` into their elements; or, with the C kernels,
        ``native(kernels, seed, offset, grid, piece)`` fills each launch's piece of ``out`` itself."""
        flat = _flat_view(out)
        plan = launch_plan(flat.size, dist.unroll, flat.itemsize, self.sm_count, self.threads_per_sm)
        kernels = _torch_seed.NATIVE if native is not None else None
        with self.lock:
            for launch in plan:
                offset = self._philox_cuda_state(launch.counter_offset)
                if not launch.writes:
                    continue
                piece = flat[launch.start: launch.start + launch.numel]
                if kernels is not None:
                    native(kernels, self._seed, offset, launch.grid, piece)
                else:
                    piece[:] = transform(launch_values(self._seed, offset, launch.numel, launch.grid, dist))

    def uniform_(self, out, low=0.0, high=1.0):
        """``uniform_kernel`` into a float16/bfloat16/float32/float64 array: ``from``/``to`` are cast to
        the array's type, ``v = fma(u, to - from, from)`` in float32 (float64 for float64; ``to - from``
        rounded to the array's type first), cast to the array's type, and a value equal to ``to``
        becomes ``from`` -- so ``rand`` (0, 1) maps cuRAND's 1.0 (and what rounds to it) to 0.0.
        Returns ``out``."""
        name = _float_name(out)
        low, high = _cast(low, name), _cast(high, name)
        span = _dtypes.round_to(np.array([high - low], _dtypes.compute_dtype(name)), name)[0]

        def finish(value):
            value = _dtypes.round_to(value, name)
            return np.where(value == high, low, value)

        def native(kernels, seed, offset, grid, piece):
            if name in _dtypes.REDUCED:
                values = np.empty(piece.size, _F32)
                kernels.cuda_uniform(seed, offset, grid, values, low, span, high, False)
                piece[:] = finish(values)
            else:
                kernels.cuda_uniform(seed, offset, grid, piece, low, span, high, True)

        self._fill(out, _uniform_distribution(name), lambda u: finish(_fma(name)(u, span, low)), native)
        return out

    def normal_(self, out, mean=0.0, std=1.0):
        """``normal_kernel`` into a float16/bfloat16/float32/float64 array: ``fma(z, std, mean)`` of
        ``curand_normal4`` values in float32 (``curand_normal2_double`` for float64), then cast. Not
        bit-exact (see ``curand_box_muller``). Returns ``out``."""
        name = _float_name(out)
        compute = _dtypes.compute_dtype(name)
        mean, std = compute.type(mean), compute.type(std)
        dist = NORMAL_DOUBLE if name == _dtypes.FLOAT64 else NORMAL_FLOAT

        def native(kernels, seed, offset, grid, piece):
            values = np.empty(piece.size, _F32) if name in _dtypes.REDUCED else piece
            kernels.cuda_normal(seed, offset, grid, values, mean, std)
            if values is not piece:
                piece[:] = _dtypes.round_to(values, name)

        self._fill(out, dist, lambda z: _dtypes.round_to(_fma(name)(z, std, mean), name), native)
        return out

    def exponential_(self, out, lambd=1.0):
        """``exponential_kernel`` into a float array: ``u`` from ``curand_uniform4`` (float32 compute) or
        ``curand_uniform2_double`` (float64), ``log = -eps/2 if u >= 1 - eps/2 else log(u)`` (eps of the
        compute type), value ``(-1/lambd) * log``, cast. Not bit-exact: the GPU's ``logf``/``log`` are
        stood in for by a correctly rounded log. Returns ``out``."""
        name = _float_name(out)
        compute = _dtypes.compute_dtype(name)
        half_eps = compute.type(np.finfo(compute).eps / 2)
        scale = compute.type(-1.0) / compute.type(lambd)

        def transform(u):
            log = np.where(u >= 1 - half_eps, -half_eps, np.log(u.astype(np.float64)).astype(compute))
            return _dtypes.round_to(scale * log, name)

        self._fill(out, _uniform_distribution(name), transform, _raw_uniforms_then(compute, transform))
        return out

    def bernoulli_(self, out, p=0.5):
        """``bernoulli_kernel(p: float)`` into an array of any numeric dtype: ``u < p`` with ``u`` from
        ``curand_uniform2_double`` and p double for float64 arrays, else ``curand_uniform4`` and
        ``(float)p``. Returns ``out``."""
        double = _flat_view(out).dtype == np.float64
        threshold = np.float64(p) if double else _F32(p)

        def transform(u):
            return u < threshold

        self._fill(out, UNIFORM_DOUBLE if double else UNIFORM_FLOAT, transform,
                   _raw_uniforms_then(np.dtype(_F64 if double else _F32), transform))
        return out

    def bernoulli(self, p):
        """``torch.bernoulli(p)`` for a float array ``p`` (``bernoulli_tensor_cuda_kernel``): the offset
        grows by 12 (``philox_cuda_state(10)``), then thread t of ``CUDA_tensor_apply2`` (step 4) draws
        one ``curand_uniform4`` for elements 4t..4t+3: element = ``u <= p`` (p as double for float64,
        else as float), in p's dtype."""
        name = _dtypes.resolve(p.dtype, _dtypes.FLOATS, "p's dtype")
        offset = self._philox_cuda_state(_BERNOULLI_TENSOR_INCREMENT)
        flat = p.reshape(-1)
        threads = np.arange(-(-flat.size // 4), dtype=_U64)
        uniforms = np.stack(_uniform4(curand4(self._seed, offset // 4, threads)), axis=1).reshape(-1)[: flat.size]
        compute = np.float64 if name == _dtypes.FLOAT64 else _F32
        return (uniforms <= flat.astype(compute)).astype(p.dtype).reshape(p.shape)

    def dropout_mask(self, n, p, name):
        """The kept elements (``u < 1 - p``) of ``fused_dropout_kernel(_vec)`` over n > 0 elements of
        dtype ``name``, for 0 < p < 1. Grid and offset as ``execution_policy(n, 4)``; ``1 - p`` is
        compared as float (as double for float64). Elements go VEC at a time per thread (VEC = 16 bytes of
        the dtype, at most 8, halved until it divides n), each thread drawing ``ceil(VEC / 4)``
        ``curand_uniform4`` per pass; with VEC = 1 the grid-stride kernel maps them as
        ``distribution_elementwise_grid_stride_kernel`` does."""
        counter_offset, grid = execution_policy(n, 4, self.sm_count, self.threads_per_sm)
        offset = self._philox_cuda_state(counter_offset)
        vec = dropout_vector_size(n, 8 if name == _dtypes.FLOAT64 else 4 if name == _dtypes.FLOAT32 else 2)
        if vec == 1:
            uniforms = launch_values(self._seed, offset, n, grid, UNIFORM_FLOAT)
        else:
            uniforms = _vectorized_uniforms(self._seed, offset, n, grid, vec)
        keep = np.float64(1.0 - p) if name == _dtypes.FLOAT64 else _F32(1.0 - p)
        return uniforms < keep

    def randperm(self, n):
        """``randperm_out_cuda`` (int64): keys from ``random_(int min, int max)`` (int32 keys when ``bits``
        <= 32, else int64; ``bits = ceil(log2(n - (6 n**2 + 1) / (12 log 0.9)))``), a stable radix sort of
        ``arange(n)`` by the keys' low ``bits`` bits, then ``randperm_handle_duplicate_keys``: the offset
        grows by n, and the first position s of every run of equal keys shuffles its run with
        ``curand(seed, subsequence s)``: for i from size - 1 down to 1, ``r = word % (i + 1)``, swap
        positions i and r of the run."""
        if n == 0:
            return np.empty(0, np.int64)
        bits = randperm_key_bits(n)
        if bits >= 64:
            raise NotImplementedError(f"randperm on a CUDA generator is reproduced for n with fewer than 64 key "
                                      f"bits (n <= 1.3e9), got n={n}")
        width = 32 if bits <= 32 else 64
        keys = self.random_from_to_(np.empty(n, f"i{width // 8}"), 2**width - 1, -(2**(width - 1)))
        unsigned = keys.view(f"u{width // 8}").astype(_U64)
        sort_keys = (unsigned ^ _U64(1 << (width - 1))) & _U64((1 << bits) - 1)   # cub flips the sign bit
        order = np.argsort(sort_keys, kind="stable")
        perm, sorted_keys = order.astype(np.int64), sort_keys[order]
        offset = self._philox_cuda_state(n)
        for start, size in _runs_of_equal(sorted_keys):
            _shuffle_run(perm[start: start + size], self._seed, offset, start)
        return perm

    def random_from_to_(self, out, span, low):
        """``random_from_to_kernel(range=span, base=low)`` into an array of any numeric dtype:
        ``(v % span) + low`` (int64 arithmetic), then cast. ``v`` is one 32-bit word (``uint4``,
        4 values per call) when ``span < 2**28``, else a 64-bit ``(x << 32) | y`` (2 per call).
        Returns ``out``."""
        if not 1 <= span <= _MASK64:
            raise ValueError(f"span must be in [1, 2**64 - 1], got {span}")
        dist = WORDS64 if span >= _RANDINT_64BIT_RANGE else WORDS32
        base = _U64(low & _MASK64)

        def native(kernels, seed, offset, grid, piece):
            values = piece if piece.dtype == np.int64 else np.empty(piece.size, np.int64)
            kernels.cuda_random(seed, offset, grid, values, span, int(base))
            if values is not piece:
                piece[:] = values

        self._fill(out, dist, lambda v: ((v % _U64(span)) + base).view(np.int64), native)
        return out


def _positive_int(value, name, minimum):
    """``value`` as an int >= ``minimum``, or a TypeError/ValueError naming ``name``."""
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)):
        raise TypeError(f"{name} must be an int, got {type(value).__name__}")
    if value < minimum:
        raise ValueError(f"{name} must be an int >= {minimum}, got {value}")
    return int(value)


def _flat_view(out):
    """A writable C-contiguous numpy array's 1-D view, or an error naming ``out``."""
    if not isinstance(out, np.ndarray):
        raise TypeError(f"out must be a numpy array, got {type(out).__name__}")
    if not (out.flags.c_contiguous and out.flags.writeable):
        raise ValueError("out must be a writable C-contiguous array")
    return out.reshape(-1)


def _float_name(out):
    """The dtype name of a float16/bfloat16/float32/float64 output array, or a TypeError naming ``out``."""
    if not isinstance(out, np.ndarray):
        raise TypeError(f"out must be a numpy array, got {type(out).__name__}")
    return _dtypes.resolve(out.dtype, _dtypes.FLOATS, "out's dtype")


def _cast(value, name):
    """``static_cast<scalar_t>(value)`` of a double, held in the compute type (float32 or float64)."""
    return _dtypes.round_to(np.array([value], np.float64), name)[0]


def _fma(name):
    """The fused multiply-add of ``name``'s compute type."""
    return _torch_math.fma64 if name == _dtypes.FLOAT64 else _torch_math.fma32


def _raw_uniforms_then(dtype, transform):
    """A ``_fill`` native step: the launch's cuRAND uniforms in C (``u * 1 + 0 == u``), then ``transform``."""
    def native(kernels, seed, offset, grid, piece):
        uniforms = np.empty(piece.size, dtype)
        kernels.cuda_uniform(seed, offset, grid, uniforms, 0.0, 1.0, 0.0, False)
        piece[:] = transform(uniforms)
    return native


def _uniform_distribution(name):
    """``uniform_and_transform``'s draw: ``curand_uniform2_double`` for float64, else ``curand_uniform4``."""
    return UNIFORM_DOUBLE if name == _dtypes.FLOAT64 else UNIFORM_FLOAT


def dropout_vector_size(n, itemsize):
    """``get_vector_size`` of ``Dropout.cu`` for a fresh (aligned) tensor of n elements: 16 bytes' worth
    of elements (at most 8), halved until it divides n."""
    vec = min(16 // itemsize, 8)
    while vec > 1 and n % vec:
        vec //= 2
    return vec


def _vectorized_uniforms(seed, offset, n, grid, vec):
    """``fused_dropout_kernel_vec``'s uniforms in element order: pass k of thread t covers elements
    ``(k * S + t) * vec + j`` (``S = 256 * grid``, n a multiple of vec), drawing ``ceil(vec / 4)``
    ``curand_uniform4`` (calls ``k * ceil(vec / 4) + j // 4``, component ``j % 4``). With vec = 2 every
    pass draws afresh and uses x, y (the kernel's reuse of z, w never triggers)."""
    threads = BLOCK_SIZE * grid
    calls = -(-vec // 4)
    out = np.empty(n, _F32)
    for k in range(-(-n // (threads * vec))):
        begin = k * threads * vec
        active = np.arange(min(threads, (n - begin) // vec), dtype=_U64)
        first = begin + active.astype(np.int64) * vec
        for q in range(calls):
            uniforms = _uniform4(curand4(seed, offset // 4 + k * calls + q, active))
            for component in range(min(vec, 4)):
                out[first + 4 * q + component] = uniforms[component]
    return out


def randperm_key_bits(n):
    """``randperm_out_cuda``'s key width: ``min(64, ceil(log2(n - (6 n**2 + 1) / (12 log 0.9))))`` in double."""
    nd = float(n)
    return min(64, math.ceil(math.log2(nd - (6 * nd * nd + 1) / (math.log(0.9) * 12))))


def _runs_of_equal(values):
    """(start, length) of every run of two or more equal neighbours in ``values``."""
    starts = np.concatenate(([0], np.flatnonzero(values[1:] != values[:-1]) + 1))
    lengths = np.diff(np.append(starts, values.size))
    keep = lengths > 1
    return zip(starts[keep].tolist(), lengths[keep].tolist())


def _shuffle_run(run, seed, offset, start):
    """``randperm_handle_duplicate_keys_kernel`` for the run beginning at sorted position ``start``
    (``run`` a view, shuffled in place): successive ``curand()`` words of subsequence ``start`` from
    ``offset``; for i from len - 1 down to 1, ``r = word % (i + 1)``, swap run[i] and run[r]."""
    needed = run.size - 1
    words = [int(w[0]) for k in range(-(-needed // 4))
             for w in curand4(seed, offset // 4 + k, np.array([start], _U64))]
    for i, word in zip(range(needed, 0, -1), words):
        r = word % (i + 1)
        run[i], run[r] = run[r], run[i]


def _state_bytes(state):
    """The raw bytes of a state given as bytes-like, a uint8 numpy array or a CPU ByteTensor."""
    if isinstance(state, (bytes, bytearray, memoryview)):
        return bytes(state)
    array = np.asarray(state)
    if array.dtype != np.uint8:
        raise TypeError(f"state must be bytes or hold uint8 values, got dtype {array.dtype}")
    return array.tobytes()

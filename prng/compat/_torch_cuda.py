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
so here they are computed in float64 and rounded -- close (float32: about 1e-6), NOT bit-exact, and
nothing in this module has been compared with a GPU bit for bit. See docs/torch-cuda.md.
"""

import math
import struct
from collections import namedtuple

import numpy as np

from ..bitgen.philox import philox_block
from ..bitgen.philox4x32 import PHILOX_M4x32, PHILOX_W32
from . import _torch_math
from ._torch_seed import DEFAULT_SEED, SeededGenerator, checked_seed

DEFAULT_THREADS_PER_SM = 2048          # maxThreadsPerMultiProcessor of sm_70/80/90/100 (V100, A100, H100, B200)
BLOCK_SIZE = 256                       # block_size_bound
CURAND_CALL_OFFSET = 4                 # max_generator_offsets_per_curand_call
STATE_SIZE = 16                        # len(torch.cuda.get_rng_state()): u64 seed, i64 offset

_MASK32 = 0xFFFFFFFF
_MASK64 = 0xFFFFFFFFFFFFFFFF
_INT32_MAX = 2**31 - 1
_RANDINT_64BIT_RANGE = 2**28           # random_from_to_kernel draws 64-bit values from this range on
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


def _logf(x):
    """Stand-in for CUDA's ``logf`` (<= 1 ulp, bits undocumented): log in double, rounded to float."""
    return np.log(x.astype(_F64)).astype(_F32)


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
    s = np.sqrt(-2.0 * np.log(curand_uniform_double_hq(x0, x1)))
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
        self._seed = DEFAULT_SEED
        self._offset = 0

    def __repr__(self):
        return f"CUDAGenerator(sm_count={self.sm_count}, threads_per_sm={self.threads_per_sm})"

    # -- seed, offset and state (CUDAGeneratorImpl) --------------------------------------------

    def manual_seed(self, seed):
        """``manual_seed``: ``seed`` in [-2**63, 2**64 - 1] (negatives wrap to ``seed + 2**64``);
        the offset goes back to 0. Returns ``self``."""
        self._seed = checked_seed(seed)
        self._offset = 0
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
        self.set_offset(offset)
        self._seed = seed

    def _philox_cuda_state(self, increment):
        """``philox_cuda_state``: the offset to launch with; the stored one grows by ``increment``
        rounded up to a multiple of 4 (``CUDAGeneratorState::increase``)."""
        offset = self._offset
        self._offset = (offset + -(-increment // 4) * 4) & _MASK64
        return offset

    # -- sampling kernels ------------------------------------------------------------------------

    def _fill(self, out, dist, transform):
        """``distribution_nullary_kernel`` over ``out`` (row-major element order): launch by launch,
        the raw values through ``transform`` into their elements."""
        flat = _flat_view(out)
        plan = launch_plan(flat.size, dist.unroll, flat.itemsize, self.sm_count, self.threads_per_sm)
        for launch in plan:
            offset = self._philox_cuda_state(launch.counter_offset)
            if launch.writes:
                raw = launch_values(self._seed, offset, launch.numel, launch.grid, dist)
                flat[launch.start: launch.start + launch.numel] = transform(raw)

    def uniform_(self, out, low=0.0, high=1.0):
        """``uniform_kernel`` into a float32/float64 array: ``v = fma(u, high - low, low)``
        (``high - low`` rounded in the array's type), then ``v == high`` becomes ``low`` -- so
        ``rand`` (low 0, high 1) maps cuRAND's 1.0 to 0.0. Returns ``out``."""
        dtype = _float_dtype(out)
        low, high = dtype.type(low), dtype.type(high)
        dist, fma = (UNIFORM_FLOAT, _torch_math.fma32) if dtype == _F32 else (UNIFORM_DOUBLE, _torch_math.fma64)

        def transform(u):
            value = fma(u, high - low, low)
            return np.where(value == high, low, value)

        self._fill(out, dist, transform)
        return out

    def normal_(self, out, mean=0.0, std=1.0):
        """``normal_kernel`` into a float32/float64 array: ``fma(z, std, mean)`` of
        ``curand_normal4`` (float32) or ``curand_normal2_double`` (float64) values. Not bit-exact
        (see ``curand_box_muller``). Returns ``out``."""
        dtype = _float_dtype(out)
        mean, std = dtype.type(mean), dtype.type(std)
        dist, fma = (NORMAL_FLOAT, _torch_math.fma32) if dtype == _F32 else (NORMAL_DOUBLE, _torch_math.fma64)
        self._fill(out, dist, lambda z: fma(z, std, mean))
        return out

    def random_from_to_(self, out, span, low):
        """``random_from_to_kernel(range=span, base=low)`` into an array of any numeric dtype:
        ``(v % span) + low`` (int64 arithmetic), then cast. ``v`` is one 32-bit word (``uint4``,
        4 values per call) when ``span < 2**28``, else a 64-bit ``(x << 32) | y`` (2 per call).
        Returns ``out``."""
        if not 1 <= span <= _MASK64:
            raise ValueError(f"span must be in [1, 2**64 - 1], got {span}")
        dist = WORDS64 if span >= _RANDINT_64BIT_RANGE else WORDS32
        base = _U64(low & _MASK64)
        self._fill(out, dist, lambda v: ((v % _U64(span)) + base).view(np.int64))
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


def _float_dtype(out):
    """The dtype of a float32/float64 output array, or a TypeError naming ``out``."""
    if not isinstance(out, np.ndarray) or out.dtype not in (np.dtype(_F32), np.dtype(_F64)):
        raise TypeError("out must be a float32 or float64 numpy array")
    return out.dtype


def _state_bytes(state):
    """The raw bytes of a state given as bytes-like, a uint8 numpy array or a CPU ByteTensor."""
    if isinstance(state, (bytes, bytearray, memoryview)):
        return bytes(state)
    array = np.asarray(state)
    if array.dtype != np.uint8:
        raise TypeError(f"state must be bytes or hold uint8 values, got dtype {array.dtype}")
    return array.tobytes()

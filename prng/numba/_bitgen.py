"""The samplers' bit-generator interface in numba (native/prng.h's ``prng_bitgen_t``, numpy's
``bitgen_t``): ``next_uint64(bg)``, ``next_uint32(bg)`` and ``next_double(bg)``, and
``fill_double(bg, out)``: numpy's next_double in bulk through the generator's fill kernel (prng_bitgen_t's
``fill_double``).

A numba core's ``bitgen`` is a structref holding the core's state array and ``buf`` (uint64[2]:
numpy's buffered uint32 half of 64-bit generators, ``has_uint32`` and ``uinteger``). Every algorithm
has its own structref type, bound to its kernels by ``bind64``/``bind32``/``bind_values``, so the three draws resolve
at compile time: a sampler written once over them compiles, and caches, once per generator, with
direct calls the compiler can inline.
"""
import numpy as np
from numba import types
from numba.core.extending import overload
from numba.experimental import structref

TWO_M53 = 1.0 / 9007199254740992.0
HAS_UINT32 = 0
"""Index of ``has_uint32`` in ``buf``."""
UINTEGER = 1
"""Index of ``uinteger`` in ``buf``."""


class BitGenType(types.StructRef):
    """Base of the per-algorithm structref types; their fields are ``state`` and ``buf``."""

    def preprocess_fields(self, fields):
        return tuple((name, types.unliteral(t)) for name, t in fields)


class BitGen(structref.StructRefProxy):
    """Base of the Python-side handles: ``Handle(state, buf)`` shares both arrays with its core."""

    def __new__(cls, state, buf):
        return structref.StructRefProxy.__new__(cls, state, buf)


def next_uint64(bg):
    """numpy's next_uint64 of ``bg`` (jitted code only)."""
    raise NotImplementedError("next_uint64 is for numba-compiled samplers")


def next_uint32(bg):
    """numpy's next_uint32 of ``bg`` (jitted code only)."""
    raise NotImplementedError("next_uint32 is for numba-compiled samplers")


def next_double(bg):
    """numpy's next_double of ``bg`` (jitted code only)."""
    raise NotImplementedError("next_double is for numba-compiled samplers")


def fill_double(bg, out):
    """numpy's next_double of ``bg`` for each element of ``out`` in turn, in bulk (jitted code only)."""
    raise NotImplementedError("fill_double is for numba-compiled samplers")


CHUNK = 512
"""Doubles made per bulk fill of the generator's words in ``fill_double``."""


def _register(type_class, proxy_class, draw64, draw32, draw_double, doubles):
    """Make ``proxy_class`` the boxed form of ``type_class`` and bind the three draws and
    ``fill_double`` to it."""
    structref.define_proxy(proxy_class, type_class, ["state", "buf"])
    for stub, impl in ((next_uint64, draw64), (next_uint32, draw32), (next_double, draw_double)):
        _overload_for(type_class, stub, impl)

    @overload(fill_double)
    def _typed_fill(bg, out):
        if isinstance(bg, type_class):
            return doubles


def _overload_for(type_class, stub, impl):
    @overload(stub, inline="always")
    def _typed(bg):
        if isinstance(bg, type_class):
            return impl


def _own_doubles(double_kernel):
    """``fill_double`` of a generator with its own double, ``double_kernel(state)`` (ARC4, MidSquare)."""

    def own_doubles(bg, out):
        for i in range(out.size):
            out[i] = double_kernel(bg.state)

    return own_doubles


def bind64(type_class, proxy_class, next_kernel, fill_kernel):
    """Bind a 64-bit generator: ``next_kernel(state) -> uint64`` is its natural draw and
    ``fill_kernel(state, out)`` makes many; 32-bit draws are its halves, low first, through ``buf``;
    doubles its top 53 bits (numpy's uint64_to_double)."""

    def draw64(bg):
        return next_kernel(bg.state)

    def draw32(bg):
        buf = bg.buf
        if buf[HAS_UINT32]:
            buf[HAS_UINT32] = 0
            return np.uint32(buf[UINTEGER])
        word = next_kernel(bg.state)
        buf[HAS_UINT32] = 1
        buf[UINTEGER] = word >> np.uint64(32)
        return np.uint32(word & np.uint64(0xFFFFFFFF))

    def draw_double(bg):
        return (next_kernel(bg.state) >> np.uint64(11)) * TWO_M53

    def doubles(bg, out):
        words = np.empty(min(out.size, CHUNK), dtype=np.uint64)
        for start in range(0, out.size, CHUNK):
            chunk = words[:min(out.size - start, CHUNK)]
            fill_kernel(bg.state, chunk)
            for j in range(chunk.size):
                out[start + j] = (chunk[j] >> np.uint64(11)) * TWO_M53

    _register(type_class, proxy_class, draw64, draw32, draw_double, doubles)


def bind32(type_class, proxy_class, next_kernel, fill_kernel, double_kernel=None):
    """Bind a 32-bit generator: ``next_kernel(state)`` is its natural draw and ``fill_kernel(state, out)``
    makes many; 64-bit draws take two, the first one high (numpy's mt19937_next64); doubles are numpy's
    two-draw ones unless ``double_kernel(state)`` gives the generator's own (ARC4)."""

    def draw64(bg):
        high = np.uint64(next_kernel(bg.state))
        return (high << np.uint64(32)) | np.uint64(next_kernel(bg.state))

    def draw32(bg):
        return np.uint32(next_kernel(bg.state))

    def pair_double(bg):
        a = np.uint64(next_kernel(bg.state)) >> np.uint64(5)
        b = np.uint64(next_kernel(bg.state)) >> np.uint64(6)
        return (a * 67108864.0 + b) * TWO_M53

    def own_double(bg):
        return double_kernel(bg.state)

    def pair_doubles(bg, out):
        words = np.empty(2 * min(out.size, CHUNK), dtype=np.uint32)
        for start in range(0, out.size, CHUNK):
            chunk = words[:2 * min(out.size - start, CHUNK)]
            fill_kernel(bg.state, chunk)
            for j in range(chunk.size // 2):
                a = np.uint64(chunk[2 * j]) >> np.uint64(5)
                b = np.uint64(chunk[2 * j + 1]) >> np.uint64(6)
                out[start + j] = (a * 67108864.0 + b) * TWO_M53

    if double_kernel is None:
        _register(type_class, proxy_class, draw64, draw32, pair_double, pair_doubles)
    else:
        _register(type_class, proxy_class, draw64, draw32, own_double, _own_doubles(double_kernel))


def bind_values(type_class, proxy_class, next_kernel, double_kernel):
    """Bind a generator whose draws are its values (MidSquare): ``next_kernel(state)`` is both the 64-
    and the 32-bit draw (values below 2**32: the samplers use it for digits <= 8), ``double_kernel``
    its double."""

    def draw64(bg):
        return np.uint64(next_kernel(bg.state))

    def draw32(bg):
        return np.uint32(next_kernel(bg.state))

    def own_double(bg):
        return double_kernel(bg.state)

    _register(type_class, proxy_class, draw64, draw32, own_double, _own_doubles(double_kernel))

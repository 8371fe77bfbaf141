"""128-bit unsigned arithmetic for the numba kernels, as LLVM intrinsics.

Numba has no 128-bit integer type, but LLVM does: these intrinsics widen their
uint64 operands to ``i128``, let LLVM emit the hardware 64x64->128 multiply
(one ``mul``/``mulx`` on x86-64), and hand the result back as a ``(hi, lo)``
pair of uint64.  Splitting into 32-bit halves in Python-level numba code
works too but measured about 2x slower.

A 128-bit value is always passed as two uint64 words, high word first, the
order of numpy's ``pcg128_t {high, low}``.
"""
from llvmlite import ir
from numba import types
from numba.extending import intrinsic

_I64 = ir.IntType(64)
_I128 = ir.IntType(128)
_U64_PAIR = types.UniTuple(types.uint64, 2)


def _join(builder, hi, lo):
    """Build an i128 from two i64 words."""
    wide_hi = builder.shl(builder.zext(hi, _I128), ir.Constant(_I128, 64))
    return builder.or_(wide_hi, builder.zext(lo, _I128))


def _split(context, builder, value):
    """Return an i128 as a numba ``(hi, lo)`` uint64 tuple."""
    hi = builder.trunc(builder.lshr(value, ir.Constant(_I128, 64)), _I64)
    lo = builder.trunc(value, _I64)
    return context.make_tuple(builder, _U64_PAIR, (hi, lo))


@intrinsic
def mul_wide(typingctx, a, b):
    """``(hi, lo)`` of the full 128-bit product ``a * b`` of two uint64.

    Matches C's ``(__uint128_t)a * b`` (numpy's ``_umul128`` / Philox ``mulhilo64``).
    """
    sig = _U64_PAIR(types.uint64, types.uint64)

    def codegen(context, builder, signature, args):
        a_val, b_val = args
        product = builder.mul(builder.zext(a_val, _I128), builder.zext(b_val, _I128))
        return _split(context, builder, product)

    return sig, codegen


@intrinsic
def mul_add(typingctx, a_hi, a_lo, b_hi, b_lo, c_hi, c_lo):
    """``(hi, lo)`` of ``a * b + c`` modulo 2**128, each operand given as two uint64.

    Matches numpy's ``pcg128_add(pcg128_mult(a, b), c)`` (the PCG64 LCG step).
    """
    sig = _U64_PAIR(*(types.uint64,) * 6)

    def codegen(context, builder, signature, args):
        a = _join(builder, args[0], args[1])
        b = _join(builder, args[2], args[3])
        c = _join(builder, args[4], args[5])
        return _split(context, builder, builder.add(builder.mul(a, b), c))

    return sig, codegen

"""torch's dtypes as prng.compat.torch takes them, and the roundings torch uses to store reduced precision.

A dtype argument is a name (``"float16"``, ``"bfloat16"``, ``"float32"``, ``"int64"``, ...), a numpy dtype
or scalar type, ``ml_dtypes.bfloat16`` or a torch dtype (``torch.float16``). Anything else -- ``None``,
``"banana"``, ``"torch.float32"`` written as a string, a dtype the function does not take -- is a
``TypeError``.

float16 and bfloat16 are computed in float32 (torch's ``opmath_t``) and rounded once to nearest, ties to
even: numpy's float32 -> float16 cast, and for bfloat16 torch's own ``round_to_nearest_even``
(``c10/util/BFloat16.h``: add ``0x7fff`` plus the lowest kept bit, drop the low 16 bits; NaN becomes
``0x7fc0``). A double reaches them through float first (``c10::Half``/``c10::BFloat16`` have only a
float constructor), so double -> float -> half rounds twice, as in torch.

bfloat16 arrays are numpy arrays of ``ml_dtypes.bfloat16`` (the numpy extension JAX uses). ml_dtypes is
an optional dependency (``pip install prng[bfloat16]``): only a bfloat16 result needs it, and asking
for one without it raises an ``ImportError`` that says so.
"""

import numpy as np

FLOAT16, BFLOAT16, FLOAT32, FLOAT64 = "float16", "bfloat16", "float32", "float64"
FLOATS = (FLOAT16, BFLOAT16, FLOAT32, FLOAT64)
REDUCED = (FLOAT16, BFLOAT16)
INTS = ("int64", "int32", "int16", "int8", "uint8")

_F32 = np.float32
_BF16_NAN = np.uint16(0x7FC0)


def resolve(dtype, allowed, argument="dtype"):
    """The canonical name (one of ``allowed``) of a dtype argument, or a TypeError naming the choices."""
    if type(dtype).__module__ == "torch":
        name = str(dtype).removeprefix("torch.")
    elif isinstance(dtype, str):
        name = dtype if dtype in FLOATS + INTS else _numpy_name(dtype)
    elif dtype is None or isinstance(dtype, bool):
        name = None
    else:
        name = _numpy_name(dtype)
    if name not in allowed:
        raise TypeError(f"{argument} must be one of {', '.join(allowed)}, got {dtype!r}")
    return name


def _numpy_name(dtype):
    """The canonical name numpy gives ``dtype`` ("f4" -> "float32"), or None when numpy rejects it."""
    try:
        return np.dtype(dtype).name
    except (TypeError, ValueError):
        return None


def numpy_dtype(name):
    """The numpy dtype that holds ``name`` (bfloat16: ml_dtypes', imported on demand)."""
    if name == BFLOAT16:
        return np.dtype(_ml_dtypes().bfloat16)
    return np.dtype(name)


def compute_dtype(name):
    """The float type torch computes ``name``'s samples in: float64 for float64, else float32."""
    return np.dtype(np.float64 if name == FLOAT64 else _F32)


def round_to(values, name):
    """``values`` (float32 or float64) rounded to ``name`` as torch's ``static_cast<scalar_t>`` does,
    returned as float32 for float16/bfloat16 (every such value is a float32) and in ``name``'s own type
    otherwise."""
    if name == FLOAT64:
        return np.asarray(values, dtype=np.float64)
    values = np.asarray(values).astype(_F32)
    if name == FLOAT16:
        return values.astype(np.float16).astype(_F32)
    if name == BFLOAT16:
        return (bfloat16_bits(values).astype(np.uint32) << np.uint32(16)).view(_F32)
    return values


def bfloat16_bits(values):
    """torch's float -> bfloat16 rounding (``round_to_nearest_even``): the bits, as uint16."""
    bits = np.asarray(values, dtype=_F32).view(np.uint32)
    rounded = ((bits + ((bits >> np.uint32(16)) & np.uint32(1)) + np.uint32(0x7FFF)) >> np.uint32(16)).astype(np.uint16)
    return np.where(np.isnan(values), _BF16_NAN, rounded)


def _ml_dtypes():
    """The ml_dtypes module, or an ImportError that says how to get it."""
    try:
        import ml_dtypes
    except ImportError:
        raise ImportError("dtype 'bfloat16' returns numpy arrays of ml_dtypes.bfloat16: install ml_dtypes "
                          "(pip install ml_dtypes, or prng[bfloat16])") from None
    return ml_dtypes

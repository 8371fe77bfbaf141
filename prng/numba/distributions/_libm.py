"""The C library's math functions as the numba samplers call them: the same symbols numpy's
distributions.c and native/distributions call (glibc on Linux), bound by name, so the numba, C and
pure-Python samplers agree bit for bit."""
from numba import types

_F64 = types.float64(types.float64)
_F32 = types.float32(types.float32)

exp = types.ExternalFunction("exp", _F64)
log = types.ExternalFunction("log", _F64)
log1p = types.ExternalFunction("log1p", _F64)
sqrt = types.ExternalFunction("sqrt", _F64)
expf = types.ExternalFunction("expf", _F32)
log1pf = types.ExternalFunction("log1pf", _F32)
_F64_2 = types.float64(types.float64, types.float64)
expm1 = types.ExternalFunction("expm1", _F64)
cos = types.ExternalFunction("cos", _F64)
acos = types.ExternalFunction("acos", _F64)
pow = types.ExternalFunction("pow", _F64_2)  # noqa: A001 (C's name)
fmod = types.ExternalFunction("fmod", _F64_2)
logf = types.ExternalFunction("logf", _F32)
sqrtf = types.ExternalFunction("sqrtf", _F32)
powf = types.ExternalFunction("powf", types.float32(types.float32, types.float32))

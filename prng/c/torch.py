"""PyTorch's sampling kernels in C (native/torch.h) for numpy arrays: the CPU generator's fills over an
MT19937 core's ``bitgen`` and one CUDA grid-stride launch each. Callers (prng.compat.torch,
prng.compat._torch_cuda) pass flat C-contiguous outputs of the kernel's type and hold the locks."""

import numpy as np

from ._common import ffi, lib

_KERNELS = {"avx2": 0, "default": 1}


def _ptr(array, ctype):
    return ffi.from_buffer(f"{ctype}[]", array, True)


def _float_kernel(out):
    """True for a float32 output, False for float64 (the kernels' two types)."""
    if out.dtype == np.float32:
        return True
    assert out.dtype == np.float64, out.dtype
    return False


def uniform_fill(bg, out, low, span, high, fused, replace):
    """``uniform_kernel`` on CPU: ``out[i] = u*span + low`` (fused or not), ``high`` -> ``low`` if replace."""
    if _float_kernel(out):
        lib.prng_torch_uniform_fill_f(bg, out.size, _ptr(out, "float"), low, span, high, fused, replace)
    else:
        lib.prng_torch_uniform_fill(bg, out.size, _ptr(out, "double"), low, span, high, fused, replace)


def normal_fill(bg, out, mean, std, kernel, reduced):
    """``normal_fill`` (``out.size >= 16``) in float32 (``kernel`` "avx2"/"default") or float64."""
    if _float_kernel(out):
        lib.prng_torch_normal_fill_f(bg, out.size, _ptr(out, "float"), mean, std, _KERNELS[kernel], reduced)
    else:
        lib.prng_torch_normal_fill(bg, out.size, _ptr(out, "double"), mean, std)


def exponential_fill(bg, out, lambd):
    """``exponential_`` on CPU into a float64 array: ``(-1 / lambd) * log1p(-u)``, u of random64()."""
    lib.prng_torch_exponential_fill(bg, out.size, _ptr(out, "double"), lambd)


def random_fill(bg, out, span, low):
    """``random_from_to`` into an int64 array: ``(v % span) + low`` (low as a uint64 bit pattern)."""
    lib.prng_torch_random_fill(bg, out.size, _ptr(out, "int64_t"), span, low)


def randperm(bg, out, limit):
    """``randperm_cpu`` into an int64 array of n elements (Fisher-Yates for n < limit, else inside-out)."""
    lib.prng_torch_randperm(bg, out.size, _ptr(out, "int64_t"), limit)


def cuda_uniform(seed, offset, grid, out, low, span, high, replace):
    if _float_kernel(out):
        lib.prng_torch_cuda_uniform_f(seed, offset, out.size, grid, _ptr(out, "float"), low, span, high, replace)
    else:
        lib.prng_torch_cuda_uniform(seed, offset, out.size, grid, _ptr(out, "double"), low, span, high, replace)


def cuda_normal(seed, offset, grid, out, mean, std):
    if _float_kernel(out):
        lib.prng_torch_cuda_normal_f(seed, offset, out.size, grid, _ptr(out, "float"), mean, std)
    else:
        lib.prng_torch_cuda_normal(seed, offset, out.size, grid, _ptr(out, "double"), mean, std)


def cuda_random(seed, offset, grid, out, span, base):
    lib.prng_torch_cuda_random(seed, offset, out.size, grid, _ptr(out, "int64_t"), span, base)

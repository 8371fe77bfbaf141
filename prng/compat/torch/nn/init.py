"""``torch.nn.init`` (torch 2.13) on numpy arrays: the same values from the same generator state.

Each function fills a writable C-contiguous float array in place and returns it, drawing exactly what
torch's function draws: ``uniform_``/``normal_`` of ``prng.compat.torch`` with the bounds or standard
deviation torch computes in Python (``torch/nn/init.py``: fans from dimension 0 and 1 times the receptive
field, ``calculate_gain``). ``generator=None`` is ``prng.compat.torch.default_generator``; a
``CUDAGenerator`` works as a CUDA tensor would. ``kernel`` is torch's CPU kernel (see
``prng.compat.torch``).
"""

import math
import warnings

import numpy as np

from ... import _torch_dtypes as _dtypes
from .. import DEFAULT_KERNEL, _float_output, normal_ as _normal_, uniform_ as _uniform_

_LINEAR_GAIN_ONE = ("linear", "conv1d", "conv2d", "conv3d", "conv_transpose1d", "conv_transpose2d",
                    "conv_transpose3d", "sigmoid")


def calculate_gain(nonlinearity, param=None):
    """``torch.nn.init.calculate_gain``: 1 for linear/conv/sigmoid, 5/3 for tanh, sqrt(2) for relu,
    sqrt(2 / (1 + slope**2)) for leaky_relu (slope ``param``, default 0.01), 3/4 for selu."""
    if nonlinearity in _LINEAR_GAIN_ONE:
        return 1
    if nonlinearity == "tanh":
        return 5.0 / 3
    if nonlinearity == "relu":
        return math.sqrt(2.0)
    if nonlinearity == "leaky_relu":
        if param is None:
            negative_slope = 0.01
        elif isinstance(param, (int, float)) and not isinstance(param, bool):
            negative_slope = param
        else:
            raise ValueError(f"negative_slope {param} not a valid number")
        return math.sqrt(2.0 / (1 + negative_slope**2))
    if nonlinearity == "selu":
        return 3.0 / 4
    raise ValueError(f"Unsupported nonlinearity {nonlinearity}")


def _calculate_fan_in_and_fan_out(tensor):
    """``(fan_in, fan_out)``: dimension 1 and dimension 0, each times the product of dimensions 2 on."""
    if tensor.ndim < 2:
        raise ValueError("Fan in and fan out can not be computed for tensor with fewer than 2 dimensions")
    receptive_field_size = math.prod(tensor.shape[2:])
    return tensor.shape[1] * receptive_field_size, tensor.shape[0] * receptive_field_size


def _calculate_correct_fan(tensor, mode):
    mode = mode.lower()
    if mode not in ("fan_in", "fan_out"):
        raise ValueError(f"Mode {mode} not supported, please use one of ['fan_in', 'fan_out']")
    fan_in, fan_out = _calculate_fan_in_and_fan_out(tensor)
    return fan_in if mode == "fan_in" else fan_out


def uniform_(tensor, a=0.0, b=1.0, generator=None, *, kernel=DEFAULT_KERNEL):
    """``nn.init.uniform_``: ``tensor.uniform_(a, b)``."""
    return _uniform_(tensor, a, b, generator=generator, kernel=kernel)


def normal_(tensor, mean=0.0, std=1.0, generator=None, *, kernel=DEFAULT_KERNEL):
    """``nn.init.normal_``: ``tensor.normal_(mean, std)``."""
    return _normal_(tensor, mean, std, generator=generator, kernel=kernel)


def xavier_uniform_(tensor, gain=1.0, generator=None, *, kernel=DEFAULT_KERNEL):
    """``nn.init.xavier_uniform_``: U(-a, a), ``a = sqrt(3) * gain * sqrt(2 / (fan_in + fan_out))``."""
    fan_in, fan_out = _calculate_fan_in_and_fan_out(tensor)
    std = gain * math.sqrt(2.0 / float(fan_in + fan_out))
    a = math.sqrt(3.0) * std
    return _uniform_(tensor, -a, a, generator=generator, kernel=kernel)


def xavier_normal_(tensor, gain=1.0, generator=None, *, kernel=DEFAULT_KERNEL):
    """``nn.init.xavier_normal_``: N(0, std**2), ``std = gain * sqrt(2 / (fan_in + fan_out))``."""
    fan_in, fan_out = _calculate_fan_in_and_fan_out(tensor)
    std = gain * math.sqrt(2.0 / float(fan_in + fan_out))
    return _normal_(tensor, 0.0, std, generator=generator, kernel=kernel)


def _kaiming_std(tensor, a, mode, nonlinearity):
    """``gain / sqrt(fan)`` of kaiming_*; None (after torch's warning) for a zero-element tensor."""
    if 0 in tensor.shape:
        warnings.warn("Initializing zero-element tensors is a no-op", stacklevel=3)
        return None
    return calculate_gain(nonlinearity, a) / math.sqrt(_calculate_correct_fan(tensor, mode))


def kaiming_uniform_(tensor, a=0, mode="fan_in", nonlinearity="leaky_relu", generator=None, *,
                     kernel=DEFAULT_KERNEL):
    """``nn.init.kaiming_uniform_``: U(-bound, bound), ``bound = sqrt(3) * gain / sqrt(fan)``."""
    std = _kaiming_std(tensor, a, mode, nonlinearity)
    if std is None:
        return tensor
    bound = math.sqrt(3.0) * std
    return _uniform_(tensor, -bound, bound, generator=generator, kernel=kernel)


def kaiming_normal_(tensor, a=0, mode="fan_in", nonlinearity="leaky_relu", generator=None, *,
                    kernel=DEFAULT_KERNEL):
    """``nn.init.kaiming_normal_``: N(0, std**2), ``std = gain / sqrt(fan)``."""
    std = _kaiming_std(tensor, a, mode, nonlinearity)
    if std is None:
        return tensor
    return _normal_(tensor, 0, std, generator=generator, kernel=kernel)


def trunc_normal_(tensor, mean=0.0, std=1.0, a=-2.0, b=2.0, generator=None, *, kernel=DEFAULT_KERNEL):
    """``nn.init.trunc_normal_`` (torch 2.13's ``_no_grad_trunc_normal_``).

    With ``p = Phi((b - mean)/std) - Phi((a - mean)/std) > 0.3``: fill with normals, then while any
    value lies outside [a, b] (bounds cast to the array's type), draw a whole new array of normals and
    take its values at those places. Otherwise (float32/float64 arrays only): uniform candidates in
    [a, b], accepted where ``log(u) > -((c - mean)/std)**2 / 2 - log_peak`` for a fresh uniform u per
    element, each step an array operation in the array's type; rejected places get a whole new round of
    candidates and uniforms. torch's log there is its vectorized one (within an ulp); here it is the
    correctly rounded log, which decides differently only when the two sides are within an ulp.
    """
    _, name = _float_output(tensor)
    if (mean < a - 2 * std) or (mean > b + 2 * std):
        warnings.warn("mean is more than 2 std from [a, b] in nn.init.trunc_normal_. "
                      "The distribution of values may be incorrect.", stacklevel=2)
    p = _norm_cdf((b - mean) / std) - _norm_cdf((a - mean) / std)
    if p > 0.3:
        return _trunc_by_normals(tensor, name, mean, std, a, b, generator, kernel)
    if name in _dtypes.REDUCED:
        raise NotImplementedError(f"trunc_normal_ with p = {p:.3g} <= 0.3 (uniform proposals) is reproduced "
                                  f"for float32/float64 arrays, not {name}")
    return _trunc_by_uniforms(tensor, mean, std, a, b, generator, kernel)


def _norm_cdf(x):
    return (1.0 + math.erf(x / math.sqrt(2.0))) / 2.0


def _trunc_by_normals(tensor, name, mean, std, a, b, generator, kernel):
    """trunc_normal_'s p > 0.3 branch: normals, whole arrays of them re-drawn for the values outside."""
    compute = _dtypes.compute_dtype(name)
    low, high = (float(_dtypes.round_to(np.array([x]), name)[0]) for x in (a, b))
    draw = _normal_(tensor, mean, std, generator=generator, kernel=kernel)
    result = draw.astype(compute)
    while True:
        outside = (result < low) | (result > high)
        if not outside.any():
            break
        fresh = _normal_(np.empty_like(tensor), mean, std, generator=generator, kernel=kernel)
        result = np.where(outside, fresh.astype(compute), result)
    tensor[...] = result
    return tensor


def _trunc_by_uniforms(tensor, mean, std, a, b, generator, kernel):
    """trunc_normal_'s p <= 0.3 branch: uniform candidates, accepted against a uniform's log."""
    mode = max(a, min(mean, b))
    log_peak = -0.5 * ((mode - mean) / std) ** 2
    scalars = [tensor.dtype.type(x) for x in (mean, std, -0.5, log_peak)]

    def log_density(candidates):
        centred = (candidates - scalars[0]) / scalars[1]
        return centred * centred * scalars[2] - scalars[3]

    def rejected(log_pdf):
        """``accept_buf.uniform_().log_().gt(log_pdf)``: a fresh uniform per element, True = rejected."""
        uniforms = _uniform_(np.empty_like(tensor), generator=generator, kernel=kernel)
        with np.errstate(divide="ignore"):
            return np.log(uniforms.astype(np.float64)).astype(tensor.dtype) > log_pdf

    _uniform_(tensor, a, b, generator=generator, kernel=kernel)
    pending = rejected(log_density(tensor))
    result = tensor.copy()
    while pending.any():
        candidates = _uniform_(np.empty_like(tensor), a, b, generator=generator, kernel=kernel)
        result = np.where(pending, candidates, result)
        pending = np.where(pending, rejected(log_density(candidates)), pending)
    tensor[...] = result
    return tensor

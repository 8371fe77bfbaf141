"""``torch.nn`` layer initialisation without torch: what ``nn.Linear`` and ``nn.Conv2d`` hold right after
construction (``reset_parameters``), and ``init`` (``torch.nn.init`` on numpy arrays).

``torch.manual_seed(s); nn.Linear(i, o)`` holds ``linear_parameters(i, o, generator=g)`` for
``g = prng.compat.torch.Generator().manual_seed(s)`` (or ``generator=None`` after
``prng.compat.torch.manual_seed(s)``): the layers draw from torch's default generator, which ``generator``
stands for, and advance it the same way.
"""

import math
import operator

import numpy as np

from ... import _torch_dtypes as _dtypes
from .. import DEFAULT_KERNEL
from . import init


def linear_parameters(in_features, out_features, bias=True, generator=None, *, dtype="float32",
                      kernel=DEFAULT_KERNEL):
    """``(weight, bias)`` of ``nn.Linear(in_features, out_features, bias, dtype=dtype)``: weight
    ``(out_features, in_features)`` by ``kaiming_uniform_(a=sqrt(5))`` (U(-1/sqrt(in), 1/sqrt(in)) up to
    rounding), then bias ``(out_features,)`` by U(-1/sqrt(fan_in), 1/sqrt(fan_in)); bias None when
    ``bias`` is false."""
    in_features, out_features = (_size(v, name) for v, name in ((in_features, "in_features"),
                                                                  (out_features, "out_features")))
    return _reset_parameters((out_features, in_features), out_features, bias, generator, dtype, kernel)


def conv2d_parameters(in_channels, out_channels, kernel_size, bias=True, generator=None, *, groups=1,
                      dtype="float32", kernel=DEFAULT_KERNEL):
    """``(weight, bias)`` of ``nn.Conv2d(in_channels, out_channels, kernel_size, bias=bias,
    groups=groups, dtype=dtype)``: weight ``(out_channels, in_channels // groups, kh, kw)`` by
    ``kaiming_uniform_(a=sqrt(5))``, then bias ``(out_channels,)`` by U(-1/sqrt(fan_in), 1/sqrt(fan_in))
    with ``fan_in = in_channels // groups * kh * kw``; bias None when ``bias`` is false."""
    in_channels, out_channels = (_size(v, name) for v, name in ((in_channels, "in_channels"),
                                                                  (out_channels, "out_channels")))
    groups = _size(groups, "groups")
    if groups <= 0:
        raise ValueError("groups must be a positive integer")
    if in_channels % groups or out_channels % groups:
        raise ValueError(f"in_channels ({in_channels}) and out_channels ({out_channels}) must be divisible "
                         f"by groups ({groups})")
    kh, kw = _pair(kernel_size)
    return _reset_parameters((out_channels, in_channels // groups, kh, kw), out_channels, bias, generator,
                             dtype, kernel)


def _reset_parameters(weight_shape, bias_size, bias, generator, dtype, kernel):
    """``_ConvNd``/``Linear.reset_parameters``: kaiming_uniform_(weight, a=sqrt(5)), then the bias."""
    numpy_dtype = _dtypes.numpy_dtype(_dtypes.resolve(dtype, _dtypes.FLOATS))
    weight = init.kaiming_uniform_(np.empty(weight_shape, numpy_dtype), a=math.sqrt(5), generator=generator,
                                   kernel=kernel)
    if not bias:
        return weight, None
    fan_in, _ = init._calculate_fan_in_and_fan_out(weight)
    bound = 1 / math.sqrt(fan_in) if fan_in > 0 else 0
    return weight, init.uniform_(np.empty(bias_size, numpy_dtype), -bound, bound, generator, kernel=kernel)


def _size(value, name):
    """A non-negative int argument."""
    if isinstance(value, bool):
        raise TypeError(f"{name} must be an int, got {value!r}")
    try:
        value = operator.index(value)
    except TypeError:
        raise TypeError(f"{name} must be an int, got {value!r}") from None
    if value < 0:
        raise ValueError(f"{name} must be >= 0, got {value}")
    return value


def _pair(kernel_size):
    """``kernel_size`` as (kh, kw): an int k is (k, k), as ``torch.nn.modules.utils._pair``."""
    sizes = (kernel_size, kernel_size) if not isinstance(kernel_size, (tuple, list)) else tuple(kernel_size)
    if len(sizes) != 2:
        raise ValueError(f"kernel_size must be an int or a pair of ints, got {kernel_size!r}")
    return tuple(_size(k, "kernel_size") for k in sizes)

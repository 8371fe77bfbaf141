"""The samplers as numba functions over a core's ``bitgen`` (prng.numba._bitgen): the same names and
arguments as prng.distributions (pure Python) and prng.c.distributions (C). Each compiles, and is
cached, once per generator type; the ``@njit`` functions can be called from your own jitted code with a
core's ``bitgen``."""
from .bounded import random_bounded_fill, random_bounded_uint64, random_interval  # noqa: F401
from .legacy import legacy_gauss_fill  # noqa: F401
from .bounded import random_bounded_broadcast_fill  # noqa: F401
from .shuffle import choice_floyd, shuffle_int, shuffle_raw  # noqa: F401
from .uniform import random_standard_uniform_fill, random_standard_uniform_fill_f, random_uniform_fill  # noqa: F401
from .ziggurat import (  # noqa: F401
    random_exponential_fill,
    random_normal_fill,
    random_standard_exponential_fill,
    random_standard_exponential_fill_f,
    random_standard_normal_fill,
    random_standard_normal_fill_f,
)

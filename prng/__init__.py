"""prng: the same seeded random streams in pure Python, numba, C and JavaScript.

Bit generators and state helpers are imported eagerly (they are small); distributions, framework
reproductions and reproducible-work tools are imported on first use, so ``import prng`` stays fast.
"""

import importlib

from . import compat
from ._backends import available_backends
from .bitgen.arc4 import ARC4
from .bitgen.midsquare import MidSquare
from .bitgen.msws import MiddleSquareWeyl
from .bitgen.mt19937 import MT19937
from .bitgen.pcg64 import PCG64, PCG64DXSM
from .bitgen.philox import Philox
from .bitgen.philox4x32 import Philox4x32
from .bitgen.sfc64 import SFC64
from .bitgen.threefry import Threefry, Threefry2x32
from .seedsequence import SeedSequence
from .state import state_from_json, state_to_json

__version__ = "0.1.0"

LAZY = {
    "Generator": "generator",
    "default_rng": "generator",
    "bootstrap": "_bootstrap",
    "manifest": "_manifest",
    "replay": "_manifest",
    "multiseed": "_multiseed",
    "seed_everything": "training",
    "capture_rng_state": "training",
    "restore_rng_state": "training",
    "worker_init_fn": "training",
    "dataloader_generator": "training",
}


def __getattr__(name):
    if name in LAZY:
        return getattr(importlib.import_module(f"{__name__}.{LAZY[name]}"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__():
    return sorted(list(globals()) + list(LAZY))

"""prng: the same seeded random streams in pure Python, numba, C and JavaScript."""

from ._backends import available_backends
from .bitgen.arc4 import ARC4
from .bitgen.midsquare import MidSquare
from .bitgen.msws import MiddleSquareWeyl
from .bitgen.mt19937 import MT19937
from .bitgen.pcg64 import PCG64, PCG64DXSM
from .bitgen.philox import Philox
from .bitgen.philox4x32 import Philox4x32
from .seedsequence import SeedSequence
from .state import state_from_json, state_to_json
from . import compat
from .compat import seedrandom as _seedrandom  # noqa: F401  (prng.compat.seedrandom is always there)

__version__ = "0.1.0"

"""Backend registry: which class implements one algorithm on one backend (see docs/ARCHITECTURE.md)."""

import importlib
import importlib.util
import os
import shutil
import sys
import sysconfig
import warnings

BACKENDS = ("python", "numba", "c")
AUTO_ORDER = ("c", "numba", "python")
PACKAGES = {"python": "prng.bitgen", "numba": "prng.numba", "c": "prng.c"}
MODULES = {
    "PCG64": "pcg64",
    "PCG64DXSM": "pcg64",
    "MT19937": "mt19937",
    "Philox": "philox",
    "Philox4x32": "philox4x32",
    "Threefry": "threefry",
    "Threefry2x32": "threefry",
    "SFC64": "sfc64",
    "MidSquare": "midsquare",
    "MiddleSquareWeyl": "msws",
    "ARC4": "arc4",
}


def _unavailable_reason(backend):
    """None if ``backend`` can be used here, else why not (without importing numba itself)."""
    if backend == "python":
        return None
    if importlib.util.find_spec(PACKAGES[backend]) is None:
        return f"the {backend} backend is not part of this installation"
    if backend == "numba" and importlib.util.find_spec("numba") is None:
        return "numba is not installed (pip install numba)"
    if backend == "c":
        try:
            importlib.import_module("prng._prng_c")
        except ImportError as exc:
            return f"the C extension was not built ({exc}); reinstall with a C compiler available"
    return None


def available_backends():
    """The backends usable in this installation, in the order of BACKENDS."""
    return [b for b in BACKENDS if _unavailable_reason(b) is None]


def resolve(backend):
    """Map a ``backend`` argument ("auto", "python", "numba", "c") to a usable backend name."""
    if backend == "auto":
        chosen = next(b for b in AUTO_ORDER if _unavailable_reason(b) is None)
        if chosen != AUTO_ORDER[0]:
            _warn_fallback_once(chosen)
        return chosen
    if backend not in BACKENDS:
        raise ValueError(f"backend must be one of 'auto', 'python', 'numba', 'c', got {backend!r}")
    reason = _unavailable_reason(backend)
    if reason is not None:
        raise ValueError(f"backend {backend!r} is not available: {reason}")
    return backend


_warned = []


def _warn_fallback_once(chosen):
    """Warn (once per process) that "auto" fell back from C to ``chosen``, naming the C compiler."""
    if _warned:
        return
    _warned.append(chosen)
    compiler = c_compiler()
    found = "" if shutil.which(compiler) else ", which is not installed"
    warnings.warn(f"prng's C backend is not available here, so backend='auto' uses {chosen}: the C extension "
                  f"is built at install time by the C compiler {compiler!r}{found}. Install a C compiler (or set "
                  f"CC) and reinstall prng for the faster C backend.", RuntimeWarning, stacklevel=_outside_prng())


def _outside_prng():
    """The ``stacklevel`` of the first caller outside the prng package (so the warning names user code)."""
    package = os.path.dirname(os.path.abspath(__file__))
    frame, level = sys._getframe(1), 1
    while frame is not None and os.path.abspath(frame.f_code.co_filename).startswith(package + os.sep):
        frame, level = frame.f_back, level + 1
    return level


def c_compiler():
    """The C compiler an install would use: $CC, else Python's configured CC (setup.py's rule)."""
    return (os.environ.get("CC") or sysconfig.get_config_var("CC") or "cc").split()[0]


def core_class(name, backend):
    """The core class for the public class ``name`` on ``backend`` (already resolved)."""
    module = importlib.import_module(f"{PACKAGES[backend]}.{MODULES[name]}")
    return getattr(module, f"{name}Core")

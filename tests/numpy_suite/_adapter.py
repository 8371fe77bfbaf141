"""numpy 2.4.6's own ``numpy/random/tests`` run against prng.

Each ``test_numpy_<name>.py`` here is one call: ``load("<name>", globals())``. ``load`` reads
``numpy/random/tests/<name>.py`` from the INSTALLED numpy (nothing of it is copied into this
repository), rewrites only its imports so that the names of ``numpy.random`` mean prng's, and runs the
result in the stub's namespace, so pytest collects numpy's tests unchanged (tracebacks point at numpy's
file). The rewrite, statement by statement (``ast``):

- ``from numpy.random import X`` / ``from numpy import random``: X (or ``random``) from ``prng.compat.numpy``,
  prng's drop-in for the ``numpy.random`` module (Generator, RandomState, the bit generators,
  SeedSequence, default_rng, the legacy module-level functions); ``numpy.random.bit_generator`` and
  ``numpy.random.mtrand`` likewise;
- ``import numpy as np``: ``np`` is numpy with its ``random`` attribute meaning ``prng.compat.numpy``
  (a module that forwards every other attribute to numpy).

Everything else (``numpy.testing``, ``numpy.random._common``, ``numpy.random._examples``) stays numpy's.
Tests that cannot have a meaning for prng are EXCLUDED (conftest.py, with the reason); tests that fail only
because a method is still missing are expected failures, marked "missing: <method>" from the one list
``MISSING`` (conftest.py). The suite is skipped when numpy's tests are not installed.
"""

import ast
import importlib.util
import pathlib
import types

import numpy
import pytest

from prng.compat import numpy as prng_random

SHIM_MODULE = "prng.compat.numpy"
_SUBMODULES = {"numpy.random": SHIM_MODULE, "numpy.random.bit_generator": SHIM_MODULE,
               "numpy.random.mtrand": SHIM_MODULE}


def tests_dir():
    """numpy/random/tests of the installed numpy, or None when numpy ships without its tests."""
    spec = importlib.util.find_spec("numpy.random")
    path = pathlib.Path(spec.origin).parent / "tests"
    return path if (path / "test_generator_mt19937.py").is_file() else None


class _NumpyWithPrngRandom(types.ModuleType):
    """``numpy``, except that ``.random`` is prng's drop-in module."""

    def __getattr__(self, name):
        return prng_random if name == "random" else getattr(numpy, name)

    def __dir__(self):
        return dir(numpy)


NP = _NumpyWithPrngRandom("numpy")


class _ImportRewriter(ast.NodeTransformer):
    """The import rewrite of the module docstring; every other node is left as it is."""

    def visit_ImportFrom(self, node):
        if node.level == 0 and node.module in _SUBMODULES:
            node.module = _SUBMODULES[node.module]
        elif node.level == 0 and node.module == "numpy":
            return self._split_random(node)
        return node

    @staticmethod
    def _split_random(node):
        """``from numpy import random[, ...]``: ``random`` from prng, the rest from numpy."""
        rest = [a for a in node.names if a.name != "random"]
        out = [ast.ImportFrom("numpy", rest, 0)] if rest else []
        for alias in node.names:
            if alias.name == "random":
                out.append(ast.ImportFrom("prng.compat", [ast.alias("numpy", alias.asname or "random")], 0))
        return out

    def visit_Import(self, node):
        out = []
        for alias in node.names:
            if alias.name == "numpy" and alias.asname:
                out.append(ast.Assign([ast.Name(alias.asname, ast.Store())],
                                      ast.Name("__prng_numpy__", ast.Load())))
            else:
                out.append(ast.Import([alias]))
        return out


def load(name, namespace):
    """Run numpy's ``tests/<name>.py``, imports rewritten, in ``namespace`` (a stub module's globals)."""
    directory = tests_dir()
    if directory is None:
        pytest.skip("numpy's random tests are not installed (numpy/random/tests)", allow_module_level=True)
    path = directory / f"{name}.py"
    tree = _ImportRewriter().visit(ast.parse(path.read_text(encoding="utf-8"), str(path)))
    ast.fix_missing_locations(tree)
    # the tests run in their own globals, whose __file__ is numpy's (they find data/ files next to it)
    test_globals = {"__name__": namespace["__name__"], "__file__": str(path), "__prng_numpy__": NP}
    exec(compile(tree, str(path), "exec"), test_globals)  # noqa: S102 - numpy's own test module, rewritten
    namespace.update({k: v for k, v in test_globals.items() if k not in ("__name__", "__file__")})

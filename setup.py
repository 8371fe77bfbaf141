"""Builds prng's optional C backend (native/, through cffi) and ships the shared vectors inside the
package; everything else is in pyproject.toml.

When the extension cannot be compiled (no C compiler, ...), the install still succeeds without it:
prng then runs on its numba backend (numba is a dependency), and the warning below says why.

Every build uses a fresh temporary build folder (removed at exit), never ./build: a `build/` left by
an earlier install can never leak stale files into a later one.
"""

import atexit
import os
import shutil
import sys
import sysconfig
import tempfile
from pathlib import Path

from setuptools import setup
from setuptools.command.build_ext import build_ext
from setuptools.command.build_py import build_py


def compiler_name(command):
    """The C compiler setuptools runs (or would run), for the warning."""
    compiler = getattr(command, "compiler", None)
    executable = getattr(compiler, "compiler_so", None)
    if executable:
        return executable[0]
    return (os.environ.get("CC") or sysconfig.get_config_var("CC") or "cc").split()[0]


class OptionalBuildExt(build_ext):
    """build_ext that warns instead of failing when the C backend does not compile."""

    def run(self):
        try:
            super().run()
        except Exception as exc:  # e.g. no compiler found before any extension is built
            self.skip(exc)

    def build_extension(self, ext):
        try:
            super().build_extension(ext)
        except Exception as exc:
            self.skip(exc)

    def skip(self, exc):
        sys.stderr.write(
            f"\nWARNING: prng's C backend (prng._prng_c) was not built: {exc}\n"
            f"  It needs a working C compiler: {compiler_name(self)!r} (set CC to choose another).\n"
            "  prng is installed without it and uses its numba backend (prng warns once when it falls back).\n\n"
        )


class BuildPyWithVectors(build_py):
    """build_py that also ships vectors/*.json as prng/vectors/, so `prng verify` works after any install."""

    def run(self):
        super().run()
        target = Path(self.build_lib) / "prng" / "vectors"
        target.mkdir(parents=True, exist_ok=True)
        for path in Path("vectors").glob("*.json"):
            if path.name not in ("package.json", "package-lock.json"):
                shutil.copy2(path, target / path.name)


BUILD_BASE = tempfile.mkdtemp(prefix="prng-build-")
atexit.register(shutil.rmtree, BUILD_BASE, ignore_errors=True)

setup(
    cffi_modules=["native/build_ffi.py:ffibuilder"],
    cmdclass={"build_ext": OptionalBuildExt, "build_py": BuildPyWithVectors},
    options={"build": {"build_base": BUILD_BASE}},
)

"""What a user installs (issue 14): the licences in the wheel, the sdist and the npm tarball, SPDX
metadata without setuptools warnings, no stale build/ reused, numba when there is no C compiler, the
free npm name, and no path of a development machine in a shipped file."""

import json
import os
import shutil
import subprocess
import sys
import sysconfig
import tarfile
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
NPM_NAME = "prng-bitexact"
NO_COMPILER = "/nonexistent/bin/cc"


def repository_files():
    """The repository's files (tracked and new, not ignored), relative paths."""
    if shutil.which("git") is None or not (REPO / ".git").exists():
        pytest.skip("needs a git checkout")
    done = subprocess.run(["git", "-C", str(REPO), "ls-files", "-co", "--exclude-standard"], capture_output=True,
                          text=True, check=True)
    return [name for name in done.stdout.splitlines() if (REPO / name).is_file()]


@pytest.fixture(scope="module")
def clone(tmp_path_factory):
    """A copy of the Python parts of the repository, as a fresh clone has them, plus a stale build/."""
    root = tmp_path_factory.mktemp("clone")
    for name in repository_files():
        if name.split("/")[0] in ("prng", "native", "vectors") or "/" not in name:
            (root / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(REPO / name, root / name)
    stale = root / "build" / "lib" / "prng"
    stale.mkdir(parents=True)
    (stale / "stale_module.py").write_text("raise SystemExit('a stale build/ was reused')\n")
    return root


def pip(*args, env=None, cwd=None):
    """``pip args`` of the test interpreter; the output (stdout and stderr) when it succeeds."""
    done = subprocess.run([sys.executable, "-m", "pip", *args], capture_output=True, text=True, timeout=600,
                          env={**os.environ, "CC": NO_COMPILER, **(env or {})}, cwd=cwd)
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout + done.stderr


@pytest.fixture(scope="module")
def wheel(clone, tmp_path_factory):
    out = tmp_path_factory.mktemp("wheel")
    log = pip("wheel", "-v", "--no-deps", "--no-build-isolation", "-w", str(out), str(clone))
    return next(out.glob("prng-*.whl")), log


def test_the_wheel_holds_the_licence_and_spdx_metadata(wheel):
    path, log = wheel
    with zipfile.ZipFile(path) as whl:
        names = whl.namelist()
        metadata = whl.read(next(n for n in names if n.endswith(".dist-info/METADATA"))).decode()
        licence = whl.read(next(n for n in names if n.endswith(".dist-info/licenses/LICENSE"))).decode()
    assert licence == (REPO / "LICENSE").read_text() and licence.startswith("BSD 3-Clause License")
    assert "License-Expression: BSD-3-Clause" in metadata and "License-File: LICENSE" in metadata
    assert "Requires-Dist: numba" in metadata  # a regular dependency: the fallback without a compiler
    assert "prng/vectors/pcg64.json" in names
    assert "deprecat" not in log.lower() and "SetuptoolsDeprecationWarning" not in log


def test_a_stale_build_folder_is_never_reused(wheel, clone):
    path, log = wheel
    with zipfile.ZipFile(path) as whl:
        assert not [n for n in whl.namelist() if "stale_module" in n]
    assert sorted(p.name for p in (clone / "build" / "lib" / "prng").iterdir()) == ["stale_module.py"]
    assert "prng's C backend (prng._prng_c) was not built" in log and NO_COMPILER in log


def test_the_sdist_holds_the_licence(clone, tmp_path):
    script = f"import setuptools.build_meta as b; print(b.build_sdist({str(tmp_path)!r}))"
    done = subprocess.run([sys.executable, "-c", script], cwd=clone, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    with tarfile.open(tmp_path / done.stdout.split()[-1]) as sdist:
        names = sdist.getnames()
    assert "prng-0.1.0/LICENSE" in names and "prng-0.1.0/native/pcg64.c" in names


def test_a_fresh_venv_without_a_compiler_runs_on_numba(clone, tmp_path):
    """pip install of the clone with CC pointing nowhere: the install succeeds, "auto" is numba, and
    prng warns once, naming the compiler. (The fresh venv borrows numpy/numba/cffi from this one
    through a .pth line instead of downloading them.)"""
    pytest.importorskip("numba")
    venv = tmp_path / "fresh"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True, timeout=120)
    python = venv / "bin" / "python"
    fresh_site = subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                                capture_output=True, text=True, check=True).stdout.strip()
    Path(fresh_site, "_borrowed.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    pip("--python", str(python), "install", "--no-deps", "--no-build-isolation", str(clone))
    code = "import prng; g = prng.PCG64(42); print(prng.__file__); print(g.backend, g.random_raw())"
    done = subprocess.run([str(python), "-c", code], capture_output=True, text=True, timeout=300, cwd=tmp_path,
                          env={**os.environ, "CC": NO_COMPILER, "PYTHONPATH": ""})
    assert done.returncode == 0, done.stderr
    where, line = done.stdout.splitlines()
    assert where.startswith(str(venv)) and line.split()[0] == "numba"
    import numpy as np

    assert int(line.split()[1]) == int(np.random.PCG64(42).random_raw())
    assert done.stderr.count("RuntimeWarning") == 1
    assert f"C compiler '{NO_COMPILER}', which is not installed" in done.stderr


# --- npm -----------------------------------------------------------------------------------------

def test_the_npm_tarball_holds_both_licences_under_the_free_name():
    if shutil.which("npm") is None:
        pytest.skip("npm not installed")
    done = subprocess.run(["npm", "pack", "--dry-run", "--json", "--ignore-scripts"], cwd=REPO / "js",
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    pack = json.loads(done.stdout)[0]
    files = {entry["path"] for entry in pack["files"]}
    assert pack["name"] == NPM_NAME
    assert {"LICENSE", "LICENSE.LGPL-2.1", "README.md", "package.json", "src/index.js", "src/libm/sincos.js"} <= files
    assert all(f.startswith("src/") or "/" not in f for f in files)
    lgpl = (REPO / "js" / "LICENSE.LGPL-2.1").read_text()
    assert "GNU LESSER GENERAL PUBLIC LICENSE" in lgpl and "Version 2.1, February 1999" in lgpl
    assert "src/libm/sincos.js" in lgpl and "src/libm/tables.js" in lgpl
    assert json.loads((REPO / "js" / "package.json").read_text())["license"] == "BSD-3-Clause AND LGPL-2.1-or-later"


def test_the_npm_name_is_used_everywhere():
    assert json.loads((REPO / "js" / "package.json").read_text())["name"] == NPM_NAME
    lock = json.loads((REPO / "js" / "package-lock.json").read_text())
    assert lock["name"] == lock["packages"][""]["name"] == NPM_NAME
    for doc in ("README.md", "js/README.md", "js/test/types/example.ts"):
        text = (REPO / doc).read_text()
        assert f'from "{NPM_NAME}"' in text and 'from "prng"' not in text, doc
    assert f"npm install {NPM_NAME}" in (REPO / "README.md").read_text()


# --- shipped files -------------------------------------------------------------------------------

def shipped(name):
    """Whether a repository file ends up in the wheel, the sdist or the npm tarball."""
    top = name.split("/")[0]
    return (top == "prng" or name.startswith(("js/src/", "native/")) or name in ("README.md", "js/README.md",
            "js/package.json", "setup.py", "pyproject.toml") or (top == "vectors" and name.count("/") == 1))


def test_no_development_machine_paths_in_shipped_files():
    bad = []
    for name in filter(shipped, repository_files()):
        text = (REPO / name).read_text(errors="replace")
        for marker in ("/work/", "../shared", "shared/kat", "/root/"):
            if marker in text:
                bad.append(f"{name}: {marker}")
        if name.startswith("js/") and "../vectors" in text:
            bad.append(f"{name}: ../vectors")
    assert bad == []


def test_the_kat_files_are_in_the_repository():
    kat = REPO / "vectors" / "kat"
    assert {"README.md", "random123_kat_vectors.txt", "mt19937ar.out", "pcg-c_check-pcg64.out"} <= {
        p.name for p in kat.iterdir()}
    assert 'KAT = HERE / "kat"' in (REPO / "vectors" / "vecjson.py").read_text()
    assert "girving/random123-manual" in (kat / "README.md").read_text()

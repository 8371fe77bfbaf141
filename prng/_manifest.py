"""Run manifests (``prng.manifest``) and their replay (``prng.replay``).

A manifest is one JSON object: what ran (``kind``, ``parameters``, ``algorithm``), from which seed
(entropy, spawn key, pool size), on what data (SHA-256), with which software (prng, numpy, Python,
torch/CUDA/GPU when present), where (platform, the caller's git commit), and what came out
(``results``). It is written atomically: a temporary file in the same folder, then a rename.

Floats in ``results`` are JSON numbers (Python writes the shortest text that reads back to the same
double, so they replay exactly); NaN and infinities, which JSON lacks, are the strings ``"NaN"``,
``"Infinity"`` and ``"-Infinity"``.
"""

import datetime
import hashlib
import importlib.metadata
import json
import math
import os
import platform
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from ._bitgen import as_seed_sequence

FORMAT = "prng-manifest/1"
EMBED_LIMIT = 100_000  # data of at most this many values is stored in the manifest itself
STREAM_VERSIONS = ("prng", "numpy")  # a change in these may change the numbers of a replay
NOT_COMPARED = ("cuda", "gpus")  # recorded only when the caller had imported torch
_NON_FINITE = {"NaN": math.nan, "Infinity": math.inf, "-Infinity": -math.inf}


# --- writing -----------------------------------------------------------------------------------

def manifest(path=None, *, kind="custom", seed=None, parameters=None, results=None, data=None,
             algorithm=None, repo="."):
    """Build a run manifest dict; write it to ``path`` too when given.

    seed: an int, a sequence of ints or a SeedSequence (its entropy and spawn key are recorded).
    parameters, results: JSON-able dicts (numpy scalars and arrays are converted).
    data: an array (its SHA-256, length and dtype are recorded) or None.
    repo: the folder whose git commit is recorded (default: the working directory).
    """
    record = {
        "format": FORMAT,
        "kind": kind,
        "created": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
        "seed": None if seed is None else seed_record(seed),
        "algorithm": algorithm,
        "versions": software_versions(),
        "platform": platform_record(),
        "git": git_record(repo),
        "data": None if data is None else data_record(data, embed=False),
        "parameters": _jsonable(parameters or {}),
        "results": _jsonable(results or {}),
    }
    if path is not None:
        write_manifest(path, record)
    return record


def write_manifest(path, record):
    """Write ``record`` as JSON to ``path`` atomically (temporary file in the same folder + rename)."""
    path = Path(path)
    text = json.dumps(record, indent=2, allow_nan=False) + "\n"
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(text)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        os.unlink(tmp)
        raise


def seed_record(seed):
    """Entropy (decimal string, or list of them), spawn key and pool size of ``seed``."""
    seed_seq = as_seed_sequence(seed)
    entropy = seed_seq.entropy
    return {
        "entropy": [str(int(e)) for e in entropy] if np.ndim(entropy) else str(int(entropy)),
        "spawn_key": [int(k) for k in seed_seq.spawn_key],
        "pool_size": int(seed_seq.pool_size),
    }


def seed_from_record(record):
    """The SeedSequence a ``seed_record`` describes."""
    from .seedsequence import SeedSequence

    entropy = record["entropy"]
    entropy = [int(e) for e in entropy] if isinstance(entropy, list) else int(entropy)
    return SeedSequence(entropy, spawn_key=tuple(record["spawn_key"]), pool_size=record["pool_size"])


def data_record(data, *, embed=True, source=None):
    """SHA-256 (of the little-endian bytes), length and dtype of a 1-d array; the values if small."""
    values = np.ascontiguousarray(data)
    values = values.astype(values.dtype.newbyteorder("<"), copy=False)
    record = {"sha256": hashlib.sha256(values.tobytes()).hexdigest(), "n": int(values.size),
              "dtype": values.dtype.str}
    if source is not None:
        record["source"] = source
    if embed and values.size <= EMBED_LIMIT:
        record["values"] = values.tolist()
    return record


def software_versions():
    """prng, numpy, Python versions; torch's when installed, with CUDA and GPUs when torch is imported.

    torch is not imported here (it is slow to import): CUDA and GPU names are recorded only when the
    caller has already imported torch.
    """
    from . import __version__ as prng_version

    versions = {"prng": prng_version, "numpy": np.__version__, "python": platform.python_version()}
    try:
        versions["torch"] = importlib.metadata.version("torch")
    except importlib.metadata.PackageNotFoundError:
        return versions
    torch = sys.modules.get("torch")
    if torch is not None:
        versions["cuda"] = torch.version.cuda
        if torch.cuda.is_available():
            versions["gpus"] = [torch.cuda.get_device_name(i) for i in range(torch.cuda.device_count())]
    return versions


def platform_record():
    """Operating system, machine and Python implementation."""
    return {"system": platform.system(), "release": platform.release(), "machine": platform.machine(),
            "python_implementation": platform.python_implementation(), "byteorder": sys.byteorder}


def git_record(repo="."):
    """The commit (and whether the tree has changes) of the git repository at ``repo``, else None."""
    commit = _git(repo, "rev-parse", "HEAD")
    if commit is None:
        return None
    return {"commit": commit, "dirty": bool(_git(repo, "status", "--porcelain", "--untracked-files=no"))}


def _git(repo, *args):
    """Output of ``git -C repo args`` (stripped), or None when git or the repository is missing."""
    try:
        done = subprocess.run(["git", "-C", str(repo), *args], capture_output=True, text=True, timeout=10)
    except (OSError, subprocess.TimeoutExpired):
        return None
    return done.stdout.strip() if done.returncode == 0 else None


def _jsonable(value):
    """``value`` with numpy scalars/arrays as Python values and non-finite floats as strings."""
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, np.ndarray)):
        return [_jsonable(v) for v in value]
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, float) and not math.isfinite(value):
        return "NaN" if math.isnan(value) else ("Infinity" if value > 0 else "-Infinity")
    return value


def _number(value):
    """A result number as logged (``"NaN"``/``"Infinity"`` strings back to floats)."""
    return _NON_FINITE.get(value, value) if isinstance(value, str) else value


# --- bootstrap runs ----------------------------------------------------------------------------

def bootstrap_manifest(result, sample, *, source=None, repo="."):
    """The manifest of a ``prng.bootstrap`` run (``result``) on ``sample``; ``source`` says where the
    data came from (the command line records ``{"csv": path, "column": name}``)."""
    record = manifest(
        kind="bootstrap", seed=result.seed_sequence, repo=repo,
        algorithm=f"PCG64 via prng.default_rng; resample indices Generator.integers(0, n, (rows, n)); "
                  f"stream {result.stream!r}",
        parameters={"statistic": result.statistic, "method": result.method,
                    "n_resamples": result.n_resamples, "confidence_level": result.confidence_level,
                    "stream": result.stream},
        results=bootstrap_results(result),
    )
    record["data"] = data_record(sample, source=source)
    return record


def bootstrap_results(result):
    """The numbers of a bootstrap run that a replay must reproduce."""
    low, high = result.confidence_interval
    return {"low": low, "high": high, "standard_error": result.standard_error}


def _replay_bootstrap(record, data):
    """Re-run a logged bootstrap; return its results (JSON form)."""
    from ._bootstrap import bootstrap

    params = record["parameters"]
    if params["statistic"] is None:
        raise ReplayError("the logged statistic has no importable name (a lambda?), so it cannot be re-run")
    sample = _logged_data(record["data"], data)
    result = bootstrap(sample, _statistic(params["statistic"]), n_resamples=params["n_resamples"],
                       confidence_level=params["confidence_level"], method=params["method"],
                       stream=params["stream"], seed=seed_from_record(record["seed"]))
    return _jsonable(bootstrap_results(result))


def _statistic(name):
    """The statistic callable for a logged name, or ReplayError."""
    from ._bootstrap import statistic_from_name

    try:
        return statistic_from_name(name)
    except (ImportError, AttributeError) as exc:
        raise ReplayError(f"cannot import the logged statistic {name!r}: {exc}") from exc


def _logged_data(record, data):
    """The run's data: ``data`` if given, else the values in the manifest, else its CSV source;
    its SHA-256 must match the logged one."""
    if data is None and "values" in record:
        data = np.asarray(record["values"], dtype=record["dtype"])
    elif data is None and "source" in record:
        from ._bootstrap import load_csv_column

        data = load_csv_column(record["source"]["csv"], record["source"]["column"])
    elif data is None:
        raise ReplayError(f"the manifest does not hold the data ({record['n']} values); pass data=")
    sample = np.asarray(data, dtype=record["dtype"])
    if data_record(sample, embed=False)["sha256"] != record["sha256"]:
        raise ReplayError("the data's SHA-256 differs from the logged one: not the same data")
    return sample


# --- replay ------------------------------------------------------------------------------------

REPLAYERS = {"bootstrap": _replay_bootstrap}


class ReplayError(ValueError):
    """A manifest that cannot be re-run (unknown kind, missing data, unimportable statistic)."""


@dataclass
class ReplayReport:
    """Outcome of ``replay``: ``agree`` is True when every logged number came out exactly the same."""

    path: str
    kind: str
    agree: bool
    logged: dict
    replayed: dict
    differences: list = field(default_factory=list)
    version_changes: list = field(default_factory=list)

    def __str__(self):
        lines = [f"replay of {self.path} ({self.kind}): "
                 + ("the numbers agree exactly" if self.agree else "the numbers DIFFER")]
        lines += [f"  {key}: logged {self.logged.get(key)!r}, now {value!r}" for key, value in self.replayed.items()]
        lines += [f"  difference: {d}" for d in self.differences]
        lines += [f"  version change: {v}" for v in self.version_changes]
        return "\n".join(lines)


def load_manifest(path):
    """Read a manifest file; ValueError when it is not a prng manifest."""
    try:
        record = json.loads(Path(path).read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise ReplayError(f"{path} is not JSON: {exc}") from exc
    if not isinstance(record, dict) or record.get("format") != FORMAT:
        raise ReplayError(f"{path} is not a prng run manifest (format {FORMAT!r})")
    return record


def replay(path, *, data=None):
    """Re-run the computation logged in the manifest at ``path``; return a ``ReplayReport``.

    data: the run's data when the manifest does not hold it (checked against the logged SHA-256).
    """
    record = load_manifest(path)
    kind = record.get("kind")
    if kind not in REPLAYERS:
        raise ReplayError(f"cannot replay a {kind!r} run; replayable kinds: {', '.join(REPLAYERS)}")
    replayed = REPLAYERS[kind](record, data)
    logged = record["results"]
    differences = [f"{key}: logged {logged.get(key)!r}, now {value!r}"
                   for key, value in replayed.items() if not _same_number(logged.get(key), value)]
    return ReplayReport(path=str(path), kind=kind, agree=not differences, logged=logged, replayed=replayed,
                        differences=differences, version_changes=version_changes(record["versions"]))


def _same_number(logged, now):
    """Exact equality of two logged numbers, NaN equal to NaN."""
    a, b = _number(logged), _number(now)
    return a == b or (isinstance(a, float) and isinstance(b, float) and math.isnan(a) and math.isnan(b))


def version_changes(logged):
    """Differences between logged and current software versions, the stream-relevant ones flagged."""
    current = software_versions()
    changes = []
    for name in sorted(set(logged) | set(current)):
        then, now = logged.get(name), current.get(name)
        if then != now and name not in NOT_COMPARED:
            effect = "may change the random stream or the numbers" if name in STREAM_VERSIONS else "informational"
            changes.append(f"{name} {then} -> {now} ({effect})")
    return changes

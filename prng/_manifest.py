"""Run manifests (``prng.manifest``) and their replay (``prng.replay``).

A manifest is one JSON object: what ran (``kind``, ``parameters``, ``algorithm``), from which seed
(entropy, spawn key, pool size), on what data (SHA-256), with which software (prng, numpy, Python,
torch/CUDA/GPU when present), where (platform, the caller's git commit), and what came out
(``results``). It is written atomically: a temporary file in the same folder, then a rename
(``prng._files``: regular files only, never through a symbolic link or over a device).

A manifest is data someone may send you, so replay trusts nothing in it: it never imports or runs
code a manifest names (statistics come from ``prng._bootstrap.STATISTICS``, or from the caller),
reads data files only inside the manifest's folder (or ``data_root``) and never through a symbolic
link, never quotes a data file's contents in an error, and refuses sizes beyond ``LIMITS`` before it
starts (``allow_large=True`` lifts the size limits).

Floats in ``results`` are JSON numbers (Python writes the shortest text that reads back to the same
double, so they replay exactly); NaN and infinities, which JSON lacks, are the strings ``"NaN"``,
``"Infinity"`` and ``"-Infinity"``.
"""

import datetime
import hashlib
import importlib.metadata
import json
import math
import numbers
import os
import platform
import re
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from ._bitgen import as_seed_sequence
from ._files import path_inside, read_file, write_file

FORMAT = "prng-manifest/1"
EMBED_LIMIT = 100_000  # data of at most this many values is stored in the manifest itself
STREAM_VERSIONS = ("prng", "numpy")  # a change in these may change the numbers of a replay
NOT_COMPARED = ("cuda", "gpus")  # recorded only when the caller had imported torch
_NON_FINITE = {"NaN": math.nan, "Infinity": math.inf, "-Infinity": -math.inf}

# What replay accepts from a manifest before it starts any work (``allow_large=True`` lifts the four
# size limits; the others bound the seed, whose hashing costs pool_size * (pool_size + words)).
LIMITS = {
    "manifest_bytes": 64 << 20,      # the manifest file (embedded data of 100000 values is about 2.5 MB)
    "data_file_bytes": 512 << 20,    # a CSV data file
    "n_values": 10_000_000,          # values in the data
    "n_resamples": 1_000_000,        # bootstrap resamples
    "index_draws": 2_000_000_000,    # n_resamples * n_values: the resample indices drawn
    "pool_size": 256,                # SeedSequence pool words (numpy's default is 4)
    "seed_integers": 64,             # integers in the entropy list and in the spawn key (each)
    "seed_integer_bits": 1024,       # bits of one entropy or spawn-key integer
}
SIZE_LIMITS = ("data_file_bytes", "n_values", "n_resamples", "index_draws")
DTYPES = ("<f8", "<f4", "<f2", "<i8", "<i4", "<i2", "|i1", "<u8", "<u4", "<u2", "|u1", "|b1")


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
    """Write ``record`` as JSON to ``path`` atomically; see ``prng._files.write_file``."""
    text = json.dumps(record, indent=2, allow_nan=False) + "\n"
    write_file(path, text.encode("utf-8"))


def csv_source(csv_path, column, manifest_path):
    """The ``data.source`` of a manifest at ``manifest_path`` for a CSV column: the CSV's path relative
    to the manifest's folder (replay resolves it there), and the column name."""
    folder = os.path.dirname(os.path.abspath(manifest_path))
    try:
        relative = os.path.relpath(os.path.abspath(csv_path), folder)
    except ValueError:  # another drive (Windows): only an absolute path can name it
        relative = os.path.abspath(csv_path)
    return {"csv": Path(relative).as_posix(), "column": column}


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


def _replay_bootstrap(record, options):
    """Re-run a logged bootstrap (checked by ``check_bootstrap_record`` first); return its results."""
    from ._bootstrap import bootstrap

    params = record["parameters"]
    stat_fn = options.statistic or _statistic(params["statistic"])
    sample = _logged_data(record["data"], options)
    result = bootstrap(sample, stat_fn, n_resamples=params["n_resamples"],
                       confidence_level=params["confidence_level"], method=params["method"],
                       stream=params["stream"], seed=seed_from_record(record["seed"]), progress=options.progress)
    return _jsonable(bootstrap_results(result))


def _statistic(name):
    """The statistic of prng's registry a manifest names; ReplayError for anything else (replay
    never imports code named by a manifest)."""
    from ._bootstrap import STATISTICS

    if name in STATISTICS:
        return STATISTICS[name]
    label = "a lambda" if name is None else repr(name)
    raise ReplayError(f"the logged statistic ({label}) is not one of prng's ({', '.join(STATISTICS)}); replay "
                      "never imports code named in a manifest: pass the function from Python, "
                      "prng.replay(path, statistic=f)")


def _logged_data(record, options):
    """The run's data: ``options.data`` if given, else the values in the manifest, else its CSV
    source (inside the data root); its SHA-256 must match the logged one."""
    data = options.data
    if data is None and "values" in record:
        data = record["values"]
    elif data is None and "source" in record:
        from ._bootstrap import load_csv_column

        path = path_inside(options.data_root, options.folder, record["source"]["csv"], "the data file")
        limit = None if options.allow_large else LIMITS["data_file_bytes"]
        data = load_csv_column(path, record["source"]["column"], quote=False, read=lambda p: read_file(
            p, what="data file", limit=limit, follow_symlinks=False))
    elif data is None:
        raise ReplayError(f"the manifest does not hold the data ({record['n']} values); pass data=")
    try:
        sample = np.asarray(data, dtype=record["dtype"])
    except (TypeError, ValueError, OverflowError):
        raise ReplayError(f"the data are not {record['n']} values of dtype {record['dtype']}") from None
    if sample.shape != (record["n"],):
        raise ReplayError(f"the data hold {sample.size} values in shape {sample.shape}, "
                          f"the manifest says {record['n']} in a row")
    if data_record(sample, embed=False)["sha256"] != record["sha256"]:
        raise ReplayError("the data's SHA-256 differs from the logged one: not the same data")
    return sample


# --- checking a manifest before replaying it ---------------------------------------------------

def check_bootstrap_record(record, allow_large=False):
    """ReplayError naming the first field of a bootstrap manifest that replay cannot take: a wrong
    type, an unknown choice, or a size beyond ``LIMITS`` (sizes: unless ``allow_large``)."""
    from ._bootstrap import METHODS, STREAMS

    limit = _limit_checker(allow_large)
    params = _dict_at(record, "parameters")
    _choice(params, "parameters", "method", METHODS)
    _choice(params, "parameters", "stream", STREAMS)
    if params.get("statistic") is not None and not isinstance(params["statistic"], str):
        raise ReplayError("parameters.statistic must be a name (a string) or null")
    level = params.get("confidence_level")
    if isinstance(level, bool) or not isinstance(level, (int, float)) or not 0 < level < 1:
        raise ReplayError(f"parameters.confidence_level must be a number in (0, 1), got {_short(level)}")
    n_resamples = limit(_count(params.get("n_resamples"), "parameters.n_resamples", 1), "n_resamples",
                        "parameters.n_resamples")
    data = _dict_at(record, "data")
    n = limit(_count(data.get("n"), "data.n", 2), "n_values", "data.n")
    limit(n * n_resamples, "index_draws", "data.n * parameters.n_resamples")
    if data.get("dtype") not in DTYPES:
        raise ReplayError(f"data.dtype must be one of {', '.join(DTYPES)}, got {_short(data.get('dtype'))}")
    if not isinstance(data.get("sha256"), str) or not re.fullmatch("[0-9a-f]{64}", data["sha256"]):
        raise ReplayError("data.sha256 must be 64 lowercase hex digits")
    if "values" in data and (not isinstance(data["values"], list) or len(data["values"]) != n):
        raise ReplayError(f"data.values must be a list of data.n = {n} numbers")
    if "values" not in data and "source" in data:
        source = _dict_at(data, "source", "data.source")
        if not all(isinstance(source.get(key), str) and 0 < len(source[key]) <= 4096 for key in ("csv", "column")):
            raise ReplayError("data.source must hold csv (a path) and column (a name), both strings")
    _check_seed_record(_dict_at(record, "seed"))
    _dict_at(record, "results")


def _limit_checker(allow_large):
    """``check(value, limit name, field)``: ``value``, or ReplayError when it is above ``LIMITS``."""
    def check(value, name, where):
        if value > LIMITS[name] and not (allow_large and name in SIZE_LIMITS):
            lift = " (--allow-large / allow_large=True lifts this)" if name in SIZE_LIMITS else ""
            raise ReplayError(f"{where} is {value}, more than replay accepts ({LIMITS[name]}){lift}")
        return value
    return check


def _check_seed_record(seed):
    """The seed's entropy (a decimal string or a list of them), spawn key and pool size, bounded."""
    entropy = seed.get("entropy")
    entropy = entropy if isinstance(entropy, list) else [entropy]
    spawn_key = seed.get("spawn_key")
    if not isinstance(spawn_key, list):
        raise ReplayError("seed.spawn_key must be a list of integers")
    for where, items in (("seed.entropy", entropy), ("seed.spawn_key", spawn_key)):
        if len(items) > LIMITS["seed_integers"]:
            raise ReplayError(f"{where} has {len(items)} integers, more than replay accepts ({LIMITS['seed_integers']})")
    for value in entropy:
        if not isinstance(value, str) or not re.fullmatch("[0-9]{1,400}", value) \
                or int(value).bit_length() > LIMITS["seed_integer_bits"]:
            raise ReplayError(f"seed.entropy must hold decimal strings of integers below "
                              f"2**{LIMITS['seed_integer_bits']}, got {_short(value)}")
    for value in spawn_key:
        _count(value, "seed.spawn_key[]", 0)
        if value.bit_length() > LIMITS["seed_integer_bits"]:
            raise ReplayError(f"seed.spawn_key integers must be below 2**{LIMITS['seed_integer_bits']}")
    pool_size = _count(seed.get("pool_size"), "seed.pool_size", 4)
    if pool_size > LIMITS["pool_size"]:
        raise ReplayError(f"seed.pool_size is {pool_size}, more than replay accepts ({LIMITS['pool_size']})")


def _dict_at(record, key, where=None):
    """``record[key]``, which must be a JSON object."""
    value = record.get(key)
    if not isinstance(value, dict):
        raise ReplayError(f"{where or key} must be a JSON object, got {_short(value)}")
    return value


def _choice(mapping, where, key, choices):
    """``mapping[key]`` must be one of ``choices`` (as bootstrap accepts them: any case)."""
    value = mapping.get(key)
    if not isinstance(value, str) or value.lower() not in choices:
        raise ReplayError(f"{where}.{key} must be one of {', '.join(choices)}, got {_short(value)}")


def _count(value, where, low):
    """An integer (not a bool or float) of at least ``low``."""
    if isinstance(value, bool) or not isinstance(value, numbers.Integral) or value < low:
        raise ReplayError(f"{where} must be an integer >= {low}, got {_short(value)}")
    return int(value)


def _short(value):
    """A manifest value for an error message, cut to 60 characters."""
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


# --- replay ------------------------------------------------------------------------------------

REPLAYERS = {"bootstrap": (check_bootstrap_record, _replay_bootstrap)}


class ReplayError(ValueError):
    """A manifest that cannot be re-run (unknown kind, missing data, unknown statistic, a size beyond
    the limits, a path outside the data root)."""


@dataclass(frozen=True)
class _Options:
    """What the caller of ``replay`` decides (never the manifest)."""

    data: object
    statistic: object
    folder: Path
    data_root: Path
    allow_large: bool
    progress: object


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
    """Read a manifest file (a regular file, not a symbolic link, at most ``LIMITS["manifest_bytes"]``);
    ReplayError when it is not a prng manifest."""
    content = read_file(path, what="manifest", limit=LIMITS["manifest_bytes"], follow_symlinks=False)
    try:
        record = json.loads(content.decode("utf-8"), parse_constant=_no_constant)
    except UnicodeDecodeError:
        raise ReplayError(f"{path} is not UTF-8 text") from None
    except json.JSONDecodeError as exc:
        raise ReplayError(f"{path} is not JSON ({exc.msg} at line {exc.lineno} column {exc.colno})") from None
    except RecursionError:
        raise ReplayError(f"{path} is nested too deeply to be a manifest") from None
    if not isinstance(record, dict) or record.get("format") != FORMAT:
        raise ReplayError(f"{path} is not a prng run manifest (format {FORMAT!r})")
    return record


def _no_constant(name):
    """JSON has no NaN or Infinity (manifests write them as strings): refuse the bare words."""
    raise ReplayError(f"bare {name} is not JSON")


def replay(path, *, data=None, statistic=None, data_root=None, allow_large=False, progress=None):
    """Re-run the computation logged in the manifest at ``path``; return a ``ReplayReport``.

    data: the run's data when the manifest does not hold it (checked against the logged SHA-256).
    statistic: the callable to use when the manifest names one outside prng's registry (replay never
        imports code a manifest names).
    data_root: the folder a data file named by the manifest must be in (default: the manifest's
        folder; relative paths are always resolved from the manifest's folder).
    allow_large: accept sizes beyond ``LIMITS`` (data, resamples).
    progress: as ``prng.bootstrap``'s.
    ReplayError (a ValueError) for a manifest it cannot or will not run; nothing runs before every
    field has been checked.
    """
    record = load_manifest(path)
    kind = record.get("kind")
    if kind not in REPLAYERS:
        raise ReplayError(f"cannot replay a {_short(kind)} run; replayable kinds: {', '.join(REPLAYERS)}")
    check, rerun = REPLAYERS[kind]
    check(record, allow_large)
    folder = Path(os.path.dirname(os.path.abspath(path)))
    replayed = rerun(record, _Options(data, statistic, folder, folder if data_root is None else Path(data_root),
                                      allow_large, progress))
    logged = record["results"]
    differences = [f"{key}: logged {_short(logged.get(key, '(missing)'))}, now {_short(replayed.get(key, '(missing)'))}"
                   for key in sorted(set(logged) | set(replayed))
                   if key not in logged or key not in replayed or not _same_number(logged[key], replayed[key])]
    return ReplayReport(path=str(path), kind=kind, agree=not differences, logged=logged, replayed=replayed,
                        differences=differences, version_changes=version_changes(record.get("versions")))


def _same_number(logged, now):
    """Exact equality of two logged numbers, NaN equal to NaN."""
    a, b = _number(logged), _number(now)
    return a == b or (isinstance(a, float) and isinstance(b, float) and math.isnan(a) and math.isnan(b))


def version_changes(logged):
    """Differences between logged and current software versions, the stream-relevant ones flagged."""
    logged = {k: v for k, v in logged.items() if isinstance(v, str)} if isinstance(logged, dict) else {}
    current = software_versions()
    changes = []
    for name in sorted(set(logged) | set(current)):
        then, now = logged.get(name), current.get(name)
        if then != now and name not in NOT_COMPARED:
            effect = "may change the random stream or the numbers" if name in STREAM_VERSIONS else "informational"
            changes.append(f"{name} {then} -> {now} ({effect})")
    return changes

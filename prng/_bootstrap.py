"""Seeded, replayable bootstrap confidence intervals (``prng.bootstrap``).

With a seed, ``bootstrap`` gives the same interval and standard error as ``scipy.stats.bootstrap``
with ``rng=numpy.random.default_rng(seed)`` (one 1-d sample, a vectorized statistic). scipy is not
needed at run time: the interval math is re-done here with numpy.

Two resample-index streams (``stream=``), both independent of ``batch``, ``n_jobs`` and ``executor``:

``"scipy"`` (default)
    One generator, ``prng.default_rng(seed)``, draws every index row in order with
    ``integers(0, n, (rows, n))``: scipy's own draws. ``Generator.integers`` continues one stream
    across calls, so any split into batches gives the same indices. The stream is sequential, so
    indices are drawn in the calling process; only the statistic runs in parallel.
``"blocks"``
    Resamples are cut into blocks of ``BLOCK_RESAMPLES``; block ``b`` has its own generator seeded by
    the child ``SeedSequence(entropy, spawn_key=spawn_key + (b,))`` (what ``SeedSequence.spawn``
    gives). Any block can be drawn anywhere, in any order, so workers draw their own indices.
    Intervals differ from scipy's (other indices), but not with ``batch``, ``n_jobs`` or ``executor``.
"""

import csv
import functools
import io
import math
import warnings
from collections import namedtuple
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

import numpy as np

from ._cephes import ndtr, ndtri
from ._files import read_file
from ._multiseed import child_seed, seed_sequence_or_fresh
from ._progress import Progress
from ._validate import as_int
from .seedsequence import SeedSequence


# The statistics known by name: what a manifest may name and replay may run (never anything imported).
# Each is a numpy reduction f(x, axis=-1) with numpy's defaults (std and var: ddof=0).
STATISTICS = {"mean": np.mean, "median": np.median, "std": np.std, "var": np.var, "min": np.min, "max": np.max}
METHODS = ("percentile", "basic", "bca")
STREAMS = ("scipy", "blocks")
BLOCK_RESAMPLES = 1000
_CHUNK_INDICES = 1 << 22  # default batch: about this many indices (32 MiB of int64) per chunk

ConfidenceInterval = namedtuple("ConfidenceInterval", "low high")


@dataclass(frozen=True)
class BootstrapResult:
    """What ``bootstrap`` found, and everything needed to run it again.

    ``statistic`` is the statistic's name in ``STATISTICS`` (``"mean"``, ...), else a label for a
    callable, ``"module:qualname"`` (informational only: replay never imports it; pass the callable
    to ``prng.replay(..., statistic=)``), or None for a lambda. ``seed_sequence`` holds the seed
    entropy actually used (fresh OS entropy when ``seed=None``).
    """

    confidence_interval: ConfidenceInterval
    bootstrap_distribution: np.ndarray
    standard_error: float
    method: str
    confidence_level: float
    n_resamples: int
    stream: str
    statistic: str | None
    seed_sequence: SeedSequence


def bootstrap(data, statistic, *, n_resamples=9999, confidence_level=0.95, method="BCa", seed=None,
              stream="scipy", batch=None, n_jobs=1, executor=None, progress=None, log=None):
    """Two-sided bootstrap confidence interval of ``statistic`` on one 1-d sample.

    data: 1-d sequence of finite real numbers, at least 2.
    statistic: a name in ``STATISTICS`` (``"mean"``, ``"median"``, ``"std"``, ``"var"``, ``"min"``,
        ``"max"``) or a vectorized callable ``f(x, axis=-1)``.
    method: ``"BCa"``, ``"percentile"`` or ``"basic"`` (any case), as scipy's.
    seed: None (fresh OS entropy, logged at INFO level and kept in the result), an int, a sequence
        of ints or a SeedSequence; ``default_rng(seed)`` as numpy's.
    stream: ``"scipy"`` (scipy's exact draws) or ``"blocks"`` (independently seeded blocks); see the
        module docstring.
    batch: resamples per chunk (memory bound only: the numbers do not depend on it).
    n_jobs: threads that evaluate the statistic when no ``executor`` is given.
    executor: None, ``"dask"`` (``dask.delayed`` + ``dask.compute`` with the active scheduler) or an
        object with ``concurrent.futures.Executor.map`` semantics.
    progress: True/False for a progress bar on stderr; None shows one when stderr is a terminal
        and the run is still going after two seconds (``prng._progress``).
    log: a path to write the run manifest to (``prng replay`` re-runs it).
    """
    sample = _as_sample(data, "data")
    stat_fn, stat_name = _resolve_statistic(statistic)
    method = _check_choice(method, "method", METHODS)
    stream = _check_choice(stream, "stream", STREAMS)
    n_resamples = as_int(n_resamples, "n_resamples", 1)
    confidence_level = _check_confidence_level(confidence_level)
    batch = _default_batch(sample.size) if batch is None else as_int(batch, "batch", 1)
    n_jobs = as_int(n_jobs, "n_jobs", 1)
    _check_executor(executor)
    seed_seq = seed_sequence_or_fresh(seed, "prng.bootstrap")

    draws = _distribution(sample, stat_fn, seed_seq, n_resamples, stream, batch,
                          functools.partial(_map_in_order, n_jobs=n_jobs, executor=executor),
                          progress)
    result = BootstrapResult(
        confidence_interval=_interval(sample, stat_fn, draws, method, confidence_level, batch),
        bootstrap_distribution=draws,
        standard_error=float(np.std(draws, ddof=1)),
        method=method, confidence_level=confidence_level, n_resamples=n_resamples, stream=stream,
        statistic=stat_name, seed_sequence=seed_seq,
    )
    if log is not None:
        from ._manifest import bootstrap_manifest, write_manifest

        write_manifest(log, bootstrap_manifest(result, sample))
    return result


# --- arguments ---------------------------------------------------------------------------------

def _as_sample(data, name):
    """Return ``data`` as a 1-d numeric numpy array of at least two finite values."""
    sample = np.asarray(data)
    if sample.dtype.kind not in "biuf":
        raise TypeError(f"{name} must hold real numbers, not dtype {sample.dtype}")
    if sample.ndim != 1:
        raise ValueError(f"{name} must be 1-d, got shape {sample.shape}")
    if sample.size < 2:
        raise ValueError(f"{name} must hold at least 2 values, got {sample.size}")
    if not np.all(np.isfinite(sample)):
        raise ValueError(f"{name} must be finite (no NaN or infinity)")
    return sample


def load_csv_column(path, column, *, quote=True, read=read_file):
    """The values of ``column`` in the CSV file at ``path`` (header row first) as a float64 array.

    ValueError names the problem: a missing column, a value that is not a number (with its line), no
    values at all, a file that is not UTF-8 text. With ``quote=False`` (replay: the file was named by
    a manifest) no message shows anything read from the file (column names, values).
    read: ``read(path) -> bytes`` (the default reads regular files only).
    """
    try:
        text = read(path).decode("utf-8")
    except UnicodeDecodeError:
        raise ValueError(f"{path}: not UTF-8 text") from None
    reader = csv.DictReader(io.StringIO(text, newline=""))
    try:
        if reader.fieldnames is None or column not in reader.fieldnames:
            present = f" (columns: {', '.join(reader.fieldnames or []) or 'none'})" if quote else ""
            raise ValueError(f"{path}: no column {column!r}{present}")
        values = [_csv_number(row[column], path, reader.line_num, column, quote) for row in reader]
    except csv.Error as exc:
        raise ValueError(f"{path}, line {reader.line_num}: not valid CSV" + (f" ({exc})" if quote else "")) from None
    if not values:
        raise ValueError(f"{path}: column {column!r} has no values")
    return np.array(values, dtype=np.float64)


def _csv_number(text, path, line, column, quote):
    """One CSV cell as a float; ValueError naming the file, line and column otherwise."""
    try:
        return float(text)
    except (TypeError, ValueError):
        value = f" value {text!r}" if quote else " value"
        raise ValueError(f"{path}, line {line}: {column!r}{value} is not a number") from None


def _check_choice(value, name, choices):
    """Return ``value`` lower-cased if it is one of ``choices``, else raise ValueError."""
    if not isinstance(value, str) or value.lower() not in choices:
        raise ValueError(f"{name} must be one of {', '.join(choices)} (any case), got {value!r}")
    return value.lower()


def _check_confidence_level(level):
    """Return ``level`` as a float strictly between 0 and 1."""
    if isinstance(level, bool) or not isinstance(level, (int, float, np.floating, np.integer)):
        raise TypeError(f"confidence_level must be a number in (0, 1), not {type(level).__name__}")
    if not 0 < level < 1:
        raise ValueError(f"confidence_level must be in (0, 1), got {level!r}")
    return float(level)


def _check_executor(executor):
    """None, "dask", or an object with a ``map`` method; else TypeError."""
    if executor is None or executor == "dask" or callable(getattr(executor, "map", None)):
        return
    raise TypeError(f"executor must be None, 'dask' or an object with a map method "
                    f"(a concurrent.futures.Executor), not {executor!r}")


def _default_batch(n):
    """Resamples per chunk so that one chunk holds about ``_CHUNK_INDICES`` indices."""
    return max(1, _CHUNK_INDICES // n)


def _resolve_statistic(statistic):
    """Return ``(callable, logged name or label)`` for a statistic name or callable."""
    if isinstance(statistic, str):
        if statistic not in STATISTICS:
            raise ValueError(f"statistic must be one of {', '.join(STATISTICS)} or a callable, got {statistic!r}")
        return STATISTICS[statistic], statistic
    if not callable(statistic):
        raise TypeError(f"statistic must be a name ({', '.join(STATISTICS)}) or a callable, "
                        f"not {type(statistic).__name__}")
    for name, fn in STATISTICS.items():
        if statistic is fn:
            return fn, name
    return statistic, _label(statistic)


def _label(fn):
    """``"module:qualname"`` of a callable, for the manifest (never imported back), or None for a
    lambda or a function defined inside another."""
    module, qualname = getattr(fn, "__module__", None), getattr(fn, "__qualname__", None)
    if not module or not qualname or "<" in qualname:
        return None
    return f"{module}:{qualname}"


# --- the bootstrap distribution ----------------------------------------------------------------

def _distribution(sample, stat_fn, seed_seq, n_resamples, stream, batch, map_in_order, progress):
    """Statistic of every resample, in resample order (``progress``: see ``bootstrap``)."""
    if stream == "scipy":
        chunks = _index_batches(_generator(seed_seq), sample.size, n_resamples, batch)
        work = functools.partial(_statistic_on, sample, stat_fn)
    else:
        chunks = range(-(-n_resamples // BLOCK_RESAMPLES))
        work = functools.partial(_block_distribution, sample, stat_fn, seed_seq, n_resamples, batch)
    parts = []
    with Progress(n_resamples, "bootstrap", "resamples", show=progress) as bar:
        for part in map_in_order(work, chunks):
            parts.append(part)
            bar.update(len(part))
    return np.concatenate(parts)


def _generator(seed_seq):
    """``prng.default_rng(seed_seq)``: numpy's Generator(PCG64(seed_seq)), bit for bit."""
    from .generator import default_rng

    return default_rng(seed_seq)


def _index_batches(rng, n, rows, batch):
    """Resample indices for ``rows`` resamples of ``n`` values: ``rng.integers(0, n, (part, n))`` for
    consecutive parts of at most ``batch`` rows (one stream: the parts do not change the indices)."""
    return (rng.integers(0, n, (min(batch, rows - start), n)) for start in range(0, rows, batch))


def _statistic_on(sample, stat_fn, indices):
    """Statistic of each resample ``sample[indices[i]]`` (one per row of ``indices``)."""
    return np.asarray(stat_fn(sample[indices], axis=-1), dtype=float)


def _block_distribution(sample, stat_fn, seed_seq, n_resamples, batch, block):
    """Statistic of the resamples of block ``block`` (``"blocks"`` stream), drawn here."""
    rng = _generator(child_seed(seed_seq, block))
    rows = min(BLOCK_RESAMPLES, n_resamples - block * BLOCK_RESAMPLES)
    return np.concatenate([_statistic_on(sample, stat_fn, indices)
                           for indices in _index_batches(rng, sample.size, rows, batch)])


def _map_in_order(fn, items, *, n_jobs, executor):
    """``fn`` over ``items``, results in item order: serially, on threads, on an executor or Dask."""
    if executor == "dask":
        import dask

        return dask.compute(*[dask.delayed(fn)(item) for item in items])
    if executor is not None:
        return executor.map(fn, items)
    if n_jobs == 1:
        return map(fn, items)
    return _on_threads(fn, items, n_jobs)


def _on_threads(fn, items, n_jobs):
    """Yield ``fn(item)`` in item order, computed on ``n_jobs`` threads."""
    with ThreadPoolExecutor(max_workers=n_jobs) as pool:
        yield from pool.map(fn, items)


# --- the interval (scipy.stats.bootstrap's math, with numpy) -----------------------------------

def _interval(sample, stat_fn, draws, method, confidence_level, batch):
    """The confidence interval from the bootstrap distribution ``draws``."""
    alpha = (1 - confidence_level) / 2
    levels = _bca_levels(sample, stat_fn, draws, alpha, batch) if method == "bca" else (alpha, 1 - alpha)
    ordered = np.sort(draws)
    low, high = (_quantile_linear(ordered, p) for p in levels)
    if method == "basic":
        theta_hat = float(stat_fn(sample, axis=-1))
        low, high = 2 * theta_hat - high, 2 * theta_hat - low
    if math.isnan(low) or math.isnan(high):
        warnings.warn("the bootstrap confidence interval cannot be calculated (a degenerate distribution, "
                      "or a statistic such as min)", RuntimeWarning, stacklevel=3)
    return ConfidenceInterval(low, high)


def _quantile_linear(ordered, p):
    """Quantile ``p`` of sorted values, Hyndman & Fan type 7, computed as scipy.stats.quantile does."""
    if not 0 <= p <= 1:
        return math.nan
    n = ordered.size
    position = p * n + (1 - p)
    upper = position // 1
    lower = upper - 1
    weight = 0.0 if lower < 0 else position % 1
    lower, upper = int(min(max(lower, 0), n - 1)), int(min(max(upper, 0), n - 1))
    return float((1 - weight) * ordered[lower] + weight * ordered[upper])


def _bca_levels(sample, stat_fn, draws, alpha, batch):
    """Bias-corrected and accelerated quantile levels (Efron & Tibshirani 14.3, 15.36)."""
    theta_hat = float(stat_fn(sample, axis=-1))
    share_below = (np.count_nonzero(draws < theta_hat) + np.count_nonzero(draws <= theta_hat)) / (2 * draws.size)
    z0 = ndtri(share_below)
    a_hat = _acceleration(_jackknife(sample, stat_fn, batch))
    z_alpha = ndtri(alpha)
    return tuple(ndtr(z0 + (z0 + z) / (1 - a_hat * (z0 + z))) for z in (z_alpha, -z_alpha))


def _jackknife(sample, stat_fn, batch):
    """Statistic of each leave-one-out subsample, in order of the value left out."""
    n = sample.size
    keep = np.arange(n - 1)
    parts = []
    for start in range(0, n, batch):
        left_out = np.arange(start, min(start + batch, n))[:, None]
        parts.append(_statistic_on(sample, stat_fn, keep + (keep >= left_out)))
    return np.concatenate(parts)


def _acceleration(theta_jack):
    """Efron's acceleration ``a_hat`` from the jackknife values."""
    n = float(theta_jack.size)
    influence = (n - 1) * (np.mean(theta_jack) - theta_jack)
    with np.errstate(invalid="ignore", divide="ignore"):  # 0/0 for constant data: NaN, warned about later
        return float(1 / 6 * (np.sum(influence**3) / n**3) / (np.sum(influence**2) / n**2) ** (3 / 2))

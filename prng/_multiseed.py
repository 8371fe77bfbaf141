"""Multi-seed evaluation (``prng.multiseed``): one function, several independent streams, mean ± std."""

import logging
from dataclasses import dataclass

import numpy as np

from ._bitgen import as_seed_sequence
from ._validate import as_int
from .seedsequence import SeedSequence

@dataclass(frozen=True)
class MultiSeedResult:
    """``values[i]`` is ``fn`` on child stream ``i``; ``std`` is the sample standard deviation (ddof=1)."""

    values: np.ndarray
    mean: np.ndarray | float
    std: np.ndarray | float
    seed_sequence: SeedSequence

    def __str__(self):
        return f"{self.mean} ± {self.std} (n={len(self.values)}, seed entropy {self.seed_sequence.entropy})"


def multiseed(fn, n=5, *, seed=None):
    """Run ``fn(rng)`` on ``n`` independent generators and summarise the results.

    The generators are ``prng.default_rng(child)`` for the children of ``SeedSequence(seed)``'s
    ``spawn(n)`` (numpy's spawn keys ``(0,)``, ``(1,)``, ...), so run ``i`` is reproducible alone.
    ``fn`` returns a number or an array of numbers (all of one shape). seed=None draws fresh OS
    entropy and logs it at INFO level; it is kept in the result's ``seed_sequence``.
    """
    if not callable(fn):
        raise TypeError(f"fn must be callable, not {type(fn).__name__}")
    n = as_int(n, "n", 2)
    root = seed_sequence_or_fresh(seed, "prng.multiseed")
    from .generator import default_rng

    values = np.array([fn(default_rng(child_seed(root, i))) for i in range(n)], dtype=float)
    mean, std = values.mean(axis=0), values.std(axis=0, ddof=1)
    return MultiSeedResult(values=values, mean=mean[()], std=std[()], seed_sequence=root)


def seed_sequence_or_fresh(seed, who):
    """``seed`` as a SeedSequence (numpy's rule); for None, fresh OS entropy, logged at INFO level
    (logger ``who``) so that an unplanned run can still be replayed."""
    if seed is not None:
        return as_seed_sequence(seed)
    root = SeedSequence()
    logging.getLogger(who).info("%s: no seed given; drew entropy %d (pass seed=%d to replay)",
                                who, root.entropy, root.entropy)
    return root


def child_seed(parent, index):
    """Child ``index`` of ``parent``: what ``parent.spawn`` gives as its ``index``-th child (spawn key
    extended by ``index``), built directly so any child can be made alone and ``parent`` is unchanged."""
    return SeedSequence(parent.entropy, spawn_key=tuple(parent.spawn_key) + (index,), pool_size=parent.pool_size)

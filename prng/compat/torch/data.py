"""``torch.utils.data`` shuffling without torch: ``RandomSampler`` and a DataLoader epoch's plan.

``epoch_plan`` reproduces what one epoch of ``DataLoader(dataset, batch_size, shuffle, num_workers,
generator=g, drop_last)`` (torch 2.13, map-style dataset of length n, ``persistent_workers=False``,
``in_order=True``, the defaults) decides from ``g``: the iterator's base seed, the batches in the order
they are yielded, which worker loads which batch, and the seeds each worker gives torch, ``random`` and
numpy. Calling it again on the same generator gives the next epoch, as ``iter(loader)`` again would.

Order of draws, from ``torch/utils/data/dataloader.py`` and ``sampler.py``:

1. ``_BaseDataLoaderIter.__init__``: ``base_seed = torch.empty((), dtype=torch.int64).random_(generator=g)``,
   i.e. ``random64() % 2**63`` (``uniform_int_distribution<int64_t>``), for every ``num_workers``.
2. With ``shuffle``, ``RandomSampler(n, generator=g)`` yields ``randperm(n, generator=g)``; when it is
   exhausted it draws a second ``randperm(n)`` and keeps none of it (``[:num_samples % n]``). Every
   completed epoch reaches that point (the batch sampler asks for one more index). Without
   ``generator`` the sampler first draws its own seed from the default generator (after the base seed).
3. In worker ``w`` (``_worker_loop``): ``seed = base_seed + w`` for ``random.seed`` and ``torch.manual_seed``;
   numpy's global RandomState gets ``_generate_state(base_seed, w)``, which is numpy's
   ``SeedSequence([w, base_seed & 0xffffffff, base_seed >> 32, 0]).generate_state(4)``.
4. Batch b goes to worker ``b % num_workers`` (in-order round robin over ``_worker_queue_idx_cycle``).
"""

import numpy as np

from ...seedsequence import SeedSequence
from . import Generator, _generator, randint, randperm

_MASK32 = 0xFFFFFFFF
_INT64_MAX = 2**63 - 1
_REPLACEMENT_CHUNK = 32                # RandomSampler(replacement=True) draws randint in chunks of 32


def _cpu_generator(generator):
    """A CPU ``Generator`` or None (torch's samplers run randperm on the CPU)."""
    if generator is not None and not isinstance(generator, Generator):
        raise TypeError(f"generator must be a prng.compat.torch.Generator (CPU) or None, "
                        f"got {type(generator).__name__}")
    return generator


def _draw_int64(generator):
    """``torch.empty((), dtype=torch.int64).random_(generator=g).item()``: ``random64() % 2**63``."""
    return int(_generator(generator)._random64(1)[0]) & _INT64_MAX


class RandomSampler:
    """``torch.utils.data.RandomSampler(range(n), replacement, num_samples, generator)``.

    ``n`` is the dataset length (an int, or anything with ``len``). Iterating once is one epoch and
    draws what torch's iteration draws, when it draws it (lazily): without replacement
    ``num_samples // n`` whole ``randperm(n)`` then one more cut to ``num_samples % n`` (drawn even when
    that is 0); with replacement ``randint(0, n, (32,))`` chunks. ``generator=None``: each iteration
    seeds a fresh generator with ``random64() % 2**63`` of the default generator.
    """

    def __init__(self, n, replacement=False, num_samples=None, generator=None):
        self.n = _length(n)
        if not isinstance(replacement, bool):
            raise TypeError(f"replacement should be a boolean value, but got replacement={replacement}")
        self.replacement = replacement
        self._num_samples = num_samples
        self.generator = _cpu_generator(generator)
        if (not isinstance(self.num_samples, int) or isinstance(self.num_samples, bool)
                or self.num_samples <= 0):
            raise ValueError(f"num_samples should be a positive integer value, but got "
                             f"num_samples={self.num_samples}")

    @property
    def num_samples(self):
        """``num_samples``, or n when not given."""
        return self.n if self._num_samples is None else self._num_samples

    def __len__(self):
        return self.num_samples

    def __iter__(self):
        if self.generator is None:
            generator = Generator().manual_seed(_draw_int64(None))
        else:
            generator = self.generator
        n = self.n
        if self.replacement:
            for _ in range(self.num_samples // _REPLACEMENT_CHUNK):
                yield from randint(0, n, (_REPLACEMENT_CHUNK,), generator=generator).tolist()
            yield from randint(0, n, (self.num_samples % _REPLACEMENT_CHUNK,), generator=generator).tolist()
        else:
            for _ in range(self.num_samples // n):
                yield from randperm(n, generator=generator).tolist()
            yield from randperm(n, generator=generator).tolist()[: self.num_samples % n]


class EpochPlan:
    """One DataLoader epoch: ``base_seed``, ``batches`` (index lists in the order yielded),
    ``num_workers``, and per batch / worker the functions below."""

    def __init__(self, base_seed, batches, num_workers):
        self.base_seed = base_seed
        self.batches = batches
        self.num_workers = num_workers

    def worker_of(self, batch_number):
        """The worker that loads batch ``batch_number`` (``b % num_workers``); None with no workers
        (the main process loads every batch)."""
        batch_number = _index(batch_number, "batch_number", len(self.batches))
        return batch_number % self.num_workers if self.num_workers else None

    def worker_seed(self, worker_id):
        """``torch.initial_seed()`` inside worker ``worker_id``: ``base_seed + worker_id``."""
        return self.base_seed + self._worker(worker_id)

    def python_seed(self, worker_id):
        """What the worker gives ``random.seed``: ``base_seed + worker_id``."""
        return self.base_seed + self._worker(worker_id)

    def numpy_seed(self, worker_id):
        """The 4 uint32 words the worker gives ``numpy.random.seed`` (``_generate_state``)."""
        worker_id = self._worker(worker_id)
        entropy = [worker_id, self.base_seed & _MASK32, self.base_seed >> 32, 0]
        return SeedSequence(entropy).generate_state(4).tolist()

    def _worker(self, worker_id):
        return _index(worker_id, "worker_id", self.num_workers)

    def __repr__(self):
        return f"EpochPlan(base_seed={self.base_seed}, batches={len(self.batches)}, num_workers={self.num_workers})"


def epoch_plan(n, *, batch_size, shuffle, num_workers, generator, drop_last=False):
    """The next epoch of ``DataLoader(range(n), batch_size=batch_size, shuffle=shuffle,
    num_workers=num_workers, generator=generator, drop_last=drop_last)``, drawing from ``generator``
    (None: the default generator, as a DataLoader without ``generator=``) what that epoch draws."""
    n = _length(n)
    batch_size = _positive(batch_size, "batch_size")
    if isinstance(num_workers, bool) or not isinstance(num_workers, (int, np.integer)) or num_workers < 0:
        raise ValueError(f"num_workers option should be non-negative, got num_workers={num_workers!r}")
    for flag, name in ((shuffle, "shuffle"), (drop_last, "drop_last")):
        if not isinstance(flag, bool):
            raise TypeError(f"{name} must be a bool, got {flag!r}")
    generator = _cpu_generator(generator)
    sampler = RandomSampler(n, generator=generator) if shuffle else range(n)
    base_seed = _draw_int64(generator)
    order = list(sampler)
    batches = [order[i: i + batch_size] for i in range(0, n, batch_size)]
    if drop_last and batches and len(batches[-1]) < batch_size:
        batches.pop()
    return EpochPlan(base_seed, batches, int(num_workers))


def _length(n):
    """A dataset length: an int >= 0, or len() of a sized object."""
    if isinstance(n, bool):
        raise TypeError(f"n must be an int or a sized object, got {n!r}")
    if isinstance(n, (int, np.integer)):
        if n < 0:
            raise ValueError(f"n must be >= 0, got {n}")
        return int(n)
    try:
        return len(n)
    except TypeError:
        raise TypeError(f"n must be an int or a sized object, got {type(n).__name__}") from None


def _positive(value, name):
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)) or value <= 0:
        raise ValueError(f"{name} should be a positive integer value, but got {name}={value!r}")
    return int(value)


def _index(value, name, count):
    """An int in [0, count), or an error naming ``name``."""
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)):
        raise TypeError(f"{name} must be an int, got {value!r}")
    if not 0 <= value < count:
        raise ValueError(f"{name} must be in [0, {count}), got {value}")
    return int(value)

"""Training reproducibility: seed every library's global generator, and checkpoint their states.

Works with or without torch: torch parts run only when torch is importable. ``PYTHONHASHSEED``
(string hashing, so set and dict iteration orders) is read once when Python starts: setting it here
affects only child processes (DataLoader workers started with "spawn", subprocesses), never the
running interpreter. To fix it for a script, start it as ``PYTHONHASHSEED=0 python script.py``.
"""

import base64
import binascii
import importlib.util
import os
import random
import warnings

import numpy as np

from ._validate import as_int

MAX_SEED = 2**32 - 1  # numpy's legacy global seed is 32-bit
STATE_FORMAT = "prng-rng-state/1"
CUBLAS_WORKSPACE = ":4096:8"


def _torch():
    """The torch module when installed (imported on first use), else None."""
    if importlib.util.find_spec("torch") is None:
        return None
    import torch

    return torch


def seed_everything(seed, deterministic=False):
    """Seed Python's ``random``, numpy's global generator and torch (CPU and every CUDA device).

    seed: an int in [0, 2**32 - 1] (numpy's legacy global seed is 32-bit); the same seed goes to
        every library, as in Lightning's ``seed_everything``.
    deterministic: also ask torch for deterministic kernels: ``torch.use_deterministic_algorithms(True)``,
        ``cudnn.deterministic = True``, ``cudnn.benchmark = False`` and ``CUBLAS_WORKSPACE_CONFIG``
        (set to ":4096:8" unless already set; it must be set before the first cuBLAS call).
    Also sets ``PYTHONHASHSEED`` for child processes (see the module docstring). Returns ``seed``.
    """
    seed = as_int(seed, "seed", 0, MAX_SEED)
    random.seed(seed)
    np.random.seed(seed)
    os.environ["PYTHONHASHSEED"] = str(seed)
    torch = _torch()
    if torch is not None:
        torch.manual_seed(seed)  # seeds the CPU generator and every CUDA device's
        if deterministic:
            _torch_deterministic(torch)
    return seed


def _torch_deterministic(torch):
    """Switch torch to deterministic algorithms (errors on ops that have none)."""
    os.environ.setdefault("CUBLAS_WORKSPACE_CONFIG", CUBLAS_WORKSPACE)
    torch.backends.cudnn.deterministic = True
    torch.backends.cudnn.benchmark = False
    torch.use_deterministic_algorithms(True)


def worker_init_fn(worker_id):
    """DataLoader ``worker_init_fn``: seed ``random`` and numpy's global generator in a worker from
    torch's per-worker seed (``torch.initial_seed()``, which is base seed + worker id there), so
    workers never share numpy streams, also on torch versions and start methods that leave them alike."""
    torch = _torch()
    if torch is None:
        raise RuntimeError("worker_init_fn is for torch DataLoader workers, and torch is not installed")
    worker_seed = torch.initial_seed() % 2**32
    random.seed(worker_seed)
    np.random.seed(worker_seed)


def dataloader_generator(seed):
    """A ``torch.Generator`` seeded with ``seed``: pass it as ``DataLoader(..., generator=g)`` so the
    shuffling order and the workers' base seed depend on ``seed`` only."""
    torch = _torch()
    if torch is None:
        raise RuntimeError("dataloader_generator needs torch, which is not installed")
    return torch.Generator().manual_seed(as_int(seed, "seed", 0, 2**64 - 1))


# --- capture / restore -------------------------------------------------------------------------

def capture_rng_state():
    """The states of Python's ``random``, numpy's global generator and torch's CPU and CUDA
    generators (those present), as a dict of JSON types: ``json.dumps`` it into a checkpoint."""
    state = {"format": STATE_FORMAT, "python": _python_state(), "numpy": _numpy_state()}
    torch = _torch()
    if torch is not None:
        state["torch"] = _encode_bytes(torch.get_rng_state())
        if torch.cuda.is_available():
            state["torch_cuda"] = [_encode_bytes(s) for s in torch.cuda.get_rng_state_all()]
    return state


def restore_rng_state(state):
    """Put back the states ``capture_rng_state`` returned (after a JSON round trip or not).

    Everything is checked before anything is restored (each state is first loaded into a scratch
    generator), so a malformed checkpoint raises and leaves every library as it was. A torch state
    needs torch (RuntimeError without it); CUDA states are skipped with a warning when CUDA is not
    available, and must match the number of devices when it is.
    """
    for restore in _restore_steps(state):
        restore()


def _restore_steps(state):
    """The restore calls for ``state``, each already checked on a scratch generator."""
    if not isinstance(state, dict) or state.get("format") != STATE_FORMAT:
        raise ValueError(f"state must be a dict from capture_rng_state (format {STATE_FORMAT!r})")
    python_state = _checked("python", _python_state_tuple, lambda s: random.Random().setstate(s), state)
    numpy_state = _checked("numpy", _numpy_state_tuple, lambda s: np.random.RandomState().set_state(s), state)
    steps = [lambda: random.setstate(python_state), lambda: np.random.set_state(numpy_state)]
    if "torch" in state or "torch_cuda" in state:
        steps += _torch_steps(state)
    return steps


def _checked(key, convert, try_on_scratch, state):
    """``convert(state[key])`` after loading it into a scratch generator; ValueError naming ``key``."""
    if key not in state:
        raise ValueError(f"state[{key!r}] is missing")
    try:
        value = convert(state[key])
        try_on_scratch(value)
    except (TypeError, ValueError, KeyError, IndexError, OverflowError, RuntimeError) as exc:
        raise ValueError(f"state[{key!r}] is not a valid {key} generator state: {exc}") from None
    return value


def _torch_steps(state):
    """The restore calls for the torch parts of ``state`` (checked)."""
    torch = _torch()
    if torch is None:
        raise RuntimeError("the state holds torch generator states, and torch is not installed")
    steps = []
    if "torch" in state:
        cpu = _checked("torch", lambda text: _decode_bytes(torch, text), lambda t: torch.Generator().set_state(t), state)
        steps.append(lambda: torch.set_rng_state(cpu))
    if "torch_cuda" not in state:
        return steps
    if not torch.cuda.is_available():
        steps.append(lambda: warnings.warn("the state holds CUDA generator states; CUDA is not available, so they "
                                           "were not restored", RuntimeWarning, stacklevel=3))
        return steps
    cuda_states = _checked("torch_cuda", lambda texts: [_decode_bytes(torch, s) for s in texts],
                           lambda states: [torch.Generator(device="cuda").set_state(s) for s in states], state)
    if len(cuda_states) != torch.cuda.device_count():
        raise ValueError(f"the state holds {len(cuda_states)} CUDA generator states, "
                         f"this machine has {torch.cuda.device_count()} devices")
    steps.append(lambda: torch.cuda.set_rng_state_all(cuda_states))
    return steps


def _python_state():
    """``random.getstate()`` as JSON types."""
    version, internal, gauss_next = random.getstate()
    return {"version": version, "internal": list(internal), "gauss_next": gauss_next}


def _python_state_tuple(state):
    """The ``random.setstate`` tuple for a ``_python_state`` dict."""
    return state["version"], tuple(_ints(state["internal"], "internal")), state["gauss_next"]


def _numpy_state():
    """``numpy.random.get_state()`` (legacy MT19937 tuple) as JSON types."""
    name, key, pos, has_gauss, cached_gaussian = np.random.get_state(legacy=True)
    return {"bit_generator": name, "key": key.tolist(), "pos": int(pos), "has_gauss": int(has_gauss),
            "gauss": float(cached_gaussian)}


def _numpy_state_tuple(state):
    """The ``numpy.random.set_state`` tuple for a ``_numpy_state`` dict."""
    key = np.array(_ints(state["key"], "key"), dtype=np.uint32)
    return state["bit_generator"], key, as_int(state["pos"], "pos"), as_int(state["has_gauss"], "has_gauss"), \
        state["gauss"]


def _ints(values, name):
    """``values``, a list of integers (no floats or bools: they would be truncated silently)."""
    if not isinstance(values, (list, tuple)) or not all(type(v) is int for v in values):
        raise TypeError(f"{name} must be a list of integers")
    return values


def _encode_bytes(tensor):
    """A torch uint8 state tensor as base64 text."""
    return base64.b64encode(tensor.cpu().numpy().tobytes()).decode("ascii")


def _decode_bytes(torch, text):
    """base64 text back to a torch uint8 state tensor."""
    if not isinstance(text, str):
        raise TypeError(f"expected base64 text, got {type(text).__name__}")
    try:
        raw = base64.b64decode(text, validate=True)
    except binascii.Error as exc:
        raise ValueError(f"not base64 text: {exc}") from None
    return torch.frombuffer(bytearray(raw), dtype=torch.uint8)

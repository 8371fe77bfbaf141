"""seed_everything, capture_rng_state / restore_rng_state, and the DataLoader helpers.

Expected values come from seeding the libraries directly (random.Random, numpy's RandomState, torch).
torch parts run only when torch is installed.
"""

import importlib.util
import json
import os
import random
import subprocess
import sys
import textwrap
from pathlib import Path

import numpy as np
import pytest

import prng.training as training
from prng.training import capture_rng_state, restore_rng_state, seed_everything

HAS_TORCH = importlib.util.find_spec("torch") is not None
REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True)
def keep_global_state():
    """Leave the global generators (and PYTHONHASHSEED) as the test found them."""
    saved, hashseed = capture_rng_state(), os.environ.get("PYTHONHASHSEED")
    yield
    restore_rng_state(saved)
    if hashseed is None:
        os.environ.pop("PYTHONHASHSEED", None)
    else:
        os.environ["PYTHONHASHSEED"] = hashseed


def draw_everything():
    """A few draws from each library, caches included (gauss, legacy normal, torch's normal)."""
    values = [random.random(), random.gauss(0, 1), random.getrandbits(70)]
    values += np.random.random_sample(3).tolist() + [float(np.random.standard_normal())]
    if HAS_TORCH:
        import torch

        values += torch.rand(3, dtype=torch.float64).tolist() + torch.randn(1, dtype=torch.float64).tolist()
    return values


def test_seed_everything_seeds_each_library_as_they_seed_themselves():
    assert seed_everything(1234) == 1234
    assert random.random() == random.Random(1234).random()
    assert np.random.random_sample() == np.random.RandomState(1234).random_sample()
    assert os.environ["PYTHONHASHSEED"] == "1234"
    if HAS_TORCH:
        import torch

        assert torch.rand(2).tolist() == torch.rand(2, generator=torch.Generator().manual_seed(1234)).tolist()


@pytest.mark.parametrize("seed, error", [(-1, ValueError), (2**32, ValueError), (1.5, TypeError), ("1", TypeError)])
def test_seed_everything_rejects_bad_seeds(seed, error):
    with pytest.raises(error, match="seed must be"):
        seed_everything(seed)


def test_deterministic_flags():
    torch = pytest.importorskip("torch")
    was = torch.are_deterministic_algorithms_enabled(), os.environ.get("CUBLAS_WORKSPACE_CONFIG")
    try:
        seed_everything(0, deterministic=True)
        assert torch.are_deterministic_algorithms_enabled()
        assert torch.backends.cudnn.deterministic and not torch.backends.cudnn.benchmark
        assert os.environ["CUBLAS_WORKSPACE_CONFIG"] in (was[1] or training.CUBLAS_WORKSPACE, training.CUBLAS_WORKSPACE)
    finally:
        torch.use_deterministic_algorithms(was[0])
        torch.backends.cudnn.deterministic = False
        if was[1] is None:
            os.environ.pop("CUBLAS_WORKSPACE_CONFIG", None)


def test_capture_restore_round_trips_through_json():
    seed_everything(99)
    draw_everything()
    state = json.loads(json.dumps(capture_rng_state()))
    expected = draw_everything()
    seed_everything(5)
    restore_rng_state(state)
    assert draw_everything() == expected
    assert ("torch" in state) == HAS_TORCH


def test_restore_without_torch(monkeypatch):
    state = capture_rng_state()
    monkeypatch.setattr(training, "_torch", lambda: None)
    assert "torch" not in capture_rng_state()
    if HAS_TORCH:
        with pytest.raises(RuntimeError, match="torch is not installed"):
            restore_rng_state(state)
    with pytest.raises(ValueError, match="capture_rng_state"):
        restore_rng_state({"python": state["python"]})


RESUME_SCRIPT = textwrap.dedent("""
    import json, random, sys
    import numpy as np
    import prng.training as t
    try:
        import torch
    except ImportError:
        torch = None

    mode, steps, k, path = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]

    def step():
        row = [random.random(), random.gauss(0, 1), float(np.random.normal()), int(np.random.randint(1 << 30))]
        if torch is not None:
            row += torch.randn(2, dtype=torch.float64).tolist() + [int(torch.randint(0, 1 << 40, ()))]
        return row

    if mode == "run":  # the uninterrupted run, checkpointing at step k on the way
        t.seed_everything(2718)
        rows = []
        for i in range(steps):
            if i == k:
                json.dump(t.capture_rng_state(), open(path, "w"))
            rows.append(step())
        print(json.dumps({"rows": rows}))
    else:  # a fresh process: steps k.. without the restore, then with it
        unrestored = [step() for _ in range(k, steps)]
        t.restore_rng_state(json.load(open(path)))
        print(json.dumps({"unrestored": unrestored, "resumed": [step() for _ in range(k, steps)]}))
""")


def run_script(tmp_path, mode, steps, k):
    script = tmp_path / "loop.py"
    script.write_text(RESUME_SCRIPT)
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    done = subprocess.run([sys.executable, str(script), mode, str(steps), str(k), str(tmp_path / "ckpt.json")],
                          capture_output=True, text=True, env=env, check=True, timeout=120)
    return json.loads(done.stdout)


def test_checkpoint_and_resume_in_a_fresh_process(tmp_path):
    """The classic failure: resuming at step k must continue the uninterrupted run's numbers, and
    does not without restore_rng_state."""
    steps, k = 8, 3
    uninterrupted = run_script(tmp_path, "run", steps, k)["rows"]
    resumed = run_script(tmp_path, "resume", steps, k)
    assert resumed["resumed"] == uninterrupted[k:]
    assert all(a != b for a, b in zip(resumed["unrestored"], uninterrupted[k:]))


def test_dataloader_helpers_make_workers_reproducible_and_distinct():
    torch = pytest.importorskip("torch")
    from torch.utils.data import DataLoader, Dataset

    class NumpyNoise(Dataset):
        def __len__(self):
            return 8

        def __getitem__(self, i):
            return np.random.randint(1 << 30)

    def epoch():
        loader = DataLoader(NumpyNoise(), batch_size=2, shuffle=True, num_workers=2,
                            worker_init_fn=training.worker_init_fn, generator=training.dataloader_generator(3),
                            multiprocessing_context="fork")
        return [b.tolist() for b in loader]

    first = epoch()
    assert first == epoch()
    values = [v for batch in first for v in batch]
    assert len(set(values)) == len(values)


def test_torch_helpers_need_torch(monkeypatch):
    monkeypatch.setattr(training, "_torch", lambda: None)
    with pytest.raises(RuntimeError, match="torch"):
        training.worker_init_fn(0)
    with pytest.raises(RuntimeError, match="torch"):
        training.dataloader_generator(0)

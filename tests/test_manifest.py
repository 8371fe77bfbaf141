"""Run manifests (prng.manifest, the bootstrap log) and their replay."""

import hashlib
import json
import platform
import shutil
import subprocess

import numpy as np
import pytest

import prng._manifest as manifest_module
from prng._bootstrap import bootstrap
from prng._manifest import ReplayError, manifest, replay, write_manifest

DATA = np.random.default_rng(5).normal(10, 2, size=25)


def logged_run(tmp_path, **kwargs):
    path = tmp_path / "run.json"
    result = bootstrap(DATA, kwargs.pop("statistic", "mean"), n_resamples=kwargs.pop("n_resamples", 400),
                       log=path, **kwargs)
    return path, result


def edit(path, change):
    record = json.loads(path.read_text())
    change(record)
    path.write_text(json.dumps(record))


def test_bootstrap_log_holds_what_a_replay_needs(tmp_path):
    path, result = logged_run(tmp_path, seed=2024, method="percentile")
    record = json.loads(path.read_text())
    assert record["kind"] == "bootstrap"
    assert record["seed"] == {"entropy": "2024", "spawn_key": [], "pool_size": 4}
    assert record["versions"]["numpy"] == np.__version__
    assert record["versions"]["python"] == platform.python_version()
    assert record["data"]["sha256"] == hashlib.sha256(DATA.astype("<f8").tobytes()).hexdigest()
    assert record["data"]["values"] == DATA.tolist()
    assert record["parameters"] == {"statistic": "mean", "method": "percentile", "n_resamples": 400,
                                    "confidence_level": 0.95, "stream": "scipy"}
    assert record["results"] == {"low": result.confidence_interval.low, "high": result.confidence_interval.high,
                                 "standard_error": result.standard_error}


def test_replay_agrees_exactly(tmp_path):
    path, _ = logged_run(tmp_path, seed=7, stream="blocks")
    report = replay(path)
    assert report.agree and not report.differences
    assert report.replayed == report.logged
    assert "agree exactly" in str(report)


def test_unseeded_run_logs_its_entropy_and_replays(tmp_path):
    path, result = logged_run(tmp_path)
    assert json.loads(path.read_text())["seed"]["entropy"] == str(result.seed_sequence.entropy)
    assert replay(path).agree


def test_changed_numbers_are_reported(tmp_path):
    path, _ = logged_run(tmp_path, seed=1)
    edit(path, lambda r: r["results"].update(low=r["results"]["low"] + 1e-9))
    report = replay(path)
    assert not report.agree
    assert report.differences[0].startswith("low: logged")
    assert "DIFFER" in str(report)


def test_stream_relevant_version_change_is_flagged(tmp_path):
    path, _ = logged_run(tmp_path, seed=1)
    edit(path, lambda r: r["versions"].update(numpy="1.26.4", python="3.9.0"))
    changes = replay(path).version_changes
    assert f"numpy 1.26.4 -> {np.__version__} (may change the random stream or the numbers)" in changes
    assert any(c.startswith("python 3.9.0 ->") and "informational" in c for c in changes)


def test_large_data_is_hashed_not_stored(tmp_path, monkeypatch):
    monkeypatch.setattr(manifest_module, "EMBED_LIMIT", 10)
    path, _ = logged_run(tmp_path, seed=3)
    assert "values" not in json.loads(path.read_text())["data"]
    with pytest.raises(ReplayError, match="pass data="):
        replay(path)
    assert replay(path, data=DATA).agree
    with pytest.raises(ReplayError, match="SHA-256 differs"):
        replay(path, data=DATA + 1)


def test_a_callable_statistic_replays_only_when_the_caller_passes_it(tmp_path):
    iqr = pytest.importorskip("scipy.stats").iqr

    path, _ = logged_run(tmp_path, statistic=iqr, seed=4)
    assert json.loads(path.read_text())["parameters"]["statistic"].endswith(":iqr")  # a label, never imported
    with pytest.raises(ReplayError, match="never imports code named in a manifest"):
        replay(path)
    assert replay(path, statistic=iqr).agree
    path, _ = logged_run(tmp_path, statistic=lambda x, axis: np.max(x, axis=axis), seed=4)
    assert json.loads(path.read_text())["parameters"]["statistic"] is None
    with pytest.raises(ReplayError, match="a lambda"):
        replay(path)
    assert replay(path, statistic=lambda x, axis: np.max(x, axis=axis)).agree


@pytest.mark.parametrize("name", ["mean", "median", "std", "var", "min", "max"])
def test_every_registered_statistic_replays(tmp_path, name):
    path, _ = logged_run(tmp_path, statistic=name, seed=9, method="percentile", n_resamples=200)
    assert json.loads(path.read_text())["parameters"]["statistic"] == name
    assert replay(path).agree


def test_not_a_manifest(tmp_path):
    bad = tmp_path / "x.json"
    bad.write_text('{"hello": 1}')
    with pytest.raises(ReplayError, match="not a prng run manifest"):
        replay(bad)
    bad.write_text("{")
    with pytest.raises(ReplayError, match="not JSON"):
        replay(bad)


def test_generic_manifest_records_seed_data_and_results(tmp_path):
    seq = np.random.SeedSequence(123, spawn_key=(4, 5))
    record = manifest(tmp_path / "m.json", kind="training", seed=seq, parameters={"lr": np.float32(0.5)},
                      results={"loss": np.float64(0.25), "bad": float("nan"), "curve": np.arange(3)},
                      data=np.arange(4, dtype=np.int32), algorithm="PCG64")
    assert json.loads((tmp_path / "m.json").read_text()) == record
    assert record["seed"] == {"entropy": "123", "spawn_key": [4, 5], "pool_size": 4}
    assert record["results"] == {"loss": 0.25, "bad": "NaN", "curve": [0, 1, 2]}
    assert record["data"]["sha256"] == hashlib.sha256(np.arange(4, dtype="<i4").tobytes()).hexdigest()


@pytest.mark.skipif(shutil.which("git") is None, reason="git not installed")
def test_git_commit_of_the_callers_repo(tmp_path):
    def git(*args):
        return subprocess.run(["git", "-C", str(tmp_path), *args], check=True, capture_output=True,
                              text=True).stdout.strip()

    git("init", "-q")
    (tmp_path / "f.txt").write_text("x")
    git("add", "f.txt")
    git("-c", "user.name=t", "-c", "user.email=t@t", "commit", "-q", "-m", "m")
    record = manifest(repo=tmp_path)
    assert record["git"] == {"commit": git("rev-parse", "HEAD"), "dirty": False}
    (tmp_path / "f.txt").write_text("y")
    assert manifest(repo=tmp_path)["git"]["dirty"] is True
    assert manifest(repo=tmp_path / "nowhere")["git"] is None


def test_write_is_atomic(tmp_path):
    path = tmp_path / "run.json"
    write_manifest(path, {"a": 1})
    with pytest.raises(ValueError):
        write_manifest(path, {"a": float("nan")})  # JSON has no NaN: nothing is written
    assert json.loads(path.read_text()) == {"a": 1}
    assert [p.name for p in tmp_path.iterdir()] == ["run.json"]


def test_failed_rename_leaves_the_old_file_and_no_temporary(tmp_path, monkeypatch):
    path = tmp_path / "run.json"
    write_manifest(path, {"a": 1})

    def fail(src, dst):
        raise OSError("disk full")

    monkeypatch.setattr(manifest_module.os, "replace", fail)
    with pytest.raises(OSError, match="disk full"):
        write_manifest(path, {"a": 2})
    assert json.loads(path.read_text()) == {"a": 1}
    assert [p.name for p in tmp_path.iterdir()] == ["run.json"]

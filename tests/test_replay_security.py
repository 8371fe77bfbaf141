"""A manifest is data someone sends you (issue 14): replay runs no code it names, reads data only
inside the manifest's folder (or --data-root) and never through a symbolic link, never quotes a data
file, refuses sizes beyond its limits before it starts, and compares every logged result."""

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest

import prng._bootstrap as bootstrap_module
from prng._manifest import LIMITS, ReplayError, replay
from prng.cli import main

REPO = Path(__file__).resolve().parent.parent
SECRET = "s3cr3t-token-in-the-data"


def cli(capsys, *argv):
    """(status, stdout, stderr) of ``prng argv...`` in this process."""
    status = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return status, out, err


@pytest.fixture
def run(tmp_path, capsys):
    """A folder with data.csv and run.json from `prng bootstrap --log`, the manifest reading the CSV
    (its embedded values removed)."""
    values = np.random.default_rng(3).normal(size=40)
    (tmp_path / "data.csv").write_text("x,note\n" + "".join(f"{float(v)!r},{SECRET}\n" for v in values))
    status, _, _ = cli(capsys, "bootstrap", tmp_path / "data.csv", "--column", "x", "--statistic", "mean", "--seed", 5,
                       "--n-resamples", 300, "--method", "percentile", "--log", tmp_path / "run.json")
    assert status == 0
    edit(tmp_path / "run.json", lambda r: r["data"].pop("values"))
    return tmp_path / "run.json"


def edit(path, change):
    record = json.loads(path.read_text())
    change(record)
    path.write_text(json.dumps(record))


@pytest.fixture
def no_bootstrap(monkeypatch):
    """Fails the test if replay starts the computation."""
    def refuse(*args, **kwargs):
        raise AssertionError("replay started a bootstrap it should have refused")

    monkeypatch.setattr(bootstrap_module, "bootstrap", refuse)


def refused(capsys, manifest, *options, words):
    """Runs `prng replay` and checks it is refused: exit 2, one line, naming ``words``, no secret."""
    status, out, err = cli(capsys, "replay", manifest, *options)
    assert status == 2, (out, err)
    assert err.count("\n") == 1 and err.startswith("prng: error: ") and words in err, err
    assert SECRET not in err + out and "Traceback" not in err
    return err


def test_the_run_replays_from_its_csv(capsys, run):
    status, out, _ = cli(capsys, "replay", run)
    assert status == 0 and "agree exactly" in out


# --- no code from a manifest -------------------------------------------------------------------

def test_replay_never_imports_the_code_a_manifest_names(run):
    folder = run.parent
    marker = folder / "EXECUTED"
    (folder / "evil.py").write_text(f"open({str(marker)!r}, 'w').write('ran')\n"
                                    "def stat(x, axis=-1):\n    return x.mean(axis=axis)\n")
    edit(run, lambda r: r["parameters"].update(statistic="evil:stat"))
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    done = subprocess.run([sys.executable, "-m", "prng", "replay", "run.json"], cwd=folder, env=env,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 2 and not marker.exists()
    assert done.stderr.count("\n") == 1 and "never imports code named in a manifest" in done.stderr
    for name in ("os:system", "numpy:median", "builtins:eval", "prng._bootstrap:STATISTICS"):
        edit(run, lambda r: r["parameters"].update(statistic=name))
        with pytest.raises(ReplayError, match="not one of prng's"):
            replay(run)
    assert not marker.exists()


# --- data paths ----------------------------------------------------------------------------------

def test_an_absolute_path_is_refused_and_contents_never_shown(capsys, run, no_bootstrap):
    edit(run, lambda r: r["data"]["source"].update(csv="/etc/passwd", column="x"))
    refused(capsys, run, words="is outside")
    # even when the user lets replay read there, nothing of the file appears in the error
    err = refused(capsys, run, "--data-root", "/", words="no column 'x'")
    assert "root" not in err and "columns" not in err


def test_dot_dot_leaves_the_folder_only_with_data_root(capsys, run):
    inner = run.parent / "runs"
    inner.mkdir()
    run.rename(inner / "run.json")
    edit(inner / "run.json", lambda r: r["data"]["source"].update(csv="../data.csv"))
    refused(capsys, inner / "run.json", words="'../data.csv' is outside")
    status, out, _ = cli(capsys, "replay", inner / "run.json", "--data-root", run.parent)
    assert status == 0 and "agree exactly" in out


def test_symbolic_links_are_refused(capsys, run, tmp_path_factory, no_bootstrap):
    folder = run.parent
    elsewhere = tmp_path_factory.mktemp("elsewhere")
    (folder / "data.csv").rename(elsewhere / "data.csv")
    (folder / "data.csv").symlink_to(elsewhere / "data.csv")
    refused(capsys, run, words="symbolic link")
    (folder / "data.csv").unlink()
    (folder / "sub").symlink_to(elsewhere)
    edit(run, lambda r: r["data"]["source"].update(csv="sub/data.csv"))
    refused(capsys, run, words="goes through the symbolic link")
    (folder / "link.json").symlink_to(run)
    refused(capsys, folder / "link.json", words="manifest")


def test_a_fifo_as_data_is_refused_at_once(capsys, run, no_bootstrap):
    (run.parent / "data.csv").unlink()
    os.mkfifo(run.parent / "data.csv")
    started = time.monotonic()
    refused(capsys, run, words="is a FIFO, not a regular file")
    assert time.monotonic() - started < 10


def test_a_data_file_is_never_quoted(capsys, run, no_bootstrap):
    edit(run, lambda r: r["data"]["source"].update(column="note"))  # a column of text
    err = refused(capsys, run, words="line 2: 'note' value is not a number")
    edit(run, lambda r: r["data"]["source"].update(column="missing"))
    refused(capsys, run, words="no column 'missing'")
    (run.parent / "data.csv").write_bytes(b"x\n\xff\xfe" + SECRET.encode())
    refused(capsys, run, words="not UTF-8 text")
    assert "columns" not in err


# --- sizes and fields, checked before anything runs --------------------------------------------

HUGE = [
    (lambda r: r["parameters"].update(n_resamples=10**9), "parameters.n_resamples is 1000000000, more than", True),
    (lambda r: r["data"].update(n=10**8), "data.n is 100000000, more than", True),
    (lambda r: r["parameters"].update(n_resamples=100_000) or r["data"].update(n=100_000),
     "data.n * parameters.n_resamples is 10000000000", True),
    (lambda r: r["seed"].update(pool_size=10**6), "seed.pool_size is 1000000, more than", False),
    (lambda r: r["seed"].update(spawn_key=list(range(1000))), "seed.spawn_key has 1000 integers", False),
    (lambda r: r["seed"].update(entropy="9" * 5000), "seed.entropy must hold decimal strings", False),
    (lambda r: r["seed"].update(spawn_key=[2**5000]), "seed.spawn_key integers must be below", False),
]


@pytest.mark.parametrize("change, words, liftable", HUGE)
def test_huge_sizes_are_refused_before_starting(capsys, run, no_bootstrap, change, words, liftable):
    edit(run, change)
    started = time.monotonic()
    err = refused(capsys, run, words=words)
    assert time.monotonic() - started < 10
    assert ("--allow-large" in err) == liftable
    if not liftable:
        refused(capsys, run, "--allow-large", words=words)


def test_the_size_limits():
    assert LIMITS["n_resamples"] == 10**6 and LIMITS["n_values"] == 10**7 and LIMITS["index_draws"] == 2 * 10**9
    assert LIMITS["pool_size"] == 256 and LIMITS["data_file_bytes"] == 512 << 20


BAD_FIELDS = [
    (lambda r: r["parameters"].update(n_resamples=-5), "parameters.n_resamples must be an integer >= 1"),
    (lambda r: r["parameters"].update(n_resamples=True), "parameters.n_resamples must be an integer"),
    (lambda r: r["parameters"].update(n_resamples=300.0), "parameters.n_resamples must be an integer"),
    (lambda r: r["parameters"].update(n_resamples="300"), "parameters.n_resamples must be an integer"),
    (lambda r: r["parameters"].update(method="bogus"), "parameters.method must be one of"),
    (lambda r: r["parameters"].update(stream=None), "parameters.stream must be one of"),
    (lambda r: r["parameters"].update(confidence_level=2), "parameters.confidence_level must be a number in (0, 1)"),
    (lambda r: r["parameters"].update(statistic=["mean"]), "parameters.statistic must be a name"),
    (lambda r: r.update(parameters=None), "parameters must be a JSON object"),
    (lambda r: r.update(data=[]), "data must be a JSON object"),
    (lambda r: r["data"].update(dtype="O"), "data.dtype must be one of"),
    (lambda r: r["data"].update(dtype="V1000000000"), "data.dtype must be one of"),
    (lambda r: r["data"].update(sha256="zz"), "data.sha256 must be 64 lowercase hex digits"),
    (lambda r: r["data"].update(n=1), "data.n must be an integer >= 2"),
    (lambda r: r["data"].update(values=[1.0, 2.0]), "data.values must be a list of data.n = 40"),
    (lambda r: r["data"].update(source="data.csv"), "data.source must be a JSON object"),
    (lambda r: r["data"]["source"].update(csv=7), "data.source must hold csv"),
    (lambda r: r["seed"].update(entropy="abc"), "seed.entropy must hold decimal strings"),
    (lambda r: r["seed"].update(entropy=5), "seed.entropy must hold decimal strings"),
    (lambda r: r["seed"].update(spawn_key=[-1]), "seed.spawn_key[] must be an integer >= 0"),
    (lambda r: r["seed"].update(spawn_key="0"), "seed.spawn_key must be a list"),
    (lambda r: r["seed"].update(pool_size=3), "seed.pool_size must be an integer >= 4"),
    (lambda r: r.update(seed=None), "seed must be a JSON object"),
    (lambda r: r.update(results=[]), "results must be a JSON object"),
    (lambda r: r.update(kind="os.system"), "cannot replay a 'os.system' run"),
    (lambda r: r.update(format="prng-manifest/0"), "is not a prng run manifest"),
]


@pytest.mark.parametrize("change, words", BAD_FIELDS)
def test_malformed_fields_are_refused_naming_the_field(capsys, run, no_bootstrap, change, words):
    edit(run, change)
    refused(capsys, run, words=words)


def test_data_that_do_not_match_the_manifest(capsys, run):
    edit(run, lambda r: r["data"].update(n=41))
    refused(capsys, run, words="the data hold 40 values in shape (40,), the manifest says 41")
    edit(run, lambda r: r["data"].update(n=40, sha256="0" * 64))
    refused(capsys, run, words="SHA-256 differs")


# --- every logged result is compared -----------------------------------------------------------

@pytest.mark.parametrize("field", ["low", "high", "standard_error"])
def test_each_logged_result_is_compared(capsys, run, field):
    edit(run, lambda r: r["results"].update({field: r["results"][field] * (1 + 2**-50)}))
    status, out, _ = cli(capsys, "replay", run)
    assert status == 1 and f"difference: {field}: logged" in out


def test_a_missing_or_extra_result_is_a_difference(run):
    edit(run, lambda r: r["results"].pop("standard_error"))
    report = replay(run)
    assert not report.agree and report.differences == [
        f"standard_error: logged '(missing)', now {report.replayed['standard_error']!r}"]
    edit(run, lambda r: r["results"].update(standard_error=report.replayed["standard_error"], p_value=0.5))
    report = replay(run)
    assert not report.agree and report.differences == ["p_value: logged 0.5, now '(missing)'"]

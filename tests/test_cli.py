"""The ``prng`` command line. Expected numbers come from numpy, scipy and torch."""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from prng.cli import main
from prng.verify import _cells_from_tap

REPO = Path(__file__).resolve().parent.parent
VECTORS = REPO / "vectors"


def prng_cli(capsys, *argv):
    """(exit status, stdout, stderr) of ``prng argv...`` run in this process."""
    status = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return status, out, err


def numpy_draws(bit_generator, fmt, n):
    """n draws of numpy's own next_uint32 / next_uint64 / next_double (its C interface via ctypes)."""
    c = bit_generator.ctypes
    fn = {"u32": c.next_uint32, "u64": c.next_uint64, "double": c.next_double}[fmt]
    return [fn(c.state) for _ in range(n)]


# --- stream ------------------------------------------------------------------------------------

@pytest.mark.parametrize("algo, cls", [("pcg64", np.random.PCG64), ("PCG64DXSM", np.random.PCG64DXSM),
                                       ("mt19937", np.random.MT19937), ("philox", np.random.Philox)])
@pytest.mark.parametrize("fmt", ["u32", "u64", "double"])
def test_stream_equals_numpy(capsys, algo, cls, fmt):
    status, out, _ = prng_cli(capsys, "stream", algo, "--seed", 42, "-n", 7, "--format", fmt, "--backend", "python")
    assert status == 0
    got = [float(v) if fmt == "double" else int(v) for v in out.split()]
    assert got == numpy_draws(cls(42), fmt, 7)


def test_stream_hex_and_hex_seed(capsys):
    _, out, _ = prng_cli(capsys, "stream", "pcg64", "--seed", "0x2a", "-n", 3, "--format", "hex")
    assert out.split() == [f"{v:016x}" for v in np.random.PCG64(42).random_raw(3)]


@pytest.mark.parametrize("argv, message", [
    (["stream", "xorshift", "--seed", "1"], "unknown algorithm 'xorshift'; choose one of pcg64"),
    (["stream", "pcg64", "--seed", "abc"], "--seed must be an integer"),
    (["stream", "pcg64", "--seed", "1", "-n", "-3"], "-n must be >= 0"),
    (["stream", "pcg64", "--seed", "1", "--backend", "gpu"], "backend must be one of"),
])
def test_stream_errors(capsys, argv, message):
    status, _, err = prng_cli(capsys, *argv)
    assert status == 2 and message in err


# --- bootstrap and replay ----------------------------------------------------------------------

@pytest.fixture
def csv_file(tmp_path):
    values = np.random.default_rng(8).exponential(size=30)
    path = tmp_path / "data.csv"
    path.write_text("id,x,label\n" + "".join(f"{i},{float(v)!r},a\n" for i, v in enumerate(values)))
    return path, values


def test_bootstrap_log_replay(capsys, csv_file, tmp_path):
    stats = pytest.importorskip("scipy.stats")
    path, values = csv_file
    log = tmp_path / "run.json"
    status, out, _ = prng_cli(capsys, "bootstrap", path, "--column", "x", "--statistic", "median", "--seed", 11,
                              "--method", "percentile", "--n-resamples", 999, "--log", log)
    assert status == 0
    ref = stats.bootstrap((values,), np.median, n_resamples=999, method="percentile", rng=np.random.default_rng(11))
    assert f"interval: {float(ref.confidence_interval.low)!r} {float(ref.confidence_interval.high)!r}" in out
    record = json.loads(log.read_text())
    assert record["seed"]["entropy"] == "11"
    assert record["data"]["source"] == {"csv": "data.csv", "column": "x"}  # relative to the manifest's folder

    status, out, _ = prng_cli(capsys, "replay", log)
    assert status == 0 and "agree exactly" in out

    record["results"]["high"] += 1.0
    log.write_text(json.dumps(record))
    status, out, _ = prng_cli(capsys, "replay", log)
    assert status == 1 and "DIFFER" in out


def test_bootstrap_without_seed_prints_and_logs_it(capsys, csv_file, tmp_path):
    path, _ = csv_file
    log = tmp_path / "run.json"
    status, out, _ = prng_cli(capsys, "bootstrap", path, "--column", "x", "--statistic", "mean",
                              "--n-resamples", 200, "--log", log)
    seed = next(line.split()[1] for line in out.splitlines() if line.startswith("seed:"))
    assert status == 0 and json.loads(log.read_text())["seed"]["entropy"] == seed
    assert prng_cli(capsys, "replay", log)[0] == 0


@pytest.mark.parametrize("content, argv, message", [
    ("x\n1\n2\n", ["--column", "y"], "no column 'y' (columns: x)"),
    ("x\n1\nabc\n", ["--column", "x"], "line 3: 'x' value 'abc' is not a number"),
    ("x\n", ["--column", "x"], "column 'x' has no values"),
    ("x\n1\n", ["--column", "x"], "at least 2 values"),
])
def test_bootstrap_input_errors(capsys, tmp_path, content, argv, message):
    path = tmp_path / "bad.csv"
    path.write_text(content)
    status, _, err = prng_cli(capsys, "bootstrap", path, "--statistic", "mean", *argv)
    assert status == 2 and message in err


def test_bootstrap_unknown_statistic_is_a_usage_error(capsys, csv_file):
    with pytest.raises(SystemExit) as exc:
        main(["bootstrap", str(csv_file[0]), "--column", "x", "--statistic", "mode"])
    assert exc.value.code == 2 and "invalid choice: 'mode'" in capsys.readouterr().err


# --- verify ------------------------------------------------------------------------------------

def subset(tmp_path, *names):
    folder = tmp_path / "vectors"
    folder.mkdir()
    for name in names:
        shutil.copy(VECTORS / name, folder / name)
    return folder


def test_verify_prints_the_table_and_exits_0(capsys, tmp_path):
    folder = subset(tmp_path, "pcg64.json", "seedsequence.json")
    status, out, _ = prng_cli(capsys, "verify", "--vectors", folder, "--no-js", "--backend", "python")
    assert status == 0
    lines = out.splitlines()
    assert lines[0].split() == ["family", "python"]
    assert [line.split() for line in lines[1:3]] == [["pcg64", "ok", "20"], ["seedsequence", "ok", "168"]]
    assert lines[3] == "all vectors agree"


def test_verify_exits_1_on_a_mismatch(capsys, tmp_path):
    folder = subset(tmp_path, "pcg64.json")
    vectors = json.loads((folder / "pcg64.json").read_text())
    raw = next(op for op in vectors["cases"][0]["ops"] if op["op"] == "random_raw")
    raw["expect"][0] = str(int(raw["expect"][0]) ^ 1)
    (folder / "pcg64.json").write_text(json.dumps(vectors))
    status, out, _ = prng_cli(capsys, "verify", "--vectors", folder, "--no-js", "--backend", "python")
    assert status == 1 and "FAIL 1/20" in out and "random_raw: index 0 of" in out


def test_verify_missing_vectors_dir(capsys, tmp_path):
    status, _, err = prng_cli(capsys, "verify", "--vectors", tmp_path / "nope", "--no-js")
    assert status == 2 and "does not exist" in err


def test_js_column_from_tap_output():
    """node's TAP: one top-level test per vector file, one indented subtest per case."""
    rows = ["pcg64", "pcg64dxsm", "generator", "mt19937"]
    tap = "\n".join([
        "TAP version 13", "    ok 1 - 0: PCG64 seed 0 (scalar)", "    ok 2 - 0: PCG64 seed 0 (bulk)", "ok 1 - pcg64.json",
        "    not ok 1 - 0: PCG64DXSM seed 1 (scalar)", "    ok 2 - 1: PCG64DXSM seed 2 (scalar)", "not ok 2 - pcg64dxsm.json",
        "    ok 1 - 0: Generator battery (generator: not ported to JS) # SKIP", "ok 3 - generator.json",
        "# pass 3"])
    cells = {row: str(cell) for row, cell in _cells_from_tap(rows, tap, 1).items()}
    assert cells == {"pcg64": "ok 2", "pcg64dxsm": "FAIL 1/2", "generator": "n/a (not ported to JS)",
                     "mt19937": "not run (no JS test for this file)"}
    assert str(_cells_from_tap(rows, "not ok 1 - crashed", 1)["pcg64"]) == "FAIL (whole JS suite)"


# --- state convert -----------------------------------------------------------------------------

def test_state_convert_numpy_and_portable_json(capsys, tmp_path):
    bit_gen = np.random.PCG64(2024)
    bit_gen.random_raw(3)
    numpy_file = tmp_path / "numpy.json"
    numpy_file.write_text(json.dumps(bit_gen.state))  # numpy's dict, plain (big) integers
    status, out, _ = prng_cli(capsys, "state", "convert", numpy_file, "--to", "json")
    portable = json.loads(out)
    assert status == 0 and portable["state"]["state"] == str(bit_gen.state["state"]["state"])
    (tmp_path / "portable.json").write_text(out)
    prng_cli(capsys, "state", "convert", tmp_path / "portable.json", "--to", "numpy", "-o", tmp_path / "back.json")
    restored = np.random.PCG64()
    restored.state = json.loads((tmp_path / "back.json").read_text())
    assert restored.random_raw(4).tolist() == bit_gen.random_raw(4).tolist()


def test_state_convert_torch_bytes_both_ways(capsys, tmp_path):
    torch = pytest.importorskip("torch")
    gen = torch.Generator().manual_seed(77)
    torch.rand(5, generator=gen)
    (tmp_path / "torch.bin").write_bytes(gen.get_state().numpy().tobytes())
    status, out, _ = prng_cli(capsys, "state", "convert", tmp_path / "torch.bin", "--to", "json")
    mt = np.random.MT19937()
    mt.state = json.loads(out)
    words = mt.random_raw(6)
    expected = ((words & 0xFFFFFF).astype(np.float32) * np.float32(2.0**-24)).tolist()  # torch.rand float32
    assert status == 0 and torch.rand(6, generator=gen).tolist() == expected

    numpy_mt = np.random.MT19937(5)
    numpy_mt.random_raw(10)
    (tmp_path / "mt.json").write_text(json.dumps(numpy_mt.state, default=lambda a: a.tolist()))
    status, _, _ = prng_cli(capsys, "state", "convert", tmp_path / "mt.json", "--to", "torch", "-o", tmp_path / "t.bin")
    restored = torch.Generator()
    restored.set_state(torch.frombuffer(bytearray((tmp_path / "t.bin").read_bytes()), dtype=torch.uint8))
    words = numpy_mt.random_raw(4)
    assert status == 0
    assert torch.rand(4, generator=restored).tolist() == ((words & 0xFFFFFF).astype(np.float32) * np.float32(2.0**-24)).tolist()


def test_state_convert_errors(capsys, tmp_path):
    (tmp_path / "pcg.json").write_text(json.dumps(np.random.PCG64(1).state))
    status, _, err = prng_cli(capsys, "state", "convert", tmp_path / "pcg.json", "--to", "torch", "-o", tmp_path / "x")
    assert status == 2 and "only MT19937 states convert to torch bytes" in err
    (tmp_path / "junk.bin").write_bytes(b"\xff\xfe\x00")
    status, _, err = prng_cli(capsys, "state", "convert", tmp_path / "junk.bin", "--to", "json")
    assert status == 2 and "neither JSON nor 5056 bytes" in err


# --- as a program ------------------------------------------------------------------------------

def test_python_dash_m_prng_help():
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    done = subprocess.run([sys.executable, "-m", "prng", "--help"], capture_output=True, text=True, env=env,
                          timeout=60)
    assert done.returncode == 0
    for command in ("stream", "verify", "bootstrap", "replay", "state"):
        assert command in done.stdout

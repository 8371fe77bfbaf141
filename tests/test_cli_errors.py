"""Every command-line error we could think of ends with exit status 2 and one line on stderr, never a
traceback, and never status 1 (which means only "the numbers differ"). Plus --version, a quiet broken
pipe, one-line warnings and the progress bar switch."""

import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

import prng
from prng import _files
from prng.cli import main

REPO = Path(__file__).resolve().parent.parent
ENV = {**os.environ, "PYTHONPATH": str(REPO)}


def run_cli(capsys, argv):
    """(status, stdout, stderr) of ``prng argv...`` in this process (argparse's SystemExit included)."""
    try:
        status = main([str(a) for a in argv])
    except SystemExit as exc:
        status = exc.code
    out, err = capsys.readouterr()
    return status, out, err


@pytest.fixture
def f(tmp_path, capsys):
    """Paths for the error cases: good inputs and every kind of bad one."""
    p = {"dir": tmp_path, "missing": tmp_path / "missing.csv", "nofolder": tmp_path / "no" / "out.json"}
    p["csv"] = tmp_path / "data.csv"
    p["csv"].write_text("x\n" + "".join(f"{v!r}\n" for v in np.random.default_rng(1).normal(size=20).tolist()))
    p["run"] = tmp_path / "run.json"
    assert main(["bootstrap", str(p["csv"]), "--column", "x", "--statistic", "mean", "--seed", "1",
                 "--n-resamples", "50", "--log", str(p["run"])]) == 0
    capsys.readouterr()
    text = p["run"].read_text()
    files = {
        "truncated": text[: len(text) // 2], "empty": "", "array": "[1, 2]", "nan_json": '{"format": NaN}',
        "deep": "[" * 100_000 + "]" * 100_000, "not_manifest": '{"hello": 1}',
        "kind": text.replace('"kind": "bootstrap"', '"kind": "training"'),
        "code": text.replace('"statistic": "mean"', '"statistic": "os:system"'),
        "abs": json.dumps({**json.loads(text), "data": {**{k: v for k, v in json.loads(text)["data"].items()
                                                          if k != "values"}, "source": {"csv": "/etc/passwd",
                                                                                       "column": "x"}}}),
        "huge": text.replace('"n_resamples": 50', '"n_resamples": 100000000000'),
        "one.csv": "x\n1\n", "text.csv": "x\n1\nabc\n", "novalues.csv": "x\n", "nan.csv": "x\n1\nnan\n2\n",
        "inf.csv": "x\n1\ninf\n", "header.csv": "y,z\n1,2\n", "quote.csv": 'x\n"1\n2\n',
        "pcg_float.json": json.dumps({**json.loads(prng.state_to_json(prng.PCG64(1).state)), "has_uint32": 0.5}),
        "pcg_num.json": prng.state_to_json(prng.PCG64(1).state).replace('"inc": "', '"inc": 1.5, "x": "'),
        "pcg_bool.json": prng.state_to_json(prng.PCG64(1).state).replace('"uinteger": 0', '"uinteger": true'),
        "unknown_state.json": '{"bit_generator": "Xoshiro256", "state": {}}',
        "missing_field.json": '{"bit_generator": "PCG64", "state": {"state": "1"}}',
        "pcg.json": prng.state_to_json(prng.PCG64(1).state),
        "vectors_bad/x.json": "{",
    }
    for name, content in files.items():
        path = tmp_path / name
        path.parent.mkdir(exist_ok=True)
        path.write_text(content)
        p[name] = path
    (tmp_path / "binary.bin").write_bytes(b"\xff\xfe\x00garbage")
    (tmp_path / "latin1.csv").write_bytes(b"x\n1\n\xe9\n")
    (tmp_path / "torch_bad.bin").write_bytes(b"\x00" * 5056)
    (tmp_path / "big.json").write_bytes(b" " * (2 << 20))
    (tmp_path / "vectors_empty").mkdir()
    (tmp_path / "vectors_fifo").mkdir()
    os.mkfifo(tmp_path / "vectors_fifo" / "x.json")
    os.mkfifo(tmp_path / "fifo")
    (tmp_path / "link.json").symlink_to(p["run"])
    (tmp_path / "target.txt").write_text("keep")
    (tmp_path / "outlink.json").symlink_to(tmp_path / "target.txt")
    for name in ("binary.bin", "latin1.csv", "torch_bad.bin", "big.json", "fifo", "link.json", "outlink.json",
                 "vectors_empty", "vectors_fifo"):
        p[name] = tmp_path / name
    return p


BOOT = ["--column", "x", "--statistic", "mean"]
# (id, argv from the fixture paths, words the one-line message must contain)
CASES = [
    # usage (argparse)
    ("no command", lambda f: [], "required: COMMAND"),
    ("unknown command", lambda f: ["frobnicate"], "invalid choice"),
    ("unknown option", lambda f: ["--bogus"], "required: COMMAND"),
    ("stream without arguments", lambda f: ["stream"], "required: ALGO, --seed"),
    ("stream -n not a number", lambda f: ["stream", "pcg64", "--seed", "1", "-n", "abc"], "invalid int value"),
    ("bootstrap without column", lambda f: ["bootstrap", f["csv"], "--statistic", "mean"], "--column"),
    ("bootstrap unknown statistic", lambda f: ["bootstrap", f["csv"], "--column", "x", "--statistic", "mode"],
     "invalid choice: 'mode'"),
    ("bootstrap unknown method", lambda f: ["bootstrap", f["csv"], *BOOT, "--method", "bogus"], "invalid choice"),
    ("bootstrap unknown stream", lambda f: ["bootstrap", f["csv"], *BOOT, "--stream", "x"], "invalid choice"),
    ("bootstrap level not a number", lambda f: ["bootstrap", f["csv"], *BOOT, "--confidence-level", "x"],
     "invalid float value"),
    ("state without action", lambda f: ["state"], "required: ACTION"),
    ("state convert without --to", lambda f: ["state", "convert", f["pcg.json"]], "required: --to"),
    ("state convert unknown format", lambda f: ["state", "convert", f["pcg.json"], "--to", "xml"], "invalid choice"),
    ("replay without manifest", lambda f: ["replay"], "required: run.json"),
    # stream
    ("unknown algorithm", lambda f: ["stream", "xorshift", "--seed", "1"], "unknown algorithm 'xorshift'"),
    ("seed not an integer", lambda f: ["stream", "pcg64", "--seed", "abc"], "--seed must be an integer"),
    ("negative seed", lambda f: ["stream", "pcg64", "--seed", "-1"], "must be non-negative"),
    ("negative -n", lambda f: ["stream", "pcg64", "--seed", "1", "-n", "-3"], "-n must be >= 0"),
    ("unknown backend", lambda f: ["stream", "pcg64", "--seed", "1", "--backend", "gpu"], "backend must be one of"),
    ("midsquare odd digits", lambda f: ["stream", "midsquare", "--seed", "12", "--digits", "3"], "digits"),
    ("midsquare seed too big", lambda f: ["stream", "midsquare", "--seed", "99999"], "seed"),
    ("midsquare u32 with 10 digits", lambda f: ["stream", "midsquare", "--seed", "1", "--digits", "10",
                                                "--format", "u32", "-n", "1"], "digits <= 8"),
    ("midsquare negative seed", lambda f: ["stream", "midsquare", "--seed", "-5"], "seed"),
    ("arc4 backend c spelled wrong", lambda f: ["stream", "arc4", "--seed", "x", "--backend", "C"], "backend"),
    # bootstrap input
    ("missing csv", lambda f: ["bootstrap", f["missing"], *BOOT], "No such file"),
    ("folder as csv", lambda f: ["bootstrap", f["dir"], *BOOT], "is a folder, not a regular file"),
    ("FIFO as csv", lambda f: ["bootstrap", f["fifo"], *BOOT], "is a FIFO, not a regular file"),
    ("device as csv", lambda f: ["bootstrap", "/dev/zero", *BOOT], "is a character device"),
    ("binary csv", lambda f: ["bootstrap", f["binary.bin"], *BOOT], "not UTF-8 text"),
    ("latin-1 csv", lambda f: ["bootstrap", f["latin1.csv"], *BOOT], "not UTF-8 text"),
    ("missing column", lambda f: ["bootstrap", f["header.csv"], *BOOT], "no column 'x' (columns: y, z)"),
    ("empty csv", lambda f: ["bootstrap", f["empty"], *BOOT], "no column 'x'"),
    ("text value", lambda f: ["bootstrap", f["text.csv"], *BOOT], "line 3: 'x' value 'abc' is not a number"),
    ("no values", lambda f: ["bootstrap", f["novalues.csv"], *BOOT], "has no values"),
    ("one value", lambda f: ["bootstrap", f["one.csv"], *BOOT], "at least 2 values"),
    ("nan value", lambda f: ["bootstrap", f["nan.csv"], *BOOT], "must be finite"),
    ("inf value", lambda f: ["bootstrap", f["inf.csv"], *BOOT], "must be finite"),
    ("unterminated quote", lambda f: ["bootstrap", f["quote.csv"], *BOOT], "not a number"),
    ("zero resamples", lambda f: ["bootstrap", f["csv"], *BOOT, "--n-resamples", "0"], "n_resamples must be in"),
    ("negative resamples", lambda f: ["bootstrap", f["csv"], *BOOT, "--n-resamples", "-5"], "n_resamples"),
    ("level above 1", lambda f: ["bootstrap", f["csv"], *BOOT, "--confidence-level", "1.5"], "confidence_level"),
    ("level nan", lambda f: ["bootstrap", f["csv"], *BOOT, "--confidence-level", "nan"], "confidence_level"),
    ("zero jobs", lambda f: ["bootstrap", f["csv"], *BOOT, "--n-jobs", "0"], "n_jobs"),
    ("bootstrap seed text", lambda f: ["bootstrap", f["csv"], *BOOT, "--seed", "x"], "--seed must be an integer"),
    ("bootstrap negative seed", lambda f: ["bootstrap", f["csv"], *BOOT, "--seed", "-1"], "entropy"),
    ("log in a missing folder", lambda f: ["bootstrap", f["csv"], *BOOT, "--log", f["nofolder"]], "does not exist"),
    ("log to a symlink", lambda f: ["bootstrap", f["csv"], *BOOT, "--log", f["outlink.json"]], "symbolic link"),
    ("log to a device", lambda f: ["bootstrap", f["csv"], *BOOT, "--log", "/dev/null"], "a character device"),
    ("log to a folder", lambda f: ["bootstrap", f["csv"], *BOOT, "--log", f["dir"]], "a folder"),
    ("log to a FIFO", lambda f: ["bootstrap", f["csv"], *BOOT, "--log", f["fifo"]], "a FIFO"),
    # replay
    ("missing manifest", lambda f: ["replay", f["missing"]], "No such file"),
    ("folder as manifest", lambda f: ["replay", f["dir"]], "is a folder"),
    ("FIFO as manifest", lambda f: ["replay", f["fifo"]], "is a FIFO"),
    ("device as manifest", lambda f: ["replay", "/dev/zero"], "is a character device"),
    ("symlinked manifest", lambda f: ["replay", f["link.json"]], "symbolic link"),
    ("truncated manifest", lambda f: ["replay", f["truncated"]], "is not JSON"),
    ("empty manifest", lambda f: ["replay", f["empty"]], "is not JSON"),
    ("binary manifest", lambda f: ["replay", f["binary.bin"]], "not UTF-8 text"),
    ("JSON array manifest", lambda f: ["replay", f["array"]], "not a prng run manifest"),
    ("bare NaN in manifest", lambda f: ["replay", f["nan_json"]], "bare NaN is not JSON"),
    ("deeply nested manifest", lambda f: ["replay", f["deep"]], "nested too deeply"),
    ("not a manifest", lambda f: ["replay", f["not_manifest"]], "not a prng run manifest"),
    ("unknown kind", lambda f: ["replay", f["kind"]], "cannot replay a 'training' run"),
    ("statistic names code", lambda f: ["replay", f["code"]], "never imports code named in a manifest"),
    ("absolute data path", lambda f: ["replay", f["abs"]], "is outside"),
    ("huge n_resamples", lambda f: ["replay", f["huge"]], "more than replay accepts"),
    ("missing data root", lambda f: ["replay", f["abs"], "--data-root", f["missing"]], "is outside"),
    # state convert
    ("missing state file", lambda f: ["state", "convert", f["missing"], "--to", "json"], "No such file"),
    ("FIFO state file", lambda f: ["state", "convert", f["fifo"], "--to", "json"], "is a FIFO"),
    ("folder state file", lambda f: ["state", "convert", f["dir"], "--to", "json"], "is a folder"),
    ("device state file", lambda f: ["state", "convert", "/dev/zero", "--to", "json"], "character device"),
    ("state file too big", lambda f: ["state", "convert", f["big.json"], "--to", "json"], "more than the 1048576"),
    ("binary state file", lambda f: ["state", "convert", f["binary.bin"], "--to", "json"], "neither JSON nor"),
    ("truncated state JSON", lambda f: ["state", "convert", f["truncated"], "--to", "json"], "not valid JSON"),
    ("state JSON array", lambda f: ["state", "convert", f["array"], "--to", "json"], "state must be a dict"),
    ("state float field", lambda f: ["state", "convert", f["pcg_float.json"], "--to", "json"],
     "state['has_uint32'] must be an integer"),
    ("state float wide field", lambda f: ["state", "convert", f["pcg_num.json"], "--to", "json"],
     "state['state']['inc']"),
    ("state bool field", lambda f: ["state", "convert", f["pcg_bool.json"], "--to", "json"], "state['uinteger']"),
    ("unknown generator", lambda f: ["state", "convert", f["unknown_state.json"], "--to", "json"], "bit_generator"),
    ("missing state field", lambda f: ["state", "convert", f["missing_field.json"], "--to", "json"], "missing"),
    ("torch bytes invalid", lambda f: ["state", "convert", f["torch_bad.bin"], "--to", "json"],
     "not a torch CPU generator state"),
    ("torch output to stdout", lambda f: ["state", "convert", f["pcg.json"], "--to", "torch"], "give an output file"),
    ("PCG64 to torch", lambda f: ["state", "convert", f["pcg.json"], "--to", "torch", "-o", f["dir"] / "t.bin"],
     "only MT19937 states"),
    ("output to a symlink", lambda f: ["state", "convert", f["pcg.json"], "--to", "json", "-o", f["outlink.json"]],
     "symbolic link"),
    ("output to a device", lambda f: ["state", "convert", f["pcg.json"], "--to", "json", "-o", "/dev/full"],
     "character device"),
    ("output in a missing folder", lambda f: ["state", "convert", f["pcg.json"], "--to", "json", "-o", f["nofolder"]],
     "does not exist"),
    # verify
    ("missing vectors folder", lambda f: ["verify", "--vectors", f["missing"], "--no-js"], "does not exist"),
    ("vectors folder is a file", lambda f: ["verify", "--vectors", f["csv"], "--no-js"], "does not exist"),
    ("empty vectors folder", lambda f: ["verify", "--vectors", f["vectors_empty"], "--no-js"], "no vector files"),
    ("broken vector file", lambda f: ["verify", "--vectors", f["dir"] / "vectors_bad", "--no-js"], "Expecting"),
    ("FIFO vector file", lambda f: ["verify", "--vectors", f["vectors_fifo"], "--no-js"], "is a FIFO"),
    ("verify unknown backend", lambda f: ["verify", "--backend", "gpu", "--no-js"], "backend must be one of"),
]


@pytest.mark.parametrize("argv, words", [case[1:] for case in CASES], ids=[case[0] for case in CASES])
def test_every_error_is_one_line_with_status_2(capsys, f, argv, words):
    status, out, err = run_cli(capsys, argv(f))
    assert status == 2, (out, err)
    assert err.count("\n") == 1 and err.startswith("prng") and ": error: " in err, err
    assert words in err and "Traceback" not in err


def test_unreadable_file_is_one_line(capsys, f, monkeypatch):
    real_open = _files.os.open

    def deny(path, flags, *args):
        if str(path) == str(f["csv"]):
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, flags, *args)

    monkeypatch.setattr(_files.os, "open", deny)  # chmod 000 would not stop root
    for argv in (["bootstrap", f["csv"], *BOOT], ["state", "convert", f["csv"], "--to", "json"]):
        status, _, err = run_cli(capsys, argv)
        assert status == 2 and err.count("\n") == 1 and "Permission denied" in err


def test_a_refused_write_leaves_the_target_alone(capsys, f):
    run_cli(capsys, ["state", "convert", f["pcg.json"], "--to", "json", "-o", f["outlink.json"]])
    assert f["outlink.json"].is_symlink() and (f["dir"] / "target.txt").read_text() == "keep"


def test_a_bad_log_is_refused_before_the_run(capsys, f):
    status, out, err = run_cli(capsys, ["bootstrap", f["csv"], *BOOT, "--log", "/dev/null"])
    assert status == 2 and out == "" and "a character device" in err


def test_status_1_only_when_numbers_differ(capsys, f):
    assert run_cli(capsys, ["replay", f["run"]])[0] == 0
    record = json.loads(f["run"].read_text())
    record["results"]["low"] += 1
    f["run"].write_text(json.dumps(record))
    status, out, _ = run_cli(capsys, ["replay", f["run"]])
    assert status == 1 and "DIFFER" in out


def test_the_error_cases_cover_the_issue_list():
    assert len(CASES) >= 90
    ids = {case[0] for case in CASES}
    assert {"FIFO as csv", "truncated manifest", "FIFO as manifest", "statistic names code"} <= ids


# --- as a program: version, pipes, warnings, progress ------------------------------------------

def prng_program(*argv, **kwargs):
    return subprocess.run([sys.executable, "-m", "prng", *map(str, argv)], capture_output=True, text=True, env=ENV,
                          timeout=300, **kwargs)


def test_version():
    done = prng_program("--version")
    assert done.returncode == 0 and done.stdout == f"prng {prng.__version__}\n"


@pytest.mark.parametrize("command", [
    "{prng} verify --no-js --backend python | head -1",
    "{prng} stream pcg64 --seed 1 -n 3000000 | head -1",
])
def test_a_closed_pipe_is_quiet(command):
    prng_cmd = f"{sys.executable} -m prng"
    done = subprocess.run(["bash", "-o", "pipefail", "-c", command.format(prng=prng_cmd)], capture_output=True,
                          text=True, env=ENV, timeout=300)
    assert done.returncode == 0 and done.stderr == "" and len(done.stdout.splitlines()) == 1


def test_a_fifo_as_data_does_not_hang_the_program(tmp_path):
    os.mkfifo(tmp_path / "data.csv")
    done = prng_program("bootstrap", tmp_path / "data.csv", *BOOT)
    assert done.returncode == 2 and done.stderr.count("\n") == 1 and "is a FIFO" in done.stderr


def test_the_constant_data_warning_is_one_line(tmp_path):
    (tmp_path / "c.csv").write_text("x\n1\n1\n1\n1\n")
    done = prng_program("bootstrap", tmp_path / "c.csv", *BOOT, "--seed", 1, "--n-resamples", 100)
    assert done.returncode == 0
    assert done.stderr == ("prng: warning: the bootstrap confidence interval cannot be calculated (a degenerate "
                           "distribution, or a statistic such as min)\n")


def test_no_progress_bar_when_stderr_is_not_a_terminal(tmp_path, f):
    done = prng_program("bootstrap", f["csv"], *BOOT, "--seed", 1, "--n-resamples", 20000)
    assert done.returncode == 0 and done.stderr == ""


def test_progress_bar_on_a_terminal_and_quiet_turns_it_off(f, monkeypatch):
    pty = pytest.importorskip("pty")
    script = ("import sys, prng._progress as p; p.DELAY = 0.0; from prng.cli import main; "
              "sys.exit(main(sys.argv[1:]))")
    for quiet, expect_bar in ((False, True), (True, False)):
        argv = [sys.executable, "-c", script, "bootstrap", str(f["csv"]), *BOOT, "--seed", "1",
                "--n-resamples", "3000"] + (["--quiet"] if quiet else [])
        leader, follower = pty.openpty()
        done = subprocess.run(argv, stdout=subprocess.PIPE, stderr=follower, env=ENV, timeout=300)
        os.close(follower)
        seen = _drain(leader)
        assert done.returncode == 0
        assert ("bootstrap [" in seen and "3000/3000 resamples" in seen) == expect_bar, seen


def _drain(fd):
    """Everything written to the terminal whose leader is ``fd``."""
    chunks = []
    while True:
        try:
            chunk = os.read(fd, 65536)
        except OSError:
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(fd)
    return b"".join(chunks).decode("utf-8", "replace")

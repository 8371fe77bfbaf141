"""The ``prng`` command line (also ``python -m prng``).

    prng stream ALGO --seed S -n N [--format u32|u64|double|hex] [--backend auto|python|numba|c]
    prng verify [--vectors DIR] [--backend B ...] [--no-js]
    prng bootstrap FILE.csv --column X --statistic mean|median|... [--seed S] [--method ...] [--log run.json]
    prng replay run.json [--data-root DIR] [--allow-large]
    prng state convert IN --to json|numpy|torch [-o OUT]
    prng --version

Exit status: 0 success, 1 a check failed (verify mismatch, replay disagreement) and nothing else,
2 bad usage or input, printed as one line ``prng: error: ...`` without a traceback (set PRNG_DEBUG=1
for the traceback). Warnings are one line too. A closed stdout (``prng verify | head -1``) ends the
program quietly with status 0.
"""

import argparse
import json
import os
import sys
import warnings

from . import __version__

ALGORITHMS = {
    "pcg64": "PCG64", "pcg64dxsm": "PCG64DXSM", "mt19937": "MT19937", "philox": "Philox",
    "philox4x32": "Philox4x32", "midsquare": "MidSquare", "msws": "MiddleSquareWeyl", "arc4": "ARC4",
}
FORMATS = {
    "u32": lambda gen: str(gen.next_uint32()),
    "u64": lambda gen: str(gen.next_uint64()),
    "double": lambda gen: repr(gen.next_double()),
    "hex": lambda gen: f"{gen.next_uint64():016x}",
}
STATE_FORMATS = ("json", "numpy", "torch")
STATE_FILE_LIMIT = 1 << 20  # a state file is at most a few kilobytes
EXAMPLES = """examples:
  prng stream pcg64 --seed 42 -n 5 --format hex
  prng verify --backend python --no-js
  prng bootstrap data.csv --column x --statistic median --seed 1 --log run.json
  prng replay run.json
  prng state convert torch_state.bin --to json

Run 'prng COMMAND --help' for the options of a command."""


STREAM_CHUNK = 10_000  # lines of `prng stream` written at a time


class UsageError(Exception):
    """Bad input on the command line: printed as ``prng: error: ...`` with exit status 2."""


class Parser(argparse.ArgumentParser):
    """argparse with one-line errors (``prng stream: error: ... (see 'prng stream --help')``), status 2."""

    def error(self, message):
        self.exit(2, f"{self.prog}: error: {' '.join(message.split())} (see '{self.prog} --help')\n")


def main(argv=None):
    """Run the command line; return the exit status (see the module docstring)."""
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        with warnings.catch_warnings():
            warnings.showwarning = _show_warning
            status = args.run(args)
            sys.stdout.flush()
        return status
    except BrokenPipeError:
        _discard_stdout()
        return 0
    except KeyboardInterrupt:
        print("prng: interrupted", file=sys.stderr)
        return 130
    except Exception as exc:  # any bad input or failed read/write: one line, status 2
        if os.environ.get("PRNG_DEBUG"):
            raise
        print(f"prng: error: {one_line(exc)}", file=sys.stderr)
        return 2


def one_line(exc):
    """An exception's message on one line (its type's name when it has none)."""
    text = " ".join(str(exc).split())
    if isinstance(exc, (UsageError, ValueError, TypeError, OSError)) and text:
        return text
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


def _show_warning(message, category, filename, lineno, file=None, line=None):
    """``warnings.showwarning`` for the command line: one line, no source file or code."""
    print(f"prng: warning: {' '.join(str(message).split())}", file=sys.stderr if file is None else file)


def _discard_stdout():
    """After the reader of stdout went away: point stdout at /dev/null, so that the final flush at
    exit does not report the broken pipe again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError):
        pass


def build_parser():
    """The argument parser with every subcommand."""
    parser = Parser(
        prog="prng", description="Seeded random streams bit-identical to numpy, CPython, torch and "
                                 "seedrandom; reproducible bootstrap runs.",
        epilog=EXAMPLES, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--version", action="version", version=f"prng {__version__}")
    commands = parser.add_subparsers(required=True, metavar="COMMAND")
    _add_stream(commands)
    _add_verify(commands)
    _add_bootstrap(commands)
    _add_replay(commands)
    _add_state(commands)
    return parser


# --- stream ------------------------------------------------------------------------------------

def _add_stream(commands):
    p = commands.add_parser("stream", help="print the first N outputs of a generator",
                            description="Print N outputs of a seeded generator, one per line.")
    p.add_argument("algorithm", metavar="ALGO", help=f"one of {', '.join(ALGORITHMS)} (or the class name)")
    p.add_argument("--seed", required=True,
                   help="a non-negative integer (decimal or 0x hex); for arc4, the seedrandom seed string")
    p.add_argument("-n", type=int, default=10, help="how many outputs (default 10)")
    p.add_argument("--format", choices=FORMATS, default="u64",
                   help="u32: next_uint32, u64: next_uint64 (default), double: next_double, hex: next_uint64 in hex")
    p.add_argument("--backend", default="auto", help="auto (default), python, numba or c")
    p.add_argument("--digits", type=int, default=4, help="midsquare only: digits of the state (default 4)")
    p.set_defaults(run=run_stream)


def run_stream(args):
    """``prng stream``: one output per line on stdout."""
    if args.n < 0:
        raise UsageError(f"-n must be >= 0, got {args.n}")
    gen = make_generator(args.algorithm, args.seed, args.backend, args.digits)
    draw = FORMATS[args.format]
    for start in range(0, args.n, STREAM_CHUNK):
        sys.stdout.write("".join(draw(gen) + "\n" for _ in range(min(STREAM_CHUNK, args.n - start))))
    return 0


def make_generator(algorithm, seed, backend, digits=4):
    """The bit generator ``algorithm`` (a name in ALGORITHMS, any case, or its class name) seeded by
    the command-line ``seed`` text."""
    import prng

    name = ALGORITHMS.get(algorithm.lower()) or next(
        (cls for cls in ALGORITHMS.values() if cls.lower() == algorithm.lower()), None)
    if name is None:
        raise UsageError(f"unknown algorithm {algorithm!r}; choose one of {', '.join(ALGORITHMS)}")
    cls = getattr(prng, name)
    if name == "ARC4":
        return cls(seed, backend=backend)
    value = _integer(seed, "--seed")
    return cls(value, backend=backend, digits=digits) if name == "MidSquare" else cls(value, backend=backend)


def _integer(text, option):
    """A decimal or 0x-hex integer from the command line."""
    try:
        return int(text, 0)
    except ValueError:
        raise UsageError(f"{option} must be an integer (decimal or 0x hex), got {text!r}") from None


# --- verify ------------------------------------------------------------------------------------

def _add_verify(commands):
    p = commands.add_parser("verify", help="replay the test vectors on every backend and JS",
                            description="Replay every vectors/*.json file on each backend and in the "
                                        "JavaScript port; print a family x backend table. Exit 1 on any mismatch.")
    p.add_argument("--vectors", metavar="DIR", help="vector directory (default: the one shipped with prng)")
    p.add_argument("--backend", action="append", help="backend to check (repeatable; default: all available)")
    p.add_argument("--no-js", action="store_true", help="skip the JavaScript column")
    _add_quiet(p)
    p.set_defaults(run=run_verify)


def run_verify(args):
    """``prng verify``: the table, exit 1 on a mismatch."""
    from ._backends import resolve
    from .verify import verify

    for backend in args.backend or []:
        resolve(backend)  # ValueError (status 2) for an unknown or unavailable backend
    table = verify(args.vectors, args.backend, js=not args.no_js, progress=_progress(args))
    print(table.render())
    print("all vectors agree" if table.ok else "MISMATCHES found")
    return 0 if table.ok else 1


# --- bootstrap / replay ------------------------------------------------------------------------

def _add_bootstrap(commands):
    from ._bootstrap import METHODS, STATISTICS, STREAMS

    p = commands.add_parser("bootstrap", help="bootstrap confidence interval of a CSV column",
                            description="Bootstrap confidence interval of one column of a CSV file (header "
                                        "row first). With --seed, equal to scipy.stats.bootstrap with "
                                        "rng=numpy.random.default_rng(seed).")
    p.add_argument("file", metavar="FILE.csv")
    p.add_argument("--column", required=True, help="the column's header name")
    p.add_argument("--statistic", required=True, choices=STATISTICS)
    p.add_argument("--seed", help="integer seed (default: fresh OS entropy, printed so the run can be replayed)")
    p.add_argument("--method", default="BCa", type=str.lower, choices=METHODS, help="default BCa")
    p.add_argument("--n-resamples", type=int, default=9999, help="default 9999")
    p.add_argument("--confidence-level", type=float, default=0.95, help="default 0.95")
    p.add_argument("--stream", default="scipy", choices=STREAMS,
                   help="scipy (default: scipy's exact draws) or blocks (independently seeded blocks)")
    p.add_argument("--n-jobs", type=int, default=1, help="threads for the statistic (default 1)")
    p.add_argument("--log", metavar="run.json", help="write the run manifest here (for prng replay)")
    _add_quiet(p)
    p.set_defaults(run=run_bootstrap)


def run_bootstrap(args):
    """``prng bootstrap``: the interval, standard error and seed on stdout; the manifest with --log."""
    from ._bootstrap import bootstrap, load_csv_column
    from ._files import check_writable
    from ._manifest import bootstrap_manifest, csv_source, write_manifest

    if args.log:
        check_writable(args.log)  # refuse a bad --log before the run, not after
    data = load_csv_column(args.file, args.column)
    seed = None if args.seed is None else _integer(args.seed, "--seed")
    result = bootstrap(data, args.statistic, n_resamples=args.n_resamples, confidence_level=args.confidence_level,
                       method=args.method, seed=seed, stream=args.stream, n_jobs=args.n_jobs,
                       progress=_progress(args))
    low, high = result.confidence_interval
    print(f"{args.statistic} of {args.column!r} ({data.size} values), {args.n_resamples} resamples")
    print(f"{result.confidence_level:.4g} {result.method} interval: {low!r} {high!r}")
    print(f"standard error: {result.standard_error!r}")
    print(f"seed: {result.seed_sequence.entropy}")
    if args.log:
        write_manifest(args.log, bootstrap_manifest(result, data, source=csv_source(args.file, args.column, args.log)))
        print(f"manifest: {args.log}")
    return 0


def _add_replay(commands):
    p = commands.add_parser("replay", help="re-run a logged run and compare the numbers",
                            description="Re-run the computation in a run manifest; exit 0 when every "
                                        "number agrees exactly, 1 when not. A manifest is data: replay runs "
                                        "only prng's own statistics, reads data files only inside the "
                                        "manifest's folder (not through symbolic links) and refuses sizes "
                                        "beyond its limits before it starts.")
    p.add_argument("manifest", metavar="run.json")
    p.add_argument("--data-root", metavar="DIR",
                   help="let the manifest's data file be anywhere inside DIR (default: the manifest's folder)")
    p.add_argument("--allow-large", action="store_true",
                   help="run even beyond the size limits (more than 10**7 values, 10**6 resamples, "
                        "2*10**9 index draws, a 512 MiB data file)")
    _add_quiet(p)
    p.set_defaults(run=run_replay)


def run_replay(args):
    """``prng replay``: the report; exit 1 when the numbers differ."""
    from ._manifest import replay

    report = replay(args.manifest, data_root=args.data_root, allow_large=args.allow_large,
                    progress=_progress(args))
    print(report)
    return 0 if report.agree else 1


def _add_quiet(p):
    """``-q/--quiet``: no progress bar (it is also off when stderr is not a terminal)."""
    p.add_argument("-q", "--quiet", action="store_true", help="no progress bar on stderr")


def _progress(args):
    """The ``progress`` argument for the library: False with --quiet, else automatic."""
    return False if args.quiet else None


# --- state convert -----------------------------------------------------------------------------

def _add_state(commands):
    p = commands.add_parser("state", help="generator state files", description="Generator state files.")
    actions = p.add_subparsers(required=True, metavar="ACTION")
    c = actions.add_parser(
        "convert", help="convert between numpy JSON, portable JSON and torch bytes",
        description="Convert a generator state. Input is detected: 5056 bytes are torch.get_rng_state() "
                    "bytes (MT19937); anything else is JSON, numpy's state dict with plain integers or "
                    "prng's portable form (wide integers as strings). Output: json (portable), numpy "
                    "(numpy's dict as JSON, plain integers) or torch (MT19937 states only).")
    c.add_argument("input", metavar="IN")
    c.add_argument("--to", required=True, choices=STATE_FORMATS)
    c.add_argument("-o", "--output", metavar="OUT", help="output file (default: stdout; required for torch)")
    p.set_defaults(run=run_state_convert)


def run_state_convert(args):
    """``prng state convert``."""
    from ._files import check_writable, read_file, write_file

    if args.to == "torch" and not args.output:
        raise UsageError("torch state bytes are binary: give an output file with -o")
    if args.output:
        check_writable(args.output)
    state = read_state(read_file(args.input, what="input", limit=STATE_FILE_LIMIT))
    output = write_state(state, args.to)
    if args.output:
        write_file(args.output, output)
    else:
        sys.stdout.write(output.decode("utf-8"))
    return 0


def read_state(content):
    """A numpy-format state dict from torch bytes or JSON (numpy's plain form or the portable form)."""
    from . import state_from_json

    from .compat import torch

    if len(content) == torch.STATE_SIZE and not content.lstrip().startswith(b"{"):
        try:
            return torch.state_to_mt19937(content)
        except ValueError as exc:
            raise UsageError(f"not a torch CPU generator state: {exc}") from None
    try:
        return state_from_json(content.decode("utf-8"), plain_integers=True)
    except UnicodeDecodeError:
        raise UsageError(f"input is neither JSON nor {torch.STATE_SIZE} bytes of torch state") from None


def write_state(state, fmt):
    """``state`` in output format ``fmt`` (see STATE_FORMATS), as bytes."""
    from . import state_to_json

    if fmt == "torch":
        if state.get("bit_generator") != "MT19937":
            raise UsageError(f"only MT19937 states convert to torch bytes, not {state['bit_generator']}")
        from .compat import torch

        return torch.state_from_mt19937(state)
    if fmt == "json":
        text = json.dumps(json.loads(state_to_json(state)), indent=2)
    else:
        text = json.dumps(state, indent=2, default=lambda value: value.tolist())
    return (text + "\n").encode("utf-8")



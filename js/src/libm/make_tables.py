"""Generate js/src/libm/tables.js from the glibc source text.

The JS libm ports (log.js, exp.js, pow.js, sincos.js, acos.js, logf.js, expf.js, sincosf.js,
...) need glibc's coefficient and lookup tables bit for bit.  This script reads them from a glibc
git checkout at a release tag and writes them out once, as JS typed arrays:

    python js/src/libm/make_tables.py --git-dir /path/to/glibc/.git [--ref glibc-2.36]

Each C initializer is taken from the file named in SOURCES, comments are stripped, the
preprocessor conditionals are resolved for x86-64 (little endian, no TOINT_INTRINSICS,
__FP_FAST_FMA defined: the FMA variants are the ones glibc selects on an FMA-capable CPU), and
every element is evaluated as a C constant expression of double literals (e.g.
``0x1.71547652b82fep0 * N``), which IEEE double arithmetic in Python folds exactly like the C
compiler does.
"""

from __future__ import annotations

import argparse
import re
import struct
import subprocess
from pathlib import Path

OUT = Path(__file__).with_name("tables.js")

DBL = "sysdeps/ieee754/dbl-64/"
FLT = "sysdeps/ieee754/flt-32/"
SOURCES = {
    "log": DBL + "e_log_data.c",
    "exp": DBL + "e_exp_data.c",
    "powlog": DBL + "e_pow_log_data.c",
    "usncs": DBL + "usncs.h",
    "sincostab": DBL + "sincostab.c",
    "branred": DBL + "branred.h",
    "asincos": DBL + "asincos.tbl",
    "uasncs": DBL + "uasncs.h",
    "root": DBL + "root.tbl",
    "logf": FLT + "e_logf_data.c",
    "exp2f": FLT + "e_exp2f_data.c",
    "powf": FLT + "e_powf_log2_data.c",
    "sincosf": "sysdeps/x86/fpu/s_sincosf_data.c",
}

# Macros the data files test, as x86-64 with FMA sees them.
FALSE_MACROS = {"TOINT_INTRINSICS", "BIG_ENDI"}
DEFINED_MACROS = {"__FP_FAST_FMA"}
EXP_N = 1 << 7  # EXP_TABLE_BITS (math_config.h), the N of e_exp_data.c
EXP2F_N = 1 << 5  # EXP2F_TABLE_BITS, the N of e_exp2f_data.c
POWF_SCALE = 1.0  # (double) (1 << POWF_SCALE_BITS), POWF_SCALE_BITS = 0 without TOINT_INTRINSICS

HEXFLOAT = re.compile(r"[-+]?0[xX][0-9a-fA-F]*\.?[0-9a-fA-F]*[pP][-+]?\d+")
HEXINT = re.compile(r"0[xX][0-9a-fA-F]+(?:[uU]?[lL]{0,2})")


def strip_comments(text: str) -> str:
    text = re.sub(r"/\*.*?\*/", " ", text, flags=re.S)
    return re.sub(r"//[^\n]*", " ", text)


def resolve_conditionals(text: str) -> str:
    """Keep the lines of the #if branches that are active on x86-64 with FMA."""
    kept, stack = [], []  # stack of (branch active, parent active)
    for line in text.splitlines():
        d = re.match(r"\s*#\s*(\w+)\s*(.*)", line)
        active = all(a for a, _ in stack)
        if not d:
            if active:
                kept.append(line)
            continue
        word, arg = d.group(1), d.group(2).strip()
        if word in ("if", "ifdef", "ifndef"):
            name = arg.split()[0] if arg else ""
            if word == "ifndef":
                cond = name not in DEFINED_MACROS
            else:
                cond = name not in FALSE_MACROS
            stack.append((cond, active))
        elif word == "else":
            cond, parent = stack.pop()
            stack.append((not cond, parent))
        elif word == "endif":
            stack.pop()
    return "\n".join(kept)


def load(read, key: str) -> str:
    return resolve_conditionals(strip_comments(read(SOURCES[key])))


def braced(text: str, start: int) -> str:
    """The text inside the brace that opens at or after ``start``, braces matched."""
    i = text.index("{", start)
    depth = 0
    for j in range(i, len(text)):
        depth += {"{": 1, "}": -1}.get(text[j], 0)
        if depth == 0:
            return text[i + 1 : j]
    raise ValueError("unbalanced braces")


def initializer(text: str, name: str) -> str:
    """The initializer of ``.name = ...`` or ``name[...] = ...`` (braced or scalar)."""
    m = re.search(r"(?:\.|\b)" + re.escape(name) + r"\s*(?:\[[^\]]*\])?\s*=\s*", text)
    if not m:
        raise KeyError(name)
    if text[m.end()] == "{":
        return braced(text, m.end())
    return re.match(r"[^,;}]*", text[m.end() :]).group(0)


def c_value(expr: str, n: int | None = None) -> float | int:
    """Evaluate one C constant expression made of literals, N, *, / and unary minus."""
    expr = expr.strip()
    if HEXINT.fullmatch(expr):
        return int(re.sub(r"[uUlL]+$", "", expr), 16)
    py = HEXFLOAT.sub(lambda m: repr(float.fromhex(m.group(0))), expr)
    py = re.sub(r"\bN\b", repr(float(n)) if n is not None else "N", py)
    if not re.fullmatch(r"[-+0-9.eE*/() ]+", py):
        raise ValueError(f"not a constant expression: {expr!r}")
    return eval(py, {"__builtins__": {}}, {})  # literals and arithmetic only (checked above)


def numbers(block: str, n: int | None = None) -> list:
    flat = block.replace("{", ",").replace("}", ",")
    return [c_value(e, n) for e in flat.split(",") if e.strip()]


def words_to_double(lo: int, hi: int) -> float:
    """The double whose little-endian 32-bit words are (lo, hi) (glibc's mynumber unions)."""
    return struct.unpack("<d", struct.pack("<II", lo, hi))[0]


def extract(read) -> dict:
    t: dict[str, tuple[str, list]] = {}

    log = load(read, "log")
    t["LOG_LN2HI"] = ("scalar", numbers(initializer(log, "ln2hi")))
    t["LOG_LN2LO"] = ("scalar", numbers(initializer(log, "ln2lo")))
    t["LOG_POLY"] = ("f64", numbers(initializer(log, "poly")))
    t["LOG_POLY1"] = ("f64", numbers(initializer(log, "poly1")))
    tab = numbers(initializer(log, "tab"))
    t["LOG_INVC"], t["LOG_LOGC"] = ("f64", tab[0::2]), ("f64", tab[1::2])

    exp = load(read, "exp")
    n = EXP_N
    for js, c in (("EXP_INVLN2N", "invln2N"), ("EXP_NEGLN2HIN", "negln2hiN"),
                  ("EXP_NEGLN2LON", "negln2loN"), ("EXP_SHIFT", "shift")):
        t[js] = ("scalar", numbers(initializer(exp, c), n))
    t["EXP_POLY"] = ("f64", numbers(initializer(exp, "poly"), n))
    t["EXP_TAB"] = ("u64words", numbers(initializer(exp, "tab"), n))

    powlog = load(read, "powlog")
    t["POW_LOG_LN2HI"] = ("scalar", numbers(initializer(powlog, "ln2hi")))
    t["POW_LOG_LN2LO"] = ("scalar", numbers(initializer(powlog, "ln2lo")))
    t["POW_LOG_POLY"] = ("f64", numbers(initializer(powlog, "poly")))
    rows = [numbers(args) for args in re.findall(r"\bA\(([^)]*)\)", initializer(powlog, "tab"))]
    for j, name in enumerate(("INVC", "LOGC", "LOGCTAIL")):
        t["POW_LOG_" + name] = ("f64", [row[j] for row in rows])

    usncs = load(read, "usncs")
    consts = dict(re.findall(r"static const double (\w+)\s*=\s*([^;]+);", usncs))
    for name in ("s1", "s2", "s3", "s4", "s5", "big", "hp0", "hp1", "mp1", "mp2",
                 "pp3", "pp4", "hpinv", "toint"):
        t["USNCS_" + name.upper()] = ("scalar", [c_value(consts[name])])
    sincos = load(read, "sincostab")
    w = numbers(initializer(sincos, "i"))
    t["SINCOSTAB"] = ("f64", [words_to_double(w[i], w[i + 1]) for i in range(0, len(w), 2)])

    branred = load(read, "branred")
    for name in ("t576", "tm600", "tm24", "big", "big1", "hp0", "hp1", "mp1", "mp2"):
        lo, hi = numbers(initializer(branred, name))
        t["BRANRED_" + name.upper()] = ("scalar", [words_to_double(lo, hi)])
    t["BRANRED_TOVERP"] = ("f64", numbers(initializer(branred, "toverp")))

    w = numbers(initializer(load(read, "asincos"), "i"))
    t["ASNCS"] = ("f64", [words_to_double(w[i], w[i + 1]) for i in range(0, len(w), 2)])
    uasncs = load(read, "uasncs")
    for name in ("hp0", "hp1"):
        t["UASNCS_" + name.upper()] = ("scalar", [words_to_double(*numbers(initializer(uasncs, name)))])
    for name in ("f1", "f2", "f3", "f4", "f5", "f6", "rt0", "rt1", "rt2", "rt3", "t27"):
        t["UASNCS_" + name.upper()] = ("scalar", [c_value(initializer(uasncs, name))])
    t["INROOT"] = ("f64", numbers(initializer(load(read, "root"), "inroot")))

    logf = load(read, "logf")
    tab = numbers(initializer(logf, "tab"))
    t["LOGF_INVC"], t["LOGF_LOGC"] = ("f64", tab[0::2]), ("f64", tab[1::2])
    t["LOGF_LN2"] = ("scalar", numbers(initializer(logf, "ln2")))
    t["LOGF_POLY"] = ("f64", numbers(initializer(logf, "poly")))

    exp2f = load(read, "exp2f")
    n = EXP2F_N
    t["EXP2F_TAB"] = ("u64words", numbers(initializer(exp2f, "tab"), n))
    t["EXP2F_SHIFT"] = ("scalar", numbers(initializer(exp2f, "shift"), n))
    t["EXP2F_INVLN2_SCALED"] = ("scalar", numbers(initializer(exp2f, "invln2_scaled"), n))
    t["EXP2F_POLY_SCALED"] = ("f64", numbers(initializer(exp2f, "poly_scaled"), n))
    t["EXP2F_SHIFT_SCALED"] = ("scalar", numbers(initializer(exp2f, "shift_scaled"), n))
    t["EXP2F_POLY"] = ("f64", numbers(initializer(exp2f, "poly"), n))

    powf = load(read, "powf").replace("POWF_SCALE", repr(POWF_SCALE))
    tab = numbers(initializer(powf, "tab"))
    t["POWF_LOG2_INVC"], t["POWF_LOG2_LOGC"] = ("f64", tab[0::2]), ("f64", tab[1::2])
    t["POWF_LOG2_POLY"] = ("f64", numbers(initializer(powf, "poly")))

    sincosf = load(read, "sincosf")
    entries = numbers(initializer(sincosf, "__sincosf_table"))
    t["SINCOSF_TABLE"] = ("f64", entries)
    t["INV_PIO4"] = ("u32", numbers(initializer(sincosf, "__inv_pio4")))
    return t


FIELD_NOTES = {
    "LOG_INVC": "e_log_data.c .tab[i].invc",
    "LOG_LOGC": "e_log_data.c .tab[i].logc",
    "POW_LOG_INVC": "e_pow_log_data.c .tab[i].invc (entries written A(invc, logc, logctail))",
    "EXP_TAB": "e_exp_data.c .tab (uint64 entries as [lo, hi] 32-bit word pairs)",
    "SINCOSTAB": "sincostab.c __sincostab.x (little-endian word pairs as doubles)",
    "ASNCS": "asincos.tbl asncs.x (little-endian word pairs as doubles)",
    "SINCOSF_TABLE": "s_sincosf_data.c __sincosf_table[2], 14 doubles each: sign[4], hpi_inv, "
    "hpi, c0, c1, s1, c2, s2, c3, s3, c4",
    "EXP2F_TAB": "e_exp2f_data.c .tab (uint64 entries as [lo, hi] 32-bit word pairs)",
}


def js_double(v: float) -> str:
    return repr(float(v))


def render(tables: dict, ref: str, commit: str) -> str:
    lines = [
        "// GENERATED by js/src/libm/make_tables.py -- do not edit.",
        f"// Data extracted from the GNU C Library {ref} (commit {commit}):",
    ]
    lines += [f"//   {path}" for path in SOURCES.values()]
    lines += [
        "// The glibc sources are licensed under the GNU Lesser General Public License 2.1 or",
        "// later (the log/exp/pow/logf/exp2f/powf/sincosf data originate in Arm's optimized-routines;",
        "// sincostab/usncs/branred/asincos/uasncs/root in the IBM Accurate Mathematical Library).",
        "",
    ]
    for name, (kind, vals) in tables.items():
        if name in FIELD_NOTES:
            lines.append(f"// {FIELD_NOTES[name]}")
        if kind == "scalar":
            (v,) = vals
            lines.append(f"export const {name} = {js_double(v)};")
            continue
        if kind == "u64words":
            vals = [w for v in vals for w in (v & 0xFFFFFFFF, v >> 32)]
            ctor, fmt = "Uint32Array", lambda v: f"0x{v:08x}"
        elif kind == "u32":
            ctor, fmt = "Uint32Array", lambda v: f"0x{v:08x}"
        else:
            ctor, fmt = "Float64Array", js_double
        items = [fmt(v) for v in vals]
        rows = [", ".join(items[i : i + 4]) for i in range(0, len(items), 4)]
        lines.append(f"export const {name} = new {ctor}([")
        lines += [f"  {r}," for r in rows]
        lines.append("]);")
    return "\n".join(lines) + "\n"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--git-dir", required=True, help="a glibc git repository")
    ap.add_argument("--ref", default="glibc-2.36", help="release tag (default glibc-2.36)")
    args = ap.parse_args()

    def git(*a: str) -> str:
        return subprocess.run(["git", "--git-dir", args.git_dir, *a], check=True,
                              capture_output=True, text=True).stdout

    commit = git("rev-parse", args.ref + "^{commit}").strip()
    tables = extract(lambda path: git("show", f"{args.ref}:{path}"))
    OUT.write_text(render(tables, args.ref, commit))
    print(f"wrote {OUT} ({len(tables)} tables)")


if __name__ == "__main__":
    main()

"""Strict input (issue 14): portable JSON states take integers only, checkpoints restore all or
nothing, counts are integers, the loops a caller sizes are bounded, and a C-less "auto" warns once."""

import json
import random
import warnings

import numpy as np
import pytest

import prng
from prng import _backends, training
from prng.bitgen.midsquare import MAX_PERIOD_STEPS
from prng.seedsequence import MAX_SPAWN


def portable(gen):
    """The portable JSON of ``gen``'s state, as a dict."""
    return json.loads(prng.state_to_json(gen.state))


def with_field(state, path, value):
    """A copy of the JSON state with the field at ``path`` set to ``value`` (raw JSON text)."""
    text = json.dumps(state)
    doc = json.loads(text)
    parent = doc
    for key in path[:-1]:
        parent = parent[key]
    parent[path[-1]] = "__VALUE__"
    return json.dumps(doc).replace('"__VALUE__"', value)


MAKERS = {
    "PCG64": lambda: prng.PCG64(7),
    "Philox": lambda: prng.Philox(7),
    "MT19937": lambda: prng.MT19937(7),
    "MidSquare": lambda: prng.MidSquare(1234),
    "MiddleSquareWeyl": lambda: prng.MiddleSquareWeyl(0xB5AD4ECEDA1CE2A9),
    "ARC4": lambda: prng.ARC4("hello."),
    "Philox4x32": lambda: prng.Philox4x32(7),
}
GOOD = {name: portable(make()) for name, make in MAKERS.items()}

# (generator, field path, JSON text to put there, words the error must contain)
NOT_INTEGERS = [
    ("PCG64", ("state", "state"), "1.5", "state['state']['state'] must be a decimal string"),
    ("PCG64", ("state", "state"), "7", "state['state']['state'] must be a decimal string"),  # a JSON number: may have lost bits
    ("PCG64", ("state", "inc"), "true", "state['state']['inc']"),
    ("PCG64", ("state", "inc"), '"1_0"', "state['state']['inc']"),
    ("PCG64", ("state", "inc"), '" 7 "', "state['state']['inc']"),
    ("PCG64", ("state", "inc"), '"+7"', "state['state']['inc']"),
    ("PCG64", ("state", "inc"), '"-7"', "state['state']['inc']"),
    ("PCG64", ("state", "inc"), '"0x10"', "state['state']['inc']"),
    ("PCG64", ("state", "inc"), '""', "state['state']['inc']"),
    ("PCG64", ("state", "inc"), '"1e5"', "state['state']['inc']"),
    ("PCG64", ("state", "inc"), "1e400", "state['state']['inc']"),
    ("PCG64", ("has_uint32",), "0.0", "state['has_uint32'] must be an integer"),
    ("PCG64", ("has_uint32",), "false", "state['has_uint32'] must be an integer"),
    ("PCG64", ("uinteger",), '"5"', "state['uinteger'] must be an integer"),
    ("Philox", ("state", "counter"), "[1, 2, 3, 4]", "state['state']['counter'][0] must be a decimal string"),
    ("Philox", ("buffer",), '["1", "2", "3", 4.0]', "state['buffer'][3]"),
    ("Philox", ("buffer_pos",), "4.0", "state['buffer_pos'] must be an integer"),
    ("MT19937", ("state", "pos"), "624.0", "state['state']['pos'] must be an integer"),
    ("MT19937", ("state", "key"), "[1.5]", "state['state']['key'][0] must be an integer"),
    ("MT19937", ("state", "key"), '"abc"', "state['state']['key'] must be a list"),
    ("MidSquare", ("state", "value"), "1234", "state['state']['value'] must be a decimal string"),
    ("MidSquare", ("state", "digits"), "true", "state['state']['digits'] must be an integer"),
    ("MiddleSquareWeyl", ("state", "s"), "3.0", "state['state']['s']"),
    ("ARC4", ("state", "i"), "1.0", "state['state']['i'] must be an integer"),
    ("ARC4", ("state", "S"), "[true]", "state['state']['S'][0] must be an integer"),
    ("ARC4", ("state", "S"), "[256]", "state['state']['S'][0] must be in [0, 2**8)"),
    ("Philox4x32", ("state", "key"), '["1", "2"]', "state['state']['key'][0] must be an integer"),
]


@pytest.mark.parametrize("name, path, value, words", NOT_INTEGERS)
def test_state_from_json_takes_integers_only_and_names_the_field(name, path, value, words):
    with pytest.raises(ValueError) as exc:
        prng.state_from_json(with_field(GOOD[name], path, value))
    assert words in str(exc.value)


@pytest.mark.parametrize("name", sorted(GOOD))
def test_state_from_json_still_reads_every_portable_state(name):
    moved = MAKERS[name]()
    moved.random_raw(3)
    moved.state = prng.state_from_json(json.dumps(GOOD[name]))
    assert moved.random_raw(5).tolist() == MAKERS[name]().random_raw(5).tolist()


def test_bare_nan_and_infinity_are_not_json():
    with pytest.raises(ValueError, match="NaN is not a JSON value"):
        prng.state_from_json(with_field(GOOD["PCG64"], ("uinteger",), "NaN"))


def test_plain_integers_reads_numpys_own_dict_written_by_json_dumps():
    bit_gen = np.random.PCG64(2024)
    text = json.dumps(bit_gen.state)  # wide fields as JSON integers, exact in Python
    with pytest.raises(ValueError, match="decimal string"):
        prng.state_from_json(text)
    state = prng.state_from_json(text, plain_integers=True)
    assert state["state"]["state"] == bit_gen.state["state"]["state"]
    with pytest.raises(ValueError, match="state\\['has_uint32'\\]"):
        prng.state_from_json(text.replace('"has_uint32": 0', '"has_uint32": 0.0'), plain_integers=True)


# --- restore_rng_state: all or nothing ---------------------------------------------------------

def broken_checkpoints(good):
    """Checkpoints with one bad part each (the other parts valid)."""
    def changed(key, value):
        return {**good, key: value}

    python, numpy_state = good["python"], good["numpy"]
    yield "python internal too short", changed("python", {**python, "internal": python["internal"][:10]})
    yield "python internal float", changed("python", {**python, "internal": [0.5] * len(python["internal"])})
    yield "python missing", {k: v for k, v in good.items() if k != "python"}
    yield "numpy key float", changed("numpy", {**numpy_state, "key": [1.5] * 624})
    yield "numpy key short", changed("numpy", {**numpy_state, "key": numpy_state["key"][:5]})
    yield "numpy pos float", changed("numpy", {**numpy_state, "pos": 3.0})
    yield "numpy not a dict", changed("numpy", [1, 2])
    if "torch" in good:
        yield "torch not base64", changed("torch", "not base64 ***")
        yield "torch wrong size", changed("torch", "AAAA")
        yield "torch not text", changed("torch", 12)


def test_restore_rng_state_restores_nothing_when_any_part_is_bad():
    random.seed(1)
    np.random.seed(1)
    good = json.loads(json.dumps(prng.capture_rng_state()))
    random.seed(2)
    np.random.seed(2)
    before = prng.capture_rng_state()
    for what, checkpoint in broken_checkpoints(good):
        with pytest.raises(ValueError):
            prng.restore_rng_state(checkpoint)
        assert prng.capture_rng_state() == before, f"{what}: a part was restored"
    prng.restore_rng_state(good)
    assert prng.capture_rng_state() == good


def test_restore_rng_state_checks_torch_before_restoring_python(monkeypatch):
    good = prng.capture_rng_state()
    if "torch" not in good:
        good["torch"] = "AAAA"
    random.seed(3)
    before = random.getstate()
    monkeypatch.setattr(training, "_torch", lambda: None)
    with pytest.raises(RuntimeError, match="torch is not installed"):
        prng.restore_rng_state(good)
    assert random.getstate() == before


# --- counts and bounded work -------------------------------------------------------------------

@pytest.mark.parametrize("count, error", [(-1, ValueError), (1.5, TypeError), (True, TypeError), ("4", TypeError),
                                          (float("nan"), TypeError)])
def test_arc4_bytes_takes_a_non_negative_integer(count, error):
    gen = prng.ARC4("hello.", backend="python")
    with pytest.raises(error, match="count"):
        gen.bytes(count)
    assert gen.bytes(4) == prng.ARC4("hello.", backend="python").next_uint32()  # nothing was drawn


def test_spawn_is_bounded_per_call_and_keys_continue():
    seq = prng.SeedSequence(5)
    with pytest.raises(ValueError, match="n_children"):
        seq.spawn(MAX_SPAWN + 1)
    assert seq.n_children_spawned == 0
    seq.spawn(2)
    assert seq.spawn(1)[0].spawn_key == np.random.SeedSequence(5).spawn(3)[2].spawn_key
    with pytest.raises(ValueError, match="n_children"):
        prng.PCG64(5).spawn(10**9)


def test_midsquare_period_is_bounded():
    gen = prng.MidSquare(123456, digits=6, backend="python")
    assert tuple(gen.period()) == (146, 1)  # published (vectors/midsquare.json)
    assert tuple(gen.period(max_steps=1000)) == (146, 1)
    with pytest.raises(RuntimeError, match="max_steps=100 "):
        gen.period(max_steps=100)
    with pytest.raises(RuntimeError, match="max_steps"):
        prng.MidSquare(123456789012345678, digits=18, backend="python").period(max_steps=10_000)
    with pytest.raises(TypeError, match="max_steps"):
        gen.period(max_steps=1.5)
    assert MAX_PERIOD_STEPS == 10**7


# --- backend "auto" without C ------------------------------------------------------------------

def test_auto_without_c_warns_once_naming_the_compiler(monkeypatch):
    real = _backends._unavailable_reason
    monkeypatch.setattr(_backends, "_unavailable_reason",
                        lambda b: "the C extension was not built" if b == "c" else real(b))
    monkeypatch.setattr(_backends, "_warned", [])
    monkeypatch.setenv("CC", "/nowhere/bin/cc-missing")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        first = prng.PCG64(1)
        prng.MT19937(1)
    assert first.backend == ("numba" if "numba" in prng.available_backends() else "python")
    assert len(caught) == 1 and caught[0].category is RuntimeWarning
    message = str(caught[0].message)
    assert "'/nowhere/bin/cc-missing', which is not installed" in message and "backend='auto'" in message
    assert caught[0].filename == __file__  # points at the caller, not at prng's insides
    with pytest.raises(ValueError, match="backend 'c' is not available"):
        prng.PCG64(1, backend="c")

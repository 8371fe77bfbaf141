"""prng.verify, the engine behind ``prng verify``: every case kind passes as recorded and fails when
one recorded value is changed (the values themselves come from numpy, CPython, torch, seedrandom)."""

import copy
import json

import pytest

from prng import verify
from prng.verify import REPLAYERS, file_cases, load_vectors, replay_case

VECTORS = load_vectors()
FIRST_CASE = {}
for _name, _doc in VECTORS.items():
    for _case in file_cases(_doc):
        FIRST_CASE.setdefault(_case["kind"], _case)


def tamper(case):
    """A copy of ``case`` with its first recorded integer or float.hex value changed."""
    changed = copy.deepcopy(case)

    def visit(node):
        if isinstance(node, dict):
            for key in ("expect", "pool", "calls", "ops", "generate_state"):
                if key in node and visit_value(node, key):
                    return True
            return any(visit(v) for v in node.values() if isinstance(v, (dict, list)))
        if isinstance(node, list):
            return any(visit_value(node, i) if not isinstance(v, (dict, list)) else visit(v)
                       for i, v in enumerate(node))
        return False

    def visit_value(parent, key):
        value = parent[key]
        if isinstance(value, (dict, list)):
            return visit(value)
        if isinstance(value, bool):
            return False
        if isinstance(value, int):
            parent[key] = value ^ 1
            return True
        if isinstance(value, str) and value.startswith(("0x", "-0x")) and "p" in value:
            parent[key] = (float.fromhex(value) * 1.5 + 1).hex()
            return True
        if isinstance(value, str) and value.isdigit():
            parent[key] = str(int(value) ^ 1)
            return True
        return False

    assert visit(changed), "nothing to change"
    return changed


@pytest.mark.parametrize("kind", sorted(set(FIRST_CASE) & set(REPLAYERS)))
def test_each_replayer_passes_the_record_and_catches_a_change(kind):
    case = FIRST_CASE[kind]
    assert replay_case(case) == []
    assert replay_case(tamper(case)) != []


def test_unknown_kind_and_failing_code_are_reported():
    assert replay_case({"kind": "quantum"}) == ["unknown case kind 'quantum'"]
    bad = {"kind": "bitgen", "make": {"class": "PCG64", "seed": "1"}, "ops": [{"op": "teleport"}]}
    assert replay_case(bad, "python") == ["op 0: unknown op 'teleport'"]
    broken = {"kind": "bitgen", "make": {"class": "NoSuchGenerator", "seed": "1"}, "ops": []}
    assert replay_case(broken)[0].startswith("raised AttributeError")


def test_load_vectors_skips_json_that_is_not_a_vector_file(tmp_path):
    (tmp_path / "package.json").write_text(json.dumps({"name": "x"}))
    with pytest.raises(FileNotFoundError, match="no vector files"):
        load_vectors(tmp_path)
    (tmp_path / "a.json").write_text(json.dumps({"family": "a", "cases": []}))
    assert list(load_vectors(tmp_path)) == ["a.json"]


def test_a_family_replayed_by_two_js_files_shows_both_and_any_failure():
    """numpy_*.json hold generator and randomstate cases: two JS test files, one cell."""
    ok_a, ok_b = verify.Cell("ok", "(3 tests in a)"), verify.Cell("ok", "(4 tests in b)")
    failed = verify.Cell("FAIL", "(b)", ["JS test failed: x"])
    assert str(verify._joined(ok_a, ok_b)) == "ok (3 tests in a) (4 tests in b)"
    assert verify._joined(ok_a, failed) is failed
    assert verify._joined(failed, ok_a) is failed

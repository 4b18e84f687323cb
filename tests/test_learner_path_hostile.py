"""Everything around the checker (the blank test, saving progress, rendering) is as safe as the checker.

``Module.check`` is what a notebook calls; whatever a learner passes, it returns a
Result that renders, and the progress log stays readable afterwards.
"""
import decimal
import fractions
import json

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import workshop
from workshop import Module
from workshop.progress import log as progress
from workshop.result import STATUSES

ALL = workshop.exercise_ids()


class Boom(Exception):
    pass


def _raiser(*_args, **_kwargs):
    raise Boom("hostile")


def _hostile_class(base, methods):
    return type(f"Hostile{base.__name__.title()}", (base,), {name: _raiser for name in methods})


class GetattrRaises:
    def __getattr__(self, name):
        raise Boom(name)


class EverythingRaises:
    __getattr__ = __str__ = __repr__ = __len__ = __iter__ = __eq__ = __hash__ = __bool__ = __float__ = _raiser


def _self_containing_list():
    items = []
    items.append(items)
    return items


def _self_containing_dict():
    d = {}
    d["me"] = d
    return d


def _deep(levels):
    value = []
    for _ in range(levels):
        value = [value]
    return value


HOSTILE = {
    "self-containing list": _self_containing_list(),
    "self-containing dict": _self_containing_dict(),
    "nested 10,000 deep": _deep(10_000),
    "10**5000": 10**5000,
    "-10**400": -(10**400),
    "Decimal NaN": decimal.Decimal("NaN"),
    "Decimal 1e400": decimal.Decimal("1e400"),
    "Fraction": fractions.Fraction(7, 3),
    "list whose __len__ raises": _hostile_class(list, ["__len__"])([1, 2]),
    "list whose __iter__ raises": _hostile_class(list, ["__iter__"])([1, 2]),
    "list whose __getitem__ raises": _hostile_class(list, ["__getitem__"])(["a"]),
    "dict whose items raises": _hostile_class(dict, ["items", "keys", "values"])({"a": "b"}),
    "dict whose __len__ and __iter__ raise": _hostile_class(dict, ["__len__", "__iter__"])({"a": "b"}),
    "str whose strip raises": _hostile_class(str, ["strip"])("mentor"),
    "str whose __len__ and __str__ raise": _hostile_class(str, ["__len__", "__str__", "__repr__"])("12"),
    "float whose __float__ raises": _hostile_class(float, ["__float__", "__repr__"])(3.0),
    "int whose __index__ raises": _hostile_class(int, ["__index__", "__abs__"])(4),
    "object whose __getattr__ raises": GetattrRaises(),
    "object where everything raises": EverythingRaises(),
    "bytes that are not text": b"\xff\xfe",
    "bytearray": bytearray(b"a"),
    "huge text": "x" * 3_000_000,
    "huge list": list(range(200_000)),
    "0-d array": np.array(5.0),
    "masked": np.ma.masked,
    "a class": int,
    "a function": print,
    "a generator": (i for i in range(3)),
}


@pytest.fixture
def log(tmp_path, monkeypatch):
    path = tmp_path / "p.jsonl"
    monkeypatch.setenv("WORKSHOP_PROGRESS", str(path))
    return path


def _assert_safe(result):
    assert result.status in STATUSES
    assert isinstance(result.feedback, str) and result.feedback
    assert result.text() and result._repr_html_()
    assert "Error" not in result.feedback, result.feedback  # no exception names in what the learner reads


def _log_is_whole(log):
    if log.exists():
        for line in log.read_text().splitlines():
            json.loads(line)
            assert len(line) <= progress.MAX_LINE_CHARS


@pytest.mark.parametrize("name", HOSTILE)
def test_module_check_never_raises(name, log):
    answer = HOSTILE[name]
    for exercise_id in ALL:
        module, short = exercise_id.split(".", 1)
        _assert_safe(Module(module).check(short, answer))
    _log_is_whole(log)
    assert isinstance(progress.standing(), dict)


@pytest.mark.parametrize("name", HOSTILE)
def test_pure_check_and_blank_test_never_raise(name):
    from workshop.answers import is_blank

    is_blank(HOSTILE[name])
    for exercise_id in ALL:
        _assert_safe(workshop.check(exercise_id, HOSTILE[name]))


def test_hostile_exercise_ids_are_answered_not_raised(log):
    for bad in (EverythingRaises(), GetattrRaises(), None, 3, b"00.x", _hostile_class(str, ["__str__"])("00.x")):
        _assert_safe(workshop.check(bad, "a"))
        _assert_safe(Module("00").check(bad, "a"))
        for call in (Module("00").hint, Module("00").solution, Module("00").show):
            assert repr(call(bad))


def test_stored_hostile_answers_restore_a_widget(log):
    m = Module("02")
    m.check("mentor-metric", _self_containing_list())
    m.check("mentor-metric", 10**5000)
    assert m.show("mentor-metric") is not None
    assert isinstance(m.last_answer("mentor-metric"), str)


# -- property test: arbitrary nestings of hostile and ordinary values ----------------------------
_METHODS = ["__len__", "__iter__", "__getitem__", "__contains__", "__eq__", "__hash__", "__repr__", "__str__",
            "items", "keys", "strip", "lower", "__float__", "__index__", "encode", "split", "__bool__"]
_BASES = [str, list, dict, tuple, float, int]


@st.composite
def hostile_leaf(draw):
    base = draw(st.sampled_from(_BASES))
    methods = draw(st.lists(st.sampled_from(_METHODS), min_size=1, max_size=4, unique=True))
    cls = _hostile_class(base, methods)
    seed = {str: "a", list: ["a"], dict: {"a": "b"}, tuple: ("a",), float: 1.5, int: 2}[base]
    try:
        return cls(seed)
    except Exception:
        return GetattrRaises()


ordinary = st.one_of(
    st.none(), st.booleans(), st.integers(), st.integers(min_value=10**300, max_value=10**400),
    st.floats(allow_nan=True, allow_infinity=True), st.decimals(allow_nan=True, allow_infinity=True),
    st.text(max_size=50), st.binary(max_size=20), st.fractions(),
)
answers = st.recursive(
    st.one_of(ordinary, hostile_leaf()),
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=5), inner, max_size=4),
                            st.tuples(inner, inner), st.frozensets(st.integers(), max_size=3)),
    max_leaves=12,
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(exercise_id=st.sampled_from(ALL), answer=answers)
def test_any_answer_through_module_check_is_safe_and_keeps_the_log_readable(exercise_id, answer, log):
    module, short = exercise_id.split(".", 1)
    _assert_safe(Module(module).check(short, answer))
    _log_is_whole(log)
    assert isinstance(progress.standing(), dict)

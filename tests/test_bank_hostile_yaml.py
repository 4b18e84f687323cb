"""An instructor's YAML mistakes get a sentence, never a hang or a bare type error."""
import pytest

from tests.helpers import write_module
from workshop.bank.loader import BankError, load_bank


def _bomb(levels: int) -> str:
    lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for n in range(1, levels):
        lines.append(f"a{n}: &a{n} [" + ",".join([f"*a{n - 1}"] * 9) + "]")
    return "\n".join(lines) + "\n", f"*a{levels - 1}"


def test_an_alias_bomb_in_a_wrongly_typed_field_is_refused_by_size(tmp_path):
    anchors, top = _bomb(6)  # 9**6 = 531,441 strings behind one title
    path = tmp_path / "07_bomb.yaml"
    path.write_text(anchors + f"""\
module: "07"
title: {top}
minutes: {{teaching: 5, exercises: 5}}
facilitator_notes: ["Run it."]
exercises: []
""")
    with pytest.raises(BankError) as caught:
        load_bank(tmp_path)
    message = str(caught.value)
    assert "aliases" in message and "expand" in message
    assert len(message) < 1_000


def test_a_small_alias_is_still_fine(tmp_path):
    write_module(tmp_path, body="""\
  - id: 07.pick
    kind: single_choice
    title: Pick one
    prompt: &p Which?
    hints: [*p]
    explanation: Because.
    options:
      - {key: a, text: Right, correct: true}
      - {key: b, text: Wrong, feedback: Not that., misconception: A wrong idea.}
""")
    assert load_bank(tmp_path).exercises["07.pick"].hints == ["Which?"]


def test_an_unquoted_module_code_says_put_it_in_quotes(tmp_path):
    path = write_module(tmp_path, code="05")
    path.write_text(path.read_text().replace('module: "05"', "module: 05"))
    with pytest.raises(BankError) as caught:
        load_bank(tmp_path)
    assert "put the module code in quotes" in str(caught.value)


def test_a_huge_wrong_value_is_shown_cut_short(tmp_path):
    path = write_module(tmp_path)
    path.write_text(path.read_text().replace("title: A test module", "title: [" + ", ".join(["x" * 50] * 5000) + "]"))
    with pytest.raises(BankError) as caught:
        load_bank(tmp_path)
    assert "field 'title'" in str(caught.value) and len(str(caught.value)) < 1_000


def test_a_key_written_twice_is_refused_with_both_lines(tmp_path):
    """A bad merge left 05 with two facilitator_notes keys; YAML silently kept the stale ones."""
    path = tmp_path / "07_twice.yaml"
    path.write_text("""\
module: "07"
title: Twice
minutes: {teaching: 5, exercises: 5}
facilitator_notes: ["The new note."]
facilitator_notes: ["The stale note."]
exercises: []
""")
    with pytest.raises(BankError) as caught:
        load_bank(tmp_path)
    message = str(caught.value)
    assert "facilitator_notes" in message and "twice" in message and "line 4" in message


def test_no_module_file_repeats_a_key():
    from workshop.bank.loader import default_bank_dir

    from workshop.bank.yaml_lines import YamlProblem, load_with_nodes

    repeated = []
    for file in sorted(default_bank_dir().glob("[0-9][0-9]_*.yaml")):
        try:
            load_with_nodes(file.read_text(encoding="utf-8"))
        except YamlProblem as exc:
            repeated.append(f"{file.name} line {exc.line}: {exc.message}")
    assert not repeated, repeated
    assert len(load_bank(default_bank_dir()).modules) == len(list(default_bank_dir().glob("[0-9][0-9]_*.yaml")))

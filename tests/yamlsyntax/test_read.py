from __future__ import annotations

from datetime import date

from guilin_campaign.yamlsyntax.decode import decode
from guilin_campaign.yamlsyntax.read import parse
from guilin_campaign.yamlsyntax.scalar_read import BoolWord


def messages(text: str) -> list[str]:
    return [p.text("en") for p in parse(text, "f.yaml").problems]


def test_plain_values_are_read_exactly() -> None:
    parsed = parse("a: 1\nb: 2.5\nc: 2022-07-15\nd: 2022-07\ne: 文本\nf: true\ng: ~\n", "f.yaml")
    assert parsed.problems == []
    assert parsed.data == {"a": 1, "b": 2.5, "c": date(2022, 7, 15), "d": "2022-07", "e": "文本", "f": True, "g": None}


def test_yes_no_words_are_kept_apart_from_booleans() -> None:
    data = parse("status: no\nkey: On\n", "f.yaml").data
    assert isinstance(data["status"], BoolWord) and str(data["status"]) == "no" and not isinstance(data["status"], str)
    assert isinstance(data["key"], BoolWord)


def test_impossible_date_is_refused_with_its_line() -> None:
    assert messages("a: 1\ndue: 2022-02-30\n") == ["f.yaml:2: due: not a date: '2022-02-30' (day is out of range for month)"]


def test_date_with_time_is_refused() -> None:
    assert messages("due: 2022-02-03 10:00:00\n") == ["f.yaml:1: due: '2022-02-03 10:00:00': write a date as YYYY-MM-DD, without a time"]


def test_duplicate_key_names_both_lines() -> None:
    assert messages("a: 1\nb: 2\na: 3\n") == ["f.yaml:3: a: duplicate key 'a' (first at line 1): keep one of them"]


def test_aliases_and_tags_are_refused() -> None:
    assert messages("a: &x [1]\nb: *x\n") == ["f.yaml:2: b: aliases (*name) are not supported: write the value out in full"]
    assert messages("a: !!python/object:os.system x\n") == [
        "f.yaml:1: a: tag '!!python/object:os.system' is not allowed: remove it and write a plain value"
    ]


def test_octal_and_infinite_numbers_are_refused() -> None:
    assert messages("a: 010\n") == ["f.yaml:1: a: '010' is not read as a plain decimal number: drop leading zeros, or quote it if it is text"]
    assert messages("a: .inf\n") == ["f.yaml:1: a: '.inf' is not a finite decimal number"]


def test_syntax_errors_give_the_line_and_a_hint_for_tabs() -> None:
    (msg,) = messages("a:\n\t- 1\n")
    assert msg.startswith("f.yaml:2: not valid YAML:") and msg.endswith("(this line has a tab: indent with spaces only)")


def test_lines_of_nested_items() -> None:
    parsed = parse("tasks:\n  - id: T1\n    due: 2022-01-01\n  - id: T2\n", "f.yaml")
    assert parsed.source.line(("tasks", 0, "due")) == 3
    assert parsed.source.line(("tasks", 1)) == 4
    assert parsed.source.line(("tasks", 1, "missing")) == 4


def test_lines_stay_right_after_a_refused_key() -> None:
    """Each mapping keeps its keys' lines in key order: a refused (duplicate, aliased) key between
    two kept ones must not shift the lines of the keys after it."""
    parsed = parse("m:\n  a: 1\n  a: 2\n  b: &x 3\n  c: *x\n  d: 4\nl: [5,\n  6]\n", "f.yaml")
    assert list(parsed.data["m"]) == ["a", "b", "d"]
    lines = {key: parsed.source.line(("m", key)) for key in ("a", "b", "c", "d")}
    assert lines == {"a": 2, "b": 4, "c": 1, "d": 6}  # c was refused: only its mapping's line is known
    assert parsed.source.line(("l", 1)) == 8


def test_decode_strips_bom_and_names_gbk() -> None:
    assert decode("\ufeffa: 1".encode(), "f.yaml") == ("a: 1", [])
    text, problems = decode("a: 桂林".encode("gb18030"), "f.yaml")
    assert text is None and "GBK/GB18030" in problems[0].text("en") and problems[0].line == 1


def test_merge_keys_are_refused() -> None:
    assert messages("a: &x {c: 1}\nb:\n  <<: *x\n") == ["f.yaml:3: b: merge keys (<<) are not supported: write the keys out in full"]


def test_binary_file_is_not_taken_for_gbk() -> None:
    text, problems = decode(b"a: 1\n\x00\x01\xff", "f.yaml")
    assert text is None and "the file is not text" in problems[0].text("en") and problems[0].line == 2


def test_aliases_of_plain_values_are_refused_too() -> None:
    assert messages("a: &x foo\nb: *x\n") == ["f.yaml:2: b: aliases (*name) are not supported: write the value out in full"]
    assert messages("a: &x foo\nb: [*x]\n") == ["f.yaml:2: b[0]: aliases (*name) are not supported: write the value out in full"]
    assert messages("a: &k id\nb: {*k : 1}\n") == ["f.yaml:2: b: a key must be plain text"]


def test_repeated_values_are_shared_but_equal() -> None:
    data = parse("- {status: done, due: 2022-07-01}\n- {status: done, due: 2022-07-01}\n", "f.yaml").data
    assert data[0] == data[1] == {"status": "done", "due": date(2022, 7, 1)}

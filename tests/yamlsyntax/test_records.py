"""With a session an edit works on the record's own lines: the same text as a whole-file edit."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from guilin_campaign.yamlsyntax import editor
from guilin_campaign.yamlsyntax.read import parse
from guilin_campaign.yamlsyntax.records import Session, session
from guilin_campaign.yamlsyntax.spans import item_lines, line_offset
from tests.conftest import TASKS

T002 = ("actions", 0, "measures", 0, "tasks", 1)
I01 = ("actions", 0, "measures", 0, "indicators", 0)
AH01 = ("adhoc", 0)

EDITS: dict[str, Callable[[str, Session | None], str]] = {
    "status and done_on and log": lambda t, s: editor.append_item(
        editor.set_value(editor.set_value(t, T002 + ("status",), "done", session=s), T002 + ("done_on",), date(2022, 7, 1),
                           after="status", session=s),
        T002 + ("log",), {"date": date(2022, 7, 1), "status": "done", "note": "完成"}, session=s),
    "a unit's progress": lambda t, s: editor.set_value(t, T002 + ("progress", "diecai"), {"status": "doing"}, session=s),
    "delete a key": lambda t, s: editor.delete_key(t, T002 + ("support",), session=s),
    "a reading": lambda t, s: editor.set_value(t, I01 + ("readings", "2022-08"), 45000, session=s),
    "a flow-style ad-hoc task": lambda t, s: editor.append_item(t, AH01 + ("log",), {"date": date(2022, 4, 10), "note": "报送"},
                                                                 session=s),
}


@pytest.mark.parametrize("name", EDITS)
@pytest.mark.parametrize("eol", ["\n", "\r\n"])
def test_a_session_gives_the_same_text_as_a_whole_file_edit(name: str, eol: str) -> None:
    text = TASKS.replace("\n", eol)
    whole = EDITS[name](text, None)
    edits = session(text, parse(text, "").source)
    assert EDITS[name](text, edits) == whole
    assert edits.touched  # the record's own lines were used


def test_a_refusal_names_the_whole_path() -> None:
    text = TASKS.replace("title: 各县区落实个体工商户扶持", "title: &t 各县区落实个体工商户扶持")
    with pytest.raises(editor.EditError) as whole:
        editor.set_value(text, T002 + ("title",), "新")
    with pytest.raises(editor.EditError) as inside:
        editor.set_value(text, T002 + ("title",), "新", session=session(text, parse(text, "").source))
    assert str(inside.value) == str(whole.value)


def test_a_record_is_its_lines_up_to_the_next_line_not_more_indented() -> None:
    text = "items:\n  - id: a\n    x: 1\n\n    # note\n  - id: b\n"
    assert line_offset(text, 2) == text.index("  - id: a")
    assert item_lines(text, 2) == (text.index("  - id: a"), text.index("  - id: b"))
    assert item_lines(text, 6) == (text.index("  - id: b"), len(text))
    assert item_lines(text, 3) is None  # not the line of a dash

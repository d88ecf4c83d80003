"""The catalogue: every entry in both languages with the same placeholders; how the language is chosen."""

from __future__ import annotations

import pytest

from guilin_campaign.catalogue import CATALOGUE, LANGS, choose_lang, msg, placeholders, render


@pytest.mark.parametrize("key", sorted(CATALOGUE))
def test_entry_renders_in_both_languages(key: str) -> None:
    zh, en = CATALOGUE[key]
    assert zh.strip() and en.strip(), key
    assert placeholders(zh) == placeholders(en), key
    values = {name: f"<{name}>" for name in placeholders(zh)}
    for lang in LANGS:
        rendered = render(msg(key, **values), lang)
        assert "{" not in rendered.replace("{{", "") or "{" in (zh + en), key
        assert all(f"<{name}>" in rendered for name in values), key


def test_unknown_key_fails_at_once() -> None:
    with pytest.raises(KeyError):
        msg("no.such.key")


def test_nested_message_renders_in_the_same_language() -> None:
    hint = msg("lookup.did_you_mean", names="'diecai'")
    outer = msg("lookup.unknown_unit", ref="'diecia'", hint=hint)
    assert render(outer, "en") == "unknown unit 'diecia' (did you mean 'diecai'?); units and groups are listed in units.yaml"
    assert render(outer, "zh") == "不认识单位 'diecia'（是不是想写 'diecai'？）；单位和单位组列在 units.yaml 里"


@pytest.mark.parametrize(("option", "environ", "expected"), [
    ("en", {"GUILIN_CAMPAIGN_LANG": "zh"}, "en"),
    (None, {"GUILIN_CAMPAIGN_LANG": "en", "LANG": "zh_CN.UTF-8"}, "en"),
    (None, {"LC_ALL": "en_US.UTF-8", "LANG": "zh_CN.UTF-8"}, "en"),
    (None, {"LC_MESSAGES": "zh_CN.UTF-8", "LANG": "en_US.UTF-8"}, "zh"),
    (None, {"LANG": "en_GB.UTF-8"}, "en"),
    (None, {"LANG": "C.UTF-8"}, "zh"),
    (None, {}, "zh"),
])
def test_choose_lang(option: str | None, environ: dict[str, str], expected: str) -> None:
    assert choose_lang(option, environ) == expected


def test_bad_lang_option_is_refused() -> None:
    with pytest.raises(ValueError):
        choose_lang("fr", {})

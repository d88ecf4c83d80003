"""Unit names as a decomposition table writes them: several to a cell, the counties as a group."""

from __future__ import annotations

import re

_SEPARATORS = frozenset("、，,；;／/ \t\n\r\u3000")
_OPEN, _CLOSE = "（(【[", "）)】]"
_REMARKS = re.compile(r"[（(](?:牵头|配合|牵头单位|配合单位|负责|主责|按职责分工负责|按职责负责)[）)]$")
_COUNTIES = re.compile(r"各?县(?:市区|区)(?:人民政府|政府)?|各县(?:人民政府|政府)?")
_VAGUE = re.compile(r"^各|有关|相关|等$|其他|其它")
COUNTY_HINT = re.compile(r"(?:[县区市](?:人民政府|政府)|..+?[县区]|[^市].{0,3}市)$")


def split_names(text: str) -> list[str]:
    """``市市场监管局、市人社局`` -> two names; a 、 inside brackets (``各县（市、区）``) does not split."""
    names: list[str] = []
    depth, current = 0, ""
    for ch in text:
        depth += (ch in _OPEN) - (ch in _CLOSE)
        if depth <= 0 and ch in _SEPARATORS:
            names.append(current)
            current, depth = "", 0
        else:
            current += ch
    names.append(current)
    return [_REMARKS.sub("", n.strip()) for n in names if n.strip()]


def is_counties(name: str) -> bool:
    """``各县（市、区）``, ``各县（市、区）人民政府``, ``各县区``, ``县（市、区）政府``..."""
    return _COUNTIES.fullmatch(re.sub(r"[（()）、，,]", "", name)) is not None


def is_vague(name: str) -> bool:
    """``各有关单位``, ``相关部门``, ``市直有关部门``: no one can say which units are meant."""
    return _VAGUE.search(name) is not None


def looks_like_county(name: str) -> bool:
    """县/区/市人民政府, or a county's own name (``阳朔县``, ``秀峰区``, ``荔浦市``)."""
    return COUNTY_HINT.search(name) is not None and not name.startswith("市")


def county_short(name: str) -> str | None:
    """``秀峰区人民政府`` -> ``秀峰区``: what the reports show."""
    m = re.fullmatch(r"(.+?[县区市])(?:人民政府|政府)", name)
    return m.group(1) if m else None

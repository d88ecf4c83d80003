"""Finding the header row of a decomposition table and which column holds what.

A column is known by its Chinese header: the names in :data:`SYNONYMS` (spaces, line breaks and a
bracketed remark such as ``责任单位（排第一位的为牵头单位）`` ignored), or by ``--map 列名=字段``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from guilin_campaign.catalogue import msg
from guilin_campaign.problems import CampaignError, ErrorKind
from guilin_campaign.tableimport.grid import Grid, text_of

# field -> the header names it is known by; the first is the name the docs and the summary use
SYNONYMS: dict[str, tuple[str, ...]] = {
    "seq": ("序号", "编号", "序"),
    "action": ("专项行动", "行动", "重点行动", "攻坚行动", "专项行动名称"),
    "measure": ("主要举措", "举措", "工作举措", "重点举措", "具体举措", "主要措施", "工作措施", "措施"),
    "task": ("具体任务", "工作任务", "具体工作任务", "任务内容", "工作内容", "重点任务", "主要任务", "任务", "具体工作"),
    "lead": ("牵头单位", "牵头部门", "牵头"),
    "owners": ("责任单位", "责任部门", "承办单位", "主责单位", "落实单位", "实施单位"),
    "support": ("配合单位", "配合部门", "协办单位", "协同单位", "参与单位", "配合"),
    "due": ("完成时限", "完成时间", "时间节点", "时限", "时限要求", "完成期限", "时间要求"),
    "indicator": ("指标", "指标名称", "主要指标", "目标指标", "考核指标"),
    "target": ("目标值", "目标", "全年目标", "全年目标值", "年度目标", "目标任务", "指标值"),
}
IGNORE = "ignore"
FIELD_NAMES = {f: names[0] for f, names in SYNONYMS.items()} | {IGNORE: "忽略"}
_BRACKETED = re.compile(r"[（(【\[].*?[）)】\]]")
_SPACE = re.compile(r"[\s\u3000]+")
_LOOK = 20  # a header further down than this is not a header


@dataclass(frozen=True)
class Columns:
    grid: Grid
    header_row: int  # the last row of the header (a header may take two rows)
    fields: dict[str, int]  # field -> column
    unused: list[str]  # header cells no field took, as 'name(D)' for the summary


def normalize(text: str) -> str:
    return _SPACE.sub("", text)


def field_of(text: str, mapping: dict[str, str]) -> str | None:
    name = normalize(text)
    if not name:
        return None
    for candidate in (name, _BRACKETED.sub("", name)):
        if candidate in mapping:
            return mapping[candidate]
        for field, names in SYNONYMS.items():
            if candidate in names:
                return field
    return None


def parse_maps(items: Sequence[str]) -> dict[str, str]:
    """``--map 工作要点=具体任务`` (or ``=task``): header name -> field."""
    known = {name: f for f, names in SYNONYMS.items() for name in names} | {f: f for f in FIELD_NAMES} | {"忽略": IGNORE}
    out: dict[str, str] = {}
    for item in items:
        column, sep, field = item.partition("=")
        if not sep or not normalize(column) or field.strip() not in known:
            raise CampaignError(msg("import.bad_map", item=item, fields="、".join(n for n in FIELD_NAMES.values())), kind=ErrorKind.USAGE, option="map")
        out[normalize(column)] = known[field.strip()]
    return out


def find_columns(grids: Sequence[Grid], mapping: dict[str, str]) -> list[Columns]:
    """Every grid with a header naming a task column and a responsible-unit column, in order."""
    found = [cols for grid in grids if (cols := _find(grid, mapping)) is not None]
    if not found:
        names = "、".join(g.name for g in grids) or "-"
        raise CampaignError(msg("import.no_header", file=grids[0].file if grids else "", tables=names))
    _require_mapped(found[0], mapping)
    return found


def _find(grid: Grid, mapping: dict[str, str]) -> Columns | None:
    best: tuple[int, int] | None = None
    for r in range(min(_LOOK, len(grid.rows))):
        fields = _row_fields(grid, r, mapping)
        has_units = "owners" in fields or "lead" in fields
        if "task" in fields and has_units and (best is None or len(fields) > best[1]):
            best = (r, len(fields))
    if best is None:
        return None
    r = best[0]
    fields = _row_fields(grid, r, mapping)
    if r + 1 < len(grid.rows) and _is_header_continuation(grid, r + 1, mapping):
        lower = _row_fields(grid, r + 1, mapping)
        taken = set(lower.values())
        fields = {f: c for f, c in fields.items() if c not in taken} | lower
        r += 1
    used = set(fields.values())
    unused = [f"{text_of(v)}({grid.address(r, c).rsplit('!', 1)[1]})" for c, v in enumerate(grid.rows[r])
              if c not in used and text_of(v) and grid.origin[r][c]]
    return Columns(grid, r, {f: c for f, c in fields.items() if f != IGNORE}, unused)


def _row_fields(grid: Grid, r: int, mapping: dict[str, str]) -> dict[str, int]:
    fields: dict[str, int] = {}
    for c, value in enumerate(grid.rows[r]):
        field = field_of(text_of(value), mapping) if isinstance(value, str) else None
        if field is not None and field not in fields:
            fields[field] = c
    return fields


def _is_header_continuation(grid: Grid, r: int, mapping: dict[str, str]) -> bool:
    """A second header row (``责任单位`` above ``牵头``/``配合``): every cell in it is a header name
    or the header above carried down by a merge."""
    cells = [(c, text_of(v)) for c, v in enumerate(grid.rows[r]) if text_of(v)]
    named = [c for c, t in cells if (r, c) not in grid.merged and field_of(t, mapping) is not None]
    return bool(named) and all((r, c) in grid.merged or c in named for c, _ in cells)


def _require_mapped(found: Columns, mapping: dict[str, str]) -> None:
    headers = {normalize(text_of(v)) for row in found.grid.rows[: found.header_row + 1] for v in row}
    missing = [name for name in mapping if name not in headers]
    if missing:
        raise CampaignError(msg("import.map_not_found", column=missing[0], table=found.grid.name), kind=ErrorKind.USAGE, option="map")

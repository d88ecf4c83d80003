"""Synthetic campaigns in the real format, at province scale, for the benchmark.

``python bench/generate.py 10000 OUT_DIR`` writes ``OUT_DIR/tasks.yaml`` and ``OUT_DIR/units.yaml``:
a province of 14 cities (30 provincial departments, 112 county governments, a group per city, all
counties, the urban districts), six special actions, one measure per 40 tasks, about one indicator per
30 tasks (monthly readings; a third with per-county ``by_unit`` readings, some negative), tasks with
Chinese titles, supporting units, per-unit ``progress`` on tasks shared by a city's counties, a log of
two to five entries each, and 2% ad-hoc tasks. The data is as of 2022-07-31, like the built-in
sample, and passes ``guilin-campaign check``. The same size and seed give the same bytes.

The text is written directly (not through a YAML dumper) in the sample's style: block mappings for
items, flow style for short lists, readings and log entries.
"""

from __future__ import annotations

import json
import random
import sys
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

START, END, AS_OF = date(2022, 1, 1), date(2022, 12, 31), date(2022, 7, 31)
MONTHS = [f"2022-{m:02d}" for m in range(1, 8)]
CITIES = ["南宁", "柳州", "桂林", "梧州", "北海", "防城港", "钦州", "贵港", "玉林", "百色", "贺州", "河池", "来宾", "崇左"]
COUNTY_SUFFIX = ["城区", "新区", "东县", "西县", "南县", "北县", "中县", "山县"]
DEPARTMENTS = [
    "市场监管局", "发展改革委", "工业和信息化厅", "财政厅", "人力资源社会保障厅", "商务厅", "自然资源厅", "住房城乡建设厅",
    "交通运输厅", "农业农村厅", "文化和旅游厅", "卫生健康委", "税务局", "人民银行分行", "银保监局", "统计局",
    "行政审批局", "大数据发展局", "科技厅", "教育厅", "司法厅", "生态环境厅", "水利厅", "林业局",
    "应急管理厅", "国资委", "地方金融监管局", "投资促进局", "工商联", "总工会",
]
ACTIONS = ["稳主体扩增量", "优环境强服务", "减负担降成本", "强扶持促发展", "抓创新提质效", "保稳定防风险"]
VERBS = ["制定", "落实", "推进", "开展", "建立", "完善", "组织", "督促", "统筹", "深化", "优化", "强化"]
OBJECTS = [
    "市场主体培育", "企业开办便利化", "个体工商户帮扶", "涉企收费清理", "减税降费政策", "融资担保服务", "小微企业纾困",
    "一业一证改革", "证照分离改革", "信用修复", "招商引资项目", "园区标准化建设", "政务服务事项", "惠企政策兑现",
    "电子营业执照推广", "知识产权质押融资", "商标品牌培育", "重点项目用地保障", "稳岗返还", "创业担保贷款",
]
TAILS = [
    "工作方案并印发实施", "专项行动，按月报送进展情况", "长效机制，定期开展督导检查", "试点工作，总结推广经验做法",
    "政策宣传解读，确保应知尽知", "台账管理，逐项销号", "考核评价办法，纳入年度绩效考核", "问题清单，限期整改到位",
]
NOTES = [
    "已召开专题会议研究部署", "已印发工作方案", "已完成摸底调查", "正在征求有关单位意见", "已报请指挥部审定",
    "已向滞后单位发督办函", "完成阶段性任务，进入验收", "受资金未到位影响进度滞后", "已组织现场调度", "已报送进展情况",
]
SOURCES = ["自治区攻坚办", "自治区人民政府办公厅", "国务院大督查迎检", "省委督查室"]
IND_NAMES = ["新增市场主体户数", "市场主体净增长率", "企业开办时间", "涉企收费减免金额", "新增纳税人户数", "融资担保金额",
             "新增个体工商户", "实有企业户数", "新增商标注册量", "惠企资金兑现率"]


@dataclass
class Units:
    departments: list[str] = field(default_factory=list)
    counties: list[str] = field(default_factory=list)
    city_groups: dict[str, list[str]] = field(default_factory=dict)


def units_yaml() -> tuple[str, Units]:
    u = Units()
    lines = ["# 合成的全省成员单位名单（基准测试用）", "", "units:"]
    for i, name in enumerate(DEPARTMENTS):
        ident = f"dept{i + 1:02d}"
        u.departments.append(ident)
        lines.append(f"  - {{id: {ident}, name: 自治区{name}, short: {name}, kind: department}}")
    for c, city in enumerate(CITIES):
        group = f"city{c + 1:02d}"
        members = []
        for k, suffix in enumerate(COUNTY_SUFFIX):
            ident = f"c{c + 1:02d}-{k + 1}"
            members.append(ident)
            lines.append(f"  - {{id: {ident}, name: {city}市{suffix}人民政府, short: {city}{suffix}, kind: county}}")
        u.counties += members
        u.city_groups[group] = members
    lines += ["", "groups:", f"  counties: [{', '.join(u.counties)}]"]
    lines.append(f"  urban-districts: [{', '.join(m[0] for m in u.city_groups.values())}]")
    lines += [f"  {g}: [{', '.join(m)}]" for g, m in u.city_groups.items()]
    return "\n".join(lines) + "\n", u


def _day(rng: random.Random, first: date, last: date) -> date:
    return first + timedelta(days=rng.randint(0, (last - first).days))


def _title(rng: random.Random, serial: int) -> str:
    return f"{rng.choice(VERBS)}{rng.choice(OBJECTS)}{rng.choice(TAILS)}（第{serial}项）"


class Writer:
    """Appends the lines of ``tasks.yaml``; ``n`` tasks in all, 2% of them ad hoc."""

    def __init__(self, n: int, units: Units, seed: int) -> None:
        self.rng = random.Random(seed)
        self.units = units
        self.n_adhoc = max(1, n // 50)
        self.n_planned = n - self.n_adhoc
        self.lines: list[str] = []
        self.serial = 0
        self.records: list[dict[str, object]] = []  # the same tasks for `task import`
        self.action = ""

    def text(self) -> str:
        self.lines = [
            "# 合成的全省攻坚战任务分解表（基准测试用，截至2022年7月31日）",
            "",
            "campaign: {name: 稳主体激活力攻坚战（全省）, city: 全省, lead: dept01, start: 2022-01-01, end: 2022-12-31}",
            "",
            "actions:",
        ]
        n_measures = max(1, self.n_planned // 40)
        per_action = [n_measures // len(ACTIONS) + (a < n_measures % len(ACTIONS)) for a in range(len(ACTIONS))]
        measure = 0
        for a, name in enumerate(ACTIONS):
            self.action = f"A{a + 1}"
            self.lines += [f"  # ===== 专项行动{a + 1} =====", f"  - id: A{a + 1}", f"    name: {name}", "    measures:"]
            if not per_action[a]:
                self.lines[-1] = "    measures: []"
            for _ in range(per_action[a]):
                measure += 1
                count = self.n_planned // n_measures + (measure <= self.n_planned % n_measures)
                self._measure(measure, count)
        self.action = "adhoc"
        self.lines += ["", "# ===== 上级临时交办任务 =====", "adhoc:"]
        for i in range(self.n_adhoc):
            self._task("  ", f"AH{i + 1:05d}", [], adhoc=True)
        return "\n".join(self.lines) + "\n"

    def _measure(self, m: int, n_tasks: int) -> None:
        rng = self.rng
        self.lines += [f"      - id: M{m:05d}", f"        name: {rng.choice(VERBS)}{rng.choice(OBJECTS)}"]
        indicator_ids = [f"I{m:05d}{k}" for k in range(1 + (rng.random() < 0.33))]
        self.lines.append("        indicators:")
        for ident in indicator_ids:
            self._indicator(ident)
        self.lines.append("        tasks:")
        for _ in range(n_tasks):
            self.serial += 1
            self._task("          ", f"T{self.serial:06d}", indicator_ids)

    def _indicator(self, ident: str) -> None:
        rng, u = self.rng, self.units
        kind = rng.choice(["total", "total", "rate"])
        target = rng.choice([100, 500, 3000, 66000]) if kind == "total" else rng.choice([5, 8, 95])
        city = rng.choice(list(u.city_groups))
        out = [f"- id: {ident}", f"  name: {rng.choice(IND_NAMES)}"]
        if rng.random() < 0.33:
            out.append("  key: true")
        out += [f"  target: {target}", f"  unit: {'户' if kind == 'total' else repr('%')}", f"  kind: {kind}"]
        if kind == "rate" and rng.random() < 0.3:
            out.append("  better: lower")
        out.append(f"  owners: [{rng.choice(u.departments)}, {city}]")
        out.append(f"  readings: {{{self._readings(target, kind, 1.0)}}}")
        if rng.random() < 0.33:
            out.append("  by_unit:")
            for county in u.city_groups[city]:
                share = rng.uniform(0.05, 0.2)
                out.append(f"    {county}: {{target: {round(target * share)}, readings: {{{self._readings(target, kind, share)}}}}}")
        self.lines += ["          " + line for line in out]

    def _readings(self, target: float, kind: str, share: float) -> str:
        rng, values = self.rng, []
        for i, month in enumerate(MONTHS):
            if kind == "total":
                value: float = round(target * share * (i + 1) / 12 * rng.uniform(0.7, 1.3))
            else:
                value = round(target * share * rng.uniform(-0.2, 1.2), 1)
            values.append(f"{month}: {value}")
        return ", ".join(values)

    def _task(self, indent: str, ident: str, indicator_ids: list[str], adhoc: bool = False) -> None:
        rng, u = self.rng, self.units
        out = [f"- id: {ident}"]
        if adhoc:
            assigned = _day(rng, START, AS_OF)
            out += [f"  batch: {assigned.month}", f"  source: {rng.choice(SOURCES)}", f"  assigned_on: {assigned}"]
        title = _title(rng, self.serial)
        out.append(f"  title: {title}")
        shared = rng.random() < 0.1
        owners = [rng.choice(list(u.city_groups))] if shared else rng.sample(u.departments, 1 + (rng.random() < 0.3))
        out.append(f"  owners: [{', '.join(owners)}]")
        if rng.random() < 0.3:
            out.append(f"  support: [{rng.choice([d for d in u.departments if d not in owners])}]")
        due = _day(rng, date(2022, 2, 1), END) if rng.random() < 0.85 else None
        if due is not None:
            out.append(f"  due: {due}")
        parts = {county: self._state(due) for county in u.city_groups[owners[0]]} if shared and rng.random() < 0.6 else {}
        status, done_on = self._state(due) if not parts else _follow(list(parts.values()))
        out.append(f"  status: {status}")
        if done_on is not None:
            out.append(f"  done_on: {done_on}")
        if indicator_ids and rng.random() < 0.4:
            out.append(f"  indicators: [{rng.choice(indicator_ids)}]")
        if parts:
            out.append("  progress:")
            for county, (part, on) in parts.items():
                out.append(f"    {county}: {{status: {part}" + (f", done_on: {on}}}" if on else "}"))
        out.append("  log:")
        day = _day(rng, START, date(2022, 5, 31))
        for k in range(rng.randint(2, 5)):
            note = rng.choice(NOTES)
            entry = f"{{date: {day}, status: doing, note: {note}" if k == 0 else f"{{date: {day}, note: {note}"
            out.append(f"    - {entry}, by: {rng.choice(owners if not shared else u.city_groups[owners[0]])}}}")
            day = min(AS_OF, day + timedelta(days=rng.randint(3, 20)))
        self.lines += [indent + line for line in out]
        self.records.append({"id": ident, "description": title, "project": self.action, "tags": owners,
                             "due": due and due.isoformat(), "done_on": done_on and done_on.isoformat()})

    def _state(self, due: date | None) -> tuple[str, date | None]:
        """Mostly done when due before the as-of date; a share overdue; the rest doing or not started."""
        rng = self.rng
        if due is not None and due < AS_OF and rng.random() < 0.75:
            return "done", _day(rng, max(START, due - timedelta(days=30)), min(AS_OF, due + timedelta(days=10)))
        return rng.choices(["todo", "doing", "blocked"], weights=[3, 6, 1])[0], None


def _follow(parts: list[tuple[str, date | None]]) -> tuple[str, date | None]:
    """A shared task is done when every unit's part is (on the latest date), else doing or not started."""
    if all(status == "done" for status, _ in parts):
        return "done", max(on for _, on in parts if on is not None)
    return ("doing", None) if any(status in ("done", "doing") for status, _ in parts) else ("todo", None)


def generate(n_tasks: int, folder: Path, seed: int = 2022) -> None:
    """Write a campaign of ``n_tasks`` tasks (ad-hoc ones included) into ``folder``, the same tasks as
    ``tasks.json`` (id, description, project = action, tags = owners, due, done_on) for taskwarrior, and
    in ``done-task.txt`` the id of an open task near the middle, the one the benchmark marks done."""
    folder.mkdir(parents=True, exist_ok=True)
    units_text, units = units_yaml()
    writer = Writer(n_tasks, units, seed)
    (folder / "units.yaml").write_text(units_text, encoding="utf-8")
    (folder / "tasks.yaml").write_text(writer.text(), encoding="utf-8")
    (folder / "tasks.json").write_text(json.dumps(writer.records, ensure_ascii=False), encoding="utf-8")
    open_ids = [r["id"] for r in writer.records if r["done_on"] is None and not str(r["id"]).startswith("AH")]
    (folder / "done-task.txt").write_text(f"{open_ids[len(open_ids) // 2]}\n", encoding="utf-8")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: python bench/generate.py N_TASKS OUT_DIR")
    generate(int(sys.argv[1]), Path(sys.argv[2]))

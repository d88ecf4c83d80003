"""Field-visit ledgers (查访台账) in the real format: the built-in sample's, and a province's for the benchmark.

``python bench/ledger_generate.py sample data`` writes the Guilin sample's ``data/ledger/`` (about 300
visits from March to July 2022, problems of every category, key enterprises, the 18 policies).
``python bench/ledger_generate.py province OUT_DIR [VISITS]`` writes a province's year (14 cities,
30,000 visits by default) into a folder made by ``bench/generate.py``. The same arguments give the
same bytes. The text is written directly, in the style a clerk keeps by hand: a comment per day,
one line per visit, a block per problem.
"""

from __future__ import annotations

import random
import re
import sys
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
AS_OF = date(2022, 7, 31)
NAMES = ["华源", "桂旺", "漓江", "山水", "金桂", "恒达", "福泰", "鑫隆", "兴桂", "瑞丰", "宏发", "嘉和", "中兴", "永盛", "康达", "顺景"]
TRADES = [("食品", "有限公司"), ("米粉", "有限公司"), ("旅游", "开发有限公司"), ("矿业", "有限公司"), ("建材", "有限公司"),
          ("电子", "科技有限公司"), ("茶业", "有限公司"), ("果业", "专业合作社"), ("酒店", "管理有限公司"), ("物流", "有限公司")]
SHOPS = ["餐馆", "小吃店", "五金店", "民宿", "服装店", "便利店", "米粉店", "修车行"]
# category -> (what was found, what the problem says, who solves it in the sample, how it was solved)
CATEGORIES = {
    "资金缺口": ("流动资金紧张", "申请流动资金贷款，缺少抵押物", ["jrb", "rmyh", "czj"], "对接银行发放信用贷款"),
    "土地确权": ("厂房用地未确权", "厂房用地历史遗留问题，未办理不动产权证", ["zrzyj"], "协调补办不动产权证"),
    "采矿许可": ("采矿许可证到期", "采矿许可证延续手续办理缓慢", ["zrzyj"], "指导补齐材料，完成延续登记"),
    "供电": ("用电负荷不足", "扩产后变压器容量不足，需增容", ["gxj", "fgw"], "协调供电部门完成增容"),
    "招工": ("招工难", "旺季用工缺口较大", ["rsj"], "组织专场招聘会"),
    "租金减免": ("租用国有房屋", "租用国有房屋，申请减免租金", ["gzw", "czj"], "按政策减免3个月租金"),
    "其他": ("审批事项多", "项目审批环节多、时间长", ["xzspj", "scjgj", "sws"], "开通绿色通道并联审批"),
}
CITY_TEAMS = ["scjgj", "rsj", "gxj", "jrb", "swj", "gsl"]
COUNTIES = ["xiufeng", "diecai", "xiangshan", "qixing", "yanshan", "lingui", "yangshuo", "lingchuan", "quanzhou",
            "xingan", "yongfu", "guanyang", "longsheng", "ziyuan", "pingle", "gongcheng", "lipu"]
DIVISIONS = dict(zip(COUNTIES, ["450302", "450303", "450304", "450305", "450311", "450312", "450321", "450323",
                                "450324", "450325", "450326", "450327", "450328", "450329", "450330", "450332", "450381"], strict=True))


def credit_code(rng: random.Random, division: str) -> str:
    body = "91" + division + "".join(rng.choice(CHARSET[:10] + "MA") for _ in range(9))
    total = sum(CHARSET.index(ch) * w for ch, w in zip(body, WEIGHTS, strict=True))
    return body + CHARSET[(31 - total % 31) % 31]


@dataclass
class Setting:
    teams: list[str]
    counties: list[str]
    solvers: dict[str, list[str]]
    months: list[str]
    per_month: int
    key_share: float
    as_of: date = AS_OF  # the ledger is a snapshot as of this day: nothing is solved after it


def _entity(rng: random.Random, county: str, division: str, key: bool) -> tuple[str, str | None]:
    if key or rng.random() < 0.7:
        name, (trade, form) = rng.choice(NAMES), rng.choice(TRADES)
        return f"桂林{name}{trade}{form}", credit_code(rng, division)
    return f"{rng.choice(NAMES)}{rng.choice(SHOPS)}（个体户）", None


class MonthWriter:
    """One month file: visits, then the problems raised on them (or directly)."""

    def __init__(self, rng: random.Random, s: Setting, month: str, serial: list[int]) -> None:
        self.rng, self.s, self.month, self.serial = rng, s, month, serial
        self.visits: list[str] = []
        self.problems: list[str] = []

    def text(self) -> str:
        year, mon = self.month.split("-")
        head = [f"# {year}年{int(mon)}月查访台账：查访记录（visits）和收集的问题（problems）", "# 每条查访一行；问题解决后改 status、填 solved_on 和 how。",
                "# 统一社会信用代码全是数字时要加引号，例如 credit_code: '914503001234567890'。", ""]
        return "\n".join(head + ["visits:"] + self.visits + ["", "problems:"] + self.problems) + "\n"

    def fill(self) -> None:
        first = date.fromisoformat(self.month + "-01")
        days = sorted(first + timedelta(days=self.rng.randrange(28)) for _ in range(self.s.per_month))
        last_day, counts = None, {}
        for day in days:
            if day != last_day:
                self.visits.append(f"  # {day.month}月{day.day}日")
                last_day = day
            team = self.rng.choice(self.s.teams)
            counts[(day, team)] = n = counts.get((day, team), 0) + 1
            self._visit(day, team, f"V{day:%Y%m%d}-{team}-{n}")
        for _ in range(2):  # raised directly (a phone call, a letter), not on a visit
            self._problem(first + timedelta(days=self.rng.randrange(28)), None, self.rng.choice(list(CATEGORIES)), self.rng.choice(self.s.counties))

    def _visit(self, day: date, team: str, ident: str) -> None:
        rng = self.rng
        county = team if team in self.s.counties else rng.choice(self.s.counties)
        key = rng.random() < self.s.key_share
        entity, code = _entity(rng, county, DIVISIONS.get(county, "450300"), key)
        category = rng.choice(list(CATEGORIES)) if rng.random() < 0.45 else None
        fields = [f"id: {ident}", f"date: {day}", f"team: {team}", f"entity: {entity}"]
        fields += [f"credit_code: '{code}'" if code and code.isdigit() else f"credit_code: {code}"] if code else []
        fields += ["key: true"] if key else []
        fields.append(f"found: {CATEGORIES[category][0]}" if category else "found: 经营正常，宣传惠企政策")
        self.visits.append("  - {" + ", ".join(fields) + "}")
        if category:
            self._problem(day, ident, category, county)

    def _problem(self, day: date, visit: str | None, category: str, county: str) -> None:
        rng, (_, text, solvers, how) = self.rng, CATEGORIES[category]
        self.serial[0] += 1
        unit = county if rng.random() < 0.25 else rng.choice([u for u in solvers if u in self.s.solvers.get(category, solvers)] or solvers)
        due = day + timedelta(days=rng.choice([15, 30, 30, 45, 60]))
        lines = [f"  - id: P{day:%y%m}-{self.serial[0]:04d}", f"    raised_on: {day}"]
        lines += [f"    visit: {visit}"] if visit else []
        lines += [f"    category: {category}", f"    text: {text}", f"    unit: {unit}", f"    due: {due}"]
        solved = day + timedelta(days=rng.randrange(3, (due - day).days + 12))
        if solved <= self.s.as_of and rng.random() < 0.85:
            lines += ["    status: solved", f"    solved_on: {solved}", f"    how: {how}"]
            if rng.random() < 0.05 and solved + timedelta(days=5) <= self.s.as_of:
                lines = self._reopened(lines, solved, how)
        else:
            lines.append("    status: open")
        self.problems += lines


    def _reopened(self, lines: list[str], solved: date, how: str) -> list[str]:
        """Reopened five days after its first solution (the enterprise said it was not solved)."""
        again = solved + timedelta(days=5)
        head = lines[:-3]
        if again + timedelta(days=7) <= self.s.as_of:
            head += ["    status: solved", f"    solved_on: {again + timedelta(days=7)}", f"    how: {how}（复核后再次办结）"]
        else:
            head.append("    status: open")
        return head + ["    reopened:", f"      - {{date: {again}, reason: 企业反映问题仍未解决, was_solved_on: {solved}, was_how: {how}}}"]


def month_texts(s: Setting, seed: int) -> dict[str, str]:
    rng, serial, out = random.Random(seed), [0], {}
    for month in s.months:
        writer = MonthWriter(rng, s, month, serial)
        writer.fill()
        out[f"{month}.yaml"] = writer.text()
    return out


POLICIES_HEAD = """\
# 查访台账的清单：问题类别和政策落实清单
#
# categories  问题类别：查访收集的问题按这些类别统计；需要新类别时在末尾加一行。
# policies    政策落实清单：每项政策一条。
#   id       编号（R 开头为自治区措施，C 开头为市级措施）
#   source   出处：统计时按出处分组，例如“自治区20条措施”“市6条措施”
#   level    region 自治区；city 本市
#   city_can 市级能否落实（自治区措施中只有市级可落实的才计入“应落实”）
#   units    责任单位代号；status todo 未开始 / doing 推进中 / done 已落实；done_on 落实日期

categories: [资金缺口, 土地确权, 采矿许可, 供电, 招工, 租金减免, 其他]

policies:
"""
REGION = ["减免小微企业和个体工商户房屋租金", "阶段性缓缴社会保险费", "加大普惠小微贷款支持", "实施增值税留抵退税",
          "降低市场主体用水用电用网成本", "扩大政府采购中小企业份额", "清理规范涉企收费", "开展稳岗返还",
          "落实创业担保贷款贴息", "优化企业开办服务", "推行惠企政策免申即享", "加强中小企业融资担保"]
CITY = ["设立市场主体纾困资金", "开展千名干部进万企查访", "组建重点企业服务专班", "推行个体工商户分型分类帮扶",
        "开展银企对接专项行动", "实施新设市场主体首贷培育"]
REGION_UNITS = ["gzw", "rsj", "rmyh", "sws", "fgw", "czj", "fgw", "rsj", "czj", "scjgj", "xzspj", "jrb"]
CITY_UNITS = ["czj", "scjgj", "gxj", "scjgj", "jrb", "rmyh"]


def lists_text() -> str:
    lines = [POLICIES_HEAD.rstrip("\n"), "  # ----- 自治区20条措施中市级可落实的12项 -----"]
    for i, (name, unit) in enumerate(zip(REGION, REGION_UNITS, strict=True), 1):
        done = f"status: done, done_on: 2022-{3 + i % 4:02d}-{10 + i:02d}" if i <= 10 else "status: doing"
        lines.append(f"  - {{id: R{i:02d}, name: {name}, source: 自治区20条措施, level: region, units: [{unit}], {done}}}")
    lines.append("  # ----- 市6条措施 -----")
    for i, (name, unit) in enumerate(zip(CITY, CITY_UNITS, strict=True), 1):
        done = f"status: done, done_on: 2022-{4 + i % 3:02d}-{5 + i:02d}" if i <= 5 else "status: doing"
        lines.append(f"  - {{id: C{i:02d}, name: {name}, source: 市6条措施, level: city, units: [{unit}], {done}}}")
    return "\n".join(lines) + "\n"


def write(folder: Path, texts: dict[str, str]) -> None:
    (folder / "ledger").mkdir(parents=True, exist_ok=True)
    for name, text in texts.items():
        (folder / "ledger" / name).write_text(text, encoding="utf-8")


def sample(folder: Path) -> None:
    s = Setting(CITY_TEAMS + COUNTIES, COUNTIES, {}, [f"2022-0{m}" for m in range(3, 8)], 60, 0.06)
    write(folder, {**month_texts(s, 2022), "lists.yaml": lists_text()})


def province(folder: Path, visits: int) -> None:
    """A year at province scale, for a folder of ``bench/generate.py``: its unit ids (dept01.., c01-1..)."""
    depts = [f"dept{i:02d}" for i in range(1, 31)]
    counties = [f"c{c:02d}-{k}" for c in range(1, 15) for k in range(1, 9)]
    solvers = {cat: depts for cat in CATEGORIES}
    global DIVISIONS
    DIVISIONS = {c: f"45{int(c[1:3]):02d}{int(c[4:]):02d}" for c in counties}
    s = Setting(depts[:10] + counties, counties, solvers, [f"2022-{m:02d}" for m in range(1, 13)], visits // 12, 0.02, date(2022, 12, 31))
    texts = month_texts(s, 2022)
    for name in texts:  # the province's solvers are its departments, not the city's
        for _, _, units, _ in CATEGORIES.values():
            for u in units:
                texts[name] = texts[name].replace(f"    unit: {u}\n", f"    unit: dept{1 + sum(map(ord, u)) % 30:02d}\n")
    lists = re.sub(r"units: \[(\w+)\]", lambda m: f"units: [dept{1 + sum(map(ord, m[1])) % 30:02d}]", lists_text())
    write(folder, {**texts, "lists.yaml": lists})


if __name__ == "__main__":
    if len(sys.argv) >= 3 and sys.argv[1] == "sample":
        sample(Path(sys.argv[2]))
    elif len(sys.argv) >= 3 and sys.argv[1] == "province":
        province(Path(sys.argv[2]), int(sys.argv[3]) if len(sys.argv) > 3 else 30000)
    else:
        sys.exit("usage: python bench/ledger_generate.py sample DATA_DIR | province OUT_DIR [VISITS]")

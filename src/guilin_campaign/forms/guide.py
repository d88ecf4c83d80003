"""The 填报说明 sheet's text: who fills the form, for which month, by when, and how each column is filled."""

from __future__ import annotations

from datetime import date


def guide_lines(unit: str, month: str, due: date, office: str, visits: bool = False) -> list[str]:
    lines = _lines(unit, month, due, office)
    return [*lines[:-1], *(_VISITS if visits else ()), lines[-1]]  # the 查访记录 section before the last line


_VISITS = (
    "五、查访记录填写方法（县、市、区填写）",
    "　　每行登记本月的一次查访：查访日期（本月内的日期）、查访对象（市场主体名称）必填；统一社会信用代码照营业执照填写，"
    "没有可不填；重点企业选“是”或“否”；查访发现写查访中了解的情况。",
    "　　查访中发现问题的，在同一行选择问题类别，填写问题描述、责任单位（单位简称，本单位负责可不填）和办结时限；"
    "没有问题的，这几列留空。行数不够的，请与办公室联系。",
)


def _lines(unit: str, month: str, due: date, office: str) -> list[str]:
    return [
        f"填报单位：{unit}",
        f"填报月份：{month}",
        f"报送截止：{due.year}年{due.month}月{due.day}日前，将本表报送{office}。",
        "一、填写范围",
        "　　“任务进展”表列出本单位本月负责（牵头、责任）和配合的任务；“指标数据”表列出本单位本月报送的指标。"
        "灰色表头和白色单元格由指挥部办公室生成，不能修改；只在浅黄色单元格中填写。",
        "二、任务进展各列填写方法",
        "　　本月状态：从下拉列表选择“未开始”“推进中”“已完成”“受阻”之一；状态没有变化的可以不填（不填表示不变）。",
        "　　完成日期：选“已完成”时必须填写，写成日期（年/月/日），如 2022/8/5 或 2022年8月5日，"
        "不能早于攻坚战开始、不能晚于本月最后一天；其他状态不填。",
        "　　进展情况：本月工作进展，写文字；没有可不填。",
        "　　存在问题：困难和问题；选“受阻”时必须填写受阻原因。",
        "　　角色为“配合”的任务只填写进展情况和存在问题，本月状态和完成日期由牵头（责任）单位填报。",
        "三、指标数据填写方法",
        "　　本月数值：填写本月数据，只写数字（如 12000 或 12,000；计量单位为 % 的可写 3.5 或 3.5%）；累计指标填年初至本月底的累计数。"
        "没有数据的不填。",
        "四、注意事项",
        "　　不要增删行和列、不要合并单元格、不要改动编号；本表由系统逐格核对，改动过的表格将被退回。"
        "可以另存、改文件名，也可以打印后手工填写再录入。",
        "（本表由 guilin-campaign 生成。）",
    ]

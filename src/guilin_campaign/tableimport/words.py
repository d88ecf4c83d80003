"""Every word of the import that the clerk reads, in one place (a later issue moves them into the
bilingual catalogue). Cell addresses and file names are filled in by the callers."""

from __future__ import annotations

# where things are
DOCX_TABLE = "表{n}"
DOCX_CELL = "第{row}行第{col}列"
ROW_COMMENT_XLSX = "分解表第{row}行"
ROW_COMMENT_DOCX = "{table}第{row}行"

# reading the file (the errors that stop it are catalogue entries import.*)
FORMULA_WITHOUT_VALUE = "公式单元格没有保存的计算结果（本程序不计算公式）：请用 Excel 或 WPS 打开该文件、保存后再导入，或把公式改成数值"
NO_YEAR = "无法确定攻坚战的年份：表中的完成时限都没有写年份，请用 --year 指定（例如 --year 2023）"
NO_TASKS = "表头下面没有任何具体任务：请检查是否选对了工作表（--sheet）"
NO_LEAD = "无法确定攻坚战的牵头单位：表中没有可用的单位"
NOT_WRITTEN = "有 {n} 个问题，未写入任何文件"
WOULD_NOT_PASS = "导入结果没有通过检查（见上），未写入任何文件；请把这些问题报告给维护人员"

# deadlines
DUE_UNREADABLE = "无法识别的完成时限 '{text}'；任务已导入但没有写 due，请核对后补写 due: YYYY-MM-DD"
DUE_NO_YEAR = "完成时限 '{text}' 没有写年份；请用 --year 指定年份后重新导入，或在 tasks.yaml 中补写 due"
DUE_EMPTY = "完成时限为空；任务已导入但没有写 due"
DUE_AMBIGUOUS_NUMBER = "完成时限 {text} 是数字单元格，无法区分1月和10月；请在表中写成文字（如 2023.10 或 2023年10月）"
DUE_GUESS_MONTH_BEFORE = "'{text}' 按当月月底计，due: {due}"
DUE_GUESS_YEAR = "'{text}' 按当年年底计"
ONGOING_NOTE = "完成时限：{text}（常态化工作，不设 due）"
UNREAD_NOTE = "完成时限：{text}（未能识别，请核对后补写 due）"

# units
KINDS = {"department": "市直部门 department", "county": "县（市、区）county"}
UNIT_NEW = "新建单位 {id} {name}：类别按名称猜为{kind}"
UNIT_SAME = "'{short}' 按 '{full}' 的简写处理，同为 {id}"
UNIT_PREFIX = "'{name}' 按名称开头匹配为 {id}（{full}）"
UNIT_COUNTIES_LISTED = "'{name}' 写作全部 {count} 个县（市、区）单位（units.yaml 中没有恰好由它们组成的分组）"
UNIT_UNKNOWN = "单位 '{name}' 不在 units.yaml 中：请写全称或简称，或先把它加进 units.yaml"
UNIT_AMBIGUOUS = "单位 '{name}' 可能是 {ids} 中的任何一个：请写全称"
UNIT_COUNTIES_FOUND = "'{name}' 写作表中出现过的 {count} 个县（市、区）（分组 counties）；表中没有写到的县（市、区）请在 units.yaml 中补上"
UNIT_NO_COUNTIES = "'{name}' 指全部县（市、区），但单位名单中没有任何县（市、区）：请用 --units 给出单位文件，或在表中写出各县（市、区）名称"
UNIT_VAGUE = "无法确定 '{name}' 指哪些单位：请在表中写出单位名称"
NO_OWNERS = "没有责任单位（牵头单位或责任单位）：每项任务至少要有一个责任单位"

# rows and columns
FIELD_WORDS = {"action": "专项行动", "measure": "举措"}
CARRIED_DOWN = "{at}: {what}为空白，沿用上一行的 '{name}'"
SKIPPED_HEADING = "{at}: 跨列合并的标题行 '{text}'，未导入"
HEADING_AS_ACTION = "{at}: 跨列合并的标题行作为下面各行的专项行动 '{name}'"
SKIPPED_NOTE = "{at}: 注释行，未导入"
ROW_WITHOUT_TASK = "{at}: 这一行没有具体任务，未导入：'{text}'"
CONTINUATION = "{table} 的表头与 {first} 相同，作为续表一并导入"
OTHER_TABLE = "{table} 也有任务分解表的表头，未导入；需要时用 --sheet {table} 单独导入"
NO_ACTION_COLUMN = "表中没有“专项行动”列：全部任务归入一个专项行动 '{name}'"
NO_MEASURE_COLUMN = "表中没有“举措”列：每个专项行动下建一条同名举措"
NO_DUE_COLUMN = "表中没有“完成时限”列：全部任务都不写 due"
CAMPAIGN_NAME = "攻坚战名称取自{source} '{name}'"
CAMPAIGN_FROM_TITLE = "表格标题"
CAMPAIGN_FROM_FILE = "文件名"
CAMPAIGN_LEAD = "攻坚战牵头单位取被列为第一责任单位次数最多的 {id}"
CAMPAIGN_YEARS = "攻坚战起止日期取 {start} 至 {end}"

# indicators
TARGET_EMPTY = "目标值为空"
TARGET_UNREADABLE = "无法识别的目标值 '{text}'"
TARGETS_MISMATCH = "指标有 {n} 项而目标值有 {m} 项，无法对应"
INDICATOR_SKIPPED = "指标 '{name}' 未导入：{why}；请在 tasks.yaml 中手工添加"
INDICATOR_RATE = "{id} {name}：按水平值（kind: rate）处理"
INDICATOR_LOWER = "{id} {name}：越小越好（better: lower）"

# the summary
SUMMARY_SOURCE = "导入 {source}，表头在第{row}行"
SUMMARY_COUNTS = "专项行动 {actions} 项，举措 {measures} 条，指标 {indicators} 项，具体任务 {tasks} 项，单位 {units} 个{how}"
UNITS_NEW = "（新建 units.yaml，代号 u01、u02……可以改成拼音缩写，改时把 tasks.yaml 中的代号一并替换）"
UNITS_GIVEN = "（单位取自 {file}）"
UNUSED_COLUMNS = "未使用的列：{columns}"
SECTION_GUESSES = "猜测（{n} 项，请核对）："
SECTION_REFUSALS = "未识别（{n} 项，已导入但缺少该项）："
SECTION_ERRORS = "错误（{n} 项，必须改正后才能导入）："
SECTION_SKIPPED = "跳过（{n} 行）："
DRY_RUN = "试运行（--dry-run）：未写入任何文件"
WROTE = "已写入 {tasks} 和 {units}；下一步：guilin-campaign check --data {folder}"

# the files written
TASKS_HEADER = """\
# {title}
#
# 由 guilin-campaign import table 从 {source} 导入。每项任务旁的注释是它在原表中的行号，便于核对。
# 请核对导入时的猜测（见导入时打印的汇总），尤其是指标的 key（重点指标）、kind、better 和 target。
# 单位一律写代号，代号见 units.yaml；改完后运行 guilin-campaign check 核对一遍。
"""
UNITS_HEADER = """\
# 成员单位名单（由 guilin-campaign import table 从 {source} 导入）
#
# 代号 u01、u02……是导入时的临时编号，可以改成好记的拼音缩写（如 scjgj 表示市市场监管局），
# 只用小写英文字母、数字和“-”；改代号时，tasks.yaml 中用到它的地方要一并改掉。
# kind 是按名称猜的类别：department 市直部门，county 县（市、区）人民政府，请逐个核对。
"""
COUNTIES_COMMENT = "# 全部县（市、区）"

"""Messages of the library: refusals of reports, views and the table import (``key: (zh, en)``).

Keys are grouped by the part of the library that says them; a problem's key is its stable ``code``
in ``check --format json``. Ids, keys and values the clerk writes in the file (``status: done``,
``YYYY-MM-DD``) stay as they are in both languages.
"""

from __future__ import annotations

ENTRIES: dict[str, tuple[str, str]] = {
    # report/ and queries/: refusals of a report or a view
    "report.table_to_file": ("表格只用于在终端显示；写入文件请用 md、html、json 或 xlsx 格式", "a table is for the terminal; write a file as md, html, json or xlsx"),
    "report.binary_to_terminal": ("{what}不能输出到终端；请指定输出文件 FILE.{fmt}", "a {what} cannot be printed to the terminal; name an output file, FILE.{fmt}"),
    "report.workbook": ("Excel 工作簿", "workbook"),
    "report.word_document": ("Word 文档", "Word document"),
    "report.unknown_suffix": ("从 {name} 看不出格式；文件名请以 .md、.html、.json、.xlsx 或 .docx 结尾，或指明格式",
                              "cannot tell the format from {name}; name it .md, .html, .json, .xlsx or .docx, or name the format"),
    "report.data_file": ("拒绝：{path} 是攻坚战的数据文件；请把报告写到别处", "refused: {path} is a data file of the campaign; write the report elsewhere"),
    "report.not_a_monthly": ("不是月份：{text}；写成 YYYY-MM，例如 2022-06", "not a month: {text}; write YYYY-MM, e.g. 2022-06"),
    "report.not_a_quarterly": ("不是季度：{text}；写成 YYYY-QN，例如 2022-Q2", "not a quarter: {text}; write YYYY-QN, e.g. 2022-Q2"),
    "query.unknown_category": ("不认识类别 {category}{hint}；类别有 {known}", "unknown category {category}{hint}; the categories are {known}"),
    "query.group_not_unit": ("{ref} 是 {count} 个单位的组；请指定其中一个：{units}", "{ref} is a group of {count} units; name one of them: {units}"),
    "query.unknown_action": ("不认识专项行动 {action}；专项行动有 {known}", "unknown action {action}; actions are {known}"),
    # tableimport/: the errors that stop an import of a task decomposition table
    "import.no_file": ("找不到文件 {file}", "no such file: {file}"),
    "import.unsupported": ("不能读取 {file}：只支持 .xlsx 工作簿和 .docx 文档（.xls、.doc、.et、.wps 请先另存为 .xlsx 或 .docx）",
                           "cannot read {file}: only .xlsx workbooks and .docx documents are read (save .xls, .doc, .et or .wps as .xlsx or .docx first)"),
    "import.bad_xlsx": ("{file} 不是可以读取的 .xlsx 工作簿（{why}）：请用 Excel 或 WPS 打开后另存为 .xlsx",
                        "{file} is not a readable .xlsx workbook ({why}): open it in Excel or WPS and save it as .xlsx"),
    "import.bad_docx": ("{file} 不是可以读取的 .docx 文档（{why}）：请用 Word 或 WPS 打开后另存为 .docx",
                        "{file} is not a readable .docx document ({why}): open it in Word or WPS and save it as .docx"),
    "import.no_such_sheet": ("{file} 中没有名为 '{sheet}' 的工作表；工作表有：{names}", "{file} has no sheet named '{sheet}'; its sheets are: {names}"),
    "import.no_such_table": ("{file} 中没有 '{table}'；文档共有 {count} 个表格，写 表1（或 1）选第一个",
                             "{file} has no '{table}'; the document has {count} table(s): write 表1 (or 1) for the first"),
    "import.no_tables": ("{file} 中没有表格", "{file} holds no table"),
    "import.no_header": ("{file} 中找不到任务分解表的表头（已查看：{tables}）：表头须有“具体任务”（或“工作任务”等）列和“责任单位”或“牵头单位”列；表头写法特殊时，请指明 列名=字段",
                         "no header of a task decomposition table found in {file} (looked at: {tables}): the header needs a 具体任务 (or 工作任务 ...) column and a 责任单位 or 牵头单位 column; for an unusual header, say which column is which field (COLUMN=FIELD)"),
    "import.bad_map": ("{item}：应写成 列名=字段，字段是以下之一：{fields}", "{item}: write COLUMN=FIELD, the field one of: {fields}"),
    "import.map_not_found": ("指定的列 '{column}' 不在 {table} 的表头中", "the column '{column}' is not in the header of {table}"),
    "import.units_file_bad": ("单位文件 {file} 有问题（见上），请先改正", "the units file {file} has problems (listed above): correct them first"),
    "import.dir_has_data": ("{path} 已经存在，导入不会覆盖已有数据：请换一个空文件夹，或先把它移走",
                            "{path} already exists and an import never replaces data: choose an empty folder, or move it away first"),
    "import.not_a_folder": ("{path} 已存在且不是文件夹：请换一个文件夹名", "{path} exists and is not a folder: choose another folder name"),
    "import.bad_year": ("{year}：请写四位年份，例如 2023", "{year}: write a four-digit year, e.g. 2023"),
    "import.cannot_create": ("{path}：{why}", "{path}: {why}"),
}

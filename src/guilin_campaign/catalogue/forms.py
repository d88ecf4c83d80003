"""Messages of unit forms: export, import, status (填报表) (``key: (zh, en)``)."""

from __future__ import annotations

ENTRIES: dict[str, tuple[str, str]] = {
    # help
    "cmd.form.status": (
        "各单位本月填报表的报送情况：已报（导入日期、填报行数）和未报单位。",
        "Which units owing a form this month have returned it (when imported, how many rows) and which have not (未报).",
    ),
    "opt.form.status.fail_if_missing": ("有未报单位时以退出码 1 结束（供脚本使用）。", "Exit 1 when a unit has not reported (for scripts)."),
    "opt.form.import.commit": (
        "每份填报表导入后单独提交一次 git（数据文件有未提交的手工改动时拒绝）。",
        "Make one git commit per imported workbook (refused while a data file has uncommitted hand edits).",
    ),
    # form import
    "forms.summary.refused": (
        "{file}：退回（{who}）：{count} 处问题，本表任何内容均不导入",
        "{file}: refused ({who}): {count} problem(s), nothing from it would be applied",
    ),
    "forms.summary.nothing": ("{file}：{who}：没有需要更新的内容", "{file}: {who}: nothing would change"),
    "forms.summary.would": (
        "{file}：{who}：将更新 {statuses} 项状态、{notes} 条情况说明、{readings} 项指标数据",
        "{file}: {who}: {statuses} status change(s), {notes} log text(s), {readings} reading(s) would be applied",
    ),
    "forms.summary.applied": (
        "{file}：{who}：更新 {statuses} 项状态、{notes} 条情况说明、{readings} 项指标数据",
        "{file}: {who}: {statuses} status change(s), {notes} log text(s), {readings} reading(s) applied",
    ),
    "forms.import.applied": (
        "{file}：{who} 已导入（{tasks} 项任务、{indicators} 项指标，填报 {rows} 行），已写入 {path}",
        "{file}: {who} imported ({tasks} task(s), {indicators} indicator(s), {rows} row(s) answered): {path} updated",
    ),
    "forms.import.recorded": (
        "{file}：{who} 已导入（填报 {rows} 行），数据无需更新，已登记为已报",
        "{file}: {who} imported ({rows} row(s) answered): nothing to change in the data; recorded as reported",
    ),
    "forms.import.already": (
        "{file}：{who} 的填报表已于 {day} 导入，本次没有任何改动",
        "{file}: {who}'s form was imported on {day} already; nothing changed this time",
    ),
    "forms.import.committed": ("已提交 {commit}（{message}）", "committed {commit} ({message})"),
    "forms.import.not_applied": ("{file}：未导入，数据未改动：{why}", "{file}: not imported, the data is unchanged: {why}"),
    "forms.import.refused": (
        "{total} 份填报表中 {refused} 份被退回或未导入；其余各份已分别处理",
        "{refused} of {total} workbook(s) refused or not applied; each of the others was handled on its own",
    ),
    "forms.import.refused_dry": (
        "{total} 份填报表中 {refused} 份被退回；试运行，没有写入任何文件",
        "{refused} of {total} workbook(s) refused; dry run: nothing was written",
    ),
    "forms.import.dry_run": ("试运行：没有写入任何文件", "dry run: nothing was written"),
    "forms.import.unrecorded": (
        "{path} 已更新，但导入记录未能写入（{why}）：再导入一次同一份填报表即可补记（数据不会重复更新）",
        "{path} was updated but the import could not be recorded ({why}): import the same workbook again to record it "
        "(the data is not changed twice)",
    ),
    "forms.changed_meanwhile": (
        "{file}：读表之后数据又被修改（{items}）：整份表未导入，请重新运行导入",
        "{file}: the data changed while the form was read ({items}): nothing from it was applied; run the import again",
    ),
    "forms.already_done": (
        "{task} 已于 {day} 完成：如需改完成日期，由指挥部办公室先重新打开该任务；否则请清空“完成日期”和“本月状态”",
        "{task} is already done on {day}: to change the day, the office reopens it first; otherwise clear 完成日期 and 本月状态",
    ),
    # the record of imports (forms/imports.yaml)
    "forms.imports.unreadable": (
        "导入记录 {path} 无法读取：按上面的提示改正（或从 git 恢复）后再运行",
        "the record of imports {path} cannot be read: correct it as said above (or restore it from git), then run again",
    ),
    "forms.imports.not_a_list": ("应为 imports: 下的列表，每次导入一项", "write a list under imports:, one item per import"),
    "forms.imports.bad_item": (
        "每项应为 {{month: 2022-08, unit: rsj, imported: 2022-09-03, rows: 7, tasks: 5, indicators: 2, file: 文件名.xlsx}}",
        "each item reads {{month: 2022-08, unit: rsj, imported: 2022-09-03, rows: 7, tasks: 5, indicators: 2, file: name.xlsx}}",
    ),
    "forms.imports.cannot_read": ("无法读取导入记录 {path}：{why}", "cannot read the record of imports {path}: {why}"),
    "forms.imports.cannot_write": ("无法写入导入记录 {path}：{why}", "cannot write the record of imports {path}: {why}"),
    "forms.imports.cannot_append": (
        "导入记录 {path} 的 imports: 列表不在文件末尾，无法自动追加：请手工调整该文件",
        "the list imports: is not at the end of {path}, so a record cannot be appended: edit the file by hand",
    ),
    # cell checks of a returned form (FILE:SHEET!CELL: ...)
    "forms.cell.formula_value": ("公式不能作为填报内容：请直接填写数值或文字", "a formula is not an answer: write the value itself"),
    "forms.cell.formula_number": ("公式不能作为填报内容：请直接填写数字", "a formula is not an answer: write the number itself"),
    "forms.cell.not_owned": (
        "数据中任务 {task} 已不再由本单位负责：本行请留空，或给该单位重新下发填报表",
        "task {task} is no longer owned by this unit in the data; leave the row blank or send the unit a new form",
    ),
    "forms.cell.not_supported": (
        "数据中任务 {task} 已不再由本单位配合：本行请留空，或给该单位重新下发填报表",
        "task {task} is no longer supported by this unit in the data; leave the row blank or send the unit a new form",
    ),
    "forms.cell.support_status": (
        "配合单位只填进展情况和存在问题：“本月状态”和“完成日期”请留空",
        "a supporting unit (配合) reports its progress only: leave 本月状态 and 完成日期 blank",
    ),
    "forms.cell.conflict_task": (
        "冲突：生成填报表时 {task} 为{was}，数据现为{now}，办公室已在此期间改动：请与该单位核实后手工录入",
        "conflict: when the form was made {task} was {was}; the data now says {now}; the office changed it meanwhile: "
        "check with the unit, then enter it by hand",
    ),
    "forms.cell.conflict_indicator": (
        "冲突：生成填报表时 {indicator} 的 {month} 数值为 {was}，数据现为 {now}：请与该单位核实后手工录入",
        "conflict: when the form was made {indicator} for {month} was {was}; the data now says {now}; check with the unit, "
        "then enter it by hand",
    ),
    "forms.cell.not_status": (
        "{word} 不是状态：请填写 未开始、推进中、已完成、受阻 之一（或留空）",
        "{word} is not a status: write one of 未开始, 推进中, 已完成, 受阻 (or leave it blank)",
    ),
    "forms.cell.date_without_status": (
        "填了完成日期却没有状态：此处请填写“已完成”，或清空完成日期",
        "a 完成日期 without a status: write 已完成 here, or clear the date",
    ),
    "forms.cell.blocked_reason": ("“受阻”须说明原因：请在“存在问题”中填写", "受阻 needs the reason: write it under 存在问题"),
    "forms.cell.date_only_done": (
        "只有“已完成”才填完成日期：请清空，或把状态改为“已完成”（现为{word}）",
        "完成日期 goes only with 已完成: clear it, or write 已完成 (status now {word})",
    ),
    "forms.cell.done_needs_day": (
        "“已完成”须填写完成日期，如 {example}",
        "已完成 needs the day it was finished: write it under 完成日期, e.g. {example}",
    ),
    "forms.cell.day_outside": (
        "完成日期 {day} 不在 {start} 至 {end} 之间（攻坚战开始至本月最后一天）：请填写实际完成日期",
        "完成日期 {day} is outside {start} .. {end} (the campaign, up to the month's last day): write the real day it was finished",
    ),
    "forms.cell.indicator_gone": ("数据中已没有指标 {indicator}：此格请留空", "indicator {indicator} is no longer in the data: leave the cell blank"),
    "forms.value.not_date": (
        "不是日期：{value}；请填写如 2022/8/5 或 2022年8月5日 的日期（或设为日期格式）",
        "not a date: {value}; write a date such as 2022/8/5 or 2022年8月5日 (or choose it as a date cell)",
    ),
    "forms.value.no_such_day": (
        "没有这一天：{value}；请填写如 2022/8/5 或 2022年8月5日 的日期",
        "no such day: {value}; write a date such as 2022/8/5 or 2022年8月5日 (or choose it as a date cell)",
    ),
    "forms.value.not_number": (
        "不是数字：{value}；请填写如 12000、12,000 或 3.5 的数字",
        "not a number: {value}; write a number such as 12000, 12,000 or 3.5",
    ),
    "forms.value.not_percent": (
        "{value}：该指标不以 % 计，请只写数字，如 {number}",
        "{value}: this indicator is not counted in %; write the number only, e.g. {number}",
    ),
    "forms.value.bad_commas": (
        "不是数字：{value}；请填写如 12000、12,000 或 3.5 的数字（逗号只能每三位一个）",
        "not a number: {value}; write a number such as 12000, 12,000 or 3.5 (commas only between groups of three digits)",
    ),
    "forms.sheet.hidden_missing": (
        "缺少隐藏的 {sheet} 表：这不是 form export 生成的填报表，或该表被删除；请给该单位重新下发填报表",
        "the hidden sheet {sheet} is missing: this is not a form made by `form export`, or the sheet was deleted; "
        "send the unit a new form",
    ),
    "forms.sheet.signature": (
        "填报表的校验签名不符：隐藏表被改动过，或由另一把办公室密钥生成；请给该单位重新下发填报表",
        "the form's signature does not match: its hidden sheet was changed, or it was made with another office key; "
        "send the unit a new form",
    ),
    "forms.sheet.missing": ("缺少 {sheet} 表；请给该单位重新下发填报表", "the sheet {sheet} is missing; send the unit a new form"),
    "forms.sheet.far_outside": (
        "在表格范围之外很远处写了内容：请删除（只在预留的行中填写）",
        "something was written far outside the table: delete it (answer only in the prepared rows)",
    ),
    "forms.sheet.row_without_id": (
        "插入了没有编号的行：请删除（只在预留的行中填写）",
        "a row without 编号 was inserted: delete it (answer only in the prepared rows)",
    ),
    "forms.sheet.unknown_row": ("编号 {id} 不是本表的行：请删除该行", "编号 {id} is not a row of this form: delete the row"),
    "forms.sheet.outside_answers": ("只能在填报列中填写：请删除此格内容", "write only in the answer columns: delete this cell's content"),
    "forms.sheet.row_missing": ("{id} 所在行缺失：请给该单位重新下发填报表", "the row of {id} is missing: send the unit a new form"),
    "forms.sheet.header": ("表头被改为 {got}，应为 {want}", "the header was changed to {got}; it must read {want}"),
    "forms.sheet.merged": (
        "合并了单元格 {range}：请取消合并，每行的内容填在各自的单元格中",
        "merged cells {range}: unmerge them and write each row's answer in its own cell",
    ),
    "forms.sheet.id_changed": (
        "编号被改动：原为 {want}，现为 {got}；请改回，或给该单位重新下发填报表",
        "编号 was changed: the form had {want}, it now reads {got}; put it back or send the unit a new form",
    ),
    "forms.sheet.locked_changed": (
        "锁定单元格被改动：原为 {want}，现为 {got}；请改回，或给该单位重新下发填报表",
        "a locked cell was changed: the form had {want}, it now reads {got}; put it back or send the unit a new form",
    ),
    "forms.file.not_a_file": ("不是文件：请指定交回的填报表（.xlsx）", "not a file: name a returned workbook (.xlsx)"),
    "forms.file.too_large": ("文件有 {size} 字节，填报表不会这么大：是否选错了文件？", "{size} bytes is too large for a form: is it the right file?"),
    "forms.file.not_xlsx": (
        "无法作为 .xlsx 工作簿读取（{error}）：请该单位另存为“Excel 工作簿 (.xlsx)”后重新报送",
        "cannot be read as an .xlsx workbook ({error}); ask the unit to save it as Excel 工作簿 (.xlsx) and send it again",
    ),
    "forms.identity.version": (
        "填报表版本为 {version}，本程序读取版本 {expected}：请重新下发填报表",
        "a form of version {version}; this program reads version {expected}: send a new form",
    ),
    "forms.identity.campaign": (
        "这是攻坚战 {campaign}（{start}）的填报表，不是 {expected}（{expected_start}）的：请用该攻坚战的数据导入",
        "a form of the campaign {campaign} ({start}), not of {expected} ({expected_start}): import it with that campaign's data",
    ),
    "forms.identity.unknown_unit": ("这是单位 {unit} 的填报表，units.yaml 中没有该单位", "a form of the unit {unit}, which units.yaml does not list"),
    "forms.identity.other_unit": (
        "这是{label}（{unit}）的填报表，不是{expected_label}（{expected}）的：这是别的单位的表",
        "a form of {label} ({unit}), not of {expected_label} ({expected}): this is another unit's form",
    ),
    "forms.identity.bad_month": ("填报表的月份 {month} 不是月份", "the form's month {month} is not a month"),
    "forms.identity.other_month": (
        "这是 {month} 的填报表，不是 {expected} 的：这是别的月份的表",
        "a form of {month}, not of {expected}: this is another month's form",
    ),
    # the office key
    "forms.key.missing": (
        "{path} 没有办公室密钥：填报表只能在持有生成它的密钥的电脑上核对；请从导出填报表的电脑复制密钥文件（见 docs/commands/form.md）",
        "no office key at {path}: forms are checked only on a machine that holds the key that made them; copy the key file "
        "from the machine that exported them (docs/commands/form.md)",
    ),
    "forms.key.cannot_create": ("无法创建办公室密钥 {path}：{why}", "cannot create the office key {path}: {why}"),
    "forms.key.cannot_write": ("无法写入办公室密钥 {path}：{why}", "cannot write the office key {path}: {why}"),
    "forms.key.cannot_read": ("无法读取办公室密钥 {path}：{why}", "cannot read the office key {path}: {why}"),
    "forms.key.symlink": ("办公室密钥 {path} 是符号链接：请把密钥文件本身放在那里", "the office key {path} is a symbolic link; put the key file itself there"),
    "forms.key.not_a_key": (
        "{path} 不是本程序的办公室密钥（{size} 字节，应为 {expected} 字节）：请放入正确的密钥文件，或移走它以生成新密钥（旧的填报表随之无法导入）",
        "{path} is not an office key of this program ({size} bytes, not {expected}); copy the right key file there, or move "
        "it away to make a new one (old forms then no longer import)",
    ),
    "forms.key.folder_not_folder": ("办公室密钥所在的 {path} 不是文件夹", "the office folder {path} is not a folder"),
    "forms.key.key_not_key": ("办公室密钥 {path} 不是普通文件", "the office key {path} is not a regular file"),
    "forms.key.folder_not_yours": (
        "办公室密钥所在文件夹 {path} 属于其他用户（uid {uid}）：请使用自己的文件夹",
        "the office folder {path} belongs to another user (uid {uid}); use one of your own",
    ),
    "forms.key.key_not_yours": (
        "办公室密钥 {path} 属于其他用户（uid {uid}）：请使用自己的密钥文件",
        "the office key {path} belongs to another user (uid {uid}); use one of your own",
    ),
    "forms.key.folder_open": (
        "办公室密钥所在文件夹 {path} 其他用户也可写入（权限 {mode}）：请运行 `chmod {private} {path}`",
        "the office folder {path} is open to other users (mode {mode}); run `chmod {private} {path}`",
    ),
    "forms.key.key_open": (
        "办公室密钥 {path} 其他用户也可读取（权限 {mode}）：请运行 `chmod {private} {path}`",
        "the office key {path} is open to other users (mode {mode}); run `chmod {private} {path}`",
    ),
    # form export
    "forms.export.unknown_unit": ("未知单位 {unit}：请填写 units.yaml 中的单位编号，如 {example}", "unknown unit {unit}: name a unit id of units.yaml, e.g. {example}"),
    "forms.export.not_a_folder": ("{folder} 不是文件夹：请先创建，或指定其他文件夹", "{folder} is not a folder: create it first, or name another"),
    "forms.export.wrote": ("已生成 {path}（{tasks} 项任务，{indicators} 项指标）", "wrote {path} ({tasks} 项任务, {indicators} 项指标)"),
    # the 查访记录 sheet of a county's form (read and checked; entering it in the ledger comes later)
    "forms.visit.no_date": ("请填写查访日期，如 2022/8/5", "write the day of the visit under 查访日期, e.g. 2022/8/5"),
    "forms.visit.no_due": ("有问题时须填写办结时限，如 2022/9/30", "a problem needs its deadline under 办结时限, e.g. 2022/9/30"),
    "forms.visit.outside_month": (
        "查访日期 {day} 不在 {month} 内：本表只登记本月的查访",
        "查访日期 {day} is not in {month}: this form lists the month's visits only",
    ),
    "forms.visit.due_before_visit": ("办结时限 {day} 早于查访日期 {visit}", "办结时限 {day} is before the visit ({visit})"),
    "forms.visit.no_entity": ("请填写查访对象（市场主体名称）", "write the entity visited under 查访对象"),
    "forms.visit.yes_no": ("{word}：重点企业请填“是”或“否”（不是可不填）", "{word}: write 是 or 否 under 重点企业 (or leave it blank)"),
    "forms.visit.problem_without_category": (
        "填写问题时须先选择问题类别；没有问题则本行右侧各列留空",
        "a problem needs its 问题类别; without a problem leave the columns from 问题类别 on blank",
    ),
    "forms.visit.category": ("{word} 不是问题类别：请从 {categories} 中选择", "{word} is not a problem category: choose one of {categories}"),
    "forms.visit.no_problem_text": ("请在问题描述中写明问题", "write the problem under 问题描述"),
    "forms.visit.unknown_unit": (
        "{name} 不是成员单位：请写单位简称（如 市人社局），本单位负责可不填",
        "{name} is not a member unit: write a unit's short name (e.g. 市人社局), or leave it blank for this unit",
    ),
    "forms.visit.listed": (
        "查访记录 {count} 条已核对，暂不能自动写入查访台账（待台账写入命令完成），请用以下命令录入：",
        "{count} visit(s) of 查访记录 checked; they are not entered in the ledger automatically yet (that waits for the "
        "ledger's write commands): enter them with",
    ),
    "forms.visit.row": ("第 {row} 行", "row {row}"),
    "forms.visit.id_above": ("<上一条查访的编号>", "<the id of the visit above>"),
}

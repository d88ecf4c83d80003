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
}

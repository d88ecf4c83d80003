"""The command line's own words: its notes and messages (``cli.*``), Click's words as far as they
can be reached (``click.*``) and naming a unit or status on the command line (``lookup.*``;
``key: (zh, en)``). The help of commands and options is in :mod:`.help_cmds` and :mod:`.help_opts`."""

from __future__ import annotations

ENTRIES: dict[str, tuple[str, str]] = {
    # the prefixes of lines on stderr
    "cli.error": ("错误：{text}", "error: {text}"),
    "cli.note": ("提示：{text}", "note: {text}"),
    "cli.wrote": ("已写入 {path}", "wrote {path}"),
    # --lang and the language
    "cli.bad_lang": ("--lang：无法识别 {value}；请写 zh（中文）或 en（英文）", "--lang: {value} is not a language; write zh (Chinese) or en (English)"),
    "cli.lang_needs_value": ("--lang 后面要写 zh（中文）或 en（英文）", "--lang needs a value: zh (Chinese) or en (English)"),
    # app.py and entry.py: the last line of defence
    "cli.internal_error": ("guilin-campaign：程序内部错误：{error}", "guilin-campaign: internal error: {error}"),
    "cli.internal_error_hint": ("数据文件没有改动。设置 GUILIN_CAMPAIGN_DEBUG=1 可看到详细信息，请把它报告给维护人员。",
                                "Your data files were not changed. Set GUILIN_CAMPAIGN_DEBUG=1 to see details, and report it."),
    "cli.interrupted": ("已中断；没有改动任何内容", "interrupted; nothing was changed"),
    "cli.argv_not_utf8": ("guilin-campaign：第 {number} 个参数不是 UTF-8 文本{guess}。请把终端（或脚本文件）设为 UTF-8，"
                          "例如 `export LANG=zh_CN.UTF-8`，再运行一次；没有改动任何内容。",
                          "guilin-campaign: argument {number} is not UTF-8 text{guess}. Set the terminal (or save the script) "
                          "to UTF-8, e.g. `export LANG=zh_CN.UTF-8`, and run the command again; nothing was changed."),
    "cli.argv_gbk_guess": ("：按 GBK/GB18030 读是 {text}", ": its bytes read as GBK/GB18030 give {text}"),
    # common.py
    "cli.sample_read_only": ("内置示例数据不能修改：请先用 `guilin-campaign init DIR` 建立自己的数据文件夹，"
                             "再在该文件夹中运行命令（或加 --data DIR）",
                             "updates never change the built-in sample: create your own data folder with "
                             "`guilin-campaign init DIR`, then run the command inside it (or pass --data DIR)"),
    "cli.not_a_date": ("{what}：{value} 不是日期；请写 YYYY-MM-DD", "{what}: not a date: {value}; write YYYY-MM-DD"),
    "cli.not_one_of": ("{value} 不是可选值之一：{values}。", "{value} is not one of {values}."),
    "cli.bad_status": ("{value} 不是任务状态；请写 未开始、推进中、已完成（完成）、受阻，或 todo、doing、done、blocked",
                       "{value} is not one of todo, doing, done, blocked"),
    # browse.py
    "cli.check.ok": ("正常：{tasks_file} 和 {units_file}：{tasks} 项任务、{adhoc} 项临时交办任务、{indicators} 项指标、{units} 个单位，没有问题",
                     "ok: {tasks_file} and {units_file}: {tasks} tasks, {adhoc} ad-hoc tasks, {indicators} indicators, {units} units, no problems"),
    "cli.check.ledger_ok": ("正常：{folder}：{visits} 次查访、{problems} 个问题、{policies} 项政策，没有问题",
                            "ok: {folder}: {visits} visits, {problems} problems, {policies} policies, no problems"),
    "cli.check.found": ("发现 {count} 个问题", "{count} problem(s) found"),
    "cli.init.both": ("--from FOLDER 和 --empty 只能选一个", "give --from FOLDER or --empty, not both"),
    "cli.init.created": ("已建立 {path}", "created {path}"),
    "cli.init.git_committed": ("git：已在 {folder} 建立仓库，设置了合并程序，并提交了文件",
                               "git: made a repository in {folder}, set the merge driver, committed the files"),
    "cli.init.git_inside": ("git：{folder} 在仓库 {repository} 之中：已设置合并程序；新文件请自己提交",
                            "git: {folder} is inside the repository {repository}: merge driver set; commit the new files yourself"),
    "cli.init.no_git": ("git：未安装；没有 git 文件夹也能用（装好 git 后在该文件夹运行 `guilin-campaign git-setup`）",
                        "git: not installed; the folder works without it (install git, then run `guilin-campaign git-setup` there)"),
    "cli.init.next": ("下一步：cd {folder}，编辑 tasks.yaml，然后运行 `guilin-campaign check`",
                      "next: cd {folder}, edit tasks.yaml, then run `guilin-campaign check`"),
    # update.py
    "cli.update.dash_text": ("{message}。以 '-' 开头的说明要放在最后、写在 `--` 之后：`guilin-campaign {command} ID [OPTIONS] -- {text}`"
                             "（或作为选项：`--note={text}`）。",
                             "{message}. A note that starts with '-' goes last, after `--`: "
                             "`guilin-campaign {command} ID [OPTIONS] -- {text}` (as an option: `--note={text}`)."),
    "cli.update.empty": ("{option} 是空的：请写上内容，例如 `{example}`", "{option} is empty: write the text, e.g. `{example}`"),
    "cli.update.dry_run": ("试运行：{message}；没有写入任何内容", "dry run: {message}; nothing was written"),
    "cli.update.updated": ("{message}：已更新 {path}", "{message}: {path} updated"),
    "cli.update.committed": ("已提交 {commit}", "committed {commit}"),
    "cli.update.value": ("VALUE：{error}", "VALUE: {error}"),
    # notice.py
    "cli.notice.usage": ("请指定一个单位（notice rsj），或用 --all 加 -o DIR", "name one unit (notice rsj) or pass --all with -o DIR"),
    "cli.notice.nothing": ("{name} 截至 {day} 没有欠办事项：不写催办单。", "{name} owes nothing as of {day}: no notice written."),
    "cli.notice.summary": ("{owing} 个单位有欠办事项，写出 {files} 份催办单；{clear} 个单位没有欠办事项：{names}。",
                           "{owing} unit(s) owe something, {files} notice(s) written; {clear} unit(s) owe nothing: {names}."),
    "cli.notice.none": ("无", "none"),
    "cli.notice.no_folder": ("{folder}：无法建立文件夹（{reason}）", "{folder}: cannot make the folder ({reason})"),
    "cli.notice.suffix": ("无法从 {name} 判断格式；请把文件命名为 .docx 或 .md，或加 --format",
                          "cannot tell the format from {name}; name it .docx or .md, or pass --format"),
    # listing_file.py
    "cli.file.needs_file": ("工作簿不能打印到终端；请加 -o FILE.xlsx", "a workbook cannot be printed to the terminal; add -o FILE.xlsx"),
    "cli.file.not_a_table": ("无法从 {name} 判断格式；请把文件命名为 .json、.csv、.md 或 .xlsx，或加 --format",
                             "cannot tell the format from {name}; name it .json, .csv, .md or .xlsx, or pass --format"),
    "cli.file.no_workbook": ("这个命令不能写工作簿", "this command cannot write a workbook"),
    # gitcmds.py
    "cli.merge.conflicts": ("guilin-campaign：{where}：还有 {conflicts} 处冲突在 <<<<<<< 和 >>>>>>> 之间{why}；"
                            "保留正确的行，删去这些标记，运行 `guilin-campaign check`，再 `git add` 并提交",
                            "guilin-campaign: {where}: {conflicts} conflict(s) left between <<<<<<< and >>>>>>> lines{why}; "
                            "keep the right lines, delete the markers, run `guilin-campaign check`, then `git add` and commit"),
    # progress.py
    "cli.progress.loading": ("正在读取", "loading"),
    "cli.progress.updating": ("正在更新", "updating"),
    # Click's own words (typer vendors Click without translations)
    "click.usage": ("用法：", "Usage: "),
    "click.try_help": ("查看帮助：{command} {option}", "Try '{command} {option}' for help."),
    "click.error": ("错误：{text}", "Error: {text}"),
    "click.section.Options": ("选项", "Options"),
    "click.section.Arguments": ("参数", "Arguments"),
    "click.section.Commands": ("命令", "Commands"),
    "click.help_option": ("显示本帮助并退出。", "Show this message and exit."),
    "click.default": ("默认：{value}", "default: {value}"),
    "click.required": ("必填", "required"),
    "click.missing": ("缺少{what} {name}。", "Missing {what} {name}."),
    "click.missing.argument": ("参数", "argument"),
    "click.missing.option": ("选项", "option"),
    "click.missing.parameter": ("参数", "parameter"),
    "click.no_such_option": ("没有这个选项：{name}", "No such option: {name}"),
    "click.possible_options": ("{text}（可能是：{options}）", "{text} (Possible options: {options})"),
    "click.no_such_command": ("没有这个命令 {name}。", "No such command {name}."),
    "click.did_you_mean": ("{text} 是不是要写 {names}？", "{text}. Did you mean {names}?"),
    "click.missing_command": ("缺少命令。", "Missing command."),
    "click.extra_args": ("多余的参数（{args}）", "Got unexpected extra argument(s) ({args})"),
    "click.needs_value": ("选项 {name} 后面要写一个值。", "Option {name} requires an argument."),
    "click.invalid_for": ("{hint} 的值无效：{text}", "Invalid value for {hint}: {text}"),
    "click.invalid": ("值无效：{text}", "Invalid value: {text}"),
    "click.not_integer": ("请写一个整数。", "Input should be a valid integer."),
    "click.at_least": ("不能小于 {min}。", "Input should be greater than or equal to {min}."),
    "click.aborted": ("已中止！", "Aborted!"),
    # naming a unit or a status on the command line (lookup.py)
    "lookup.ambiguous_unit": ("{ref} 可以指多个单位：{candidates}；请写其中一个的代号",
                              "{ref} names more than one unit: {candidates}; write the id of one of them"),
    "lookup.did_you_mean": ("（是不是想写 {names}？）", " (did you mean {names}?)"),
}

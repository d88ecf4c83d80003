"""Messages of field visits, problems and policies (查访台账) (``key: (zh, en)``)."""

from __future__ import annotations

ENTRIES: dict[str, tuple[str, str]] = {
    # --- help of the write commands ---------------------------------------------------------------
    "cmd.visit": ("查访记录：登记一次查访。", "Field visits (查访): record one."),
    "cmd.visit.add": (
        "登记一次查访：日期、查访组、查访对象（写入当月台账文件，编号自动生成）。",
        "Record a field visit: date, team, entity visited (into that month's ledger file, with the next free id).",
    ),
    "cmd.problem": ("查访问题：登记、办结、重开。", "Problems found on field visits: add, solve, reopen."),
    "cmd.problem.add": (
        "登记一个问题：类别、责任单位、完成时限（写入提出当月的台账文件，编号自动生成）。",
        "Record a problem: category, responsible unit, deadline (into the month file of the day it was raised, with the next free id).",
    ),
    "cmd.problem.solve": ("办结一个问题：解决日期和解决方式。", "Mark a problem solved: the day and how."),
    "cmd.problem.reopen": (
        "重开一个已办结的问题：原办结日期和方式记入 reopened，以往的报表不变。",
        "Reopen a solved problem: its solution is kept under reopened, so past reports stay the same.",
    ),
    "opt.visit.add.on": ("查访日期，YYYY-MM-DD（默认今天）。", "Day of the visit, YYYY-MM-DD [default: today]."),
    "opt.visit.add.team": ("查访组：成员单位代号（units.yaml 中的 id）。", "The team: a unit id of units.yaml."),
    "opt.visit.add.entity": ("查访对象：营业执照上的名称。", "The market entity visited, as named on its licence."),
    "opt.visit.add.credit_code": ("统一社会信用代码（18 位）。", "Its unified social credit code (18 characters)."),
    "opt.visit.add.key": ("重点企业（一对一帮扶）。", "A key enterprise helped one-to-one."),
    "opt.visit.add.found": ("查访发现的情况。", "What was found."),
    "opt.problem.add.on": ("提出日期，YYYY-MM-DD（默认今天）。", "Day the problem was raised, YYYY-MM-DD [default: today]."),
    "opt.problem.add.category": ("问题类别，见 ledger/lists.yaml，例如 资金缺口。", "Category from ledger/lists.yaml, e.g. 资金缺口."),
    "opt.problem.add.unit": ("责任单位代号。", "The responsible unit's id."),
    "opt.problem.add.due": ("完成时限，YYYY-MM-DD。", "The deadline, YYYY-MM-DD."),
    "opt.problem.add.text": ("问题描述。", "The problem."),
    "opt.problem.add.visit": ("发现问题的查访编号（直接受理的问题不写）。", "The visit it was found on (none for a problem raised directly)."),
    "opt.problem.id": ("问题编号，例如 P2207-0113。", "Problem id, e.g. P2207-0113."),
    "opt.problem.solve.on": ("解决日期，YYYY-MM-DD（默认今天）。", "Day it was solved, YYYY-MM-DD [default: today]."),
    "opt.problem.solve.how": ("解决方式。", "How it was solved."),
    "opt.problem.reopen.on": ("重开日期，YYYY-MM-DD（默认今天）。", "Day it is reopened, YYYY-MM-DD [default: today]."),
    "opt.problem.reopen.reason": ("重开原因。", "Why it is reopened."),
    "opt.ledger.dry_run": ("只显示改动（diff），不写入。", "Print the diff instead of writing."),
    "opt.ledger.commit": ("数据在 git 仓库中时，只提交这一处改动。", "Commit just this change when the data is in a git work tree."),
    # --- what the write commands print ------------------------------------------------------------
    "ledger.updated": ("{change}：已写入 {file}", "{change}: {file} updated"),
    "ledger.committed": ("已提交 {commit}", "committed {commit}"),
    "ledger.dry_run": ("试运行：{change}；未写入任何内容", "dry run: {change}; nothing was written"),
    # --- refusals of a request (exit 2) ------------------------------------------------------------
    "ledger.did_you_mean": ("（是否为 {id}？）", " (did you mean {id}?)"),
    "ledger.unit_is_group": ("{value} 是分组，这里只能写一个单位的代号", "{value} is a group; write a single unit id here"),
    "ledger.unit_by_name": ("没有代号为 {value} 的单位：请写它的代号 {id}", "unknown unit {value}: write its id {id}"),
    "ledger.unknown_unit": ("没有代号为 {value} 的单位{hint}；单位代号见 units.yaml", "unknown unit {value}{hint}; units are listed in units.yaml"),
    "ledger.bad_credit_code": ("{why}", "{why}"),
    "ledger.outside_campaign": (
        "{day} 不在攻坚战期间（{start} 至 {end}）内：请写这期间的日期",
        "{day} is outside the campaign ({start} to {end}): write a date within it",
    ),
    "ledger.unknown_category": (
        "没有“{value}”这个问题类别{hint}：请写 {categories} 之一，或先在 ledger/lists.yaml 中增加",
        "{value} is not a category{hint}: write one of {categories}, or add it to ledger/lists.yaml first",
    ),
    "ledger.due_before_raised": ("完成时限 {due} 早于提出日期 {on}", "the deadline {due} is before the day the problem is raised ({on})"),
    "ledger.unknown_visit": (
        "台账中没有查访 {value}{hint}：请写已登记的查访编号（guilin-campaign visits 可查），直接受理的问题不写 --visit",
        "no visit {value} in the ledger{hint}: write the id of a recorded visit (see guilin-campaign visits), or leave --visit out for a problem raised directly",
    ),
    "ledger.raised_before_visit": ("提出日期 {on} 早于发现它的查访 {visit}（{date}）", "raised on {on}, before its visit {visit} ({date})"),
    "ledger.unknown_problem": (
        "台账中没有问题 {value}{hint}：问题编号可用 guilin-campaign problems 查看",
        "no problem {value} in the ledger{hint}: see the ids with guilin-campaign problems",
    ),
    "ledger.already_solved": (
        "{id} 已于 {solved_on} 办结；要改日期或方式，请先 problem reopen，或直接编辑台账文件",
        "{id} is already solved (on {solved_on}); to change the day or how, `problem reopen` it first or edit the ledger file by hand",
    ),
    "ledger.solved_before": (
        "{id} 于 {last} 提出或重开，解决日期 {on} 不能早于它",
        "{id} was raised or last reopened on {last}; it cannot be solved on {on}, before that",
    ),
    "ledger.not_solved": ("{id} 尚未办结，无需重开", "{id} is open, not solved: there is nothing to reopen"),
    "ledger.reopened_before": (
        "{id} 于 {solved_on} 办结，重开日期 {on} 不能早于它",
        "{id} was solved on {solved_on}; it cannot be reopened on {on}, before that",
    ),
    "ledger.empty_text": ("{option} 为空：请写上内容", "{option} is empty: write the text"),
    # --- refusals of the update (exit 1) -----------------------------------------------------------
    "ledger.fix_first": (
        "台账中有 {count} 处问题，请先改正（运行 guilin-campaign check），再登记；未写入任何内容",
        "{count} problem(s) in the ledger: fix them first (run guilin-campaign check), then run the command again; nothing was written",
    ),
    "ledger.would_be_invalid": ("拒绝：{change} 会使 {file} 出错；文件未改动", "refused: {change} would leave {file} invalid; it is unchanged"),
    "ledger.read_back_failed": (
        "拒绝：写入前复核 {file} 时没有读到 {change}；文件未改动，请检查后手工编辑",
        "refused: reading {file} back did not show {change}; it is unchanged: check it and edit it by hand",
    ),
    "ledger.cannot_edit": ("{file}：{error}；文件未改动", "{file}: {error}; the file is unchanged"),
    "ledger.changed_twice": (
        "拒绝：更新期间台账文件两次被改动（另一个命令或编辑器在写它）：{error}；未写入任何内容，请检查后再运行",
        "refused: the ledger file changed twice while the update ran (another command or an editor keeps writing it): {error}; nothing was written: check it, then run the command again",
    ),
    "ledger.not_committed": (
        "{file} 已更新（{change}），但未能提交：{error}；请手工提交",
        "{file} was updated ({change}) but not committed: {error}; commit it by hand",
    ),
    "ledger.cannot_create": ("无法创建台账文件夹 {file}：{error}", "cannot create the ledger folder {file}: {error}"),
    # --- the unified social credit code (统一社会信用代码) ----------------------------------------------
    "ledger.code.length": (
        "{code} 有 {count} 位；统一社会信用代码是 18 位（请照营业执照抄写）",
        "{code} has {count} characters; a unified social credit code has 18 (copy it from the business licence)",
    ),
    "ledger.code.capitals": ("{code}：字母请大写（{upper}）", "{code}: write the letters in capitals ({upper})"),
    "ledger.code.never_used": (
        "（代码中不用字母 I、O、S、V、Z：请与营业执照核对）",
        " (the letters I, O, S, V and Z are never used: compare it with the business licence)",
    ),
    "ledger.code.character": ("{code}：第 {i} 位 {ch} 不能出现在信用代码中{hint}", "{code}: character {i} {ch} cannot appear in a credit code{hint}"),
    "ledger.code.division": ("{code}：第 3 至 8 位是行政区划代码，只能是数字", "{code}: characters 3 to 8 are the division code and must be digits"),
    "ledger.code.check": (
        "{code}：第 18 位校验码应为 {expected}，不是 {got}：有字符抄错了，请与营业执照核对",
        "{code}: the check character (the 18th) should be {expected}, not {got}: a character is mistyped; compare it with the business licence",
    ),
    # --- what check says of the ledger's files -------------------------------------------------------
    "ledger.check.duplicate_visit": ("查访编号 {id} 重复（第一次出现在 {first}）：请另起编号", "duplicate visit id {id} (first at {first}); give it a new id"),
    "ledger.check.duplicate_problem": ("问题编号 {id} 重复（第一次出现在 {first}）：请另起编号", "duplicate problem id {id} (first at {first}); give it a new id"),
    "ledger.check.duplicate_policy": ("政策编号 {id} 重复（第一次出现在 {first}）：请另起编号", "duplicate policy id {id} (first at {first}); give it a new id"),
    "ledger.check.category": (
        "{value} 不是问题类别{hint}：请写 {categories} 之一，或在 ledger/lists.yaml 中增加",
        "{value} is not a category{hint}: write one of {categories}, or add it to ledger/lists.yaml",
    ),
    "ledger.check.visit": (
        "没有查访 {value}{hint}：请写 ledger/ 中某次查访的编号；直接受理的问题不写 visit",
        "unknown visit {value}{hint}; write the id of a visit in ledger/, or leave visit out for a problem raised directly",
    ),
    "ledger.check.due": ("完成时限 {due} 早于问题提出日期（{on}）", "the deadline {due} is before the problem was raised ({on})"),
    "ledger.check.open_solved_on": ("未解决的问题不应有 solved_on：请删去，或写 status: solved", "an open problem has no solved_on: remove it, or write status: solved"),
    "ledger.check.solved_needs_date": (
        "已解决的问题须写 solved_on: 年-月-日（及 how: 解决方式）",
        "a solved problem needs solved_on: YYYY-MM-DD (and how: what was done)",
    ),
    "ledger.check.reopening": (
        "第 {n} 次重开：was_solved_on {was} 应在 {last} 与重开日期 {date} 之间",
        "reopening {n}: was_solved_on {was} must fall between {last} and its date {date}",
    ),
    "ledger.check.solved_before": ("解决日期 {on} 早于问题提出或最近一次重开（{last}）", "solved on {on}, before it was raised or last reopened ({last})"),
    "ledger.check.policy_done_on": (
        "已落实的政策须写 done_on: 年-月-日（落实日期）",
        "an implemented policy needs done_on: YYYY-MM-DD (the date it was implemented)",
    ),
    "ledger.check.policy_not_done": ("只有 status: done 才写 done_on：请删去，或写 status: done", "done_on is only for status: done; remove it or write status: done"),
    "ledger.check.category_twice": ("问题类别 {name} 列了两次：请保留一个", "category {name} is listed twice; keep one"),
    "ledger.load.not_folder": ("不是文件夹：查访台账是一个放 YAML 文件的文件夹（见 docs/data-format.md）", "is not a folder: the ledger is a folder of YAML files (see docs/data-format.md)"),
    "ledger.load.bad_name": (
        "不是台账文件：月度文件请命名为 年-月.yaml（例如 2022-07.yaml），清单文件为 {lists}",
        "not a ledger file: name a month's file YYYY-MM.yaml (e.g. 2022-07.yaml), the lists {lists}",
    ),
    "ledger.load.visit_month": ("{day} 不在 {month}：请把这条查访移到 {file}", "{day} is not in {month}: move the visit to {file}"),
    "ledger.load.problem_month": ("{day} 不在 {month}：请把这个问题移到 {file}", "{day} is not in {month}: move the problem to {file}"),
    "ledger.load.not_mapping": ("应写成键值（visits:、problems: 等），不能是单个值或列表", "expected keys (visits:, problems: ...), not a single value or a list"),
    "ledger.load.quote_code": ("全是数字的信用代码必须加引号：credit_code: '{code}'", "a code of digits only must be written in quotes: credit_code: '{code}'"),
    "ledger.load.problems": ("台账中有 {count} 处问题；请运行 guilin-campaign check", "{count} problem(s) in the ledger; run `guilin-campaign check`"),
}

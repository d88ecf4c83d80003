"""Messages of the library: reading the data folder, init, documents.yaml (``key: (zh, en)``).

Keys are grouped by the part of the library that says them; a problem's key is its stable ``code``
in ``check --format json``. Ids, keys and values the clerk writes in the file (``status: done``,
``YYYY-MM-DD``) stay as they are in both languages.
"""

from __future__ import annotations

ENTRIES: dict[str, tuple[str, str]] = {
    # readfile.py, yamlsyntax/decode.py, loading.py: reading a data file
    "file.is_folder": ("是一个文件夹，不是文件；数据文件必须是普通文本文件", "is a folder, not a file; the data file must be a plain text file"),
    "file.not_plain": ("是{what}{link}，不是普通文件，所以没有读取；请把真正的文件放在这里（可从 git 恢复）",
                       "is {what}{link}, not a plain file, so it was not read; put the real file here (restore it from git)"),
    "file.kind_fifo": ("命名管道（FIFO）", "a named pipe (FIFO)"),
    "file.kind_device": ("设备", "a device"),
    "file.kind_socket": ("套接字", "a socket"),
    "file.kind_special": ("特殊文件", "a special file"),
    "file.link_to": ("（指向 {target} 的符号链接）", " (a symbolic link to {target})"),
    "file.too_large": ("太大，不像数据文件（{size} MiB，超过上限 {limit} MiB；10 万项任务约 60 MB），所以没有读取：请确认是不是这个文件，或从 git 恢复",
                       "is too large to be a data file ({size} MiB, over the limit of {limit} MiB; 100,000 tasks take about 60 MB), so it was not read: check it is the right file, or restore it from git"),
    "file.too_large_grew": ("太大，不像数据文件（超过上限 {limit} MiB；10 万项任务约 60 MB），所以没有读取：请确认是不是这个文件，或从 git 恢复",
                            "is too large to be a data file (over the limit of {limit} MiB; 100,000 tasks take about 60 MB), so it was not read: check it is the right file, or restore it from git"),
    "file.wide_bom": ("{name}（{order}，带字节顺序标记）", "{name} ({order}, with a byte order mark)"),
    "file.wide": ("{name}（{order}）", "{name} ({order})"),
    "file.little_endian": ("小端", "little-endian"),
    "file.big_endian": ("大端", "big-endian"),
    "file.wide_encoding": ("文件保存成了 {encoding}，不是 UTF-8：请在编辑器里打开，另存为 UTF-8",
                           "the file is saved as {encoding}, not UTF-8: open it in your editor and save it as UTF-8"),
    "file.binary": ("这不是文本文件（里面有二进制数据）：请从 git 恢复", "the file is not text (it holds binary data): restore it from git"),
    "file.not_utf8": ("文件不是 UTF-8 文本。", "the file is not UTF-8 text."),
    "file.gbk": ("文件不是 UTF-8 文本。看起来是 GBK/GB18030 编码：请在编辑器里另存为 UTF-8。",
                 "the file is not UTF-8 text. It looks like GBK/GB18030: save it as UTF-8 in your editor."),
    "file.not_found": ("找不到文件（请建立它；新的数据文件夹可以用 init 建立）", "file not found (create it, or make a new data folder with init)"),
    "file.cannot_read": ("读不了：{why}", "cannot be read: {why}"),
    "load.problems": ("数据中有 {count} 处问题；请按上面列出的文件和行号改正", "{count} problem(s) in the data; correct them at the file and line given"),
    "load.empty": ("文件是空的；开头应当是 {expected}", "the file is empty; it should start with {expected}"),
    "load.not_keys": ("这里应写成键值（{expected} ……），而不是单个值或列表", "expected keys ({expected} ...), not a single value or a list"),
    # datadir.py, initdata.py, revision.py: finding, making and dating the data folder
    "datadir.not_found": ("没有找到数据文件夹：在 {cwd} 及其上面的每一层文件夹里都没有 {file}（也没有 data/{file}），也没有设置 {env}。"
                          "请在数据文件夹里运行，或指明数据文件夹（也可以设置 {env}=文件夹），或用 init 新建一个，或把内置样例 {sample} 作为数据文件夹",
                          "no data folder found: looked for {file} (and data/{file}) in {cwd} and every folder above it, and {env} is not set. "
                          "Run the command inside your data folder, name the folder (or set {env}=DIR), create one with init, or name the built-in sample as the folder: {sample}"),
    "init.source_problems": ("{source} 没有通过检查（{count} 处问题）；什么都没有复制：请先改正，再运行 init",
                             "{source} does not pass check ({count} problem(s)); nothing was copied: correct them, then run init again"),
    "init.cannot_read": ("读不了 {file}：{why}", "cannot read {file}: {why}"),
    "init.symlink": ("{target} 是符号链接；init 只写入真正的文件夹：请直接写那个文件夹", "{target} is a symbolic link; init writes only into a real folder: name the folder itself"),
    "init.not_folder": ("{target} 已存在且不是文件夹；请换一个名字", "{target} exists and is not a folder; choose another name"),
    "init.taken": ("{path} 已经存在；什么都没有写（init 从不覆盖）。已有数据的文件夹，请在那里用 git-setup",
                   "{path} already exists; nothing was written (init never overwrites). For a folder that already holds the data, use git-setup there instead"),
    "init.cannot_create_folder": ("建不了数据文件夹 {target}：{why}", "cannot create the data folder {target}: {why}"),
    "init.cannot_create": ("建不了 {path}（{why}）；没有写入", "cannot create {path} ({why}); it was not written"),
    "init.commit_failed": ("数据文件夹 {target} 和它的 git 仓库已建好，但第一次提交失败：{said}。请告诉 git 你是谁（git config user.name ……；git config user.email ……），然后在 {target} 里运行 git commit -m init",
                           "the data folder {target} and its git repository are ready, but the first commit failed: {said}. Tell git who you are (git config user.name ...; git config user.email ...), then run `git commit -m init` in {target}"),
    "revision.missing_files": ("{rev}：那个版本（提交 {commit}）里没有 {names}：当时数据文件夹里还没有这些文件；请指定更晚的版本（见 git log --oneline -- .）",
                               "{rev}: {names} not in that revision (commit {commit}): the data folder did not hold its files then; name a later revision (see `git log --oneline -- .`)"),
    "revision.problems": ("{rev} 版本的数据中有 {count} 处问题", "{count} problem(s) in the data at {rev}"),
    # office.py: documents.yaml
    "office.problems": ("{file} 有问题；请改正（见 docs/commands/report.md）", "{file} has problems; correct them (see docs/commands/report.md)"),
    "office.not_keys": ("这里应写成键值（office: ……，bulletin: ……），而不是单个值或列表", "expected keys (office: ..., bulletin: ...), not a single value or a list"),
}

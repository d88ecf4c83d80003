"""The monthly summary (月度汇总) and quarterly brief (季度小结).

:func:`build.build_report` computes a :class:`build.Report` from a campaign, a period and an as-of
date; the ``render_*`` modules turn it into Markdown, HTML, JSON or an Excel workbook, and
:mod:`output` writes a file atomically. Only ``render_xlsx`` imports openpyxl, and only when called.
"""

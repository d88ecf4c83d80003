"""The monthly summary (月度汇总) and quarterly brief (季度小结).

:func:`build.build_report` computes a :class:`build.Report` from a campaign, a period and an as-of
date; the ``render_*`` modules turn it into Markdown, HTML, JSON, an Excel workbook or a Word
document (the 通报 or the quarterly brief), and :mod:`output` writes a file atomically. openpyxl and
python-docx are imported only when a workbook or a document is made.
"""

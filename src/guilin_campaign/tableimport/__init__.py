"""Importing an office's own task decomposition table (任务分解表, .xlsx or a .docx table) as a
new data folder: ``tasks.yaml`` and ``units.yaml`` that pass ``check``.

Reading (:mod:`.sheet`, :mod:`.wordtable`) gives a :class:`.grid.Grid` of plain cell values with
merged cells filled; :mod:`.header` finds the columns; :mod:`.rows` turns rows into records with
:mod:`.deadline` and :mod:`.units`; :mod:`.yamlout` writes the text; :mod:`.run` checks it with the
project's loader before anything is written. Every word the clerk reads is in :mod:`.words`.
"""

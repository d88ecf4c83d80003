"""填报表: each member unit's monthly form, exported as a workbook and read back with every cell checked.

``rows`` decides what a unit's form asks, ``workbook`` writes it, ``identity`` signs what it holds
with the office key (``key``), ``reading`` checks a returned workbook and lists what it would change.
Applying those changes to the data is not here yet (it waits for the new write path).
"""

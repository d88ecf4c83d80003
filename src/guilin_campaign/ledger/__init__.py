"""The field-visit ledger (查访台账): visits, the problems found on them, the policy checklist.

Kept in the data folder's optional ``ledger/`` folder (docs/data-format.md): one file per month of
visits and problems, and ``lists.yaml`` for the problem categories and the policy checklist.
"""

"""Merging the data files record by record, for git: the merge driver and its git settings."""

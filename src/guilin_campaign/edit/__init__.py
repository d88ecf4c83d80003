"""Editing the clerk's files like a person would: text splices, atomic writes, a folder lock, git."""

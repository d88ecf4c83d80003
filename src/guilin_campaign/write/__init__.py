"""The write path: a change to the tasks file (:mod:`.changes`), applied under the folder's lock with
the checks before and after and one atomic write (:mod:`.apply`, :mod:`.lock`, :mod:`.fileio`), and
committed to git when asked (:mod:`.git`)."""

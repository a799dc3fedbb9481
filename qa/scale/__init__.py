"""Corpus-scale batch runs: a batch's pairs checked on a Ray cluster (``--executor
ray``), each result kept in a results store as it arrives, so a run resumes where it
stopped and loses nothing when a worker dies.

:mod:`qa.scale.records` (a checked pair as plain data, which both executors write their
outputs from), :mod:`qa.scale.store` (the SQLite results store and its keys),
:mod:`qa.scale.worker` (the checker in each Ray worker), :mod:`qa.scale.ray_run` (the
run) and :mod:`qa.scale.progress` (its progress line). Ray is the optional extra
``qa-de-en[scale]``, imported only by :mod:`qa.scale.ray_run`.
"""

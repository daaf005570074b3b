"""Backing up and restoring everything ctip writes, with erasures that survive a restore.

- ``register``: the erasure register, an append-only list of anonymised case ids kept beside the keys,
  outside the database and outside every backup (pure).
- ``archive``: one tar archive per backup, its manifest and the SHA-256 of every member (pure).
- ``stores``: consistent copies of the case store (SQLite online backup, ``pg_dump``), the dataset,
  releases and the OSINT store, and putting them back (pure: no Django).
- ``replay``: after a restore, erase again every case the register lists (Django).
- ``restore``: the restore itself, staged beside the live data and swapped in at the end.

Keys (``config.keys_dir()``) are never in a backup: see docs/operations.md ("Backups").
"""

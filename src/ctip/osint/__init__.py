"""OSINT screening of collected online posts (pure: no Django).

Stages, each a function over a batch of records so they can run elsewhere (e.g. Spark):
``intake.parse_file`` (bytes → ``Post`` + ``Custody``), ``screen.normalise_batch``,
``screen.identify_batch``, ``screen.risk_batch`` (per post), then ``scan.analyse`` (networks over
all posts). ``scan.scan`` runs everything on a file or folder; ``output.write_outputs`` writes the
results. Scores are triage, not evidence. See ``docs/osint.md``.
"""

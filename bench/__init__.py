"""Benchmarks: each module ``bench/<area>.py`` has a ``main()`` that prints its figures.

They compare with a baseline measured in the same run and are never pass/fail tests.
"""

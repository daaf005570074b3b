"""Parsers and writers for the formats the collaborative dataset exchanges.

Readers turn a partner file into a Polars frame in the dataset's columns (``ctip.dataset.schema``)
plus a frame of cell problems; writers turn dataset rows back into CTDC 2017, CTDC v2024 and HTCDS
files. Pure: no Django, no store. Every code goes through ``ctip.vocab``.
"""

"""Trafficking statistics over the collaborative dataset or a release (pure: no Django).

Every figure comes from a table in dataset-schema columns (``ctip.dataset.schema``) through
:class:`Indicators`; the case store is never read. Counts always travel with their denominator and
the number of records with the variable missing (:class:`Breakdown`).
"""

from ctip.stats.engine import Breakdown, Flow, Flows, Indicators, conform
from ctip.stats.filters import FilterError, Filters
from ctip.stats.population import PopulationError, install_population, load_population
from ctip.stats.sdg import sdg_16_2_2
from ctip.stats.summary import headline, summary
from ctip.stats.tables import ReleaseTables

__all__ = ["Breakdown", "FilterError", "Filters", "Flow", "Flows", "Indicators", "PopulationError", "ReleaseTables",
           "conform", "headline", "install_population", "load_population", "sdg_16_2_2", "summary"]

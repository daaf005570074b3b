"""Internal and public dashboards over the collaborative dataset and published releases."""

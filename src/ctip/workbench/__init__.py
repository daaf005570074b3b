"""The police analysts OSINT workspace (kept apart from case data)."""

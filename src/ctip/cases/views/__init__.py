"""The case-management pages (server-rendered; each module one family of pages)."""

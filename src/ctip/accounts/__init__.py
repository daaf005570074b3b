"""Organisations, users, roles and what each role may do (deny by default)."""

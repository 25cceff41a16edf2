"""Parsing: fetched bytes to plain-text items (pure)."""

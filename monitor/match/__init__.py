"""Matching: which watched seasons an item speaks about (pure)."""

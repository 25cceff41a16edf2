"""Extraction: renewal, date and phase claims from an item (pure)."""

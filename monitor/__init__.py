"""release-monitor: alerts when a watched TV season is renewed, dated, delayed or released."""

__version__ = "0.1.0"

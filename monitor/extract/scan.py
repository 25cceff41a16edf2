"""Moved to monitor.text.scan (the text layer); kept so older imports still work."""

from monitor.text.scan import Keyed, Tokens, keyed

__all__ = ["Keyed", "Tokens", "keyed"]

"""Notifications: rendering, outbox and the Apprise sink."""

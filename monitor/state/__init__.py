"""State: SQL tables, merge rules and the repository that joins them."""

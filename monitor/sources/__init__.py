"""Source registry: which kinds of source exist and how each is built from the config."""

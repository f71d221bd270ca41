"""Build state: what the last build made and from what, so a rebuild makes only what changed."""

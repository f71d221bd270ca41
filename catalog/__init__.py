"""catalog: turn digitized archival packages into an offline, searchable HTML catalog."""

__version__ = "0.1.0"

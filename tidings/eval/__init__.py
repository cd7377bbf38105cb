"""Scorers for each gold format, used by ``tidings eval``."""

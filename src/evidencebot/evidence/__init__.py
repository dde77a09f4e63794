"""Figures and claims of change in prose, matched to the service's own data."""

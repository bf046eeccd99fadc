"""Screens and dialogs of the review TUI."""

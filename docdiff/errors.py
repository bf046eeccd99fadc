"""The one error family docdiff raises; the CLI turns each into a one-line message."""

from __future__ import annotations


class DocdiffError(Exception):
    """Root of every error docdiff reports to a user (exit code 2 in the CLI)."""


class InputError(DocdiffError):
    """A file cannot be read as a document: missing, empty, binary, undecodable, too large."""


class UnsupportedFormatError(InputError):
    """The file is a format docdiff recognises but does not read (PDF, DOCX, ...)."""


class OutputError(DocdiffError):
    """A report could not be written where it was asked to go."""

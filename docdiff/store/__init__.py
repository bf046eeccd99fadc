"""The snapshot store: immutable versions of document series, on plain files."""

"""Duplicates: passages repeated inside a document, and passages reused across documents."""

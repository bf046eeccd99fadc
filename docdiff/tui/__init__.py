"""The review TUI (Textual): browse a comparison's sections, edits, facts and duplicates."""

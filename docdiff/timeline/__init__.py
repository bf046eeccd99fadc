"""A series followed across its versions: targets, phrases, projects and sections (issue 15)."""

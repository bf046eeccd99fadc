"""Facts: targets (quantities), phrases (slogans, quoted terms) and projects, and their diff."""

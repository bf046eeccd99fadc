"""Renderers over a `Comparison`: a neutral styled view, then Markdown (the terminal one lives in cli/)."""

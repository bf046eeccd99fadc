"""The TUI's settings kept between runs (the theme), in a small JSON file under the user's config dir.

`DOCDIFF_CONFIG_DIR` overrides the folder (tests point it at a temporary one). A missing or
unreadable file means the defaults; a folder that cannot be written means the setting is kept
only for this run, never a crash.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError

SETTINGS_FILE = "tui.json"


class TuiSettings(BaseModel):
    """What the review TUI remembers."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    theme: str | None = Field(default=None, description="Textual theme name chosen last (None: Textual's default).")


def config_dir() -> Path:
    """`$DOCDIFF_CONFIG_DIR`, or docdiff's folder in the user's config dir (platformdirs)."""
    override = os.environ.get("DOCDIFF_CONFIG_DIR")
    if override:
        return Path(override)
    from platformdirs import user_config_dir  # only the TUI needs it

    return Path(user_config_dir("docdiff", appauthor=False))


def load_settings() -> TuiSettings:
    """The saved settings, or the defaults."""
    try:
        return TuiSettings.model_validate_json((config_dir() / SETTINGS_FILE).read_bytes())
    except (OSError, ValidationError, ValueError):
        return TuiSettings()


def save_settings(settings: TuiSettings) -> bool:
    """Write the settings atomically (a temporary file renamed over); False if the folder is not writable."""
    folder = config_dir()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        temporary = folder / f".{SETTINGS_FILE}.{os.getpid()}.tmp"
        temporary.write_text(json.dumps(settings.model_dump(), indent=2) + "\n", encoding="utf-8")
        os.replace(temporary, folder / SETTINGS_FILE)
    except OSError:
        return False
    return True

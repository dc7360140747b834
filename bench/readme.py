"""Write a benchmark's figures into README.md between its markers.

Each bench owns one section, delimited by `<!-- bench:NAME -->` and `<!-- /bench:NAME -->`;
running the bench replaces what stands between them, so the README always shows the figures
of the last run, with the date and machine they came from.
"""

from __future__ import annotations

import os
import platform
import re
from datetime import UTC, datetime
from pathlib import Path

README = Path(__file__).resolve().parent.parent / "README.md"


def machine() -> str:
    return f"{platform.python_implementation()} {platform.python_version()}, {os.cpu_count()} cores"


def write_section(name: str, markdown: str, readme: Path = README) -> None:
    """Replace the text between this bench's markers (appending the markers if missing)."""
    start, end = f"<!-- bench:{name} -->", f"<!-- /bench:{name} -->"
    stamp = f"_Measured {datetime.now(UTC):%Y-%m-%d} on {machine()} by `bench/{name}.py`._"
    block = f"{start}\n{markdown.strip()}\n\n{stamp}\n{end}"
    text = readme.read_text(encoding="utf-8")
    pattern = re.compile(re.escape(start) + r".*?" + re.escape(end), re.DOTALL)
    text = pattern.sub(lambda _m: block, text) if pattern.search(text) else f"{text}\n{block}\n"
    readme.write_text(text, encoding="utf-8")

"""Progress output: one line per stage in logs, a counter updated in place on a terminal."""

from __future__ import annotations

import io
import re

from catalog.progress import Console, counted


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_log_output_has_one_line_per_stage_and_a_closing_time():
    stream = io.StringIO()
    console = Console(stream)
    console.stage("Đọc / Reading")
    console.stage("Trích xuất / Extracting", 3)
    assert list(counted("abc", console)) == ["a", "b", "c"]
    console.close()
    lines = stream.getvalue().splitlines()
    assert lines[:2] == ["• Đọc / Reading", "• Trích xuất / Extracting"]
    assert lines[-1].startswith("Xong trong ") and "Done in" in lines[-1]


def _shown(text: str) -> list[str]:
    """What stays on the terminal: each line as last redrawn, without click's cursor codes."""
    text = re.sub(r"\x1b\[\?25[lh]", "", text)
    return [chunk.split("\r")[-1].rstrip() for chunk in text.split("\n")]


def test_terminal_output_counts_in_place_and_shows_clicks_bar_for_a_known_length():
    stream = Terminal()
    console = Console(stream)
    console.stage("Chỉ mục / Index files")  # total unknown: counts up alone
    console.advance(2)
    console.stage("Dựng trang / Rendering", 4)
    console.advance(1)
    assert "1/4" in _shown(stream.getvalue())[-1] and "25%" in _shown(stream.getvalue())[-1]
    console.advance(3)
    console.close()
    lines = _shown(stream.getvalue())
    assert lines[0] == "• Chỉ mục / Index files 2"
    assert lines[1].startswith("• Dựng trang / Rendering") and "[####" in lines[1] and "4/4" in lines[1]
    assert lines[2].startswith("Xong trong ")

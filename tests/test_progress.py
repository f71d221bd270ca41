"""Progress output: one line per stage in logs, a counter updated in place on a terminal."""

from __future__ import annotations

import io

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


def test_terminal_output_counts_in_place_and_closes_each_line():
    stream = Terminal()
    console = Console(stream)
    console.stage("Chỉ mục / Index files")  # total unknown: counts up alone
    console.advance(2)
    console.stage("Dựng trang / Rendering", 4)
    console.advance(4)
    console.close()
    final_lines = [chunk.split("\r")[-1] for chunk in stream.getvalue().split("\n")]
    assert final_lines[:2] == ["• Chỉ mục / Index files 2", "• Dựng trang / Rendering 4/4"]

"""The progress bar of `hub import`: drawn in place on a terminal, a line per tenth in a log,
and what `hub import` prints while it checks and writes."""

from __future__ import annotations

import io
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from hub.core.progress import Bar, render
from hub.core.settings import Settings
from hub.graph.db import Database
from tests.test_import import write_csv


def test_render_fills_the_bar_in_proportion() -> None:
    assert render("write", 2500, 5000, width=10) == (
        "写入/writing [#####-----]  50% 2500/5000 行/rows")
    assert render("check", 0, 3, width=4) == "检查/checking [----]   0% 0/3 文件/files"
    assert render("check", 3, 3, width=4) == "检查/checking [####] 100% 3/3 文件/files"
    assert render("write", 0, 0, width=4) == "写入/writing [####] 100% 0/0 行/rows"


def test_on_a_terminal_one_line_is_redrawn() -> None:
    out = io.StringIO()
    bar = Bar(out, tty=True)
    for done in (0, 5000, 7000):
        bar("write", done, 7000)
    assert out.getvalue() == "".join("\r" + render("write", done, 7000) for done in
                                     (0, 5000, 7000)) + "\n"
    bar.close()  # the line was ended already: nothing more
    assert out.getvalue().endswith("行/rows\n")


def test_an_interrupted_bar_is_ended_by_close() -> None:
    out = io.StringIO()
    bar = Bar(out, tty=True)
    bar("write", 5000, 7000)
    bar.close()
    assert out.getvalue() == "\r" + render("write", 5000, 7000) + "\n"


def test_in_a_log_each_tenth_is_one_line() -> None:
    out = io.StringIO()
    bar = Bar(out, tty=False)
    for done in range(0, 101):
        bar("write", done, 100)
    lines = out.getvalue().splitlines()
    assert lines == [render("write", done, 100) for done in range(0, 101, 10)]
    assert "\r" not in out.getvalue()


@pytest.fixture
async def own(demo: Database) -> AsyncIterator[None]:
    yield
    await demo.write("admin.delete_records", codes=["ZP", "ZP-T01"])


async def test_hub_import_prints_progress_lines_and_the_summary_in_a_log(
        settings: Settings, own: None, tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    from hub.cli.main import import_into

    write_csv(tmp_path, "counties", [["ZP", "进度县"]])
    write_csv(tmp_path, "townships", [["ZP-T01", "一镇", "ZP", "2020-01-01"]])
    await import_into(settings, tmp_path)
    lines = capsys.readouterr().out.splitlines()
    bar = [line for line in lines if "[" in line]
    assert bar == [render("check", 0, 2), render("check", 1, 2), render("check", 2, 2),
                   render("write", 0, 2), render("write", 1, 2), render("write", 2, 2)]
    assert lines[-3:] == [
        "县 counties: 1 行/rows — 新建/created 1, 更新/updated 0, 未变/unchanged 0, 结束/closed 0",
        "乡镇 townships: 1 行/rows — 新建/created 1, 更新/updated 0, 未变/unchanged 0, "
        "结束/closed 0",
        "合计 / total: 2 行/rows — 新建/created 2, 更新/updated 0, 未变/unchanged 0, 结束/closed 0"]

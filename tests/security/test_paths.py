"""No pipeline name, backend file name or symlink makes a compile write outside `-o` (issue 8 #1).

Each case runs the real CLI (or `write_all` for what no backend emits today) and then
looks at the whole temporary tree: nothing may appear outside the output folder, and
a refused write writes nothing at all.
"""

from __future__ import annotations

import json
import os
import textwrap
from pathlib import Path

import pytest

from flowc.cli import main
from flowc.codegen.files import OutsideOutput, write_all

PIPELINE = textwrap.dedent(
    """\
    from flowc import pipeline, task


    @task(image="python:3.12-slim")
    def hello(x: int = 1) -> int:
        return x


    @pipeline(name={name!r})
    def p(x: int = 1) -> int:
        return hello(x=x)
    """
)


def _tree(root: Path) -> set[str]:
    return {str(p.relative_to(root)) for p in root.rglob("*")}


def _project(tmp_path: Path, name: str) -> Path:
    work = tmp_path / "a" / "b" / "work"
    work.mkdir(parents=True)
    (work / "p.py").write_text(PIPELINE.format(name=name))
    return work


@pytest.mark.parametrize("target", ["kfp", "airflow", "flyte"])
@pytest.mark.parametrize("name", ["../../escaped/outside", "..\\..\\escaped\\outside", "sub/dir/x"])
def test_relative_names_stay_inside_out(tmp_path: Path, name: str, target: str, monkeypatch: pytest.MonkeyPatch) -> None:
    work = _project(tmp_path, name)
    monkeypatch.chdir(work)
    before = _tree(tmp_path)
    assert main(["compile", "p.py", "-t", target, "-o", "build"]) == 0
    new = _tree(tmp_path) - before
    assert new and all(p == "a/b/work/build" or p.startswith("a/b/work/build/") for p in new), new
    written = [p for p in (work / "build").rglob("*") if p.is_file()]
    assert len(written) == 1 and written[0].parent == work / "build" / target


@pytest.mark.parametrize("target", ["kfp", "airflow", "flyte"])
def test_absolute_name_stays_inside_out(tmp_path: Path, target: str, monkeypatch: pytest.MonkeyPatch) -> None:
    victim = Path("/tmp") / f"flowc-victim-{os.getpid()}"  # short: names are limited to 63 characters
    work = _project(tmp_path, str(victim / "outside"))
    monkeypatch.chdir(work)
    assert main(["compile", "p.py", "-t", target, "-o", "build"]) == 0
    assert not victim.exists()
    assert len(list((work / "build" / target).iterdir())) == 1
    assert all(p.is_relative_to(work / "build") for p in (work / "build").rglob("*"))


def test_file_names_come_from_the_sanitized_name(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    work = _project(tmp_path, "../../escaped/outside")
    monkeypatch.chdir(work)
    assert main(["compile", "p.py", "-t", "all", "-o", "build"]) == 0
    files = sorted(str(p.relative_to(work / "build")) for p in (work / "build").rglob("*") if p.is_file())
    assert files == ["airflow/escaped_outside.py", "flyte/escaped_outside_flyte.py", "kfp/escaped_outside.yaml"]


def test_check_reports_a_name_that_cannot_be_a_file_name(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    work = _project(tmp_path, "../..")
    assert main(["check", str(work / "p.py"), "--format", "json"]) == 1
    found = json.loads(capsys.readouterr().out)
    assert [d["code"] for d in found] == ["FLC401"]
    assert main(["compile", str(work / "p.py"), "-t", "all", "-o", str(work / "build")]) == 1
    assert not (work / "build").exists()


def test_symlinked_subfolder_pointing_outside_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    work = _project(tmp_path, "p")
    outside = tmp_path / "outside"
    outside.mkdir()
    (work / "build").mkdir()
    (work / "build" / "kfp").symlink_to(outside, target_is_directory=True)
    assert main(["compile", str(work / "p.py"), "-t", "kfp,airflow", "-o", str(work / "build")]) == 1
    err = capsys.readouterr().err
    assert "FLC820" in err and str(Path("build") / "kfp" / "p.yaml") in err
    assert list(outside.iterdir()) == []
    assert not (work / "build" / "airflow").exists()  # nothing written at all


def test_symlinked_target_file_pointing_outside_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    work = _project(tmp_path, "p")
    victim = tmp_path / "victim.txt"
    victim.write_text("precious")
    (work / "build" / "kfp").mkdir(parents=True)
    (work / "build" / "kfp" / "p.yaml").symlink_to(victim)
    assert main(["compile", str(work / "p.py"), "-t", "kfp", "-o", str(work / "build")]) == 1
    assert "FLC820" in capsys.readouterr().err
    assert victim.read_text() == "precious"
    assert (work / "build" / "kfp" / "p.yaml").is_symlink()


def test_a_symlinked_out_folder_itself_is_fine(tmp_path: Path) -> None:
    real = tmp_path / "real"
    real.mkdir()
    (tmp_path / "link").symlink_to(real, target_is_directory=True)
    write_all(tmp_path / "link", {"kfp/p.yaml": b"x"})
    assert (real / "kfp" / "p.yaml").read_bytes() == b"x"


@pytest.mark.parametrize("rel", ["../x.yaml", "kfp/../../x.yaml", "/tmp/flowc-abs-x.yaml", "", "."])
def test_write_all_refuses_paths_outside_out(tmp_path: Path, rel: str) -> None:
    out = tmp_path / "out"
    with pytest.raises(OutsideOutput) as caught:
        write_all(out, {"kfp/ok.yaml": b"ok", rel: b"evil"})
    assert caught.value.path.name in (Path(rel).name or "out", "out")
    assert not out.exists() and not (tmp_path / "x.yaml").exists()
    assert not Path("/tmp/flowc-abs-x.yaml").exists()


def test_write_all_refuses_a_symlink_chain_leaving_out(tmp_path: Path) -> None:
    out = tmp_path / "out"
    (out / "a").mkdir(parents=True)
    outside = tmp_path / "outside"
    outside.mkdir()
    os.symlink("../../outside", out / "a" / "b")  # relative link, resolved through the chain
    with pytest.raises(OutsideOutput):
        write_all(out, {"a/b/x.yaml": b"evil"})
    assert list(outside.iterdir()) == []


def test_write_all_refuses_a_symlink_loop(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    os.symlink("loop", out / "loop")
    with pytest.raises(OutsideOutput):
        write_all(out, {"loop/x.yaml": b"x"})

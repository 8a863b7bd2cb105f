"""`flowc explain`: the plan as a listing for people and stable JSON for tools; bad input as diagnostics.

The rendering is pinned on hand-built plans (whatever the passes decide); the CLI tests
run the real reader and passes.
"""

from __future__ import annotations

import importlib.util
import json
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from flowc.explain import render_json, render_text, short_key
from flowc.ir.passes import PASSES
from flowc.ir.plan import Merged, NotFused, PipelinePlan, PlannedStep
from tests.cli.own_process import capsys, main  # noqa: F401  (capsys: the fixture)
from tests.conftest import EXAMPLES, ROOT

ETL = EXAMPLES / "feature_etl.py"

PLAN = PipelinePlan(
    pipeline="etl",
    steps=(
        PlannedStep(
            id="parse_clean", label="parse+clean", members=("parse", "clean"), tasks=("parse", "clean"), cache_key="0123456789abcdef" * 4,
            notes=("timeout 90 s: the sum of its members'", "not cached: clean is not"),
        ),
        PlannedStep(id="train", label="train", members=("train",), tasks=("train",), cache_key="fedcba9876543210" * 4, loop="loop_1"),
        PlannedStep(id="clean_3", label="clean_3", members=("clean_3",), tasks=("clean",)),
    ),
    not_fused=(NotFused(before="clean", after="train", reason="fan-out boundary"),),
    merged=(Merged(removed="clean_2", kept="clean"),),
    map_fused=(("loop_2", "loop_1"),),
)

EXPECTED = """\
pipeline etl: 3 engine steps for 5 source steps
  STEP         KEY           LOOP    MEMBERS
  parse+clean  0123456789ab  -       parse, clean
    timeout 90 s: the sum of its members'
    not cached: clean is not
  train        fedcba987654  loop_1  train
  clean_3      -             -       clean_3 (clean)
  not fused:
    clean -> train: fan-out boundary
  merged duplicate calls:
    clean_2: reuses the result of clean
  map-fused loops (one fan-out):
    loop_2 into loop_1"""



def test_the_listing_is_a_table_per_pipeline() -> None:
    assert render_text([PLAN]) == EXPECTED
    empty = PipelinePlan(pipeline="nothing")
    assert render_text([PLAN, empty]) == EXPECTED + "\n\npipeline nothing: 0 engine steps for 0 source steps\n  (no steps)"
    assert render_text([]) == "no pipelines"


def test_the_listing_says_when_the_optimizer_is_off() -> None:
    assert render_text([PLAN], optimized=False).split("\n\n") == [
        "optimizer off: every source step is its own engine step", EXPECTED,
    ]


def test_short_keys_are_twelve_hex_digits() -> None:
    assert short_key("ab" * 32) == "ab" * 6 and short_key(None) == "-"


def test_json_is_stable_and_complete() -> None:
    text = render_json([PLAN])
    data = json.loads(text)
    assert text == json.dumps(data, indent=2, sort_keys=True)
    assert (data["diagnostics"], data["optimized"]) == ([], True)
    [plan] = data["pipelines"]
    assert plan["pipeline"] == "etl" and plan["source_steps"] == 5
    assert plan["steps"][0] == {
        "id": "parse_clean", "label": "parse+clean", "members": ["parse", "clean"], "tasks": ["parse", "clean"],
        "cache_key": "0123456789abcdef" * 4, "short_key": "0123456789ab", "loop": None, "notes": list(PLAN.steps[0].notes),
    }
    assert plan["not_fused"] == [{"before": "clean", "after": "train", "reason": "fan-out boundary"}]
    assert plan["merged"] == [{"removed": "clean_2", "kept": "clean"}]
    assert plan["map_fused"] == [{"inner": "loop_2", "outer": "loop_1"}]


# ------------------------------------------------------------------------------- the command


def _explain(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(["explain", *argv])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_explain_lists_every_pipeline_of_the_inputs(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _explain([str(EXAMPLES / "reporting"), str(ETL), "--root", str(EXAMPLES)], capsys)
    assert (code, err) == (0, "")
    headers = [line.split(":")[0] for line in out.splitlines() if line.startswith("pipeline ")]
    assert headers == ["pipeline region_report", "pipeline weekly_report", "pipeline feature_etl"]
    assert "  STEP" in out and "runs pipeline region_report (planned on its own)" in out


def test_pipeline_picks_one(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _explain([str(EXAMPLES / "reporting"), "--root", str(EXAMPLES), "--pipeline", "region_report"], capsys)
    assert code == 0 and out.startswith("pipeline region_report:") and "weekly_report" not in out


def test_an_unknown_pipeline_is_a_diagnostic_naming_the_known_ones(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _explain([str(ETL), "--pipeline", "feature_elt"], capsys)
    assert (code, out) == (1, "")
    assert "error[FLC807]: no pipeline 'feature_elt' in the files given" in err and "hint: pipelines: feature_etl" in err
    code, out, _ = _explain([str(ETL), "--pipeline", "feature_elt", "--format", "json"], capsys)
    data = json.loads(out)
    assert code == 1 and [d["code"] for d in data["diagnostics"]] == ["FLC807"] and data["pipelines"] == []


BAD = textwrap.dedent(
    """\
    from flowc import pipeline, task

    @task
    def double(x: int) -> int:
        return 2 * x

    @pipeline
    def bad() -> int:
        return double(x="three")
    """
)


@pytest.mark.parametrize("fmt", ["text", "json"])
def test_bad_input_gives_the_usual_diagnostics_and_exit_1(fmt: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "bad.py"
    path.write_text(BAD)
    code, out, err = _explain([str(path), "--format", fmt], capsys)
    assert code == 1
    if fmt == "text":
        assert out == "" and f"{path}:9:" in err and "error[FLC" in err and "^" in err
    else:
        data = json.loads(out)
        assert [d["span"]["line"] for d in data["diagnostics"]] == [9] and data["pipelines"] == []


def test_a_missing_path_is_a_diagnostic(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _explain([str(tmp_path / "nope.py")], capsys)
    assert (code, out) == (1, "") and "error[FLC" in err


@pytest.mark.parametrize("flags", [["-O0"], ["--no-optimize"]])
def test_without_optimization_each_call_is_its_own_step(flags: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    """feature_etl's chain is one step optimized (see below), four at -O0, each still keyed."""
    code, out, _ = _explain([str(ETL), *flags], capsys)
    lines = out.splitlines()
    assert code == 0 and lines[:3] == [
        "optimizer off: every source step is its own engine step", "", "pipeline feature_etl: 4 engine steps for 4 source steps",
    ]
    assert [line.split()[0] for line in lines[4:]] == ["parse", "clean", "featurize", "summarize"]
    code, out, _ = _explain([str(ETL), *flags, "--format", "json"], capsys)
    data = json.loads(out)
    assert data["optimized"] is False
    steps = data["pipelines"][0]["steps"]
    assert [s["members"] for s in steps] == [["parse"], ["clean"], ["featurize"], ["summarize"]]
    assert all(len(s["short_key"]) == 12 for s in steps)


def test_tool_flowc_optimize_false_is_honoured_and_O1_overrides_it(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "pyproject.toml").write_text("[tool.flowc]\noptimize = false\n")
    (tmp_path / "etl.py").write_text(ETL.read_text())
    assert json.loads(_explain([str(tmp_path / "etl.py"), "--format", "json"], capsys)[1])["optimized"] is False
    assert json.loads(_explain([str(tmp_path / "etl.py"), "--format", "json", "-O1"], capsys)[1])["optimized"] is True


def test_explain_takes_no_backend_options(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = _explain([str(ETL), "-O", "kfp.max_spec_bytes=1"], capsys)
    assert code == 2 and "only -O0" in err


def test_every_step_has_a_short_key_when_optimized(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _explain([str(ETL), "--format", "json"], capsys)
    steps = json.loads(out)["pipelines"][0]["steps"]
    assert code == 0 and steps and all(len(s["short_key"]) == 12 and s["cache_key"].startswith(s["short_key"]) for s in steps)


LIGHT_IMPORTS = """
import sys
from flowc.cli import main
rc = main(sys.argv[1:])
heavy = sorted(m for m in sys.modules if m.split('.')[0] in {'kfp', 'flytekit', 'airflow'})
print("RESULT", rc, heavy)
"""


def test_explain_never_imports_an_engine() -> None:
    proc = subprocess.run(
        [sys.executable, "-c", LIGHT_IMPORTS, "explain", str(EXAMPLES), "--format", "json"],
        capture_output=True, text=True, cwd=ROOT, timeout=120,
    )
    assert proc.stdout.splitlines()[-1] == "RESULT 0 []", proc.stdout[-2000:] + proc.stderr


# ------------------------------------------------------------------ with the real fusion pass

HAS_FUSION = importlib.util.find_spec("flowc.ir.passes.fusion") is not None
RUNS_FUSION_AND_DEDUPE = {"fuse_chains", "dedupe_calls"} <= {p.__name__ for p in PASSES}
needs_fusion = pytest.mark.skipif(not HAS_FUSION, reason="requires fusion pass")

CHAIN = '''from flowc import pipeline, task

{tasks}

@pipeline
def chain(x: int = 1) -> int:
{calls}
    return v12
'''


def _chain(odd: int | None = None) -> str:
    """Twelve tasks in a chain, all on one image but for step `odd`."""
    tasks = "\n".join(
        f'@task(image="{"other:1" if i == odd else "python:3.12-slim"}")\ndef s{i}(v: int) -> int:\n    return v + {i}\n\n'
        for i in range(1, 13)
    )
    calls = "\n".join(f"    v{i} = s{i}(v={'x' if i == 1 else f'v{i - 1}'})" for i in range(1, 13))
    return CHAIN.format(tasks=tasks, calls=calls)


@needs_fusion
def test_feature_etl_is_explained_as_one_fused_step(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _explain([str(ETL), "--format", "json"], capsys)
    [plan] = json.loads(out)["pipelines"]
    [step] = plan["steps"]
    assert code == 0 and step["members"] == ["parse", "clean", "featurize", "summarize"]
    assert step["label"] == "parse+clean+featurize+summarize" and len(step["short_key"]) == 12
    code, out, _ = _explain([str(ETL)], capsys)
    assert "pipeline feature_etl: 1 engine step for 4 source steps" in out and "parse, clean, featurize, summarize" in out


@needs_fusion
def test_a_step_on_another_image_splits_the_chain_and_says_why(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "chain.py"
    path.write_text(_chain(odd=6))
    code, out, _ = _explain([str(path), "--format", "json"], capsys)
    [plan] = json.loads(out)["pipelines"]
    assert code == 0 and [s["members"] for s in plan["steps"]] == [
        [f"s{i}" for i in range(1, 6)], ["s6"], [f"s{i}" for i in range(7, 13)],
    ]
    reasons = {(n["before"], n["after"]): n["reason"] for n in plan["not_fused"]}
    assert set(reasons) == {("s5", "s6"), ("s6", "s7")} and all("image" in r for r in reasons.values())
    path.write_text(_chain())
    [plan] = json.loads(_explain([str(path), "--format", "json"], capsys)[1])["pipelines"]
    assert [s["members"] for s in plan["steps"]] == [[f"s{i}" for i in range(1, 13)]]


# ------------------------------------------------------------------ docs/optimizer.md's example

DOC = ROOT / "docs" / "optimizer.md"


def _doc_blocks(language: str) -> list[str]:
    return re.findall(rf"```{language}\n(.*?)```", DOC.read_text(encoding="utf-8"), re.S)


def _doc_pipeline(tmp_path: Path) -> Path:
    path = tmp_path / "daily.py"
    path.write_text("from flowc import Resources, pipeline, task\n\n\n" + _doc_blocks("python")[-1])
    return path


DOC_PLAN = PipelinePlan(
    pipeline="daily",
    steps=(
        PlannedStep(
            id="load_clean_features", label="load+clean+features", members=("load", "clean", "features"),
            tasks=("load", "clean", "features"), cache_key="7c1e0a94d2b3",
            notes=(
                "timeout 1020 s: the sum of its members'",
                "retries 2: the most of its members'",
            ),
        ),
        PlannedStep(id="train", label="train", members=("train",), tasks=("train",), cache_key="9429401f3dfa"),
        PlannedStep(id="report", label="report", members=("report",), tasks=("report",), cache_key="d05b6e21c7aa"),
    ),
    not_fused=(
        NotFused(before="features", after="train", reason="different image (python:3.12-slim / ghcr.io/acme/trainer:3)"),
        NotFused(before="features", after="report", reason="features's output is also read by train, which does not wait for report"),
        NotFused(before="train", after="report", reason="different image (ghcr.io/acme/trainer:3 / python:3.12-slim)"),
    ),
    merged=(Merged(removed="features_2", kept="features"),),
)


def test_the_docs_example_output_is_the_listings_format() -> None:
    assert _doc_blocks("text")[-1] == render_text([DOC_PLAN]) + "\n"


def test_the_docs_example_pipeline_reads_cleanly(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _explain([str(_doc_pipeline(tmp_path)), "-O0"], capsys)
    assert (code, err) == (0, "") and "pipeline daily: 6 engine steps for 6 source steps" in out


@pytest.mark.skipif(not RUNS_FUSION_AND_DEDUPE, reason="requires fusion pass (and dedupe in PASSES)")
def test_the_docs_example_is_what_the_optimizer_does(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Keys and the reasons' wording aside, the documented plan is the real one."""
    code, out, _ = _explain([str(_doc_pipeline(tmp_path)), "--format", "json"], capsys)
    [plan] = json.loads(out)["pipelines"]
    assert code == 0
    assert [(s["label"], s["members"], s["notes"]) for s in plan["steps"]] == [
        (s.label, list(s.members), list(s.notes)) for s in DOC_PLAN.steps
    ]
    assert [(n["before"], n["after"]) for n in plan["not_fused"]] == [(n.before, n.after) for n in DOC_PLAN.not_fused]
    assert plan["merged"] == [{"removed": "features_2", "kept": "features"}]


MAPS = '''from flowc import pipeline, task


@task
def fit(x: int) -> int:
    return x * 2


@task
def score(m: int) -> float:
    return m / 2


@pipeline
def grid(xs: list[int] = [1, 2, 3]) -> list[float]:
    return [score(m=m) for m in [fit(x=x) for x in xs]]
'''


@pytest.mark.skipif(not {"fuse_maps", "fuse_chains"} <= {p.__name__ for p in PASSES}, reason="requires fusion pass (and fuse_maps in PASSES)")
def test_a_map_over_a_map_is_one_fan_out_of_one_fused_step(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "maps.py"
    path.write_text(MAPS)
    code, out, _ = _explain([str(path), "--format", "json"], capsys)
    [plan] = json.loads(out)["pipelines"]
    assert code == 0 and plan["map_fused"] == [{"inner": "loop_1", "outer": "loop_2"}]
    assert [(s["label"], s["members"], s["loop"]) for s in plan["steps"]] == [("fit+score", ["fit", "score"], "loop_2")]
    assert "    loop_1 into loop_2" in _explain([str(path)], capsys)[1]

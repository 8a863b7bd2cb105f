"""Tasks and pipelines are identified by module (issue 9 #4): IR names unique, plain where possible."""

from __future__ import annotations

from pathlib import Path

from flowc import api
from flowc.dsl.reader.identity import unique_ids
from flowc.ir.model import iter_nodes


def test_plain_names_where_one_module_defines_them() -> None:
    assert unique_ids([("a", "load"), ("b", "train")]) == {"a:load": "load", "b:train": "train"}


def test_module_qualified_where_several_do_and_never_onto_a_taken_name() -> None:
    ids = unique_ids([("sales", "extract"), ("x", "sales.extract"), ("stock", "extract")])
    assert ids == {"sales:extract": "sales.extract_2", "x:sales.extract": "sales.extract", "stock:extract": "stock.extract"}


def _write(root: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        (root / name).write_text(text)


TASK = "from flowc import pipeline, task\n\n\n@task\ndef {name}(x: int) -> int:\n    return x{op}\n\n\n@pipeline\ndef {flow}(x: int = 1) -> int:\n    return {name}(x=x)\n"


def test_two_modules_defining_a_task_and_a_pipeline_of_one_name_load_together(tmp_path: Path) -> None:
    _write(tmp_path, {"a.py": TASK.format(name="extract", op=" + 1", flow="main"), "b.py": TASK.format(name="extract", op=" * 2", flow="main")})
    loaded = api.load([tmp_path], root=tmp_path)
    assert loaded.ok, loaded.diagnostics
    program = loaded.program
    assert sorted(t.name for t in program.tasks) == ["a.extract", "b.extract"]
    assert sorted(p.name for p in program.pipelines) == ["a.main", "b.main"]
    calls = {p.name: [getattr(n, "task") for n in iter_nodes(p.body)] for p in program.pipelines}
    assert calls == {"a.main": ["a.extract"], "b.main": ["b.extract"]}
    assert {t.name: t.code.function for t in program.tasks}["b.extract"].endswith("return x * 2\n")  # type: ignore[union-attr]


def test_one_module_defining_a_name_twice_is_still_an_error(tmp_path: Path) -> None:
    text = TASK.format(name="extract", op="", flow="main") + "\n\n@task(name=\"extract\")\ndef other(x: int) -> int:\n    return x\n"
    _write(tmp_path, {"a.py": text})
    assert [d.code for d in api.load([tmp_path], root=tmp_path).diagnostics] == ["FLC403"]

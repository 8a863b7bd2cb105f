"""Step fusion (`flowc.ir.passes.fusion`): which chains fuse, what the fused step does, and why not.

Each test writes a tiny pipeline, loads it as written (`optimize=False`) and applies
`fuse_chains`; the fused step's code is run in-process against the runtime every
engine pastes in, so these tests need no engine (the engine runs are in the
conformance suite).
"""

from __future__ import annotations

import textwrap
from pathlib import Path
from typing import Any

from flowc import api
from flowc.codegen.runtime import runtime_source
from flowc.ir.model import LoopNode, Program, PythonTask, TaskNode, iter_nodes
from flowc.ir.passes.fusion import fuse_chains, fusion_plan

HEAD = "from flowc import Dataset, Resources, pipeline, task\n\n"


def _load(tmp_path: Path, source: str, files: dict[str, str] | None = None) -> Program:
    for name, text in (files or {}).items():
        (tmp_path / name).write_text(textwrap.dedent(text))
    (tmp_path / "flow.py").write_text(HEAD + textwrap.dedent(source))
    loaded = api.load([tmp_path / "flow.py"], root=tmp_path, optimize=False)
    assert loaded.ok, api.render(loaded.diagnostics, loaded.sources)
    return loaded.program


def _steps(program: Program, pipeline: str = "flow") -> list[str]:
    return [n.task for n in iter_nodes(program.pipeline(pipeline).body) if isinstance(n, TaskNode)]


def _call(task: PythonTask, **kwargs: Any) -> Any:
    """Run a (fused) task's code the way every engine's runner does: runtime first, flowc names bound."""
    namespace: dict[str, Any] = {"__name__": "__flowc_test__"}
    exec(runtime_source(), namespace)
    for imp in task.code.flowc_imports:
        namespace[imp.local] = namespace["flowc"] if imp.attr is None else getattr(namespace["flowc"], imp.attr)
    exec(task.code.preamble + "\n" + task.code.function, namespace)
    return namespace[task.code.function_name](**kwargs)


def _chain(n: int, odd: int | None = None) -> str:
    tasks = '@task(image="base")\ndef inc(x: int) -> int:\n    return x + 1\n\n\n'
    tasks += '@task(image="other")\ndef inc_other(x: int) -> int:\n    return x + 1\n\n\n'
    body = ["    v0 = x"]
    for i in range(1, n + 1):
        body.append(f"    v{i} = {'inc_other' if i == odd else 'inc'}(x=v{i - 1})")
    return tasks + "@pipeline\ndef flow(x: int = 0) -> int:\n" + "\n".join(body[1:]).replace("x=v0", "x=x") + f"\n    return v{n}\n"


def test_a_twelve_step_chain_of_one_image_is_one_step(tmp_path: Path) -> None:
    fused = fuse_chains(_load(tmp_path, _chain(12)))
    [step] = _steps(fused)
    task = fused.task(step)
    assert isinstance(task, PythonTask) and task.members == ("inc",) * 12
    assert _call(task, x=5) == 17
    [node] = fused.pipeline("flow").body
    assert isinstance(node, TaskNode) and node.label and node.label.startswith("inc+") and node.id.isidentifier()


def test_one_step_on_another_image_splits_the_chain_in_three_and_says_why(tmp_path: Path) -> None:
    program = _load(tmp_path, _chain(12, odd=6))
    fused = fuse_chains(program)
    assert [len(fused.task(s).members) or 1 for s in _steps(fused)] == [5, 1, 6]  # type: ignore[union-attr]
    _, not_fused = fusion_plan(program)["flow"]
    reasons = {(n.before, n.after): n.reason for n in not_fused}
    assert reasons == {("inc_5", "inc_other"): "different image (base / other)",
                       ("inc_other", "inc_6"): "different image (other / base)"}


def test_a_chain_in_a_comprehension_is_one_mapped_step(tmp_path: Path) -> None:
    program = _load(tmp_path, """
        @task(image="base")
        def double(x: int) -> int:
            return 2 * x


        @task(image="base")
        def label(x: int, prefix: str) -> str:
            return prefix + str(x)


        @pipeline
        def flow(xs: list[int], prefix: str = "n") -> list[str]:
            return [label(x=double(x=x), prefix=prefix) for x in xs]
        """)
    fused = fuse_chains(program)
    [loop] = fused.pipeline("flow").body
    assert isinstance(loop, LoopNode) and len(loop.body) == 1
    [node] = loop.body
    assert isinstance(node, TaskNode) and loop.result is not None
    assert loop.result.model_dump()["node"] == node.id
    assert _call(fused.task(node.task), x=4, prefix="n") == "n8"  # type: ignore[arg-type]


def test_fusing_never_makes_a_parallel_reader_wait(tmp_path: Path) -> None:
    program = _load(tmp_path, """
        @task(image="base")
        def make(x: int) -> int:
            return x


        @task(image="base")
        def slow(x: int) -> int:
            return x + 1


        @task(image="base")
        def fast(x: int) -> int:
            return x + 2


        @pipeline
        def flow(x: int = 0) -> tuple[int, int]:
            m = make(x=x)
            return slow(x=m), fast(x=m)
        """)
    fused = fuse_chains(program)
    assert _steps(fused) == ["make", "slow", "fast"]
    _, not_fused = fusion_plan(program)["flow"]
    assert any("also read by fast, which does not wait for slow" in n.reason for n in not_fused)


def test_an_intermediate_read_outside_the_chain_is_also_an_output(tmp_path: Path) -> None:
    program = _load(tmp_path, """
        @task(image="base")
        def load(n: int) -> Dataset:
            d = Dataset.create()
            with open(d.path, "w") as fh:
                fh.write("x" * n)
            return d


        @task(image="base")
        def size(d: Dataset) -> int:
            with open(d.path) as fh:
                return len(fh.read())


        @pipeline
        def flow(n: int = 3) -> tuple[Dataset, int]:
            d = load(n=n)
            return d, size(d=d)
        """)
    fused = fuse_chains(program)
    [step] = _steps(fused)
    task = fused.task(step)
    assert [o.name for o in task.outputs] == ["load", "size"]
    out = _call(task, n=3)  # type: ignore[arg-type]
    assert out.size == 3 and open(out.load.path).read() == "xxx"
    results = {r.name: r.binding.model_dump() for r in fused.pipeline("flow").results}
    assert results["output_0"]["field"] == "load" and results["output_1"]["field"] == "size"


def test_members_from_two_modules_keep_their_own_helpers(tmp_path: Path) -> None:
    helpers = {
        "one.py": """
            from flowc import task

            def _norm(x: float) -> float:
                return x / 10

            @task(image="base")
            def scale(x: float) -> float:
                return _norm(x)
            """,
        "two.py": """
            from flowc import task

            def _norm(x: float) -> float:
                return x * 100

            @task(image="base")
            def grow(x: float) -> float:
                return _norm(x)
            """,
    }
    program = _load(tmp_path, """
        from one import scale
        from two import grow


        @pipeline
        def flow(x: float = 5.0) -> float:
            return grow(x=scale(x=x))
        """, helpers)
    fused = fuse_chains(program)
    [step] = _steps(fused)
    assert _call(fused.task(step), x=5.0) == 50.0  # type: ignore[arg-type]


def test_values_between_members_arrive_as_their_declared_types(tmp_path: Path) -> None:
    program = _load(tmp_path, """
        @task(image="base")
        def whole() -> float:
            return 1


        @task(image="base")
        def show(x: float) -> str:
            return repr(x)


        @pipeline
        def flow() -> str:
            return show(x=whole())
        """)
    [step] = _steps(fuse_chains(program))
    assert _call(fuse_chains(program).task(step)) == "1.0"  # type: ignore[arg-type]  # as through any engine


def test_what_keeps_steps_apart(tmp_path: Path) -> None:
    program = _load(tmp_path, """
        @task(image="base", fuse=False)
        def alone(x: int) -> int:
            return x


        @task(image="base", env={"MODE": "a"})
        def env_a(x: int) -> int:
            return x


        @task(image="base", env={"MODE": "b"})
        def env_b(x: int) -> int:
            return x


        @task(image="base", resources=Resources(gpu=1))
        def gpu_1(x: int) -> int:
            return x


        @task(image="base", resources=Resources(gpu=2))
        def gpu_2(x: int) -> int:
            return x


        @pipeline
        def flow(x: int = 0) -> int:
            return gpu_2(x=gpu_1(x=env_b(x=env_a(x=alone(x=x)))))
        """)
    assert len(_steps(fuse_chains(program))) == 5
    _, not_fused = fusion_plan(program)["flow"]
    assert [n.reason for n in not_fused] == [
        "fuse=False on alone", "different env", "different env", "different GPU counts (1 / 2)"
    ]


def test_the_fused_step_merges_options(tmp_path: Path) -> None:
    program = _load(tmp_path, """
        @task(image="base", cache=True, timeout="30s", retries=1, resources=Resources(cpu="500m", memory="1Gi"))
        def first(x: int) -> int:
            return x


        @task(image="base", cache=False, timeout="60s", retries=3, resources=Resources(cpu="2", memory="512Mi", gpu=1))
        def second(x: int) -> int:
            return x


        @pipeline
        def flow(x: int = 0) -> int:
            return second(x=first(x=x))
        """)
    fused = fuse_chains(program)
    [step] = _steps(fused)
    options = fused.task(step).options
    assert (options.timeout_seconds, options.retries, options.cache) == (90, 3, False)
    assert (options.resources.cpu, options.resources.memory, options.resources.gpu) == ("2", "1Gi", 1)
    [planned] = fusion_plan(program)["flow"][0]
    assert planned.notes == ("timeout 90 s: the sum of its members'", "retries 3: the most of its members'",
                             "not cached: second is not")


def test_fused_ids_never_take_a_users_name(tmp_path: Path) -> None:
    program = _load(tmp_path, """
        @task(image="base")
        def a(x: int) -> int:
            return x


        @task(image="other")
        def a_b(x: int) -> int:
            return x


        @task(image="base")
        def b(x: int) -> int:
            return x


        @pipeline
        def flow(x: int = 0) -> int:
            return a_b(x=b(x=a(x=x)))
        """)
    fused = fuse_chains(program)
    ids = [n.id for n in fused.pipeline("flow").body]
    assert ids == ["a_b_2", "a_b"] and len({t.name for t in fused.tasks}) == len(fused.tasks)

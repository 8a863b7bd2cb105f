"""The cache-key pass: formatting never counts, a real change touches exactly one task."""

from __future__ import annotations


from flowc.ir.command import InputPart, TextPart
from flowc.ir.model import ContainerTask, Parameter, Program, PythonTask, TaskCode, TaskOptions
from flowc.ir.passes import LOWERING, run_passes
from flowc.ir.passes.cache_key import assign_cache_keys
from flowc.ir.types import FLOAT, INT, NONE, STR

HELPER = "import math\n\nSCALE = 2\n\n\ndef helper(x: int) -> int:\n    return x * SCALE\n"
HELPER_REFORMATTED = (
    "import math  # used below\n\n\nSCALE = (2)\n\n# a comment\ndef helper(x: int) -> int:\n"
    "    # double it\n    return   x*SCALE\n"
)


def _python(name: str, function: str, preamble: str = "", image: str = "python:3.12-slim",
            packages: tuple[str, ...] = ()) -> PythonTask:
    return PythonTask(
        name=name,
        params=(Parameter(name="x", type=INT),),
        returns=FLOAT,
        options=TaskOptions(image=image, packages=packages),
        code=TaskCode(function_name=name, function=function, preamble=preamble),
    )


def _program(**changes: PythonTask | ContainerTask) -> Program:
    tasks: dict[str, PythonTask | ContainerTask] = {
        "a": _python("a", "def a(x: int) -> float:\n    return helper(x) / 3\n", HELPER),
        "b": _python("b", "def b(x: int) -> float:\n    return math.sqrt(x)\n", "import math\n"),
        "c": _python("c", "def c(x: int) -> float:\n    '''Doc.'''\n    return float(x)\n"),
        "d": ContainerTask(
            name="d", params=(Parameter(name="s", type=STR),), returns=NONE,
            options=TaskOptions(image="busybox:1.36"), command=((TextPart(text="echo"),), (InputPart(name="s"),)),
        ),
    }
    tasks.update(changes)
    return Program(tasks=tuple(tasks.values()))


def _keys(program: Program) -> dict[str, str]:
    out = assign_cache_keys(program)
    keys = {t.name: t.cache_key for t in out.tasks}
    assert all(k is not None and len(k) == 64 and int(k, 16) >= 0 for k in keys.values())
    return {n: k for n, k in keys.items() if k is not None}


def _changed(before: dict[str, str], after: dict[str, str]) -> set[str]:
    return {n for n in before if before[n] != after[n]}


BASE = _keys(_program())


def test_the_pass_is_registered_and_fills_every_key() -> None:
    assert assign_cache_keys in LOWERING  # keys hold with and without the optimizer
    out = run_passes(_program())
    assert all(t.cache_key for t in out.tasks)
    assert len({t.cache_key for t in out.tasks}) == len(out.tasks)


def test_reformatting_and_comments_change_no_key() -> None:
    reformatted = _program(
        a=_python("a", "def a(x: int)->float:  # scale\n\n    return (helper(x)\n            / 3)\n", HELPER_REFORMATTED),
        c=_python("c", "def c(x: int) -> float:\n    '''Doc.'''\n    # cast\n    return float( x )\n"),
    )
    assert _keys(reformatted) == BASE


def test_changing_one_tasks_code_changes_only_that_key() -> None:
    edited = _program(c=_python("c", "def c(x: int) -> float:\n    '''Doc.'''\n    return float(x) + 1\n"))
    assert _changed(BASE, _keys(edited)) == {"c"}


def test_changing_a_helper_changes_only_the_tasks_that_use_it() -> None:
    edited = _program(a=_python("a", "def a(x: int) -> float:\n    return helper(x) / 3\n", HELPER.replace("SCALE = 2", "SCALE = 3")))
    assert _changed(BASE, _keys(edited)) == {"a"}


def test_image_and_packages_are_part_of_the_key() -> None:
    b_src = "def b(x: int) -> float:\n    return math.sqrt(x)\n"
    new_image = _program(b=_python("b", b_src, "import math\n", image="python:3.13-slim"))
    assert _changed(BASE, _keys(new_image)) == {"b"}
    new_packages = _program(b=_python("b", b_src, "import math\n", packages=("numpy==2.1.0",)))
    assert _changed(BASE, _keys(new_packages)) == {"b"}


def test_container_command_is_part_of_the_key() -> None:
    edited = _program(d=ContainerTask(
        name="d", params=(Parameter(name="s", type=STR),), returns=NONE,
        options=TaskOptions(image="busybox:1.36"), command=((TextPart(text="echo"),), (TextPart(text="-n"),), (InputPart(name="s"),)),
    ))
    assert _changed(BASE, _keys(edited)) == {"d"}


def test_options_that_do_not_change_results_do_not_count() -> None:
    a = _program()
    b_task = a.task("b")
    retried = b_task.model_copy(update={"options": b_task.options.model_copy(update={"retries": 3})})
    assert _keys(_program(b=retried)) == BASE




def test_two_thousand_tasks_are_keyed_quickly() -> None:
    import time

    tasks = tuple(
        _python(f"t{i}", f"def t{i}(x: int) -> float:\n    '''Doc.'''\n    return helper(x) + {i}\n", HELPER)
        for i in range(2000)
    )
    start = time.perf_counter()
    out = assign_cache_keys(Program(tasks=tasks))
    assert time.perf_counter() - start < 2.0  # about 0.15 s on a 2-core machine
    assert len({t.cache_key for t in out.tasks}) == 2000

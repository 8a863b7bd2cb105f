"""The cache-key pass: formatting, comments and docstrings never count; a real change
touches exactly the tasks it reaches (code, helpers, image, packages, env)."""

from __future__ import annotations

from pathlib import Path

from flowc import api
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
B_SOURCE = "def b(x: int) -> float:\n    return math.sqrt(x)\n"


def _python(name: str, function: str, preamble: str = "", image: str = "python:3.12-slim",
            packages: tuple[str, ...] = (), env: tuple[tuple[str, str], ...] = ()) -> PythonTask:
    return PythonTask(
        name=name,
        params=(Parameter(name="x", type=INT),),
        returns=FLOAT,
        options=TaskOptions(image=image, packages=packages, env=env),
        code=TaskCode(function_name=name, function=function, preamble=preamble),
    )


def _c(body: str) -> PythonTask:
    return _python("c", "def c(x: int) -> float:\n" + body)


def _program(**changes: PythonTask | ContainerTask) -> Program:
    tasks: dict[str, PythonTask | ContainerTask] = {
        "a": _python("a", "def a(x: int) -> float:\n    return helper(x) / 3\n", HELPER),
        "b": _python("b", B_SOURCE, "import math\n"),
        "c": _c("    '''Doc.'''\n    return float(x)\n"),
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
        c=_c("    '''Doc.'''\n    # cast\n    return float( x )\n"),
    )
    assert _keys(reformatted) == BASE


def test_docstrings_do_not_count_in_the_function_or_its_helpers() -> None:
    helper_doc = HELPER.replace("    return x * SCALE", '    """Scale `x`."""\n    return x * SCALE')
    documented = _program(
        a=_python("a", 'def a(x: int) -> float:\n    """Divide by three."""\n    return helper(x) / 3\n', helper_doc),
        c=_c("    '''Another doc.'''\n    return float(x)\n"),
    )
    assert _keys(documented) == BASE
    assert _keys(_program(c=_c("    return float(x)\n"))) == BASE


def test_docstrings_count_where_the_code_reads_them() -> None:
    reads = "    '''{}'''\n    return float(len(c.__doc__))\n"
    assert _keys(_program(c=_c(reads.format("One.")))) != _keys(_program(c=_c(reads.format("Two."))))


def test_renaming_a_local_variable_changes_the_key() -> None:
    """The decision documented in cache_key.py: a name is observable, so renames count."""
    renamed = _keys(_program(c=_c("    y = x\n    return float(y)\n")))
    other = _keys(_program(c=_c("    z = x\n    return float(z)\n")))
    assert _changed(renamed, other) == {"c"}


def test_changing_one_tasks_code_changes_only_that_key() -> None:
    edited = _program(c=_c("    '''Doc.'''\n    return float(x) + 1\n"))
    assert _changed(BASE, _keys(edited)) == {"c"}


def test_changing_a_helper_changes_only_the_tasks_that_use_it() -> None:
    edited = _program(a=_python("a", "def a(x: int) -> float:\n    return helper(x) / 3\n", HELPER.replace("SCALE = 2", "SCALE = 3")))
    assert _changed(BASE, _keys(edited)) == {"a"}


def test_image_and_packages_are_part_of_the_key() -> None:
    new_image = _program(b=_python("b", B_SOURCE, "import math\n", image="python:3.13-slim"))
    assert _changed(BASE, _keys(new_image)) == {"b"}
    new_packages = _program(b=_python("b", B_SOURCE, "import math\n", packages=("numpy==2.1.0",)))
    assert _changed(BASE, _keys(new_packages)) == {"b"}


def test_env_is_part_of_the_key_in_any_order() -> None:
    with_env = _keys(_program(b=_python("b", B_SOURCE, "import math\n", env=(("MODE", "fast"),))))
    assert _changed(BASE, with_env) == {"b"}
    other_value = _keys(_program(b=_python("b", B_SOURCE, "import math\n", env=(("MODE", "slow"),))))
    assert _changed(with_env, other_value) == {"b"}
    pairs = (("A", "1"), ("MODE", "fast"))
    forward = _keys(_program(b=_python("b", B_SOURCE, "import math\n", env=pairs)))
    assert forward == _keys(_program(b=_python("b", B_SOURCE, "import math\n", env=pairs[::-1])))


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


# ---------------------------------------------------------------- through the reader

MODULE = '''
from flowc import pipeline, task

FACTOR = 2


def _base(x: int) -> int:
    return x * FACTOR


def _twice(x: int) -> int:
    return _base(x) + _base(x)


@task
def uses_chain(x: int) -> int:
    return _twice(x)


@task
def uses_base(x: int) -> int:
    return _base(x)


@task
def uses_nothing(x: int) -> int:
    return x + 1


@pipeline
def keyed(x: int = 1) -> int:
    return uses_nothing(x=uses_base(x=uses_chain(x=x)))
'''


def _file_keys(tmp_path: Path, source: str) -> dict[str, str]:
    path = tmp_path / "keyed.py"
    path.write_text(source)
    loaded = api.load([path], root=tmp_path, optimize=False)  # the tasks as written, not fused
    assert loaded.ok, loaded.diagnostics
    return {t.name: t.cache_key for t in loaded.program.tasks if t.cache_key is not None}


def test_a_helper_used_by_a_helper_counts_for_exactly_the_tasks_that_reach_it(tmp_path: Path) -> None:
    before = _file_keys(tmp_path, MODULE)
    assert set(before) == {"uses_chain", "uses_base", "uses_nothing"}
    outer = MODULE.replace("return _base(x) + _base(x)", "return _base(x) * 2")
    assert _changed(before, _file_keys(tmp_path, outer)) == {"uses_chain"}
    inner = MODULE.replace("return x * FACTOR", "return x * FACTOR + 1")
    assert _changed(before, _file_keys(tmp_path, inner)) == {"uses_chain", "uses_base"}
    constant = MODULE.replace("FACTOR = 2", "FACTOR = 3")
    assert _changed(before, _file_keys(tmp_path, constant)) == {"uses_chain", "uses_base"}


def test_comments_docstrings_and_layout_in_a_file_change_no_key(tmp_path: Path) -> None:
    before = _file_keys(tmp_path, MODULE)
    noisy = MODULE.replace("def _base(x: int) -> int:\n", 'def _base(x: int) -> int:  # the base\n    """Scale."""\n\n')
    noisy = noisy.replace("    return _twice(x)\n", '    """Twice, scaled."""\n    return (_twice( x ))  # twice\n')
    assert noisy != MODULE
    assert _file_keys(tmp_path, noisy) == before

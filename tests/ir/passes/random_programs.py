"""Random valid IR pipelines, and a tiny interpreter giving what one computes and which calls ran.

The generator draws from small pools (two tasks of each purity, one parameter, small
literals) so duplicate calls and loops over fan-in lists come up often; every value
is an `int` or a fan-in `list[int]`. The interpreter is the meaning the passes must
keep: a call's value is a function of its task and arguments (so an impure call's
value does not depend on when it runs, only how often it runs is compared), a loop
runs its body once per item, a condition its first arm whose value is truthy.
"""

from __future__ import annotations

import hashlib
import random
from collections import Counter
from dataclasses import dataclass, field

from flowc.ir.model import (
    Binding,
    Branch,
    BranchOutput,
    ConditionNode,
    ConstBinding,
    Input,
    LoopItemBinding,
    LoopNode,
    Node,
    OutputBinding,
    Parameter,
    ParamBinding,
    Pipeline,
    PipelineResult,
    Program,
    PythonTask,
    TaskCode,
    TaskNode,
    TaskOptions,
    Truthy,
)
from flowc.ir.types import INT, ListType

TASKS = {"p0": True, "p1": True, "i0": False, "i1": False}  # name -> pure
INTS = ListType(item=INT)


def _task(name: str, pure: bool) -> PythonTask:
    params = (Parameter(name="a", type=INT), Parameter(name="b", type=INT))
    code = TaskCode(function_name=name, function=f"def {name}(a, b):\n    return a\n")
    return PythonTask(name=name, params=params, returns=INT, options=TaskOptions(cache=pure), code=code)


@dataclass
class _Gen:
    rng: random.Random
    count: int = 0
    ints: list[Binding] = field(default_factory=lambda: [ParamBinding(name="n"), ConstBinding(value=1)])
    lists: list[Binding] = field(default_factory=lambda: [ParamBinding(name="xs")])

    def fresh(self, prefix: str) -> str:
        self.count += 1
        return f"{prefix}_{self.count}"

    def body(self, depth: int, size: int) -> tuple[Node, ...]:
        """`size` nodes, the last a call; the values they make are visible to later nodes here."""
        saved = (list(self.ints), list(self.lists))
        nodes: list[Node] = []
        for i in range(size):
            roll = self.rng.random() if depth < 2 and i < size - 1 else 0.0
            node = self.loop(depth) if roll > 0.75 else self.condition(depth) if roll > 0.6 else self.call(nodes)
            nodes.append(node)
            if isinstance(node, LoopNode):
                self.lists.append(OutputBinding(node=node.id))
            elif isinstance(node, ConditionNode):
                self.ints.append(OutputBinding(node=node.id, field="v"))
            else:
                self.ints.append(OutputBinding(node=node.id))
        self.ints, self.lists = saved
        return tuple(nodes)

    def call(self, earlier: list[Node]) -> TaskNode:
        task = self.rng.choice(("p0", "p0", "p0", "p1", "i0", "i1"))
        items = [b for b in self.ints if isinstance(b, LoopItemBinding)]
        pool = [*self.ints[:2], *items, *self.ints[-2:]]  # few values: duplicates come up often
        a, b = self.rng.choice(pool), self.rng.choice(self.ints[:2])
        inputs = (Input(name="a", binding=a), Input(name="b", binding=b))
        waits = tuple(n.id for n in earlier[-2:] if self.rng.random() < 0.15)
        return TaskNode(id=self.fresh(task), task=task, inputs=inputs, after=waits)

    def loop(self, depth: int) -> LoopNode:
        loop_id = self.fresh("loop")
        items = self.rng.choice(self.lists)
        self.ints.append(LoopItemBinding(loop=loop_id))
        body = self.body(depth + 1, self.rng.randint(1, 3))
        self.ints.pop()
        return LoopNode(id=loop_id, var="v", items=items, item_type=INT, body=body,
                        result=OutputBinding(node=body[-1].id), result_type=INT)

    def condition(self, depth: int) -> ConditionNode:
        test = Truthy(value=self.rng.choice(self.ints))
        arms = (self.body(depth + 1, self.rng.randint(1, 2)), self.body(depth + 1, self.rng.randint(1, 2)))
        output = BranchOutput(name="v", type=INT, sources=tuple(OutputBinding(node=arm[-1].id) for arm in arms))
        branches = (Branch(condition=test, body=arms[0]), Branch(condition=None, body=arms[1]))
        return ConditionNode(id=self.fresh("cond"), branches=branches, outputs=(output,))


def random_program(seed: int) -> Program:
    """A valid pipeline `fuzz(n: int, xs: list[int]) -> int` of 4 to 10 top-level steps."""
    gen = _Gen(random.Random(seed))
    body = gen.body(0, gen.rng.randint(4, 10))
    result = PipelineResult(name="output", type=INT, binding=OutputBinding(node=body[-1].id))
    params = (Parameter(name="n", type=INT), Parameter(name="xs", type=INTS))
    pipeline = Pipeline(name="fuzz", params=params, returns=INT, results=(result,), body=body)
    return Program(tasks=tuple(_task(n, p) for n, p in TASKS.items()), pipelines=(pipeline,))


# ------------------------------------------------------------------------ the meaning


@dataclass
class Outcome:
    result: object
    ran: Counter[str]


def run(program: Program, n: int, xs: list[int]) -> Outcome:
    ran = Counter[str]()
    pipeline = program.pipelines[0]
    env: dict[object, object] = {("param", "n"): n, ("param", "xs"): xs}
    _run_body(pipeline.body, env, ran)
    return Outcome(_value(pipeline.results[0].binding, env), ran)


def _value(b: Binding, env: dict[object, object]) -> object:
    match b:
        case ConstBinding(value=v):
            return v
        case ParamBinding(name=name):
            return env[("param", name)]
        case OutputBinding(node=node, field=fld):
            return env[("out", node, fld if fld != "output" else None)]
        case LoopItemBinding(loop=loop):
            return env[("item", loop)]


def _run_body(body: tuple[Node, ...], env: dict[object, object], ran: Counter[str]) -> None:
    for node in body:
        match node:
            case TaskNode():
                ran[node.task] += 1
                args = sorted((i.name, _value(i.binding, env)) for i in node.inputs)
                digest = hashlib.sha256(repr((node.task, args)).encode()).digest()
                env[("out", node.id, None)] = digest[0] % 7
            case LoopNode():
                items = _value(node.items, env)
                assert isinstance(items, list)
                fan_in: list[object] = []
                for item in items:  # pyright: ignore[reportUnknownVariableType]
                    inner = dict(env)
                    inner[("item", node.id)] = item
                    _run_body(node.body, inner, ran)
                    assert node.result is not None
                    fan_in.append(_value(node.result, inner))
                env[("out", node.id, None)] = fan_in
            case ConditionNode():
                for i, branch in enumerate(node.branches):
                    if branch.condition is None or _value(branch.condition.value, env):  # type: ignore[union-attr]
                        inner = dict(env)
                        _run_body(branch.body, inner, ran)
                        for out in node.outputs:
                            env[("out", node.id, out.name)] = _value(out.sources[i], inner)
                        break
            case _:
                raise AssertionError(node)

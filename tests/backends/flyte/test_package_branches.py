"""Registration shape of branches that flytekit's local run once got wrong.

A nested `if` (a conditional inside a branch's sub-workflow, under `_flowc_branch_scope`)
and a container task's output used after an `if/else` must serialize, with `pyflyte
package`, to the branch nodes and bindings that mean what the Python means.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from flowc import api
from tests.backends.flyte.test_package import Bundle, decode

CONSTRUCTS = Path(__file__).parents[2] / "conformance" / "constructs"


def _package(rel: str) -> Bundle:
    path = CONSTRUCTS / rel
    loaded = api.load([path], root=path.parent)
    assert loaded.ok, api.render(loaded.diagnostics, loaded.sources)
    result = api.emit(loaded.program, "flyte", {"package": "true"})
    assert not [d for d in result.diagnostics if d.code != "FLC705"], result.diagnostics  # FLC705: the image may lack flytekit
    (tgz,) = [data for name, data in result.files.items() if name.endswith(".tgz")]
    return decode(tgz)


def _workflow(bundle: Bundle, suffix: str) -> Any:
    (name,) = [n for n in bundle.workflows if n.endswith(suffix)]
    return bundle.workflows[name].template


def _branch_nodes(template: Any) -> list[Any]:
    return [n for n in template.nodes if n.WhichOneof("target") == "branch_node"]


def test_nested_if_is_a_branch_node_in_the_branch_sub_workflow() -> None:
    bundle = _package("branches/branch_nested_if.py")
    (outer,) = _branch_nodes(_workflow(bundle, ".branch_nested_if"))
    case = outer.branch_node.if_else.case
    assert case.condition.comparison.right_value.primitive.integer == 2
    (inner,) = _branch_nodes(_workflow(bundle, ".branch_nested_if_cond_1_branch_0"))
    case = inner.branch_node.if_else.case
    assert case.condition.comparison.operator == 0  # EQ
    assert case.condition.comparison.right_value.primitive.integer == 1
    assert case.then_node.task_node.reference_id.name.endswith(".inner")


def test_container_output_after_an_if_binds_the_branch_nodes_output() -> None:
    template = _workflow(_package("container_flow/ctr_in_branch.py"), ".ctr_in_branch")
    (branch,) = _branch_nodes(template)
    wrap = next(n for n in template.nodes if n.WhichOneof("target") == "task_node"
                and n.task_node.reference_id.name.endswith(".wrap"))
    (text,) = wrap.inputs
    assert text.var == "text"
    assert text.binding.promise.node_id == branch.id
    assert text.binding.promise.var == "o0"

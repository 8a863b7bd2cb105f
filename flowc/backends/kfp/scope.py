"""How a value is reached from inside one DAG component of the spec.

KFP passes values into a nested DAG (a loop body, a condition arm, a sub-pipeline)
only through that DAG's declared inputs. A `Scope` resolves IR bindings inside one
DAG: a sibling task's output, one of the DAG's own inputs, or a constant. A value
that lives outside becomes a *channel*: an input of this DAG that the enclosing
scope must feed. Channels are named so that kfp.local's local orchestrator reads
them back the way the KFP backend does (`pipelinechannel--<task>-Output` for a
single result, `pipelinechannel--<task>--<key>` for a named one).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from flowc.ir.model import Binding, ConstBinding, LoopItemBinding, OutputBinding, ParamBinding, RunStatusBinding
from flowc.ir.types import Type
from flowc.backends.kfp.components import output_key
from flowc.backends.kfp.kfp_types import artifact_of

PREFIX = "pipelinechannel--"


@dataclass(frozen=True)
class Ref:
    """A task input spec (`componentInputParameter`, `taskOutputArtifact`, ...) and its producer."""

    section: str
    spec: dict[str, Any]
    producer: str | None = None


@dataclass
class Scope:
    """Resolution of bindings inside one DAG component.

    `local` maps IR node ids of this DAG's own body to their task names; `params`
    is set for a pipeline's own DAG (its parameters are direct inputs); `item`
    is `(loop id, input name)` inside a loop body.
    """

    names: dict[str, str]
    types: Any  # TypeOracle; typed loosely to keep this module free of the builder
    local: dict[str, str] = field(default_factory=lambda: {})
    params: frozenset[str] | None = None
    item: tuple[str, str] | None = None
    external: dict[str, tuple[Binding, Type]] = field(default_factory=lambda: {})
    external_after: set[str] = field(default_factory=lambda: set())
    # Loops folded into another loop's iteration (see folding.py): their item is a
    # value of that iteration, and their fan-in an extra output of the host loop.
    item_alias: dict[str, Binding] = field(default_factory=lambda: {})
    keys: dict[str, str] = field(default_factory=lambda: {})
    outermost: bool = False  # a pipeline's own DAG, where KFP allows an exit handler

    def child(self, item: tuple[str, str] | None = None) -> Scope:
        return Scope(self.names, self.types, item=item)

    def channel(self, binding: Binding) -> str:
        match binding:
            case ParamBinding(name=name):
                return PREFIX + name
            case OutputBinding(node=node, field=out):
                key = output_key(out or "output")
                return PREFIX + self.names[node] + ("-Output" if key == "Output" else "--" + key)
            case LoopItemBinding(loop=loop):
                return PREFIX + self.names[loop] + "-item"
            case ConstBinding() | RunStatusBinding():
                raise ValueError("constants and run statuses need no channel")

    def resolve(self, binding: Binding) -> Ref:
        if isinstance(binding, ConstBinding):
            return Ref("parameters", {"runtimeValue": {"constant": binding.value}})
        if isinstance(binding, RunStatusBinding):  # the exit task's PipelineTaskFinalStatus (cleanup.py)
            return Ref("parameters", {"taskFinalStatus": {"producerTask": self.local[binding.block]}})
        t: Type = self.types.of(binding)
        artifact = artifact_of(t) is not None
        section = "artifacts" if artifact else "parameters"
        kind = "Artifact" if artifact else "Parameter"
        if isinstance(binding, ParamBinding) and self.params is not None:
            return Ref(section, {f"componentInput{kind}": binding.name})
        if isinstance(binding, LoopItemBinding) and binding.loop in self.item_alias:
            return self.resolve(self.item_alias[binding.loop])
        if isinstance(binding, OutputBinding) and binding.node in self.local:
            producer = self.local[binding.node]
            key = self.keys.get(binding.node) or output_key(binding.field or "output")
            out = {f"output{kind}Key": key, "producerTask": producer}
            return Ref(section, {f"taskOutput{kind}": out}, producer)
        if isinstance(binding, LoopItemBinding) and self.item is not None and self.item[0] == binding.loop:
            return Ref(section, {f"componentInput{kind}": self.item[1]})
        name = self.channel(binding)
        self.external[name] = (binding, t)
        return Ref(section, {f"componentInput{kind}": name})

    def depend(self, node_id: str) -> str | None:
        """The sibling task to wait for, or None when `node_id` lives outside (the parent waits)."""
        if node_id in self.local:
            return self.local[node_id]
        self.external_after.add(node_id)
        return None


def selector(ref: Ref) -> dict[str, Any]:
    """How a DAG's output picks a task output of the DAG (`valueFromParameter`, `artifactSelectors`)."""
    if ref.section == "artifacts":
        out = ref.spec["taskOutputArtifact"]
        return {"artifactSelectors": [{"outputArtifactKey": out["outputArtifactKey"], "producerSubtask": out["producerTask"]}]}
    out = ref.spec["taskOutputParameter"]
    return {"valueFromParameter": {"outputParameterKey": out["outputParameterKey"], "producerSubtask": out["producerTask"]}}

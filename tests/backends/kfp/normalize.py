"""A name-free canonical form of a PipelineSpec's DAG, to compare flowc's spec with the kfp SDK's.

Task names of executor tasks are kept (both sides name them after the function);
control-flow tasks are labelled by kind and the executor tasks inside them, and
channel inputs by where their value comes from, since each compiler names those
its own way. Edges are compared as the transitive reduction of `dependentTasks`.
Everything else is kept: parameter and artifact types, defaults, trigger
conditions, iterators, caching, retries, resources, env and platform config.
"""

from __future__ import annotations

import json
import re
from typing import Any

from tests.backends.kfp.kfp_check import documents

_REF = re.compile(r"inputs\.parameter_values\['([^']+)'\]")
# flowc's own inputs, which the kfp SDK has no counterpart for: the step cache key
# (`flowc.backends.kfp`, folded into KFP's cache fingerprint).
FLOWC_ONLY = frozenset({"flowc-step-key"})


def canonical(text: str) -> dict[str, Any]:
    spec, platform = documents(text)
    configs = platform["platforms"]["kubernetes"]["deploymentSpec"]["executors"] if platform else {}
    ctx = _Ctx(spec["components"], spec["deploymentSpec"]["executors"], configs)
    root = spec["root"]
    env = {name: f"param:{name}" for section in root.get("inputDefinitions", {}).values() for name in section}
    return {
        "name": spec["pipelineInfo"]["name"],
        "inputs": _definitions(root.get("inputDefinitions", {})),
        "outputs": _definitions(root.get("outputDefinitions", {})),
        "dag": ctx.dag(root, env),
        "returns": {k.lower(): ctx.output_desc(root, k) for s in root["dag"].get("outputs", {}).values() for k in s},
    }


class _Ctx:
    def __init__(self, components: dict[str, Any], executors: dict[str, Any], configs: dict[str, Any]) -> None:
        self.components = components
        self.executors = executors
        self.configs = configs

    def labels(self, component: dict[str, Any]) -> dict[str, str]:
        out: dict[str, str] = {}
        for name, task in component["dag"]["tasks"].items():
            callee = self.components[task["componentRef"]["name"]]
            if "executorLabel" in callee:
                out[name] = name
                continue
            inner = ",".join(sorted(self.leaves(callee)))
            if "parameterIterator" in task or "artifactIterator" in task:
                kind = "loop"
            elif "triggerPolicy" in task:
                kind = "cond"
            elif all("triggerPolicy" in t for t in callee["dag"]["tasks"].values()):
                kind = "branches"
            else:
                kind = "sub"
            out[name] = f"{kind}[{inner}]"
        assert len(set(out.values())) == len(out), out
        return out

    def leaves(self, component: dict[str, Any]) -> list[str]:
        names: list[str] = []
        for name, task in component["dag"]["tasks"].items():
            callee = self.components[task["componentRef"]["name"]]
            names += [name] if "executorLabel" in callee else self.leaves(callee)
        return names

    def dag(self, component: dict[str, Any], env: dict[str, str]) -> dict[str, Any]:
        labels = self.labels(component)
        tasks = component["dag"]["tasks"]
        reduced = _reduce({n: set(t.get("dependentTasks", [])) for n, t in tasks.items()})
        return {labels[n]: self.task(t, component, env, labels, sorted(labels[d] for d in reduced[n])) for n, t in tasks.items()}

    def source(self, spec: dict[str, Any], env: dict[str, str], labels: dict[str, str], component: dict[str, Any]) -> str:
        for kind in ("componentInputParameter", "componentInputArtifact"):
            if kind in spec:
                name: str = spec[kind]
                return env.get(name, "?" + name)
        for kind, key in (("taskOutputParameter", "outputParameterKey"), ("taskOutputArtifact", "outputArtifactKey")):
            if kind in spec:
                producer = spec[kind]["producerTask"]
                return self.produced(component, producer, spec[kind][key], labels)
        return "const:" + json.dumps(_numbers(spec["runtimeValue"]["constant"]), sort_keys=True)

    def produced(self, component: dict[str, Any], task_name: str, key: str, labels: dict[str, str]) -> str:
        callee = self.components[component["dag"]["tasks"][task_name]["componentRef"]["name"]]
        if "executorLabel" in callee:
            return f"{labels[task_name]}.{key.lower()}"
        return f"{labels[task_name]}.({self.output_desc(callee, key)})"

    def output_desc(self, component: dict[str, Any], key: str) -> str:
        labels = self.labels(component)
        for selector in (component["dag"].get("outputs", {}).get(s, {}).get(key) for s in ("parameters", "artifacts")):
            if selector is None:
                continue
            if "valueFromParameter" in selector:
                v = selector["valueFromParameter"]
                return self.produced(component, v["producerSubtask"], v["outputParameterKey"], labels)
            picks = selector.get("valueFromOneof", {}).get("parameterSelectors") or selector.get("artifactSelectors", [])
            key_name = "outputParameterKey" if "valueFromOneof" in selector else "outputArtifactKey"
            descs = [self.produced(component, s["producerSubtask"], s[key_name], labels) for s in picks]
            return "oneof(" + ",".join(descs) + ")" if len(descs) > 1 else descs[0]
        return "?"

    def task(
        self, task: dict[str, Any], owner: dict[str, Any], env: dict[str, str], labels: dict[str, str], deps: list[str]
    ) -> dict[str, Any]:
        callee = self.components[task["componentRef"]["name"]]
        inputs = {
            name: self.source(spec, env, labels, owner)
            for section in task.get("inputs", {}).values() for name, spec in section.items()
            if name not in FLOWC_ONLY
        }
        out: dict[str, Any] = {"deps": deps}
        if "executorLabel" in callee:
            out.update(inputs=inputs, component=self.executor(callee), caching=bool(task.get("cachingOptions", {}).get("enableCache", False)))
            out["retry"] = task.get("retryPolicy")
            return out
        child_env = dict(inputs)
        for iterator in ("parameterIterator", "artifactIterator"):
            if iterator in task:
                it = task[iterator]
                child_env[it["itemInput"]] = "item:" + labels[task["taskInfo"]["name"]]
                items = it["items"].get("inputParameter") or it["items"].get("inputArtifact")
                out["iterator"] = {"kind": iterator, "items": inputs.get(items, it["items"].get("raw")), "policy": task.get("iteratorPolicy")}
        if "triggerPolicy" in task:
            out["trigger"] = _REF.sub(lambda m: "{" + inputs.get(m.group(1), "?") + "}", task["triggerPolicy"]["condition"])
        out["passes"] = sorted(set(inputs.values()))
        out["body"] = self.dag(callee, child_env)
        return out

    def executor(self, component: dict[str, Any]) -> dict[str, Any]:
        container = self.executors[component["executorLabel"]]["container"]
        resources = {k: v for k, v in container.get("resources", {}).items() if k.startswith("resource") or k == "accelerator"}
        return {
            "image": container["image"],
            "inputs": _definitions(component.get("inputDefinitions", {})),
            "outputs": {k.lower(): v for k, v in _definitions(component.get("outputDefinitions", {})).items()},
            "resources": resources,
            "env": container.get("env", []),
            "platform": self.configs.get(component["executorLabel"], {}),
        }


def _definitions(sections: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for section, items in sections.items():
        for name, d in items.items():
            if name in FLOWC_ONLY:
                continue
            kind = d.get("parameterType") or d["artifactType"]["schemaTitle"]
            out[name] = {
                "section": section, "type": kind, "list": d.get("isArtifactList", False),
                "optional": d.get("isOptional", False), "default": _numbers(d.get("defaultValue")),
            }
    return out


def _numbers(value: Any) -> Any:
    if isinstance(value, bool) or value is None or isinstance(value, str):
        return value
    if isinstance(value, (int, float)):
        return float(value)
    if isinstance(value, list):
        return [_numbers(v) for v in value]  # pyright: ignore[reportUnknownVariableType]
    if isinstance(value, dict):
        return {k: _numbers(v) for k, v in value.items()}  # pyright: ignore[reportUnknownVariableType]
    return value


def _reduce(deps: dict[str, set[str]]) -> dict[str, set[str]]:
    """Transitive reduction: drop an edge a->c when a->b->...->c exists."""

    def reach(start: str) -> set[str]:
        seen: set[str] = set()
        todo = list(deps.get(start, ()))
        while todo:
            n = todo.pop()
            if n not in seen:
                seen.add(n)
                todo += deps.get(n, ())
        return seen

    return {n: {d for d in ds if not any(d in reach(o) for o in ds if o != d)} for n, ds in deps.items()}

"""A generated workflow or dynamic function, as data the module template renders."""

from __future__ import annotations

from dataclasses import dataclass, field

# Names the generated module defines at top level (imports and the pasted runtime).
MODULE_GLOBALS: frozenset[str] = frozenset({
    "typing", "timedelta", "partial", "task", "workflow", "dynamic", "conditional", "map_task",
    "Resources", "Secret", "TaskMetadata", "ContainerTask", "LaunchPlan", "CronSchedule", "kwtypes",
    "FlyteFile", "ImageSpec", "Artifact", "Dataset", "Model", "Metrics", "ARTIFACT_CLASSES",
    "flowc", "coerce", "load_task_function",
})


@dataclass
class FlyteFunction:
    """`@workflow` or `@dynamic` function: signature, docstring and body lines."""

    decorator: str
    name: str
    params: list[tuple[str, str, str | None]]  # name, annotation, default literal
    returns: str
    doc: str | None
    body: list[str]
    outputs_class: tuple[str, list[tuple[str, str]]] | None = None


@dataclass
class Names:
    """Local names of one function, kept apart from module globals and each other."""

    taken: set[str] = field(default_factory=lambda: set[str]())

    def unique(self, base: str, module_names: frozenset[str] | set[str] = frozenset()) -> str:
        name = base
        while name in self.taken or name in MODULE_GLOBALS or name in module_names:
            name += "_"
        self.taken.add(name)
        return name

# Modeled on flytesnacks examples/advanced_composition/advanced_composition/dynamic_workflow.py
# (https://github.com/flyteorg/flytesnacks, Apache License 2.0): a @dynamic that fans a task
# out over an input list and reduces the results, called from a workflow. Written for
# flowc's import tests.
from typing import List

from flytekit import dynamic, task, workflow


@task
def char_count(word: str) -> int:
    return len(word)


@task
def add_up(counts: List[int]) -> int:
    return sum(counts)


@dynamic
def count_words(words: List[str]) -> int:
    counts = []
    for word in words:
        counts.append(char_count(word=word))
    return add_up(counts=counts)


@workflow
def count_wf(words: List[str] = ["a", "bb"]) -> int:
    return count_words(words=words)

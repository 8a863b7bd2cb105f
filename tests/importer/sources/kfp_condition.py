# Modeled on the kfp samples samples/core/condition/condition_v2.py and
# samples/v2/subdagio/parameter_oneof.py (https://github.com/kubeflow/pipelines,
# Apache License 2.0): a coin flip, dsl.If/Elif/Else, and dsl.OneOf. Written for flowc's import tests.
from kfp import dsl


@dsl.component
def flip_coin(seed: int) -> str:
    import random

    rng = random.Random(seed)
    return "heads" if rng.randint(0, 1) == 0 else "tails"


@dsl.component
def say(message: str) -> str:
    return message


@dsl.pipeline
def flip_and_say(seed: int = 3, threshold: int = 2) -> str:
    flip = flip_coin(seed=seed)
    with dsl.If(flip.output == "heads"):
        heads = say(message="it was heads")
    with dsl.Elif(seed > threshold):
        high = say(message="tails, high seed")
    with dsl.Else():
        low = say(message="tails, low seed")
    return dsl.OneOf(heads.output, high.output, low.output)

# Modeled on the kfp sample samples/v2/producer_consumer_param.py
# (https://github.com/kubeflow/pipelines, Apache License 2.0): a parameter handed from
# one component to the next. Written for flowc's import tests.
from kfp import dsl


@dsl.component
def producer(input_text: str) -> str:
    """Prefix the text."""
    return "input_text: " + input_text


@dsl.component
def consumer(input_value: str) -> str:
    print(input_value)  # shows up in the step's log
    return input_value.upper()


@dsl.pipeline(name="producer-consumer", description="Hand a parameter from one step to the next.")
def producer_consumer(text: str = "Hello world") -> str:
    produced = producer(input_text=text)
    consumed = consumer(input_value=produced.output)
    return consumed.output

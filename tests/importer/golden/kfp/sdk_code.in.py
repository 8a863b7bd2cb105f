"""kfp SDK code outside components and pipelines (compiling, submitting) is commented out."""
import kfp
from kfp import compiler, dsl


@dsl.component
def hello(name: str) -> str:
    return f"hello {name}"


@dsl.pipeline
def greet(name: str = "world") -> str:
    return hello(name=name).output


client = kfp.Client(host="http://localhost:8080")  # E: FLC905

if __name__ == "__main__":  # E: FLC905
    # compile it for the UI
    compiler.Compiler().compile(greet, "greet.yaml")

"""kfp SDK code outside components and pipelines (compiling, submitting) is commented out."""
from flowc import pipeline, task


@task(cache=True)
def hello(name: str) -> str:
    return f"hello {name}"


@pipeline
def greet(name: str = "world") -> str:
    return hello(name=name)


# flowc import: kfp SDK code outside tasks and pipelines was commented out
#     client = kfp.Client(host="http://localhost:8080")  # E: FLC905

# flowc import: kfp SDK code outside tasks and pipelines was commented out
#     if __name__ == "__main__":  # E: FLC905
#         # compile it for the UI
#         compiler.Compiler().compile(greet, "greet.yaml")

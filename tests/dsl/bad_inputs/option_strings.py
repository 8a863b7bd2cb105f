from flowc import Resources, pipeline, task

INDEX = "--index-url=http://evil/"


@task(packages=["pandas==2.2.3", "-e .", INDEX])  # E: FLC310 @34 E: FLC310 @42
def a(x: int) -> int: ...


@task(env={"A B=C": "1", "": "2", "OK": "3", "FLOWC_INPUTS": "x"})  # E: FLC311 @12 E: FLC311 @26 E: FLC311 @46
def b(x: int) -> int: ...


@task(secrets=["db-credentials", "../../etc/passwd"])  # E: FLC312 @34
def c(x: int) -> int: ...


@task(resources=Resources(cpu="\u0661", memory="\u0662Gi"))  # E: FLC303 @31 E: FLC303 @48
def d(x: int) -> int: ...


@pipeline(schedule="0 \u0663 * * *")  # E: FLC304 @20
def arabic_digits(x: int = 1) -> int:
    return a(x=b(x=c(x=d(x=x))))


@pipeline(schedule="0 0 31 2 *")  # E: FLC313 @20
def never(x: int = 1) -> int:
    return a(x=x)


@task(timeout="\u0663\u0660m")  # E: FLC306 @15
def e(x: int) -> int: ...


@pipeline(schedule="0 \u00b2 * * *")  # E: FLC304 @20
def superscript(x: int = 1) -> int:
    return a(x=x)

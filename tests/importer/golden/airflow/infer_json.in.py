"""Types from the file: `json.loads` of a string literal, a bare `dict` parameter, a loop
over `.values()` grown with `+=`, and multiple_outputs without `-> dict[str, T]`."""
import json

from airflow.sdk import dag, task


@dag(schedule=None)
def orders():
    @task()
    def extract():
        data_string = '{"1001": 301.27, "1002": 433.21}'
        return json.loads(data_string)

    @task(multiple_outputs=True)
    def transform(order_data: dict):
        total = 0
        for value in order_data.values():
            total += value
        return {"total": total, "doubled": total * 2}

    @task
    def join_keys(order_data: dict):
        joined = ""
        for key in order_data.keys():
            joined += key
        return joined

    @task()
    def load(total: float):
        print(f"{total:.2f}")

    data = extract()
    summary = transform(data)
    load(summary["total"])
    join_keys(data)


orders()  # E: FLC905

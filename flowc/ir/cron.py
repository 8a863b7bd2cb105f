"""Five-field cron expressions and presets: well-formed, ASCII, and able to fire.

`str.isdigit()` accepts Arabic-Indic and other Unicode digits that no scheduler
reads, so digits here are ASCII only. A day-of-month that no selected month has
(`0 0 31 2 *`) never fires; schedulers either reject it (Flyte, croniter) or accept
a schedule that silently never runs, so it is an error for every engine.
"""

from __future__ import annotations

PRESETS = frozenset({"@yearly", "@annually", "@monthly", "@weekly", "@daily", "@midnight", "@hourly", "@once"})
_NAMES = {
    3: ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"),
    4: ("sun", "mon", "tue", "wed", "thu", "fri", "sat"),
}
_RANGES = ((0, 59), (0, 23), (1, 31), (1, 12), (0, 7))
_DAYS_IN_MONTH = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)  # February fires in leap years
_ASCII_DIGITS = frozenset("0123456789")


def is_valid_schedule(text: str) -> bool:
    """A five-field cron expression or a preset such as `@daily` (well-formed; see `never_fires`).

    The text reaches the engines as written, so it is ASCII, fields are separated by
    spaces or tabs, and there is no surrounding whitespace (`" @daily"` is no preset).
    """
    if text.startswith("@"):
        return text in PRESETS
    return _values(text) is not None


def never_fires(text: str) -> bool:
    """Whether a well-formed expression selects no day at all (`0 0 31 2 *`, `0 0 30 2 *`).

    With a restricted day-of-week, cron fires when either day field matches, so
    only expressions whose day-of-week is `*` can be dead.
    >>> never_fires("0 0 31 2 *"), never_fires("0 0 31 1,2 *"), never_fires("0 0 31 2 mon")
    (True, False, False)
    """
    values = _values(text)
    if values is None or text.split()[4] != "*":
        return False
    days, months = values[2], values[3]
    return all(min(days) > _DAYS_IN_MONTH[m - 1] for m in months)


def weekdays(field: str) -> set[int] | None:
    """The days a day-of-week field selects (0 and 7 are both Sunday); None when malformed.

    >>> sorted(weekdays("5-7") or ()), weekdays("mon"), weekdays("8")
    ([5, 6, 7], {1}, None)
    """
    return _field(field, 4)


def _values(text: str) -> list[set[int]] | None:
    if not text.isascii() or text != text.strip():
        return None
    fields = text.split()
    if len(fields) != 5:
        return None
    out: list[set[int]] = []
    for index, field in enumerate(fields):
        selected = _field(field, index)
        if selected is None:
            return None
        out.append(selected)
    return out


def _field(field: str, index: int) -> set[int] | None:
    low, high = _RANGES[index]
    out: set[int] = set()
    for part in field.split(","):
        base, slash, step_text = part.partition("/")
        step = _number(step_text) if slash else 1
        if step is None or step <= 0:
            return None
        if base == "*":
            first, last = low, high
        else:
            bounds = [_value(b, index) for b in base.split("-")]
            if len(bounds) > 2 or any(b is None or not low <= b <= high for b in bounds):
                return None
            first, last = bounds[0], bounds[-1]
            if first is None or last is None:
                return None
            if slash and len(bounds) == 1:
                last = high
        if first > last:  # a wrapping range such as `22-2`
            out.update(range(first, high + 1, step), range(low, last + 1, step))
        else:
            out.update(range(first, last + 1, step))
    return out


def _number(text: str) -> int | None:
    if not text or not set(text) <= _ASCII_DIGITS:
        return None
    return int(text)


def _value(text: str, index: int) -> int | None:
    number = _number(text)
    if number is not None:
        return number
    names = _NAMES.get(index, ())
    if text.lower() in names:
        return names.index(text.lower()) + (1 if index == 3 else 0)
    return None

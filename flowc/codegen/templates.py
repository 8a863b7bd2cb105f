"""The jinja2 environment every backend renders its templates with.

Templates sit beside their backend; each backend asks for an environment rooted at
its own package. Undefined variables are errors, and the `py` filter renders a value
as a safe Python literal (the only way user strings may enter generated code).
"""

from __future__ import annotations

from functools import cache

import jinja2

from flowc.codegen.literals import py_docstring, py_literal


@cache
def environment(package: str, folder: str = "templates") -> jinja2.Environment:
    """A jinja2 environment loading templates from `package`'s `folder`."""
    env = jinja2.Environment(
        loader=jinja2.PackageLoader(package, folder),
        undefined=jinja2.StrictUndefined,
        autoescape=False,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["py"] = py_literal
    env.filters["docstring"] = py_docstring
    return env

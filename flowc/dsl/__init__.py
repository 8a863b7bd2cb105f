"""The flowc language: the public DSL surface and its static reader (`flowc.dsl.reader`)."""

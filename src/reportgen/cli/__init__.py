"""The command line: typer commands (:mod:`.app`) and the fast entry point (:mod:`.launcher`).

Nothing outside this package imports typer or rich. Kept empty so that the launcher, which
answers ``reportgen --help`` from a stored page, starts without importing anything heavy.
"""

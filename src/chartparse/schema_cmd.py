"""``chartparse schema``: print the JSON Schema of the output."""

from __future__ import annotations

import click


@click.command()
@click.option("-o", "--output", metavar="OUT", help="Write to OUT instead of stdout.")
def schema(output: str | None) -> None:
    """Print the JSON Schema (draft 2020-12) that every JSON output validates against."""
    from .schema import dumps, generate

    text = dumps(generate())
    if output is None or output == "-":
        click.echo(text, nl=False)
        return
    from .cli import fail
    from .output import write_atomic

    try:
        write_atomic(output, text)
    except OSError as err:
        fail(f"{output}: cannot write: {err.strerror or err}")

"""Command line: ``chartparse FILE --to json`` and subcommands.

Exit codes: 0 success, 1 an input or output could not be read or written (or, for
``validate``, diagnostics were found), 2 usage error. Only the payload goes to
stdout; messages go to stderr.
"""

from __future__ import annotations

import os
import sys

try:
    import click

    from . import __version__
    from .errors import ChartParseError
    from .export import FORMATS
    from .source import DEFAULT_MAX_BYTES
except KeyboardInterrupt:  # Ctrl-C while the command starts up: one line, no traceback
    sys.stderr.write("chartparse: interrupted\n")
    raise SystemExit(130) from None

EXIT_INTERRUPTED = 130

# Subcommands that live in other modules, imported only when invoked.
LAZY_COMMANDS: dict[str, tuple[str, str]] = {}
LAZY_COMMANDS["batch"] = ("chartparse.batch.cli", "batch")
LAZY_COMMANDS["schema"] = ("chartparse.schema_cmd", "schema")
LAZY_COMMANDS["validate"] = ("chartparse.validate", "validate")
LAZY_COMMANDS["explain"] = ("chartparse.explain_cmd", "explain")
LAZY_COMMANDS["rules"] = ("chartparse.explain_cmd", "rules")
LAZY_COMMANDS["review"] = ("chartparse.review.cli", "review")


class DefaultGroup(click.Group):
    """A group whose first argument may be a file: ``chartparse FILE`` means ``convert FILE``."""

    default_command = "convert"

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if args and args[0] not in self.list_commands(ctx) and not self._own_option(ctx, args[0]):
            args = [self.default_command, *args]
        return super().parse_args(ctx, args)

    def _own_option(self, ctx: click.Context, arg: str) -> bool:
        """An option the group itself handles or reports (``--help``, an unknown ``--bogus``).

        Options of ``convert`` (``chartparse --to csv FILE``) still go to ``convert``; any
        other option is the group's, so its error names no command the user never typed.
        """
        if not arg.startswith("-") or arg == "-":
            return False
        command = self.get_command(ctx, self.default_command)
        assert command is not None
        convert_opts = {opt for param in command.params for opt in param.opts + param.secondary_opts}
        name = arg.split("=", 1)[0]
        is_convert_opt = name in convert_opts or (
            not arg.startswith("--") and arg[:2] in convert_opts)  # -oOUT
        return not is_convert_opt or name in ("-h", "--help")

    def invoke(self, ctx: click.Context) -> object:
        # Ctrl-C anywhere in a command (a lazy import included) is one line and exit 130,
        # not click's "Aborted!" with exit 1.
        try:
            return super().invoke(ctx)
        except KeyboardInterrupt:
            click.echo("chartparse: interrupted", err=True)
            sys.exit(EXIT_INTERRUPTED)

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *LAZY_COMMANDS})

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        command = super().get_command(ctx, name)
        if command is None and name in LAZY_COMMANDS:
            module_name, attr = LAZY_COMMANDS[name]
            import importlib

            command = getattr(importlib.import_module(module_name), attr)
        return command


def _print_version(ctx: click.Context, _param: click.Parameter, value: bool) -> None:
    if not value or ctx.resilient_parsing:
        return
    from .accel import describe

    click.echo(f"chartparse {__version__} ({describe()})")
    ctx.exit()


@click.group(cls=DefaultGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--version", is_flag=True, expose_value=False, is_eager=True, callback=_print_version,
              help="Show the version and which accelerators are in use, then exit.")
def main() -> None:
    """Turn chart descriptions written by vision-language models into structured data.

    \b
    chartparse FILE --to json          read one description (FILE may be '-' for stdin)
    chartparse batch DIR -o out.jsonl  convert a whole corpus
    chartparse schema                  the JSON Schema of the output
    chartparse validate PATH...        lint-style diagnostics
    chartparse help [COMMAND]          this help, or a command's
    """


@main.command("help")
@click.argument("command", required=False)
@click.pass_context
def help_command(ctx: click.Context, command: str | None) -> None:
    """Show this help, or the help of COMMAND (same as --help)."""
    group_ctx = ctx.parent
    assert group_ctx is not None
    if command is None:
        click.echo(group_ctx.get_help())
        return
    sub = main.get_command(group_ctx, command)
    if sub is None:
        fail(f"no such command {command!r}; commands: {', '.join(main.list_commands(group_ctx))}", 2)
    assert sub is not None
    click.echo(sub.get_help(click.Context(sub, info_name=command, parent=group_ctx)))


def fail(message: str, code: int = 1) -> None:
    click.echo(f"chartparse: {message}", err=True)
    sys.exit(code)


def read_input(path: str, max_bytes: int):
    """Read FILE or stdin ('-') into a Chart; exits 1 with a one-line error when unreadable."""
    from .api import parse_source
    from .source import decode, looks_binary, read_path

    if path != "-" and os.path.isdir(path):
        fail(f"{path}: is a directory, not a file; to convert every description in it, run: "
             f"chartparse batch {path} -o OUT.jsonl")
    try:
        if path == "-":
            data = sys.stdin.buffer.read(max_bytes + 1)
            if len(data) > max_bytes:
                raise ChartParseError(f"<stdin>: over the limit of {max_bytes} bytes (--max-bytes)")
            if looks_binary(data):
                raise ChartParseError("<stdin>: binary data, not a text description")
            source = decode(data)
            source.path = "<stdin>"
        else:
            source = read_path(path, max_bytes=max_bytes)
    except ChartParseError as err:
        fail(str(err))
    return parse_source(source)


def emit(payload: str | bytes, output: str | None, binary: bool, fmt: str) -> None:
    from .output import write_atomic

    if output is None or output == "-":
        if binary:
            fail(f"--to {fmt} writes binary data: give an output file with -o", 2)
        stream = sys.stdout
        stream.write(payload if isinstance(payload, str) else payload.decode("utf-8"))
        stream.flush()
        return
    try:
        write_atomic(output, payload)
    except OSError as err:
        fail(f"{output}: cannot write: {err.strerror or err}")


# Output names that tell the format, longest suffix first: ``-o out.png`` means ``--to png``.
# ``.txt`` is left out: it names no one format.
FORMAT_OF_SUFFIX = {
    ".vl.json": "vega-lite", ".json": "json", ".jsonl": "jsonl", ".ndjson": "jsonl",
    ".csv": "csv", ".parquet": "parquet", ".pq": "parquet", ".png": "png", ".svg": "svg",
    ".md": "md", ".markdown": "md",
}
# Other formats an output name's suffix may hold (a JSON file takes a Vega-Lite spec).
ALSO_WRITES_TO = {"vega-lite": {"json"}, "jsonl": {"json"}, "table": {"md"}}


def format_of(output: str | None) -> str | None:
    """The format an output file name states by its suffix, or None."""
    if output is None or output == "-":
        return None
    name = os.path.basename(output).lower()
    return next((fmt for suffix, fmt in FORMAT_OF_SUFFIX.items() if name.endswith(suffix)), None)


def choose_format(fmt: str | None, output: str | None) -> str:
    """``--to`` if given, else the format of the output name, else json; exit 2 if they disagree."""
    named = format_of(output)
    if fmt is None:
        return named or "json"
    fmt = fmt.lower()
    if named is not None and named != fmt and named not in ALSO_WRITES_TO.get(fmt, ()):
        fail(f"--to {fmt} contradicts the output name {output} (a {named} file): "
             f"drop --to, or change the name", 2)
    return fmt


@main.command()
@click.argument("file", metavar="FILE")
@click.option("--to", "fmt", default=None,
              type=click.Choice(sorted(FORMATS), case_sensitive=False),
              help="Output format [default: from the -o name's suffix (out.png, out.csv), else json].")
@click.option("-o", "--output", metavar="OUT", help="Write to OUT instead of stdout.")
@click.option("--max-bytes", type=click.IntRange(min=1), default=DEFAULT_MAX_BYTES,
              show_default=True, help="Refuse inputs larger than this.")
def convert(file: str, fmt: str | None, output: str | None, max_bytes: int) -> None:
    """Read one description FILE ('-' for stdin) and write it as FORMAT."""
    fmt = choose_format(fmt, output)
    spec = FORMATS[fmt]
    if spec.binary and (output is None or output == "-"):
        fail(f"--to {fmt} writes binary data: give an output file with -o", 2)
    chart = read_input(file, max_bytes)
    try:
        payload = spec.write(chart)
    except ImportError as err:
        fail(str(err))
    emit(payload, output, spec.binary, fmt)


if __name__ == "__main__":  # pragma: no cover
    main()

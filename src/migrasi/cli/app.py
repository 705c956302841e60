"""The typer application and the one handler that maps outcomes to exit codes."""

from __future__ import annotations

import gc
import os
import sys
from collections.abc import Sequence

import typer

from migrasi import __version__
from migrasi.cli import (
    codes_cmd,
    compare_cmd,
    diff_cmd,
    graph_cmd,
    intake_cmd,
    plan_cmd,
    progress_cmd,
    savings_cmd,
    schema_cmd,
    validate_cmd,
)

app = typer.Typer(
    name="migrasi",
    help=(
        "Plan the move of regional IT systems onto the Jambi Province Data Center.\n\n"
        "Example: migrasi validate inventories/"
    ),
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"migrasi {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Show the version and exit."
    ),
    debug: bool = typer.Option(False, "--debug", help="Show a traceback on an internal error."),
) -> None:
    """Plan the move of regional IT systems onto the Jambi Province Data Center."""
    _RUN["debug"] = debug


_RUN = {"debug": False}
"""What the options of this run ask of the handler below (set as they are parsed)."""


validate_cmd.register(app)
plan_cmd.register(app)
graph_cmd.register(app)
savings_cmd.register(app)
diff_cmd.register(app)
progress_cmd.register(app)
schema_cmd.register(app)
intake_cmd.register(app)
codes_cmd.register(app)
compare_cmd.register(app)


def _lang(argv: Sequence[str]) -> str:
    for i, arg in enumerate(argv):
        if arg == "--lang" and i + 1 < len(argv):
            return argv[i + 1]
        if arg.startswith("--lang="):
            return arg.split("=", 1)[1]
    return "id"


def _said(exc: Exception, lang: str) -> str:
    """The error in the user's language where the catalogue has words for it."""
    from migrasi.core.errors import (
        ForeignFolder,
        MissingPath,
        NothingToPlan,
        UnknownCode,
        UnknownRef,
    )
    from migrasi.render.catalog import text

    if isinstance(exc, UnknownRef | UnknownCode):
        nearest = text("usage.nearest", lang, refs=", ".join(exc.nearest)) if exc.nearest else ""
        if isinstance(exc, UnknownRef):
            return text("usage.unknown_ref", lang, ref=exc.ref) + nearest
        every = text("usage.all_codes", lang)
        return text("usage.unknown_code", lang, code=exc.code) + nearest + every
    if isinstance(exc, MissingPath):
        return text("usage.path", lang, path=exc.path)
    if isinstance(exc, NothingToPlan):
        return text("usage.nothing", lang, paths=", ".join(exc.paths))
    if isinstance(exc, ForeignFolder):
        from migrasi.cli.plan_folder import refusal

        return refusal(exc, lang)
    return str(exc)


def _reported(exc: Exception, lang: str) -> bool:
    """Report inputs that have errors under a scenario in full (``migrasi validate`` applies
    no scenario, so it could not show them); whether it did."""
    from migrasi.core.errors import InputErrors

    if not isinstance(exc, InputErrors) or exc.detail is None:
        return False
    from migrasi.cli.scenario_cmd import report_errors

    report_errors(exc.detail, lang)  # type: ignore[arg-type]
    return True


def _wraps_interrupt(exc: BaseException) -> bool:
    """Whether ``exc`` is a Ctrl-C that a library wrapped: in its chain of causes, or (pydantic's
    JSON serializer keeps no cause) named in a serialization error."""
    seen: BaseException | None = exc
    while seen is not None:
        if isinstance(seen, KeyboardInterrupt):
            return True
        seen = seen.__cause__ or seen.__context__
    return type(exc).__name__ == "PydanticSerializationError" and "KeyboardInterrupt" in str(exc)


def run(argv: Sequence[str]) -> int:
    """Run the command line ``argv``; return the exit code."""
    from migrasi.core.errors import MigrasiError

    _RUN["debug"] = False
    collecting = gc.isenabled()
    gc.disable()  # a short run makes millions of small acyclic objects: the collector only costs
    try:
        result = app(args=list(argv), prog_name="migrasi", standalone_mode=False)
    except (KeyboardInterrupt, typer.Abort):
        from migrasi.render.catalog import text

        print(f"migrasi: {text('interrupted', _lang(argv))}", file=sys.stderr)
        return 130
    except typer.Exit as exc:
        if exc.exit_code == 130:  # typer turns Ctrl-C into Exit(130)
            from migrasi.render.catalog import text

            print(f"migrasi: {text('interrupted', _lang(argv))}", file=sys.stderr)
        return int(exc.exit_code)
    except typer.TyperException as exc:  # usage errors of the parser: exit 2
        show = getattr(exc, "show", None)
        if callable(show):
            show(file=sys.stderr)
        else:
            print(f"migrasi: {exc}", file=sys.stderr)
        return int(getattr(exc, "exit_code", 2))
    except MigrasiError as exc:
        if _reported(exc, _lang(argv)):
            return exc.exit_code
        print(f"migrasi: {_said(exc, _lang(argv))}", file=sys.stderr)
        return exc.exit_code
    except BrokenPipeError:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 1
    except Exception as exc:
        if _wraps_interrupt(exc):
            from migrasi.render.catalog import text

            print(f"migrasi: {text('interrupted', _lang(argv))}", file=sys.stderr)
            return 130
        if _RUN["debug"]:
            import traceback

            traceback.print_exc()
        from migrasi.render.catalog import text

        error = f"{type(exc).__name__}: {exc}"
        print(f"migrasi: {text('internal', _lang(argv), error=error)}", file=sys.stderr)
        return 3
    finally:
        if collecting:
            gc.enable()
    if result == 130:  # click returns Ctrl-C as exit code 130 when not standalone
        from migrasi.render.catalog import text

        print(f"migrasi: {text('interrupted', _lang(argv))}", file=sys.stderr)
    return result if isinstance(result, int) else 0

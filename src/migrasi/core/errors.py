"""Why migrasi cannot continue: one root class whose subclasses carry their data."""

from __future__ import annotations

from collections.abc import Sequence


class MigrasiError(Exception):
    """Root of every error that stops a command; ``exit_code`` is what the shell sees."""

    exit_code = 3


class UsageError(MigrasiError):
    """The command was used wrongly (exit 2)."""

    exit_code = 2


class MissingPath(UsageError):
    """A PATH given on the command line does not exist."""

    def __init__(self, path: str) -> None:
        super().__init__(path)
        self.path = path

    def __str__(self) -> str:
        return f"path not found: {self.path}"


class UnknownRef(UsageError):
    """A REF given on the command line names no system; carries the nearest refs."""

    def __init__(self, ref: str, nearest: Sequence[str]) -> None:
        super().__init__(ref)
        self.ref = ref
        self.nearest = tuple(nearest)

    def __str__(self) -> str:
        hint = f" (did you mean {', '.join(self.nearest)}?)" if self.nearest else ""
        return f"unknown system '{self.ref}'{hint}"


class UnknownCode(UsageError):
    """A CODE given on the command line is not a validation code; carries the nearest codes."""

    def __init__(self, code: str, nearest: Sequence[str]) -> None:
        super().__init__(code)
        self.code = code
        self.nearest = tuple(nearest)

    def __str__(self) -> str:
        hint = f" (did you mean {', '.join(self.nearest)}?)" if self.nearest else ""
        return f"unknown code '{self.code}'{hint}"


class NothingToPlan(UsageError):
    """The PATHs hold no inventory and no data-center file (only scenario files, or nothing that
    migrasi reads): there is nothing to plan, which is a mistake in the PATHs given."""

    def __init__(self, paths: Sequence[str]) -> None:
        super().__init__(", ".join(paths))
        self.paths = tuple(paths)

    def __str__(self) -> str:
        return f"nothing to plan: no inventory under {', '.join(self.paths)}"


class ForeignFolder(UsageError):
    """``--out`` names a folder that holds something migrasi did not write: it is left as it was.

    ``entry`` is the first entry the folder's marker does not name, or ``""`` when the folder
    has no marker (it is not a plan folder at all).
    """

    def __init__(self, target: str, entry: str, marker: str) -> None:
        super().__init__(target)
        self.target = target
        self.entry = entry
        self.marker = marker

    def __str__(self) -> str:
        why = (
            f"it holds '{self.entry}', which migrasi did not write"
            if self.entry
            else f"it is not empty and is not a plan folder migrasi wrote (it has no {self.marker})"
        )
        return (
            f"will not replace {self.target}: {why}; nothing was changed. Give --out a new or "
            "empty folder, or move what it holds elsewhere first"
        )


class OutputError(MigrasiError):
    """An output could not be written (exit 1): the previous output is untouched."""

    exit_code = 1

    def __init__(self, target: str, reason: str) -> None:
        super().__init__(target)
        self.target = target
        self.reason = reason

    def __str__(self) -> str:
        return f"cannot write {self.target}: {self.reason}"


class InputErrors(MigrasiError):
    """The inputs have errors, so nothing is planned (exit 1)."""

    exit_code = 1

    def __init__(self, count: int, detail: object = None) -> None:
        super().__init__(count)
        self.count = count
        self.detail = detail
        """What the command line reports in full, when ``migrasi validate`` cannot show it (the
        validation under a scenario)."""

    def __str__(self) -> str:
        return f"the inputs have {self.count} errors: run 'migrasi validate' to see them"

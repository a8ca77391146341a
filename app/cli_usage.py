"""How `cove` answers a mistake on its own command line, and how wide its tables may be.

A mistake in the command (an unknown option, a missing argument, a bad number) is
one line on stderr and exit status 2, the usual status for a usage error, so that a
script can tell "you called it wrongly" (2) from "it ran and failed" (1). The line
names the command the user actually typed: `cove chat --bogus` shows the usage of
`cove chat`, not of `cove`. argparse leaves options it does not know to the top-level
parser, which would blame `cove`; `Parser.parse_args` hands them back to the
innermost command that was chosen instead.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys

from app.core.i18n import _

USAGE_ERROR = 2
# Messages after which the command's usage line is the most useful thing to show.
_SHOW_USAGE = ("unrecognized arguments", "the following arguments are required", "invalid choice",
               "expected one argument", "one of the arguments")


class Parser(argparse.ArgumentParser):
    """argparse, but a mistake on the command line is one line, like every other error."""

    def error(self, message: str):
        text = f"cove: {message}"
        if message.startswith(_SHOW_USAGE):
            usage = " ".join(self.format_usage().split()).removeprefix("usage: ").replace(" [-h]", "")
            text += ". " + _("Usage: {usage}").format(usage=usage)
        self.exit(USAGE_ERROR, text + " " + _("(more: `{command} --help`)").format(command=self.prog) + "\n")

    def parse_args(self, args=None, namespace=None):
        parsed, extra = self.parse_known_args(args, namespace)
        if extra:
            # argparse's own words (matched in _SHOW_USAGE) stay English, like argparse's other messages
            chosen_command(self, parsed).error(_("unrecognized arguments: {join}").format(join=' '.join(extra)))
        return parsed


def chosen_command(parser: argparse.ArgumentParser, parsed: argparse.Namespace) -> argparse.ArgumentParser:
    """The innermost sub-command the parsed arguments chose (`cove models catalog` → its parser)."""
    while True:
        subs = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
        name = getattr(parsed, subs[0].dest, None) if subs else None
        if name not in (subs[0].choices if subs else {}):
            return parser
        parser = subs[0].choices[name]


def output_width() -> int | None:
    """Columns a table printed to stdout may use: the terminal's, or COLUMNS if set; None (no limit)
    when stdout is a file or a pipe, so that scripts get one line per row whatever the width."""
    if "COLUMNS" not in os.environ:
        try:
            if not sys.stdout.isatty():
                return None
        except (AttributeError, ValueError):
            return None
    return max(40, shutil.get_terminal_size().columns)


def fit(text: str, width: int | None) -> str:
    """One line cut to the width, with "…" where it was cut."""
    if width is None or len(text) <= width:
        return text
    return text[: width - 1].rstrip() + "…"

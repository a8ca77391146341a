"""How `cove` answers a mistake on its own command line, and how wide its tables may be.

A mistake in the command (an unknown option, a missing argument, a bad number) is
one line on stderr and exit status 2, the usual status for a usage error, so that a
script can tell "you called it wrongly" (2) from "it ran and failed" (1). The line
names the command the user actually typed: `cove chat --bogus` shows the usage of
`cove chat`, not of `cove`. argparse leaves options it does not know to the top-level
parser, which would blame `cove`; `Parser.parse_args` hands them back to the
innermost command that was chosen instead.

argparse's own words ("usage:", "options", "show this help message and exit", "invalid choice"…) are
translated too: argparse looks up `_` and `ngettext` in its module globals when it writes them, so Parser
points those at Cove's catalogue (app.core.i18n), where argparse's messages are listed below, keeping
their %-style placeholders. A mistake is then recognised by its translated prefix, not its English one.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys

from app.core import i18n
from app.core.i18n import N_, _, ngettext

USAGE_ERROR = 2
# Messages after which the command's usage line is the most useful thing to show (argparse's msgids).
_SHOW_USAGE = (N_("unrecognized arguments: %s"), N_("the following arguments are required: %s"),
               N_("invalid choice: %(value)r (choose from %(choices)s)"), N_("expected one argument"),
               N_("one of the arguments %s is required"))


def _argparse_messages() -> None:  # pragma: no cover - never called: lists argparse's words for the catalogue
    N_("usage: "), N_("positional arguments"), N_("options"), N_("show this help message and exit")
    N_("argument %(argument_name)s: %(message)s"), N_("%(prog)s: error: %(message)s\n")
    N_("ambiguous option: %(option)s could match %(matches)s"), N_("expected at most one argument")
    N_("expected at least one argument"), N_("invalid %(type)s value: %(value)r"), N_("not allowed with argument %s")
    N_("ignored explicit argument %r"), N_("unexpected option string: %s"), N_("subcommands")
    N_("show program's version number and exit"), N_("can't open '%(filename)s': %(error)s")
    ngettext("expected %s argument", "expected %s arguments", 2)


def speak_argparse() -> None:
    """argparse's own words in the user's language (argparse reads these two globals each time it writes)."""
    argparse._ = i18n._
    argparse.ngettext = i18n.ngettext


class Parser(argparse.ArgumentParser):
    """argparse, but a mistake on the command line is one line, like every other error."""

    def __init__(self, *args, **kwargs):
        speak_argparse()  # before argparse writes its group titles and -h's help
        super().__init__(*args, **kwargs)

    def error(self, message: str):
        text = f"cove: {message}"
        if message.startswith(tuple(_(m).split("%")[0] for m in _SHOW_USAGE)):
            usage = " ".join(self.format_usage().split()).removeprefix(_("usage: ").strip()).strip()
            usage = usage.replace(" [-h]", "")
            text += ". " + _("Usage: {usage}").format(usage=usage)
        self.exit(USAGE_ERROR, text + " " + _("(more: `{command} --help`)").format(command=self.prog) + "\n")

    def parse_args(self, args=None, namespace=None):
        parsed, extra = self.parse_known_args(args, namespace)
        if extra:
            # argparse's own message, in its own words (so that _SHOW_USAGE recognises it)
            chosen_command(self, parsed).error(_("unrecognized arguments: %s") % " ".join(extra))
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

"""`cove encrypt`, `cove passphrase`, `cove decrypt`, and unlocking an encrypted store for every other command.

A passphrase is read from the file named by COVE_PASSPHRASE_FILE (scripts) or asked on
the terminal without echo; never from the command line (it would sit in the shell's
history and in every process listing). Without a terminal and without the file, the
command stops with one line saying how to give it. The keyring is tried before asking.
"""

from __future__ import annotations

import getpass
import sys

from app.core import conversion, encryption, paths, policy, store_encryption
from app.core.errors import CoveError
from app.core.i18n import N_, _

ATTEMPTS = 3  # passphrases asked at the terminal before giving up
NEW_FILE_HELP = N_("file holding the new passphrase (first line), instead of asking")


def add_parsers(commands) -> None:
    on = commands.add_parser("encrypt", help=_("encrypt the conversations on disk with a passphrase"))
    on.add_argument("--keyring", action="store_true",
                    help=_("also keep the key in this computer's keyring, to unlock without typing"))
    change = commands.add_parser("passphrase", help=_("change the passphrase of encrypted conversations"))
    change.add_argument("--new-from", metavar="FILE", help=_(NEW_FILE_HELP))
    commands.add_parser("decrypt", help=_("turn encryption off: store the conversations unencrypted again"))


def _terminal() -> bool:
    try:
        return sys.stdin.isatty()
    except (AttributeError, ValueError):
        return False


def _need_terminal() -> None:
    if not _terminal():
        raise CoveError(_("A passphrase is needed and there is no terminal to ask it on: put "
                          "it in a file and set {passphrase_file_env} to that file's path.").format(passphrase_file_env=encryption.PASSPHRASE_FILE_ENV))


def _ask(prompt: str) -> str:
    """One passphrase from the terminal, not echoed."""
    _need_terminal()
    return getpass.getpass(prompt)


def _read_file(name: str) -> str:
    try:
        with open(name, encoding="utf-8") as file:
            return file.readline().rstrip("\r\n")
    except (OSError, UnicodeDecodeError) as exc:
        raise CoveError(_("Cannot read the passphrase from {name}: {reason}.").format(name=name, reason=getattr(exc, 'strerror', None) or exc)) from None


def _new_passphrase(from_file: str | None) -> str:
    if from_file is not None:
        passphrase = _read_file(from_file)
        encryption.check_new_passphrase(passphrase)
        return passphrase
    _need_terminal()
    print(_("A forgotten passphrase cannot be recovered: without it (or the recovery key shown next) "
            "the conversations are lost."), file=sys.stderr)
    passphrase = _ask(_("New passphrase: "))
    encryption.check_new_passphrase(passphrase, _ask(_("The same passphrase again: ")))
    return passphrase


def unlock(cove_paths: paths.CovePaths) -> bytes | None:
    """Make the store's key known to this process (file, keyring, then the terminal); None when not encrypted."""
    data_dir, database = cove_paths.data_dir, cove_paths.database
    conversion.recover(database)
    if not encryption.is_encrypted(database):
        return None
    encryption.unlock_without_asking(data_dir, database)
    if encryption.is_unlocked(data_dir):
        return encryption.key_for(database)[0]
    if not _terminal():
        raise encryption.Locked(
            _("Your conversations are encrypted: set {passphrase_file_env} to a file "
              "holding the passphrase, or run this command in a terminal to type it.").format(passphrase_file_env=encryption.PASSPHRASE_FILE_ENV))
    for attempt in range(ATTEMPTS):
        try:
            return encryption.unlock(data_dir, database, _ask(_("Passphrase for your conversations: ")))
        except encryption.WrongPassphrase as exc:
            if attempt == ATTEMPTS - 1:
                raise
            print(f"cove: {exc}", file=sys.stderr)
    return None  # not reached


def enforce_policy(cove_paths: paths.CovePaths) -> None:
    """An administrator requires encryption: convert a plain store now (asking for a passphrase), or refuse."""
    rules = policy.current()
    if not rules.encryption_required or encryption.is_encrypted(cove_paths.database):
        return
    if encryption.passphrase_from_file() is None and not _terminal():
        raise CoveError(rules.reason(_("Keeping conversations unencrypted"))
                        + _(" Run `cove encrypt` in a terminal (or set {passphrase_file_env}).").format(passphrase_file_env=encryption.PASSPHRASE_FILE_ENV))
    print(_("cove: your administrator requires encrypted conversations ({source}): encrypting them now.").format(source=rules.source),
          file=sys.stderr)
    _encrypt(cove_paths, keep_in_keyring=False)


def _encrypt(cove_paths: paths.CovePaths, keep_in_keyring: bool) -> None:
    passphrase = encryption.passphrase_from_file()
    if passphrase is None:
        passphrase = _new_passphrase(None)
    else:
        encryption.check_new_passphrase(passphrase)
    key = store_encryption.turn_on(cove_paths.data_dir, cove_paths.database, passphrase)
    print(_("Your conversations are encrypted. Recovery key (write it down and keep it apart from this computer; "
            "it is shown only this once):"), file=sys.stderr)
    print(encryption.recovery_key_text(key))
    if keep_in_keyring:
        try:
            encryption.keyring_store(cove_paths.data_dir, key)
            print(_("The key is kept in this computer's keyring: Cove unlocks without asking when you are logged in."),
                  file=sys.stderr)
        except encryption.KeyringUnavailable as exc:
            print(_("cove: {exc} Cove will ask for the passphrase.").format(exc=exc), file=sys.stderr)


def run(args, cove_paths: paths.CovePaths) -> int:
    database = cove_paths.database
    conversion.recover(database)
    if args.command == "encrypt":
        if encryption.is_encrypted(database):
            raise CoveError(_("Your conversations are already encrypted. Change the passphrase with `cove passphrase`."))
        _encrypt(cove_paths, args.keyring)
        return 0
    if not encryption.is_encrypted(database):
        raise CoveError(_("Your conversations are not encrypted. Turn encryption on with `cove encrypt`."))
    if args.command == "decrypt" and policy.current().encryption_required:
        raise CoveError(policy.current().reason(_("Turning encryption off")))
    key = unlock(cove_paths)
    if args.command == "passphrase":
        store_encryption.change_passphrase(cove_paths.data_dir, database, key, _new_passphrase(args.new_from))
        print(_("The passphrase is changed. The recovery key changed with it:"), file=sys.stderr)
        print(encryption.recovery_key_text(encryption.key_for(database)[0]))
        return 0
    store_encryption.turn_off(cove_paths.data_dir, database, key)
    print(_("Your conversations are stored unencrypted again."), file=sys.stderr)
    return 0

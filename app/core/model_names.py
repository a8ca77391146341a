"""What the names of model files mean, and which names Cove accepts from a server.

Everything here is pure string work that several modules share (the Hub client,
downloads, the library, the catalog, the engine's policy check, the command line
and the window), so it sits below all of them and imports nothing of Cove's.

One rule decides where a download is saved and how the policy recognises it:
a file `sub/name.gguf` of the Hub repo `owner/repo` is saved at
`<models>/owner/repo/sub/name.gguf`, and that path, relative to the models folder,
is exactly the `owner/repo/sub/name.gguf` an administrator lists in
`allowed_models`. `saved_relpath` and `origin_entry` are the two directions of it.

Names from a server are validated before anything uses them (`repo_path_problem`):
a hostile mirror must not be able to write outside the models folder, make a name
the file system refuses, or smuggle control characters into the queue or the log.
"""

from __future__ import annotations

import re
from pathlib import Path, PurePosixPath
from urllib.parse import urlsplit

from app.core.i18n import _

BUILTIN = "builtin"  # in the policy's allowed_models: the built-in starter model

# Parts of a split model: name-00001-of-00003.gguf; llama.cpp loads it from part 1.
SPLIT_PART = re.compile(r"-(\d{5})-of-(\d{5})\.gguf$", re.IGNORECASE)
_QUANT = re.compile(
    r"(?<![A-Za-z0-9])(UD-)?(IQ[1-4]_(?:XXS|XS|NL|S|M)|Q[2-8]_K(?:_XL|_S|_M|_L)?|Q[4-8]_[01]|TQ[12]_0|"
    r"MXFP4|BF16|F16|F32)(?![A-Za-z0-9])",
    re.IGNORECASE,
)
# The Hub's own rule for owner and repo names (letters, digits, "-", "_", "."), at most 96 characters each.
_REPO_PART = re.compile(r"[A-Za-z0-9_.-]{1,96}")
# Characters no file name may hold on some system Cove runs on: control characters, and
# what Windows reserves. A name with any is refused rather than silently changed, so the
# saved path stays the one the policy's `owner/repo/file` entries are matched against.
_BAD_CHARS = re.compile(r'[\x00-\x1f\x7f-\x9f<>:"\\|?*]')
MAX_NAME_BYTES = 255      # one path component, the limit of every common file system
MAX_DEPTH = 16            # folders inside a repo; real repos use one or two


def split_part_names(name: str) -> list[str]:
    """Every file name of a split model named by any of its parts; [name] if not split."""
    match = SPLIT_PART.search(name)
    if not match:
        return [name]
    total = int(match.group(2))
    stem = name[: match.start()]
    return [f"{stem}-{i:05d}-of-{total:05d}.gguf" for i in range(1, total + 1)]


def parse_quant(filename: str) -> str:
    """Quantization name from a GGUF file name ("Q4_K_M", "IQ4_XS"…), or "" if none."""
    stem = PurePosixPath(filename.replace("\\", "/")).name
    stem = re.sub(r"-\d{5}-of-\d{5}", "", stem)
    matches = _QUANT.findall(stem.replace(".", "-"))
    return matches[-1][1].upper() if matches else ""


def display_name(model_file: str | Path | None) -> str:
    """How a model is named to the user: '/models/SmolLM2-135M-Instruct.Q4_1.gguf' -> 'SmolLM2-135M-Instruct.Q4_1'.

    The command line, the window and exports all name a model this way; any OS's separators. A remote
    model's reference reads as "llama3 — on gpu.example.org".
    """
    text = str(model_file or "")
    if text.startswith("remote:"):  # a remote model's reference (remote_servers.py): "llama3 — on host"
        url, _sep, model_id = text[len("remote:"):].partition("#")
        return f"{model_id} — on {urlsplit(url).netloc}"
    name = re.split(r"[\\/]", text)[-1]
    return name[:-5] if name.lower().endswith(".gguf") else name


def shown(value: object) -> str:
    """A name from outside (a server, a saved file), safe to print on one line: repr escapes control characters."""
    text = repr(value)
    return text if len(text) <= 80 else text[:77] + "..."


def valid_repo_id(repo_id: object) -> bool:
    """`owner/repo` as the Hub spells repo ids; anything else is never put into a URL or a path."""
    if not isinstance(repo_id, str) or repo_id.count("/") != 1:
        return False
    return all(_REPO_PART.fullmatch(part) and part not in (".", "..") and ".." not in part
               for part in repo_id.split("/"))


def repo_path_problem(path: object) -> str | None:
    """Why a file path inside a repo (from a server) cannot be saved as it is, or None if it can."""
    if not isinstance(path, str) or not path:
        return _("it has no name")
    if _BAD_CHARS.search(path):
        return _("its name holds control or reserved characters")
    parts = path.split("/")
    if len(parts) > MAX_DEPTH + 1:
        return _("it is nested too deeply")
    for part in parts:
        if part in ("", ".", ".."):
            return _("its name leads outside its folder")
        if len(part.encode("utf-8", "surrogatepass")) > MAX_NAME_BYTES:
            return _("a part of its name is longer than {max_name_bytes} bytes").format(max_name_bytes=MAX_NAME_BYTES)
        if part != part.strip() or part.endswith("."):
            return _("a part of its name ends with a space or a dot")
    return None


def saved_relpath(repo_id: str, path_in_repo: str) -> PurePosixPath:
    """Where a downloaded file goes, relative to the models folder: owner/repo/<its path in the repo>."""
    return PurePosixPath(*repo_id.split("/"), *path_in_repo.split("/"))


def origin_entry(relpath_parts: tuple[str, ...]) -> str | None:
    """The `owner/repo/path` a file saved at these parts (relative to the models folder) came from, else None."""
    return "/".join(relpath_parts) if len(relpath_parts) >= 3 else None

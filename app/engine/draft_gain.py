"""What a draft model gains on this machine, measured once: tokens per second with and without it.

Whether drafting pays depends on the machine (how much a batch of a few tokens costs over one
token), on the pair (how cheap the draft model is beside the chat model) and on how often the
draft is right, so the gain is measured here rather than promised: a short fixed prompt,
answered greedily with and without the draft model, interleaved, medians. The Models window
runs it in a process of its own (measure_in_child), so the window never loads a model and the
chat engine keeps its model and cache; the result is stored in the model's settings
(draft_pairs.measured_gain) and shown in the model's details.
"""

from __future__ import annotations

import statistics
from ctypes import c_longlong

from app.core import draft_pairs
from app.core.errors import CoveError
from app.core.i18n import _

# A short, ordinary request: the answer is free text, not a copy of the prompt, so the gain is the draft
# model's own (prompt lookup is off on both sides).
PROMPT = [{"role": "user", "content": "Explain in a few sentences why the sky is blue during the day and red "
                                      "at sunset."}]
MAX_TOKENS = 64
RUNS = 2


def measure(model_path: str, options, runs: int = RUNS, max_tokens: int = MAX_TOKENS) -> dict:
    """The gain with options.draft_model, in this process; raises CoveError with a clear message."""
    from app.engine import protocol as p
    from app.engine.worker import Engine

    options = draft_pairs.measuring_options(options)  # never the user's saved states
    events: list = []
    engine = Engine(events.append, c_longlong(0))
    try:
        if not engine.ensure_loaded(model_path, options):
            failed = next((e.message for e in events if isinstance(e, p.LoadFailed)), "")
            raise CoveError(failed or _("The model could not be loaded to measure its draft model."))
        if engine.draft.model is None:
            raise CoveError(engine.draft.problem or _("No draft model is installed for this model."))
        speeds: dict[bool, list[float]] = {False: [], True: []}
        drafted = accepted = 0
        request = 0
        for _run in range(runs):
            for use in (False, True):  # interleaved: a machine that gets busier slows both alike
                request += 1
                events.clear()
                engine.llm.reset()
                sampling = {"temperature": 0.0, "repeat_penalty": 1.0, "seed": 1, "max_tokens": max_tokens,
                            "prompt_lookup": False, "draft_model": use}
                engine.generate(p.Generate(request, model_path, options, PROMPT, sampling))
                done = next((e for e in events if isinstance(e, (p.Finished, p.Failed))), None)
                if not isinstance(done, p.Finished) or not done.stats.get("tokens_per_second"):
                    raise CoveError(getattr(done, "message", "") or _("The model gave no answer to measure."))
                speeds[use].append(done.stats["tokens_per_second"])
                drafted += done.stats.get("draft_tokens", 0)
                accepted += done.stats.get("draft_accepted", 0)
    finally:
        engine.unload()
    return draft_pairs.measured_gain(options.draft_model, statistics.median(speeds[False]),
                                     statistics.median(speeds[True]), accepted / drafted if drafted else None)


def _child(model_path: str, options, language: str | None) -> tuple[str, object]:
    from app.core import i18n

    i18n.setup(language)  # a spawned child follows the system's language otherwise, not the app's
    try:
        return "ok", measure(model_path, options)
    except CoveError as exc:
        return "error", str(exc)


def measure_in_child(model_path: str, options, timeout: float = 600) -> dict:
    """measure() in a process of its own; raises CoveError with the child's message.

    A child that dies (out of memory, an abort inside llama.cpp) breaks the executor at once, which is
    said in one line, rather than waiting out the timeout as a pool would (its worker is replaced
    silently and the result never comes)."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures import TimeoutError as FutureTimeout
    from concurrent.futures.process import BrokenProcessPool

    from app.core import i18n

    executor = ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn"))
    try:
        kind, value = executor.submit(_child, model_path, options, i18n.language()).result(timeout)
    except FutureTimeout:
        _end(executor)
        raise CoveError(_("Measuring the draft model took too long; try again when the computer is less busy.")) from None
    except BrokenProcessPool:
        raise CoveError(_("Measuring the draft model stopped: its process ended abruptly (perhaps out of memory). "
                          "Close other programs and try again, or leave the draft model off.")) from None
    finally:
        executor.shutdown(wait=False, cancel_futures=True)
    if kind != "ok":
        raise CoveError(str(value))
    return value


def _end(executor) -> None:
    """End a child still measuring (shutdown() would wait for it)."""
    for process in list(getattr(executor, "_processes", {}).values()):
        process.terminate()

"""Reading a long prompt a batch at a time, so that the window can say how far the engine is.

The first token of an answer to a long conversation or attachment can take many seconds
on a CPU; without a sign of life the window looked frozen. The engine reads the prompt
here, n_batch tokens at a time (as llama.cpp would anyway), and sends PromptProgress
after each batch; the window shows "Reading your message… 1,200 / 3,400 tokens".
"""

from __future__ import annotations

from app.engine import protocol as p


def read_prompt(llm, request_id: int, prompt: list[int], reused: int, send, last_alone: bool = False,
                between_batches=None, keep_at: int = 0, keep=None) -> None:
    """Evaluate prompt[reused:-1] a batch at a time with progress; nothing when it fits one batch
    (unless `last_alone`).

    The last token is left to llm.generate(), which finds the rest in the cache and samples
    from that token's logits. A stop raises RuntimeError from llm.eval (the abort callback).

    `last_alone` (a fixed seed): the last token is always evaluated on its own, as it is when
    the same prompt comes again and the rest is found in the cache. llama.cpp's results depend
    slightly on the batch a token is computed in, so otherwise the first answer's logits would
    differ a little from the repeat's, and a fixed seed would not always repeat the answer.

    `keep`: called once the first `keep_at` tokens are read (a batch ends there): a new
    conversation's opening is copied then (opening.py)."""
    batch = max(1, int(llm.n_batch))
    todo = prompt[reused:len(prompt) - 1]
    pause = keep_at - reused if keep is not None and reused < keep_at < len(prompt) else 0
    if not todo or (len(todo) <= batch and not last_alone and not pause):
        return  # one batch: there is no progress to show
    total = len(prompt) - reused
    show = len(todo) > batch
    llm.n_tokens = reused
    llm._requires_eval = True  # if this is stopped half-way, the logits are not current
    if show:
        send(p.PromptProgress(request_id, 0, total))
    bounds = [(start, min(start + batch, pause)) for start in range(0, pause, batch)]
    bounds += [(start, min(start + batch, len(todo))) for start in range(pause, len(todo), batch)]
    for start, end in bounds:
        chunk = todo[start:end]
        llm.eval(chunk)
        if end == pause:
            keep()
        if between_batches is not None:
            between_batches()  # the engine's thread count follows the machine's load (thread_governor.py)
        if show:
            send(p.PromptProgress(request_id, start + len(chunk), total))

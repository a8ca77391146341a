"""Reading a long prompt a batch at a time, so that the window can say how far the engine is.

The first token of an answer to a long conversation or attachment can take many seconds
on a CPU; without a sign of life the window looked frozen. The engine reads the prompt
here, n_batch tokens at a time (as llama.cpp would anyway), and sends PromptProgress
after each batch; the window shows "Reading your message… 1,200 / 3,400 tokens".
"""

from __future__ import annotations

from app.engine import protocol as p


def read_prompt(llm, request_id: int, prompt: list[int], reused: int, send) -> None:
    """Evaluate prompt[reused:-1] a batch at a time with progress; nothing when it fits one batch.

    The last token is left to llm.generate(), which finds the rest in the cache and samples
    from that token's logits. A stop raises RuntimeError from llm.eval (the abort callback)."""
    batch = max(1, int(llm.n_batch))
    todo = prompt[reused:len(prompt) - 1]
    if len(todo) <= batch:
        return  # one batch: there is no progress to show
    total = len(prompt) - reused
    llm.n_tokens = reused
    llm._requires_eval = True  # if this is stopped half-way, the logits are not current
    send(p.PromptProgress(request_id, 0, total))
    for start in range(0, len(todo), batch):
        chunk = todo[start:start + batch]
        llm.eval(chunk)
        send(p.PromptProgress(request_id, start + len(chunk), total))

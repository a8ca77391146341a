"""Time to first token as a conversation grows, after switching away, and after a restart.

A conversation of --turns turns grows to about 3,000 tokens through Cove's engine
process, with saved KV states on (as in the app). Prints one JSON object:
ttft_first_s, ttft_turn2_s, ttft_last_s (times to first token as the window sees
them: from sending the message to the first text arriving), new_tokens_last, tokens_processed_last,
ttft_reopen_s (the slower of: back after switching to another conversation, and
after an engine restart), ttft_cold_s (the same prompt with no saved state), and
prompt_extends_previous (whether each turn's prompt begins with the previous
turn's prompt and answer, token for token; templates that rewrite earlier turns
make this false and defeat prefix reuse).

Each turn is typed as in the window: when typing pauses, the draft is processed
ahead of time (type-ahead), and the user sends the message after reading it over.
Two extra turns at the same length show the other cases:
ttft_last_enter_after_last_word_s (Enter pressed with no pause, so the last word
and the template's closing are processed after Enter) and ttft_last_no_typeahead_s
(nothing processed ahead: everything new is processed after Enter).

    python benchmarks/multiturn.py --model PATH [--turns 20]
"""

from __future__ import annotations

import argparse
import json
import tempfile

from common import Engine, machine, p

# A chat as people have them: short questions, longer answers (about 150 tokens a turn).
SAMPLING = {"temperature": 0.0, "repeat_penalty": 1.0, "seed": 7, "max_tokens": 120}
TOPICS = ["budget", "hiring", "office move", "security audit", "customer survey", "roadmap", "training",
          "vendor contract", "holiday rota", "backup policy"]


def user_message(turn: int) -> str:
    topic = TOPICS[turn % len(TOPICS)]
    return f"Question {turn + 1}: explain how our team should handle the {topic} this quarter."


def ttft(answer: dict) -> float:
    """Time to first token as the window sees it: from sending to the first text arriving."""
    return answer["token_times"][0] - answer["sent"]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--model", required=True)
    parser.add_argument("--turns", type=int, default=20)
    parser.add_argument("--flash-attn", default="auto", choices=["auto", "on", "off"])
    parser.add_argument("--kv-type", default="f16", choices=["f16", "q8_0", "q4_0"])
    args = parser.parse_args()

    import llama_cpp
    from llama_cpp import Llama
    from llama_cpp.llama_chat_format import Jinja2ChatFormatter

    from app.core.gguf_file import read_gguf
    from app.engine import cpu_quirks
    from app.engine.prompt import PromptRenderer

    cpu_quirks.apply(llama_cpp)  # the baseline runs as the engine does (plain defaults crash on AMX CPUs)

    kv_dir = tempfile.mkdtemp(prefix="cove-bench-kv-")
    options = p.LoadOptions(n_ctx=4096, kv_cache_dir=kv_dir, flash_attn=args.flash_attn, kv_type=args.kv_type)
    vocab = Llama(args.model, vocab_only=True, verbose=False)
    bos, eos = (vocab._model.token_get_text(t) for t in (vocab.token_bos(), vocab.token_eos()))
    template = read_gguf(args.model).chat_template
    renderer = PromptRenderer(template, bos, eos)
    history_only = Jinja2ChatFormatter(template=template, bos_token=bos, eos_token=eos, add_generation_prompt=False)

    def tokens(text: str) -> list[int]:
        return vocab.tokenize(text.encode(), add_bos=False, special=True)

    engine = Engine()
    engine.load(args.model, options)
    messages: list[dict] = []
    turns = []
    extends = True
    previous_prompt_and_answer: list[int] | None = None
    for turn in range(args.turns):
        text = user_message(turn)
        # As in the window: when typing pauses, the draft is processed ahead of time;
        # here the user reads the message over once before pressing Enter.
        engine.prefill(args.model, options, messages + [{"role": "user", "content": text}])
        messages.append({"role": "user", "content": text})
        prompt = tokens(renderer.render(messages).text)
        if previous_prompt_and_answer is not None and prompt[:len(previous_prompt_and_answer)] != previous_prompt_and_answer:
            extends = False
        answer = engine.ask(args.model, options, messages, SAMPLING)
        turns.append({**answer["stats"], "ttft": ttft(answer)})
        messages.append({"role": "assistant", "content": answer["text"]})
        previous_prompt_and_answer = tokens(history_only(messages=messages).prompt)

    last = turns[-1]
    history_before_last = tokens(history_only(messages=messages[:-2]).prompt)
    new_tokens_last = last["prompt_tokens"] - len(history_before_last)

    # Two more turns at the same length: Enter pressed right after the last word (the
    # draft processed up to the word before), and sent with no draft processed at all.
    text = user_message(args.turns)
    engine.prefill(args.model, options, messages + [{"role": "user", "content": text.rsplit(" ", 1)[0]}])
    messages.append({"role": "user", "content": text})
    at_once = engine.ask(args.model, options, messages, SAMPLING)
    messages.append({"role": "assistant", "content": at_once["text"]})
    messages.append({"role": "user", "content": user_message(args.turns + 3)})
    no_typeahead = engine.ask(args.model, options, messages, SAMPLING)
    messages.append({"role": "assistant", "content": no_typeahead["text"]})

    # Back to this conversation after another one used the engine, then after a restart
    # (each time with a new question, sent at once).
    messages.append({"role": "user", "content": user_message(args.turns + 1)})
    engine.ask(args.model, options, [{"role": "user", "content": "Say hello in French. " * 20}], SAMPLING)
    switch = engine.ask(args.model, options, messages, SAMPLING)
    after_switch = {**switch["stats"], "ttft": ttft(switch)}
    messages += [{"role": "assistant", "content": switch["text"]},
                 {"role": "user", "content": user_message(args.turns + 2)}]
    engine.close()
    engine = Engine()
    engine.load(args.model, options)
    restart = engine.ask(args.model, options, messages, SAMPLING)
    after_restart = {**restart["stats"], "ttft": ttft(restart)}
    engine.close()
    # The same prompt with nothing saved: what a reopen would cost without saved states.
    engine = Engine()
    cold_options = p.LoadOptions(n_ctx=4096, flash_attn=args.flash_attn, kv_type=args.kv_type)
    engine.load(args.model, cold_options)
    cold_answer = engine.ask(args.model, cold_options, messages, SAMPLING)
    cold = {**cold_answer["stats"], "ttft": ttft(cold_answer)}
    engine.close()

    reopen = max(after_switch["ttft"], after_restart["ttft"])
    print(json.dumps({
        "benchmark": "multiturn", "model": args.model, "turns": args.turns,
        "prompt_tokens_last": last["prompt_tokens"],
        "ttft_first_s": round(turns[0]["ttft"], 4),
        "ttft_turn2_s": round(turns[1]["ttft"], 4),
        "ttft_last_s": round(last["ttft"], 4),
        "ttft_last_enter_after_last_word_s": round(ttft(at_once), 3),
        "ttft_last_no_typeahead_s": round(ttft(no_typeahead), 3),
        "new_tokens_last": new_tokens_last,
        "tokens_processed_last": last["processed_tokens"],
        "tokens_processed_last_no_typeahead": no_typeahead["stats"]["processed_tokens"],
        "ttft_reopen_s": round(reopen, 3),
        "ttft_reopen_after_switch_s": round(after_switch["ttft"], 3),
        "ttft_reopen_after_restart_s": round(after_restart["ttft"], 3),
        "reopen_restored_state": after_switch["restored_state"] and after_restart["restored_state"],
        "ttft_cold_s": round(cold["ttft"], 3),
        "cold_prompt_tokens": cold["prompt_tokens"],
        "prompt_extends_previous": extends,
        "targets": {
            "ttft_last_vs_turn2": round(last["ttft"] / turns[1]["ttft"], 2),
            "ttft_last_ok": last["ttft"] <= 1.5 * turns[1]["ttft"],
            "tokens_processed_ok": last["processed_tokens"] <= new_tokens_last + 32,
            "reopen_ok": reopen <= 0.25 * cold["ttft"],
        },
        "processed_per_turn": [t["processed_tokens"] for t in turns],
        "machine": machine(),
    }))


if __name__ == "__main__":
    main()

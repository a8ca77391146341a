"""Time to first token as a conversation grows, against llama.cpp's own server, and after a restart.

A conversation of --turns turns grows to about 3,000 tokens through Cove's engine
process, with saved KV states on (as in the app). Every turn is measured as the
window sees it: from sending the message to the first text arriving.

The figure that leads is the time after Enter with nothing processed ahead
(ttft_last_s, turn N): everything new (the user's message and the template around
it) is read after Enter. Type-ahead comes second (ttft_last_typeahead_s): a turn at
the same length typed as in the window, the draft processed when typing paused and
read over once before Enter, so little is left to read after it. A third case,
ttft_last_enter_after_last_word_s, presses Enter with no pause after the last word.

The same conversation goes, turn by turn, to llama-cpp-python's own server
(`python -m llama_cpp.server`, started here on 127.0.0.1 with the same model,
threads, context, flash-attention choice and KV type as Cove's engine reports, its
prompt cache on: --cache true) through its OpenAI-compatible API, streamed; the
first streamed text is its first token. It gets the same messages, Cove's answers
included, so both read the same prompts; the two take turns going first. Per turn:
per_turn[i] = {"cove_s", "cove_engine_s" (the part inside the engine process),
"server_s", "same_answer", "load_average"}; at turn N:
ratio_last_vs_server (Cove after Enter without type-ahead over the server; below 1
Cove answers sooner) and ratio_last_typeahead_vs_server; ratio_median_vs_server is
the median of every turn's ratio (turn N alone is one sample on a shared machine). The server is stopped at the end whatever happens
(an error, Ctrl+C, SIGTERM); --no-server leaves it out.

Then: ttft_reopen_s (the slower of: back after switching to another conversation,
and after an engine restart), ttft_cold_s (the same prompt with no saved state),
and prompt_extends_previous (whether each turn's prompt begins with the previous
turn's prompt and answer, token for token; templates that rewrite earlier turns
make this false and defeat prefix reuse). The load average is recorded per turn.

    python benchmarks/multiturn.py --model PATH [--turns 20] [--no-server]
"""

from __future__ import annotations

import argparse
import contextlib
import json
import statistics
import tempfile
import time

from common import Engine, load_average, machine, p
from llama_server import LlamaServer

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
    parser.add_argument("--no-server", action="store_true", help="leave llama.cpp's server out")
    parser.add_argument("--threads", type=int, default=0,
                        help="threads for both sides (0: Cove's automatic count, which the server then gets too)")
    parser.add_argument("--max-tokens", type=int, default=SAMPLING["max_tokens"], help="answer length (tests: less)")
    args = parser.parse_args()
    if args.turns < 2 or args.max_tokens < 1 or args.threads < 0:
        raise SystemExit("--turns must be at least 2 (turn 2 is the reference for the last turn), "
                         "--max-tokens at least 1 and --threads 0 (automatic) or more")
    sampling = {**SAMPLING, "max_tokens": args.max_tokens}

    import llama_cpp
    from llama_cpp import Llama
    from llama_cpp.llama_chat_format import Jinja2ChatFormatter

    from app.core.gguf_file import read_gguf
    from app.engine import backend, cpu_quirks
    from app.engine.prompt import PromptRenderer

    cpu_quirks.apply(llama_cpp)  # the baseline runs as the engine does (plain defaults crash on AMX CPUs)

    kv_dir = tempfile.mkdtemp(prefix="cove-bench-kv-")
    options = p.LoadOptions(n_ctx=4096, kv_cache_dir=kv_dir, flash_attn=args.flash_attn, kv_type=args.kv_type,
                            n_threads=args.threads, n_threads_batch=args.threads)
    vocab = Llama(args.model, vocab_only=True, verbose=False)
    bos, eos = (vocab._model.token_get_text(t) for t in (vocab.token_bos(), vocab.token_eos()))
    template = read_gguf(args.model).chat_template
    renderer = PromptRenderer(template, bos, eos)
    history_only = Jinja2ChatFormatter(template=template, bos_token=bos, eos_token=eos, add_generation_prompt=False)

    def tokens(text: str) -> list[int]:
        return vocab.tokenize(text.encode(), add_bos=False, special=True)

    engine = Engine()
    loaded = engine.load(args.model, options)
    used = loaded.info  # what the engine chose: the server gets the same
    with contextlib.ExitStack() as stack:
        server = None if args.no_server else stack.enter_context(LlamaServer(
            args.model, n_ctx=loaded.n_ctx, n_threads=used["n_threads"], n_threads_batch=used["n_threads_batch"],
            flash_attn=used["flash_attn"], n_gpu_layers=used["n_gpu_layers"],
            kv_type_id=None if used["kv_type"] == "f16" else backend.KV_TYPES[used["kv_type"]]))
        server_pid = server.pid if server else None
        messages: list[dict] = []
        turns, per_turn = [], []
        extends = True
        previous_prompt_and_answer: list[int] | None = None
        for turn in range(args.turns):
            messages.append({"role": "user", "content": user_message(turn)})
            prompt = tokens(renderer.render(messages).text)
            if previous_prompt_and_answer is not None \
                    and prompt[:len(previous_prompt_and_answer)] != previous_prompt_and_answer:
                extends = False
            # Sent at once, nothing processed ahead; Cove and the server take turns going first.
            row = {"turn": turn + 1, "load_average": load_average()}
            order = ("cove", "server") if turn % 2 == 0 else ("server", "cove")
            for side in order:
                time.sleep(0.3)  # the other side's threads have stopped spinning
                if side == "cove":
                    answer = engine.ask(args.model, options, messages, sampling)
                    turns.append({**answer["stats"], "ttft": ttft(answer)})
                    row["cove_s"] = round(ttft(answer), 4)
                    # Inside the engine process, from the request's arrival: the rest is the pipe and the client.
                    row["cove_engine_s"] = round(answer["stats"].get("time_to_first_token") or 0.0, 4)
                elif server is not None:
                    # The same prompt: Cove's history so far (the answer to this turn is not in it yet).
                    reply = server.chat_stream(messages, sampling)
                    row["server_s"] = round(reply["first"] - reply["sent"], 4)
                    server_text = reply["text"]
            if server is not None:
                row["same_answer"] = server_text.strip() == answer["text"].strip()
            per_turn.append(row)
            messages.append({"role": "assistant", "content": answer["text"]})
            previous_prompt_and_answer = tokens(history_only(messages=messages).prompt)
        if server is not None:
            server.stop()  # before the measurements it has no part in
    last = turns[-1]
    history_before_last = tokens(history_only(messages=messages[:-2]).prompt)
    new_tokens_last = last["prompt_tokens"] - len(history_before_last)

    # Two more turns at the same length, typed as in the window: the draft processed when typing
    # paused and read over once before Enter (type-ahead); then Enter pressed right after the last
    # word (the draft processed up to the word before).
    text = user_message(args.turns)
    engine.prefill(args.model, options, messages + [{"role": "user", "content": text}])
    messages.append({"role": "user", "content": text})
    typeahead = engine.ask(args.model, options, messages, sampling)
    messages.append({"role": "assistant", "content": typeahead["text"]})
    text = user_message(args.turns + 3)
    engine.prefill(args.model, options, messages + [{"role": "user", "content": text.rsplit(" ", 1)[0]}])
    messages.append({"role": "user", "content": text})
    at_once = engine.ask(args.model, options, messages, sampling)
    messages.append({"role": "assistant", "content": at_once["text"]})

    # Back to this conversation after another one used the engine, then after a restart
    # (each time with a new question, sent at once).
    messages.append({"role": "user", "content": user_message(args.turns + 1)})
    engine.ask(args.model, options, [{"role": "user", "content": "Say hello in French. " * 20}], sampling)
    switch = engine.ask(args.model, options, messages, sampling)
    after_switch = {**switch["stats"], "ttft": ttft(switch)}
    messages += [{"role": "assistant", "content": switch["text"]},
                 {"role": "user", "content": user_message(args.turns + 2)}]
    engine.close()
    engine = Engine()
    engine.load(args.model, options)
    restart = engine.ask(args.model, options, messages, sampling)
    after_restart = {**restart["stats"], "ttft": ttft(restart)}
    engine.close()
    # The same prompt with nothing saved: what a reopen would cost without saved states.
    engine = Engine()
    cold_options = p.LoadOptions(n_ctx=4096, flash_attn=args.flash_attn, kv_type=args.kv_type,
                                 n_threads=args.threads, n_threads_batch=args.threads)
    engine.load(args.model, cold_options)
    cold_answer = engine.ask(args.model, cold_options, messages, sampling)
    cold = {**cold_answer["stats"], "ttft": ttft(cold_answer)}
    engine.close()

    reopen = max(after_switch["ttft"], after_restart["ttft"])
    server_last = per_turn[-1].get("server_s")

    def vs_server(seconds: float) -> float | None:
        return round(seconds / server_last, 3) if server_last else None

    print(json.dumps({
        "benchmark": "multiturn", "model": args.model, "turns": args.turns, "max_tokens": args.max_tokens,
        "prompt_tokens_last": last["prompt_tokens"],
        # The rows in the order the README shows them: after Enter without type-ahead first.
        "rows": [
            {"case": "cove_after_enter_no_typeahead", "ttft_last_s": round(last["ttft"], 4)},
            {"case": "cove_with_typeahead", "ttft_last_s": round(ttft(typeahead), 4)},
            {"case": "llama_cpp_server_prompt_cache", "ttft_last_s": server_last},
        ],
        "ttft_last_s": round(last["ttft"], 4),
        "ttft_last_typeahead_s": round(ttft(typeahead), 4),
        "ttft_last_enter_after_last_word_s": round(ttft(at_once), 4),
        "ttft_first_s": round(turns[0]["ttft"], 4),
        "ttft_turn2_s": round(turns[1]["ttft"], 4),
        "server": None if args.no_server else {
            "ttft_last_s": server_last, "ttft_first_s": per_turn[0]["server_s"],
            "ttft_median_s": round(statistics.median(t["server_s"] for t in per_turn), 4),
            "same_answers": sum(t["same_answer"] for t in per_turn), "pid": server_pid,
            "options": {"n_ctx": loaded.n_ctx, "n_threads": used["n_threads"],
                        "n_threads_batch": used["n_threads_batch"], "flash_attn": used["flash_attn"],
                        "kv_type": used["kv_type"], "cache": True}},
        "ratio_last_vs_server": vs_server(last["ttft"]),
        "ratio_last_typeahead_vs_server": vs_server(ttft(typeahead)),
        # Turn N alone is one sample on a shared machine: the median of every turn's ratio beside it.
        "ratio_median_vs_server": None if args.no_server else round(
            statistics.median(t["cove_s"] / t["server_s"] for t in per_turn), 3),
        "per_turn": per_turn,
        "new_tokens_last": new_tokens_last,
        "tokens_processed_last": last["processed_tokens"],
        "tokens_processed_last_typeahead": typeahead["stats"]["processed_tokens"],
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
        "load_average": {"median": statistics.median(t["load_average"] for t in per_turn),
                         "max": max(t["load_average"] for t in per_turn)},
        "engine": {k: used.get(k) for k in ("n_ctx", "n_threads", "n_threads_batch", "flash_attn", "kv_type")},
        "machine": machine(),
    }))


if __name__ == "__main__":
    main()

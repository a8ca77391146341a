"""Prompt-lookup decoding: generation speed with and without it, on tasks that rewrite the prompt and one that does not.

Tasks: "typos" (correct the typos in a ~600-token note with 10 typos), "minutes" (turn
notes into minutes), "list" (continue a numbered list) and "free" (a free-form
question: nothing to copy, so drafting must not slow it down). Each task runs with and
without prompt lookup in the same engine, interleaved (rotating which goes first),
greedy; the speed-up is the median of the pairs' ratios of the engine's generation speed
(tokens/s from the first token to the last). `identical_output` says whether both gave
the same text in every pair. Targets: typos >= 1.8x, minutes >= 1.3x, free >= 0.97x.

Drafts are only checked where llama.cpp computes a batch exactly as one token at a time
(app/engine/speculative.py): on the CPU, flash attention with a quantized KV cache, or
one thread. The engine runs with `--kv-type` (q8_0 by default: every thread can be
used). A second engine with the default settings (F16 KV cache, flash attention
automatic: off on the CPU), answering the same task without lookup in the same rounds,
gives `speedup_over_defaults`: what a user who switches to the q8_0 cache gets against
one who does not.

`ceiling` is what any drafter could reach here: in this process, the engine's own generation
code (app/engine/speculative.py) and settings, interleaved, with no drafts, with prompt lookup
(`in_process_speedup`) and with a drafter that knows the plain answer, so that every draft
of the longest size (prompt_lookup.MAX_DRAFT) is accepted in full. Checking a batch costs
more per token on some CPUs than on others (the attention over a quantized KV cache is done
row by row), so the ceiling is the machine's, and so is how close the lookup comes to it.

A model too small for a task may loop instead of doing it (greedy decoding repeats itself),
and a loop is the easiest text there is to draft: `answer_repeats` says how much of the
answer repeats itself, and for the typos `similarity_to_corrected_note` and `typos_left`
say whether the answer is the corrected note (answer_quality).

    python benchmarks/speculative.py --model PATH [--runs 6] [--threads N] [--kv-type q8_0] [--tasks typos,free]
"""

from __future__ import annotations

import argparse
import difflib
import json
import os
import statistics
import time

from common import Engine, machine, p

NOTE = """Project Atlas weekly sync, Tuesday 14 March

Attendees: Maria (product), Jonas (backend), Priya (design), Tom (support), Lena (QA).

1. Release planning. The 2.4 release is still planned for the end of the month. Jonas said the new sync
engine is feature complete, but the migraton of old accounts needs another week of testing. Lena will run
the full regression suite on Thursday and report any blockers in the release channel. Maria asked whether
we can ship the sync engine behind a flag if the migration is not ready; Jonas thinks this is posible but
would rather not maintain two code paths for long.

2. Customer feedback. Tom summarised the support tickets from the last two weeks. Most complaints are about
slow search on large accounts and about the export button, which is hard to find on small screens. Three
customers reported that attachments larger than 20 MB fail to upload without any error mesage. Priya will
move the export button into the main toolbar and show a clear message when an upload is too large.

3. Design review. Priya showed the new onboarding screens. The team liked the shorter flow, but Tom worried
that users who skip the tutorial will not find the keyboard shortcuts. We agreed to add a small hint in the
footer that links to the shortcut list. Maria wants the colours checked for contrast before the release, and
Priya will ask the accessibilty group to review them next week.

4. Performance. Search on accounts with more than 50,000 notes takes up to four seconds. Jonas has a
prototype of an incremental index that brings this down to under half a second, but it uses more memory on
the server. We decided to test it on the staging cluster with a copy of the largest customer accounts and to
decide at the next meeting wether it goes into 2.4 or waits for 2.5.

5. Hiring. Two candidates for the frontend role have finished their interviews. Maria will collect the
feedback by Friday. Lena asked for a second QA engineer; Maria will raise it with finance, but the budget for
this quarter is alredy tight.

6. Any other business. The office will be closed on Friday 24 March for the building's electrical work. Tom
reminded everyone to update their status pages before going on holiday, because customers keep writting to
people who are away. Next meeting: Tuesday 21 March, same time, same room.

Action items: Lena runs the regression suite (Thursday). Priya moves the export button and adds the upload
error message. Jonas tests the incremental index on staging. Maria collects the interview feedback and asks
finance about a second QA engineer. Tom sends the holiday reminder to the whole team by Wensday.
"""  # 10 typos: migraton, posible, mesage, accessibilty, wether, alredy, writting, Wensday + 2 below
NOTE = NOTE.replace("summarised the support", "sumarised the support").replace("shorter flow", "shortr flow")
TYPOS = {"migraton": "migration", "posible": "possible", "mesage": "message", "accessibilty": "accessibility",
         "wether": "whether", "alredy": "already", "writting": "writing", "Wensday": "Wednesday",
         "sumarised": "summarised", "shortr": "shorter"}
CORRECTED = NOTE
for typo, fix in TYPOS.items():
    CORRECTED = CORRECTED.replace(typo, fix)

NOTES = """- 2.4 release end of month; sync engine done, account migration needs 1 more week of testing
- Lena: full regression suite Thursday, blockers to release channel
- ship sync engine behind a flag? possible, Jonas prefers not to keep two code paths
- support: slow search on big accounts, export button hard to find on small screens
- uploads over 20 MB fail silently (3 customers) -> Priya: clear error message, export button in toolbar
- onboarding screens liked; add footer hint linking to keyboard shortcuts; contrast check before release
- search takes 4 s with 50,000 notes; Jonas's incremental index: under 0.5 s, more server memory; test on staging
- frontend role: 2 candidates done, Maria collects feedback by Friday; Lena wants a second QA engineer
- office closed Friday 24 March; update status pages before holidays
- next meeting Tuesday 21 March, same time, same room
"""

LIST = """Continue this numbered list of things to check before a release, in the same style, up to item 30.

1. Run the full regression suite on the release branch.
2. Check that the changelog lists every user-visible change.
3. Check that the version number is updated in the about dialog.
4. Check that the installer runs on a clean machine.
5. Check that the update from the previous version keeps the user's settings.
6. Check that the user's data is migrated without loss.
7. Check that the help pages match the new screens.
8. Check that the crash reporter is switched off in the release build.
9. Check that the release notes are translated into every supported language.
10. Check that the download page links to the new installers."""

TASKS = {
    "typos": ([{"role": "user", "content": "Correct the typos in this note. Reply with the whole corrected note "
                "and nothing else.\n\n" + NOTE}], 700),
    "minutes": ([{"role": "user", "content": "Turn these notes into meeting minutes with a heading per topic, "
                  "keeping every fact.\n\n" + NOTES}], 400),
    "list": ([{"role": "user", "content": LIST}], 400),
    "free": ([{"role": "user", "content": "Why do we have seasons on Earth? Explain it to a curious "
                                          "twelve-year-old, in a few paragraphs."}], 300),
}
SAMPLING = {"temperature": 0.0, "top_k": 40, "top_p": 0.95, "min_p": 0.05, "repeat_penalty": 1.0, "seed": 1}
TARGETS = {"typos": 1.8, "minutes": 1.3, "free": 0.97}
REPEAT_RUN = 8  # words: a run this long written twice is the answer repeating itself


def answer_quality(name: str, text: str) -> dict:
    """Whether the answer does the task: a small model may loop instead (greedy decoding repeats itself),
    and a loop is the easiest text there is to draft. `answer_repeats`: the share of the answer's words
    that end a run of REPEAT_RUN words it had already written; for the typos, how alike the answer and
    the corrected note are (difflib, by words: 1.0 is the note itself) and how many typos are left."""
    words = text.split()
    seen, repeated = set(), 0
    for i in range(REPEAT_RUN, len(words) + 1):
        run = tuple(words[i - REPEAT_RUN:i])
        repeated += run in seen
        seen.add(run)
    quality = {"answer_repeats": round(repeated / len(words), 3) if words else 0.0}
    if name == "typos":
        quality["similarity_to_corrected_note"] = round(
            difflib.SequenceMatcher(None, CORRECTED.split(), words, autojunk=False).ratio(), 3)
        quality["typos_left"] = sum(typo in text for typo in TYPOS)
    return quality


def run_task(name: str, engines: dict, model: str, messages: list[dict], max_tokens: int, runs: int) -> dict:
    """engines: variant -> (Engine, LoadOptions) for "exact" (drafts checked) and "defaults"."""
    variants = [("exact", True), ("exact", False), ("defaults", False)]
    speeds = {variant: [] for variant in variants}
    ratios, over_defaults, accepted, identical = [], [], [], True
    for engine, options in engines.values():
        # Not measured: afterwards every run finds the prompt in the cache, as the next does. (A prompt read in
        # one batch and one read from the cache can give slightly different logits: not what is compared here.)
        engine.ask(model, options, messages, {**SAMPLING, "max_tokens": 8, "prompt_lookup": False})
    for i in range(runs):
        results = {}
        for variant in variants[i % 3:] + variants[:i % 3]:  # each goes first, second and third in turn
            engine, options = engines[variant[0]]
            time.sleep(0.3)  # no other side's idle threads still spinning when this one starts
            answer = engine.ask(model, options, messages,
                                {**SAMPLING, "max_tokens": max_tokens, "prompt_lookup": variant[1]})
            results[variant] = answer
            speeds[variant].append(answer["stats"]["tokens_per_second"] or 0.0)
        identical = identical and results[variants[0]]["text"] == results[variants[1]]["text"]
        with_lookup, without, default = (speeds[variant][-1] for variant in variants)
        ratios.append(with_lookup / without if without else 0.0)
        over_defaults.append(with_lookup / default if default else 0.0)
        accepted.append(results[variants[0]]["stats"].get("draft_acceptance", 0.0))
    return {
        "speedup": round(statistics.median(ratios), 3),
        "acceptance": round(statistics.median(accepted), 3),
        "identical_output": identical,
        "tok_s_with": round(statistics.median(speeds[variants[0]]), 2),
        "tok_s_without": round(statistics.median(speeds[variants[1]]), 2),
        "tok_s_defaults": round(statistics.median(speeds[variants[2]]), 2),
        "speedup_over_defaults": round(statistics.median(over_defaults), 3),
        "tokens": results[variants[0]]["stats"]["completion_tokens"],
        **answer_quality(name, results[variants[0]]["text"]),
        "ratios": [round(r, 3) for r in ratios],
    }


class PerfectDrafter:
    """Drafts the plain answer's next tokens: every draft is accepted (the ceiling)."""

    def __init__(self, answer: list[int], size: int):
        self.answer, self.size = answer, size

    def start(self, _prompt: list[int]) -> None:
        self.produced = 0

    def add(self, _token: int) -> None:
        self.produced += 1

    def draft(self, room: int) -> list[int]:
        return self.answer[self.produced:self.produced + min(self.size, room)]

    def record(self, drafted: int, accepted: int) -> None:
        assert accepted == drafted, "a draft of the plain answer was rejected: batches are not exact here"

    def forget_stats(self) -> None:
        pass


def ceiling(model: str, options: p.LoadOptions, messages: list[dict], max_tokens: int, runs: int) -> dict:
    """Speed-ups in this process over no drafts: with prompt lookup, and with every draft accepted."""
    import llama_cpp
    from llama_cpp import Llama

    from app.core.gguf_file import read_gguf
    from app.engine import backend, cpu_quirks, model_setup, sampler, speculative
    from app.engine.prompt import PromptRenderer
    from app.engine.prompt_lookup import MAX_DRAFT, PromptLookup

    cpu_quirks.apply(llama_cpp)
    model_setup.leave_templates_to_cove(llama_cpp)
    info = read_gguf(model)
    llm = Llama(model, verbose=False, **backend.choose(info, options).llama_kwargs())
    sampler.install(llm)
    if not speculative.exact_batches(llm):  # these settings check no drafts
        llm.close()
        return {"ceiling": None, "in_process_speedup": None, "in_process_tok_s": None}
    renderer = PromptRenderer(info.chat_template, llm._model.token_get_text(llm.token_bos()),
                              llm._model.token_get_text(llm.token_eos()))
    rendered = renderer.render(messages)
    prompt = llm.tokenize(rendered.text.encode(), add_bos=rendered.add_bos, special=True)
    greedy = {"temp": 0.0, "top_k": 40, "top_p": 0.95, "min_p": 0.05, "repeat_penalty": 1.0}

    def run(drafter) -> tuple[float, list[int]]:
        tokens, times = [], []
        for token in speculative.generate(llm, prompt, drafter, lambda: False, **greedy):
            times.append(time.perf_counter())
            tokens.append(int(token))
            if llama_cpp.llama_vocab_is_eog(llm._model.vocab, token) or len(tokens) >= max_tokens:
                break
        return (len(tokens) - 1) / (times[-1] - times[0]), tokens

    _, answer = run(None)
    drafters = {"plain": lambda: None, "lookup": PromptLookup, "perfect": lambda: PerfectDrafter(answer, MAX_DRAFT)}
    speeds = {name: [] for name in drafters}
    names = list(drafters)
    for i in range(runs):
        for name in names[i % 3:] + names[:i % 3]:
            time.sleep(0.3)
            speed, tokens = run(drafters[name]())
            assert tokens == answer, f"{name}: not the plain answer"
            speeds[name].append(speed)
    llm.close()  # its KV cache and threads: the engines measure next

    def speedup(name: str) -> float:
        return round(statistics.median(a / b for a, b in zip(speeds[name], speeds["plain"])), 3)

    return {"ceiling": speedup("perfect"), "in_process_speedup": speedup("lookup"),
            "in_process_tok_s": round(statistics.median(speeds["plain"]), 2)}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--model", required=True)
    parser.add_argument("--runs", type=int, default=6, help="a multiple of 3: each variant goes first as often")
    parser.add_argument("--threads", type=int, default=0, help="0: the machine's physical cores")
    parser.add_argument("--kv-type", default="q8_0", choices=("q8_0", "q4_0", "f16"),
                        help="the KV cache of the engine that checks drafts (f16: give --threads 1)")
    parser.add_argument("--tasks", default=",".join(TASKS), help="comma-separated subset of " + ", ".join(TASKS))
    args = parser.parse_args()
    names = [name.strip() for name in args.tasks.split(",") if name.strip()]
    unknown = [name for name in names if name not in TASKS]
    if unknown:
        raise SystemExit(f"unknown task {', '.join(unknown)}: choose from {', '.join(TASKS)}")

    from app.core.system import physical_cores

    threads = args.threads or physical_cores()
    exact = p.LoadOptions(n_ctx=4096, n_threads=threads, n_threads_batch=threads, n_gpu_layers=0,
                          kv_type=args.kv_type, flash_attn="on")
    defaults = p.LoadOptions(n_ctx=4096, n_threads=threads, n_threads_batch=threads, n_gpu_layers=0)
    engines = {}
    tasks = {}
    try:
        for name, options in (("exact", exact), ("defaults", defaults)):
            engines[name] = (Engine(), options)
            engines[name][0].load(args.model, options)
        for name in names:
            messages, max_tokens = TASKS[name]
            tasks[name] = run_task(name, engines, args.model, messages, max_tokens, args.runs)
            tasks[name].update(ceiling(args.model, exact, messages, max_tokens, args.runs))
    finally:
        for engine, _ in engines.values():
            engine.close()
    met = {name: tasks[name]["speedup"] >= target for name, target in TARGETS.items() if name in tasks}
    print(json.dumps({
        "benchmark": "speculative", "model": args.model, "runs": args.runs, "threads": threads,
        "kv_type": args.kv_type, "flash_attn": True,
        "tasks": tasks, "targets": TARGETS, "targets_met": met,
        "all_identical": all(task["identical_output"] for task in tasks.values()),
        "load_average": [round(x, 2) for x in os.getloadavg()], "machine": machine(),
    }))


if __name__ == "__main__":
    main()

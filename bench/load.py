"""A lecture hall at once: N students typing into ``streamlit run app.py`` together.

    python bench/load.py                                  # N = 1, 10, 30, 60; a fresh server
    python bench/load.py --sessions 30 --rounds 3         # + the leak check: 3 rounds of 30
    python bench/load.py --typing bursty --sessions 1,10,30   # words typed in bursts
    python bench/load.py --url http://127.0.0.1:8080 --pids 101,102   # an existing server
                                                          # (e.g. nginx in front of workers)

Each student is a real session over Streamlit's own websocket protocol
(``tests/st_client.py``: BackMsg/ForwardMsg protobufs on ``/_stcore/stream``,
exactly what Chromium sends): it opens ``/?s=`` (an empty box) and types its
own sentence from the test corpus, one character per ``--interval`` seconds,
starting over when done (``--typing bursty``: the keys of a word 0.2 s apart and a
pause of 0.5-1.5 s after each space). A keystroke is the ``rerun_script`` BackMsg the
live sentence box sends after its pause; a student sends the next one when
it is due and the previous update has arrived. Keys typed while an update is
late go out together in the next rerun, as the box sends them (``late``
counts the reruns sent late). Per N it prints:

- latency p50/p95/max: from sending the rerun BackMsg to the ``script_finished``
  of that run, over every rerun of every student;
- errors: a run with an exception box, a run that did not finish within
  ``--timeout``, a dropped connection, or a tagging that is not exactly the
  student's own text tagged by the built-in model (cross-talk between
  sessions, checked on every run from the tag chips' ``word/tag``);
- server memory: RSS of the server's process tree (``/proc``) before the
  students come, with all N connected and idle (``per session`` = growth / N),
  the peak while typing, and after they leave. The server keeps a closed
  session for ``server.disconnectedSessionTTL`` (120 s) so that a student
  whose network blinks gets it back; ``--rounds`` waits that long, then one
  more visitor connects (the server drops expired sessions when sessions
  change), and measures again.

The server it starts uses the repository's config and does not watch the
source files (``--watch`` to let it: others editing the checkout would reload
modules under the students). The load generator runs on the same machine and
takes CPU from the server: the latencies are pessimistic. About 3 minutes for
the default N; each ``--rounds`` round adds 3 minutes. Not a test: the figures
depend on the machine.
"""
from __future__ import annotations

import argparse
import asyncio
import os
import random
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))      # the tests' helpers
sys.path.insert(0, str(ROOT))                # this checkout's rnnviz

from browser_util import Server  # noqa: E402
from st_client import StreamlitSession  # noqa: E402

PAGE_SIZE = os.sysconf("SC_PAGE_SIZE")


# --- what the students type, and what they must see ------------------------
def sentences(n: int) -> list[str]:
    """n different sentences of the test corpus, Chinese and English alternating."""
    from rnnviz.text.corpus import load
    zh, en = load("zh", "test"), load("en", "test")
    out = []
    for pair in zip(zh, en):
        for s in pair:
            text = " ".join(w for w, _ in s)
            if text not in out:
                out.append(text)
    return out[:n]


def expected_chips(text: str, model) -> list[tuple[str, str]]:
    """What the tag chips must show for ``text`` (nothing for a blank box)."""
    from rnnviz.training.tagger import tag_text
    if not text.strip():
        return []
    tg = tag_text(model, text)
    return list(zip(tg.tokens, tg.tags))


def keystrokes(sentence: str) -> list[str]:
    """The box's text after each key: one character more each time."""
    return [sentence[:i] for i in range(1, len(sentence) + 1)]


# The bursty typist: the keys of a word 0.2 s apart (5 a second), a pause of 0.5-1.5 s
# after each space (finding the next word), about the speed of a student who types.
BURST_KEY_S, PAUSE_S = 0.2, (0.5, 1.5)


def bursty_gaps(sentence: str, rng: random.Random) -> list[float]:
    """The seconds before each key of ``sentence`` (the first key: a word's start)."""
    gaps, after_space = [], True
    for ch in sentence:
        gaps.append(rng.uniform(*PAUSE_S) if after_space else BURST_KEY_S)
        after_space = ch == " "
    return gaps


# --- server memory and CPU ---------------------------------------------------
def tree(pids: list[int]) -> list[int]:
    """pids and all their descendants."""
    children: dict[int, list[int]] = {}
    for d in os.listdir("/proc"):
        if d.isdigit():
            try:
                with open(f"/proc/{d}/stat") as f:
                    ppid = int(f.read().rsplit(")", 1)[1].split()[1])
            except OSError:
                continue
            children.setdefault(ppid, []).append(int(d))
    out, todo = [], list(pids)
    while todo:
        p = todo.pop()
        out.append(p)
        todo += children.get(p, [])
    return out


def rss_mb(pids: list[int]) -> float:
    total = 0
    for p in tree(pids):
        try:
            with open(f"/proc/{p}/statm") as f:
                total += int(f.read().split()[1]) * PAGE_SIZE
        except OSError:
            pass
    return total / 2**20


def cpu_s(pids: list[int]) -> float:
    ticks = os.sysconf("SC_CLK_TCK")
    total = 0
    for p in tree(pids):
        try:
            with open(f"/proc/{p}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
            total += int(fields[11]) + int(fields[12])        # utime + stime
        except OSError:
            pass
    return total / ticks


# --- one round ---------------------------------------------------------------
@dataclass
class Round:
    n: int
    latencies: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    late: int = 0
    rss: dict[str, float] = field(default_factory=dict)
    cpu_ms_per_run: float = float("nan")
    load_cpu: float = float("nan")          # the load generator's own CPU, % of one core

    def check(self, i: int, run, text: str, expect: dict) -> None:
        if run.exceptions:
            self.errors.append(f"student {i}: exception {run.exceptions[0][:200]}")
        if run.chips != expect[text]:
            self.errors.append(f"student {i} typed {text!r} but saw {run.chips!r}")


@dataclass
class Bell:
    """The lecturer's signals: everyone in, start typing (until t_end), leave."""
    arrived: asyncio.Semaphore
    typing: asyncio.Event = field(default_factory=asyncio.Event)
    leave: asyncio.Event = field(default_factory=asyncio.Event)
    t_end: float = float("inf")


async def student(i: int, url: str, sentence: str, expect: dict, r: Round, bell: Bell,
                  args) -> None:
    sess = StreamlitSession(url, {"s": ""}, timeout=args.timeout)
    arrived = False
    try:
        await sess.connect()
        r.check(i, await sess.first_run, "", expect)
        bell.arrived.release()
        arrived = True
        await bell.typing.wait()
        if args.typing == "bursty":
            gaps = bursty_gaps(sentence, random.Random(args.seed * 1000 + i))
        else:
            gaps = [args.interval] * len(sentence)
        await _type(sess, i, keystrokes(sentence), gaps, expect, r, bell)
        await bell.leave.wait()
    except (ConnectionError, OSError, asyncio.TimeoutError) as e:
        r.errors.append(f"student {i}: {type(e).__name__}: {e}")
    finally:
        if not arrived:
            bell.arrived.release()
        await sess.close()


async def _type(sess, i, keys, gaps, expect, r, bell) -> None:
    """Type ``keys`` over and over, key k due ``gaps[k]`` seconds after key k - 1."""
    due = [0.0]
    while due[-1] < bell.t_end - time.perf_counter() + 60:
        due.append(due[-1] + gaps[len(due) % len(gaps)])
    start = time.perf_counter() + random.uniform(0, gaps[0])
    k = 0
    while k < len(due) and (when := start + due[k]) <= bell.t_end:
        wait = when - time.perf_counter()
        if wait > 0:
            await asyncio.sleep(wait)
        elif k:
            r.late += 1                     # the previous update came after this key was due
        text = keys[k % len(keys)]
        run = await sess.set_widget("s", text)
        r.latencies.append(run.latency)
        r.check(i, run, text, expect)
        # the keys typed while waiting go out in one rerun, as the live box sends them
        now = time.perf_counter() - start
        k = max(k + 1, sum(1 for d in due if d <= now) - 1)


async def one_round(url: str, pids: list[int], n: int, texts: list[str], expect: dict,
                    args) -> Round:
    """n students arrive together, type for --seconds, leave."""
    r = Round(n)
    r.rss["start"] = rss_mb(pids)
    bell = Bell(asyncio.Semaphore(0))
    tasks = [asyncio.create_task(student(i, url, texts[i], expect, r, bell, args))
             for i in range(n)]
    for _ in range(n):
        await bell.arrived.acquire()
    await asyncio.sleep(2.0)
    r.rss["idle"] = rss_mb(pids)
    peak = [r.rss["idle"]]
    sampler = asyncio.create_task(_sample(pids, peak))
    cpu0, typed0, own0, t0 = cpu_s(pids), len(r.latencies), time.process_time(), time.time()
    bell.t_end = time.perf_counter() + args.seconds
    bell.typing.set()
    await asyncio.sleep(args.seconds)
    while len(r.latencies) - typed0 < 1 and any(not t.done() for t in tasks):
        await asyncio.sleep(0.1)
    await asyncio.sleep(min(args.timeout, 2 * max(args.interval, PAUSE_S[1])))   # the last keys land
    runs = len(r.latencies) - typed0
    r.load_cpu = 100 * (time.process_time() - own0) / (time.time() - t0)
    if runs:
        r.cpu_ms_per_run = (cpu_s(pids) - cpu0) * 1000 / runs
    bell.leave.set()
    await asyncio.gather(*tasks)
    sampler.cancel()
    r.rss["peak"] = max(peak)
    await asyncio.sleep(2.0)
    r.rss["closed"] = rss_mb(pids)
    return r


async def _sample(pids, peak) -> None:
    while True:
        peak.append(rss_mb(pids))
        await asyncio.sleep(0.25)


async def after_ttl(url: str, pids: list[int], ttl: float) -> float:
    """RSS once closed sessions have expired and one more visitor came and went."""
    await asyncio.sleep(ttl + 5)
    async with StreamlitSession(url, {"s": ""}) as sess:
        await sess.first_run
    await asyncio.sleep(3)
    return rss_mb(pids)


# --- report ----------------------------------------------------------------------
HEADER = (f"{'N':>4} {'reruns':>6} {'late':>5} {'p50 ms':>7} {'p95 ms':>7} {'max ms':>7} "
          f"{'errors':>6} {'CPU ms/run':>10} {'RSS start':>9} {'idle':>7} {'peak':>7} "
          f"{'closed':>7} {'MB/session':>10} {'gen CPU%':>8}")


def row(r: Round) -> str:
    lat = np.array(r.latencies) * 1000 if r.latencies else np.array([np.nan])
    per = (r.rss["idle"] - r.rss["start"]) / r.n
    return (f"{r.n:>4} {len(r.latencies):>6} {r.late:>5} {np.percentile(lat, 50):>7.0f} "
            f"{np.percentile(lat, 95):>7.0f} {lat.max():>7.0f} {len(r.errors):>6} "
            f"{r.cpu_ms_per_run:>10.0f} {r.rss['start']:>9.0f} {r.rss['idle']:>7.0f} "
            f"{r.rss['peak']:>7.0f} {r.rss['closed']:>7.0f} {per:>10.2f} {r.load_cpu:>8.0f}")


async def run(url: str, pids: list[int], args) -> int:
    from rnnviz.nn.checkpoint import load
    from rnnviz.data import DEFAULT_MODEL
    model = load(DEFAULT_MODEL)
    n_max = max(args.sessions)
    texts = sentences(n_max)
    expect = {"": []} | {k: expected_chips(k, model) for t in texts for k in keystrokes(t)}
    how = (f"one key per {args.interval:g} s" if args.typing == "steady" else
           f"bursts of a key per {BURST_KEY_S:g} s, {PAUSE_S[0]:g}-{PAUSE_S[1]:g} s after a space")
    print(f"{url}: {how} per student for {args.seconds:g} s; "
          f"latency = rerun BackMsg -> script_finished; RSS in MB of pids {pids}; "
          f"load average {os.getloadavg()[0]:.1f}", flush=True)
    # warm up: imports, jieba, the first page (not counted), on every worker
    for warm in [url] + [u for u in args.warm.split(",") if u]:
        async with StreamlitSession(warm, {"s": texts[0]}, timeout=args.timeout) as s:
            await s.first_run
    await asyncio.sleep(2)
    print(HEADER, flush=True)
    failed = 0
    for n in args.sessions:
        rounds = args.rounds if n == args.sessions[-1] else 1
        for k in range(rounds):
            r = await one_round(url, pids, n, texts, expect, args)
            if rounds > 1:
                r.rss["after"] = await after_ttl(url, pids, args.ttl)
            print(row(r) + (f"  round {k + 1}: after TTL {r.rss['after']:.0f}"
                            if "after" in r.rss else ""), flush=True)
            for e in r.errors[:5]:
                print("   ", e)
            failed += len(r.errors)
    return 1 if failed else 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sessions", default="1,10,30,60",
                    help="comma-separated N; the last one is repeated --rounds times")
    ap.add_argument("--interval", type=float, default=1.0, help="seconds between keys")
    ap.add_argument("--typing", choices=("steady", "bursty"), default="steady",
                    help="steady: a key every --interval s; bursty: the keys of a word "
                         f"{BURST_KEY_S} s apart, {PAUSE_S[0]}-{PAUSE_S[1]} s after a space")
    ap.add_argument("--seconds", type=float, default=30.0, help="typing time per round")
    ap.add_argument("--rounds", type=int, default=1,
                    help="rounds of the last N, each followed by the TTL wait (leak check)")
    ap.add_argument("--ttl", type=float, default=120.0,
                    help="the server's server.disconnectedSessionTTL (seconds)")
    ap.add_argument("--timeout", type=float, default=30.0, help="seconds for one run")
    ap.add_argument("--url", help="an existing server (default: start app.py)")
    ap.add_argument("--pids", default="", help="with --url: the server pids (RSS, CPU)")
    ap.add_argument("--warm", default="", help="with --url: the workers' own URLs, each "
                    "opened once before measuring (behind a proxy)")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--watch", action="store_true",
                    help="let the server watch source files (off: others editing the "
                         "checkout would reload modules under the students)")
    ap.add_argument("server_args", nargs="*", help="after --: more `streamlit run` options")
    args = ap.parse_args()
    args.sessions = [int(n) for n in args.sessions.split(",")]
    random.seed(args.seed)
    if args.url:
        pids = [int(p) for p in args.pids.split(",") if p]
        return asyncio.run(run(args.url, pids, args))
    extra = (([] if args.watch else ["--server.fileWatcherType", "none"])
             + ["--server.disconnectedSessionTTL", f"{args.ttl:g}"] + args.server_args)
    server = Server("app.py", *extra)
    try:
        return asyncio.run(run(server.base, [server.proc.pid], args))
    finally:
        server.stop()


if __name__ == "__main__":
    sys.exit(main())

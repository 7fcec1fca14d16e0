"""How long the tokenizer takes on long and hostile input (printed, never asserted).

    python bench/tokenize_speed.py
"""
import statistics
import time

from rnnviz.text.tokenize import tokenize  # noqa: E402

CASES = {"我吃苹果 ×2500": "我吃苹果" * 2500, "a ×10k": "a" * 10_000, "龘 ×10k": "龘" * 10_000,
         "'ab ' ×5000": "ab " * 5000, "。 ×10k": "。" * 10_000, "榴莲 ×5000": "榴莲" * 5000,
         "我 吃 苹果": "我 吃 苹果"}


def main(repeats: int = 30) -> None:
    tokenize("warm up 我吃苹果")
    print(f"{'input':<16}{'p50 ms':>8}{'max ms':>8}")
    for name, text in CASES.items():
        times = []
        for _ in range(repeats):
            start = time.perf_counter()
            tokenize(text)
            times.append((time.perf_counter() - start) * 1000)
        print(f"{name:<16}{statistics.median(times):>8.2f}{max(times):>8.2f}")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""NumPy peer of the Java Monte Carlo engine (issue 8): the same i.i.d. day-bootstrap model, fully vectorised.

Model and rules are those of BenchmarkModel.java (same integer formula for the 250 sample days; same rule set), judged
with the same semantics as the Java kernel: each day is seen at two intraday points (the extreme nearer the close
last: winning day open -> low -> high -> close, losing day open -> high -> low -> close) and at the close; a floor is
breached when equity touches it (<=); daily floor = prior close - 5% of initial (intraday, on equity; flat closes so
balance = equity and MAX_OF_BOTH = the prior close); max-loss floor = min(running peak incl. the point - 10%, initial);
pass at a close when equity >= target, >= 5 trading days and best day <= 40% of profit; otherwise TIME_LIMIT after
day 60. There is no Python loop over paths or days: every path and day is one array operation. All amounts are whole
dollars below 2^24, so float32 holds them exactly and touches compare exactly as the Java longs do.

Usage: numpy_peer.py [paths] [repetitions] [seed]  -> JSON lines (one per repetition, then a summary).
"""
import json
import math
import sys
import time

import numpy as np

INITIAL = 100_000
TARGET = 108_000
HORIZON = 60
MIN_DAYS = 5


def sample():
    i = np.arange(1, 251, dtype=np.int64)
    x = (i * 2654435761) & 0xFFFFFFFF
    pnl = x % 6001 - 2900
    low = np.minimum(0, pnl) - (x >> 11) % 2500
    high = np.maximum(0, pnl) + (x >> 21) % 1500
    trading = (x >> 7) % 10 != 0
    return (pnl.astype(np.float32), low.astype(np.float32), high.astype(np.float32), trading.astype(np.int16))


def simulate(rng, n_paths, days):
    pnl_s, low_s, high_s, trading_s = days
    idx = rng.integers(0, pnl_s.size, size=(n_paths, HORIZON), dtype=np.int32)
    pnl = pnl_s[idx]
    close = np.float32(INITIAL) + np.cumsum(pnl, axis=1, dtype=np.float32)
    open_ = close - pnl
    win = pnl >= 0
    low = open_ + low_s[idx]
    high = open_ + high_s[idx]
    points = np.stack((np.where(win, low, high), np.where(win, high, low), close), axis=2).reshape(n_paths, 3 * HORIZON)
    peak = np.maximum(np.maximum.accumulate(points, axis=1), np.float32(INITIAL))
    max_floor = np.minimum(peak - np.float32(10_000), np.float32(INITIAL))
    daily_floor = np.repeat(open_ - np.float32(5_000), 3, axis=1)
    breach = (points <= daily_floor) | (points <= max_floor)
    daily_first = (points <= daily_floor) & ~((points <= max_floor) & (max_floor > daily_floor))
    first_breach = np.where(breach.any(axis=1), breach.argmax(axis=1), 3 * HORIZON)
    trading_days = np.cumsum(trading_s[idx], axis=1)
    best = np.maximum.accumulate(pnl, axis=1)
    profit = close - np.float32(INITIAL)
    passes = (close >= np.float32(TARGET)) & (trading_days >= MIN_DAYS) & (profit > 0) & (5 * best <= 2 * profit)
    first_pass = np.where(passes.any(axis=1), passes.argmax(axis=1) * 3 + 2, 3 * HORIZON)
    passed = first_pass < first_breach
    failed = ~passed & (first_breach < 3 * HORIZON)
    rows = np.arange(n_paths)
    daily = failed & daily_first[rows, np.minimum(first_breach, 3 * HORIZON - 1)]
    return int(passed.sum()), int(daily.sum()), int((failed & ~daily).sum())


def wilson(k, n, z=1.959963984540054):
    p = k / n
    d = 1 + z * z / n
    c = (p + z * z / (2 * n)) / d
    h = z / d * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n))
    return p, c - h, c + h


def main():
    n_paths = int(sys.argv[1]) if len(sys.argv) > 1 else 200_000
    reps = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    seed = int(sys.argv[3]) if len(sys.argv) > 3 else 1
    days = sample()
    rng = np.random.default_rng(seed)
    simulate(np.random.default_rng(seed + 1), n_paths, days)  # warm-up at full size (page faults, allocator)
    rates, passed, daily, max_loss, total = [], 0, 0, 0, 0
    for r in range(reps):
        t0 = time.perf_counter()
        p, d, m = simulate(rng, n_paths, days)
        dt = time.perf_counter() - t0
        rates.append(n_paths / dt)
        passed, daily, max_loss, total = passed + p, daily + d, max_loss + m, total + n_paths
        print(json.dumps({"side": "numpy", "rep": r, "paths": n_paths, "seconds": round(dt, 4),
                          "pathsPerSecond": round(n_paths / dt)}))
    p, lo, hi = wilson(passed, total)
    rates.sort()
    print(json.dumps({"side": "numpy", "summary": True, "numpy": np.__version__, "paths": total, "passed": passed,
                      "p": round(p, 6), "lower": round(lo, 6), "upper": round(hi, 6), "dailyLoss": daily,
                      "maxLoss": max_loss, "timeLimit": total - passed - daily - max_loss,
                      "pathsPerSecondMedian": round(rates[len(rates) // 2]), "pathsPerSecondBest": round(rates[-1])}))


if __name__ == "__main__":
    main()

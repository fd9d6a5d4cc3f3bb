package com.vaticprop.risk.run;

import com.vaticprop.risk.ProgressListener;
import com.vaticprop.risk.SimulationCancelledException;
import com.vaticprop.risk.kernel.KernelRules;
import com.vaticprop.risk.kernel.PathKernel;
import com.vaticprop.risk.kernel.PathOutcome;
import com.vaticprop.risk.method.DayStream;
import com.vaticprop.risk.method.PathModel;
import com.vaticprop.risk.sample.Units;

import java.math.BigInteger;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * Runs the paths in fixed chunks of {@link #CHUNK} paths. Chunk {@code c} always covers paths
 * {@code [c × CHUNK, (c + 1) × CHUNK)} and draws from its own {@link SplittableRandom} seeded with
 * {@link #chunkSeed(long, int)}, so a path's random numbers depend on the seed and its index only; workers take
 * chunks from a shared counter in any order, write per-path values by path index and keep integer tallies (see
 * {@link Tally}). Hence one seed gives identical results for any thread count. Between chunks a worker reports progress
 * and checks the cancellation flag.
 */
public final class ChunkedRunner {
    /** Paths per chunk: part of the reproducibility contract (changing it changes the results of a seed). */
    public static final int CHUNK = 2048;
    private static final int PASSED = PathOutcome.PASSED.ordinal();

    private ChunkedRunner() {
    }

    /** What the workers produced: the merged tally, per-path terminal P&L and the fan-chart sample (day-major). */
    public record Raw(Tally tally, float[] terminalPnl, float[] fan, int fanPaths, long drawdownBinWidth) {
    }

    public static Raw run(KernelRules rules, PathModel model, int horizon, int paths, long seed, int threads,
                          int fanChartPaths, ProgressListener progress, BooleanSupplier cancelled) {
        int chunks = (paths + CHUNK - 1) / CHUNK;
        int fanPaths = Math.min(paths, fanChartPaths);
        float[] terminal = new float[paths];
        float[] fan = new float[Math.multiplyExact(fanPaths, horizon)];
        long binWidth = Math.max(1, rules.maxLossAllowance() / Tally.DRAWDOWN_BINS_PER_ALLOWANCE);
        AtomicInteger next = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        Object progressLock = new Object();
        int workers = Math.min(threads, chunks);
        Tally[] tallies = new Tally[workers];
        Runnable[] jobs = new Runnable[workers];
        for (int w = 0; w < workers; w++) {
            int worker = w;
            jobs[w] = () -> {
                // allocated by the worker itself: its counters land in its own allocation buffer, not next to
                // another worker's (counters sharing a cache line made two threads slower than one)
                Tally tally = new Tally(horizon);
                tallies[worker] = tally;
                PathKernel kernel = new PathKernel(rules);
                DayStream stream = model.newStream();
                int c;
                while (!cancelled.getAsBoolean() && (c = next.getAndIncrement()) < chunks) {
                    runChunk(c, kernel, stream, tally, rules.initial(), horizon, paths, seed, terminal, fan, fanPaths,
                            binWidth);
                    int finished = done.incrementAndGet();
                    synchronized (progressLock) {
                        progress.progress((double) finished / chunks);
                    }
                }
            };
        }
        if (workers == 1) {
            jobs[0].run();
        } else {
            runOnThreads(jobs);
        }
        if (done.get() < chunks) {
            throw new SimulationCancelledException((double) done.get() / chunks);
        }
        Tally total = new Tally(horizon);
        for (Tally t : tallies) {
            total.add(t);
        }
        return new Raw(total, terminal, fan, fanPaths, binWidth);
    }

    private static void runChunk(int c, PathKernel kernel, DayStream stream, Tally tally, long init, int horizon,
                                 int paths, long seed, float[] terminal, float[] fan, int fanPaths, long binWidth) {
        SplittableRandom random = new SplittableRandom(chunkSeed(seed, c));
        int from = c * CHUNK;
        int to = Math.min(paths, from + CHUNK);
        long profit = 0;
        long[] outcomes = tally.outcomes;
        long[] passDays = tally.passDays;
        long[] bins = tally.drawdownBins;
        int lastBin = bins.length - 1;
        for (int p = from; p < to; p++) {
            int outcome = p < fanPaths
                    ? kernel.run(stream, random, horizon, fan, p, fanPaths)
                    : kernel.run(stream, random, horizon, null, 0, 0);
            long pnl = kernel.equity - init;
            terminal[p] = (float) Units.toDouble(pnl);
            outcomes[outcome]++;
            if (outcome == PASSED) {
                passDays[kernel.day]++;
                profit += pnl;
            }
            bins[(int) Math.min(lastBin, kernel.maxDrawdown / binWidth)]++;
        }
        tally.passProfitUnits = tally.passProfitUnits.add(BigInteger.valueOf(profit));
    }


    /** SplitMix64's finalizer over {@code seed} and the chunk index: well-spread, independent seeds per chunk. */
    public static long chunkSeed(long seed, int chunk) {
        long z = seed + (chunk + 1L) * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private static void runOnThreads(Runnable[] jobs) {
        Throwable[] failure = new Throwable[1];
        Thread[] threads = new Thread[jobs.length];
        for (int i = 0; i < jobs.length; i++) {
            threads[i] = Thread.ofPlatform().name("risk-simulation-" + i).unstarted(jobs[i]);
            threads[i].setUncaughtExceptionHandler((t, e) -> {
                synchronized (failure) {
                    if (failure[0] == null) {
                        failure[0] = e;
                    }
                }
            });
            threads[i].start();
        }
        try {
            for (Thread t : threads) {
                t.join();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while simulating", e);
        }
        if (failure[0] != null) {
            throw new IllegalStateException("a simulation worker failed", failure[0]);
        }
    }
}

package com.vaticprop.marketdata.config;

import com.vaticprop.marketdata.feed.FeedSources;
import com.vaticprop.marketdata.publish.PublishingPipeline;
import com.vaticprop.marketdata.quote.QuoteCache;
import com.vaticprop.marketdata.replay.FrameRecorder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Starts and stops the moving parts in the right order: the pipeline's sweeper (quiet-book re-publishing) and the
 * Redis flusher first, then the feed sources; on shutdown the sources first, then a last Redis flush and the
 * recorder (the producer bean's close sends what is pending, bounded), so nothing a source delivered is lost on a
 * clean stop. The sweeper and the flusher run on separate threads so a slow Redis never delays a re-publication.
 */
final class MarketDataRuntime implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(MarketDataRuntime.class);

    private final PublishingPipeline pipeline;
    private final QuoteCache cache;
    private final FeedSources sources;
    private final FrameRecorder recorder;
    private final Duration sweepInterval;
    private final Duration flushInterval;
    private ScheduledExecutorService sweeper;
    private ScheduledExecutorService flusher;
    private volatile boolean running;

    MarketDataRuntime(PublishingPipeline pipeline, QuoteCache cache, FeedSources sources, FrameRecorder recorder,
                      Duration sweepInterval, Duration flushInterval) {
        this.pipeline = pipeline;
        this.cache = cache;
        this.sources = sources;
        this.recorder = recorder;
        this.sweepInterval = sweepInterval;
        this.flushInterval = flushInterval;
    }

    @Override
    public synchronized void start() {
        sweeper = Executors.newSingleThreadScheduledExecutor(r -> Thread.ofPlatform().name("quote-sweeper")
                .daemon().unstarted(r));
        flusher = Executors.newSingleThreadScheduledExecutor(r -> Thread.ofPlatform().name("quote-cache-flusher")
                .daemon().unstarted(r));
        sweeper.scheduleWithFixedDelay(guard("sweep", pipeline::sweep), sweepInterval.toMillis(),
                sweepInterval.toMillis(), TimeUnit.MILLISECONDS);
        flusher.scheduleWithFixedDelay(guard("redis flush", cache::flush), flushInterval.toMillis(),
                flushInterval.toMillis(), TimeUnit.MILLISECONDS);
        flusher.scheduleWithFixedDelay(guard("metrics", sources::refreshMetrics), 5, 5, TimeUnit.SECONDS);
        sources.start();
        running = true;
    }

    private static Runnable guard(String what, Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                log.warn("{} failed: {}", what, e.toString());
            }
        };
    }

    @Override
    public synchronized void stop() {
        running = false;
        sources.close();
        shutdown(sweeper);
        shutdown(flusher);
        try {
            cache.flush();
            // no unbounded producer.flush() here: with the broker gone it would wait out the delivery timeout; the
            // producer bean's close() sends what is pending within a bounded 5 s
        } catch (RuntimeException e) {
            log.warn("final flush failed: {}", e.toString());
        }
        if (recorder != null) {
            recorder.close();
        }
    }

    private static void shutdown(ScheduledExecutorService executor) {
        if (executor == null) {
            return;
        }
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}

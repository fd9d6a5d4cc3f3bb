package com.vaticprop.platform.boot;

import org.junit.jupiter.api.Test;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class RetryInBackgroundTest {

    /** Fails twice, then succeeds. */
    private static final class Flaky extends RetryInBackground {
        final AtomicInteger attempts = new AtomicInteger();
        final CountDownLatch succeeded = new CountDownLatch(1);
        volatile Thread ranOn;

        Flaky() {
            super("flaky-start-up-work");
        }

        @Override
        protected void attempt() throws Exception {
            ranOn = Thread.currentThread();
            if (attempts.incrementAndGet() < 3) {
                throw new IllegalStateException("not yet");
            }
            succeeded.countDown();
        }

        @Override
        protected String waitingFor() {
            return "the test";
        }
    }

    @Test
    void retriesUntilTheWorkSucceedsOnADaemonPlatformThread() throws Exception {
        Flaky work = new Flaky();
        work.start();
        try {
            assertThat(work.succeeded.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(work.attempts.get()).isEqualTo(3);
            // a virtual worker can starve for a carrier while holding the nested-jar monitor (see the class doc)
            assertThat(work.ranOn.isVirtual()).isFalse();
            assertThat(work.ranOn.isDaemon()).isTrue();
            assertThat(work.ranOn.getName()).isEqualTo("flaky-start-up-work");
            assertThat(work.worker()).isSameAs(work.ranOn);
        } finally {
            work.stop();
        }
    }
}

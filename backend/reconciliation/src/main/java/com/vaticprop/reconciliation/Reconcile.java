package com.vaticprop.reconciliation;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;

/**
 * {@code java -jar backend/reconciliation/target/reconciliation-exec.jar --from … [options]} (see {@link Options}):
 * prints every lost, duplicated, out-of-order, gapped and mismatched item and exits 1 when there is any, 0 when the
 * stores agree, 2 when it could not run. With {@code --settle} the comparison is repeated until it comes out clean or
 * the time is up — read models and the relay are asynchronous, so a fault run is judged once they had time to catch
 * up, and only what is still wrong then is reported.
 */
public final class Reconcile {

    private Reconcile() {
    }

    public static void main(String[] args) {
        System.exit(run(List.of(args), System.getenv(), System.out, System.err));
    }

    public static int run(List<String> args, java.util.Map<String, String> env, PrintStream out, PrintStream err) {
        Options options;
        try {
            options = Options.parse(args, env);
        } catch (RuntimeException e) {
            err.println("reconciliation: " + e.getMessage());
            return 2;
        }
        out.println("reconciling " + options.window().from() + " .. " + options.window().to() + " (read models "
                + options.readModels() + ")");
        long deadline = System.nanoTime() + options.settle().toNanos();
        try {
            while (true) {
                Findings findings = new Reconciler(options).run();
                if (findings.clean() || System.nanoTime() >= deadline) {
                    findings.print(out, 50);
                    return findings.clean() ? 0 : 1;
                }
                out.println("not yet consistent (" + findings.all().size() + " findings), re-checking…");
                Thread.sleep(Duration.ofSeconds(3));
            }
        } catch (Exception e) {
            err.println("reconciliation could not run: " + e);
            return 2;
        }
    }
}

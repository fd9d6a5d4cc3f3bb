package com.vaticprop.demo;

import java.util.ArrayList;
import java.util.List;

/** What the demo promises, each verified on the running platform; the exit code is non-zero unless all hold. */
final class Checks {

    private final List<String> failed = new ArrayList<>();
    private int passed;

    void check(boolean holds, String what) {
        if (holds) {
            passed++;
            System.out.println("  ✔ " + what);
        } else {
            failed.add(what);
            System.out.println("  ✘ " + what);
        }
    }

    boolean allHeld() {
        return failed.isEmpty();
    }

    String summary() {
        return passed + " checks held" + (failed.isEmpty() ? "" : ", " + failed.size() + " failed: " + failed);
    }
}

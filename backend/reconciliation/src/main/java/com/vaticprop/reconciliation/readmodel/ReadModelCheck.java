package com.vaticprop.reconciliation.readmodel;

import com.vaticprop.reconciliation.Findings;
import com.vaticprop.reconciliation.ledger.CoreData;

/** One downstream read model compared with core's books for the window's assessments. */
public interface ReadModelCheck {

    /** The name the output uses ("report", "montecarlo", "websocket"). */
    String name();

    void check(CoreData core, Findings findings) throws Exception;
}

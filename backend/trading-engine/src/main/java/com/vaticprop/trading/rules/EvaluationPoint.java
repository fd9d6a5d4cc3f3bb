package com.vaticprop.trading.rules;

/** Why the rules were evaluated; persisted with the check (fills, day rolls and breaches are stored). */
public enum EvaluationPoint {
    PRE_TRADE,
    POST_FILL,
    QUOTE,
    DAY_ROLL,
    TIMER
}

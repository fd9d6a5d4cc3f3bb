package com.vaticprop.deployment.security;

/** Who calls, in the access-control matrix and the fuzzer. */
enum Actor {
    ANONYMOUS, TRADER_A, TRADER_B, ADMIN, SERVICE
}

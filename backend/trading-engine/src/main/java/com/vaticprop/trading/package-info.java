/**
 * Vatic Prop's trading engine: the pure-Java heart that judges paid assessments. No framework, no I/O, no clock and
 * no randomness (enforced by {@code ArchitectureTest}), so a stored list of inputs replays to the same verdict.
 *
 * <p>Entry points:
 * <ul>
 *   <li>{@link com.vaticprop.trading.ruleset.RuleSetValidator} — wire-shaped {@code RuleSetDocument} → validated
 *       {@code RuleSet} or field errors;
 *   <li>{@link com.vaticprop.trading.assessment.AssessmentEngine} — one assessment: orders, quotes, market status,
 *       resolutions, timer ticks and lifecycle commands in, {@code EngineResult} (events + rule checks) out;
 *   <li>{@link com.vaticprop.trading.assessment.Replay} — re-runs stored evidence;
 *   <li>{@link com.vaticprop.trading.rules.Rules} / {@link com.vaticprop.trading.rules.RuleEngine} — the rule
 *       catalogue and its evaluation, usable on any {@code AccountSnapshot};
 *   <li>{@link com.vaticprop.trading.pretrade.PreTradeChecks}, {@link com.vaticprop.trading.order.FillSimulator},
 *       {@link com.vaticprop.trading.account.Account} — the building blocks, usable on their own.
 * </ul>
 * Packages are by feature: {@code ruleset}, {@code instrument}, {@code market}, {@code order}, {@code position},
 * {@code account}, {@code pretrade}, {@code rules}, {@code assessment}; {@code money} holds the rounding policy.
 */
package com.vaticprop.trading;

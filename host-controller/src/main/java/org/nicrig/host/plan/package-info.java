/**
 * Test plans: the typed model a runner executes, and its loader.
 *
 * <p>{@link org.nicrig.host.plan.Plan} holds {@link org.nicrig.host.plan.Step}s, a sealed interface
 * with one record per YAML {@code type:} (traffic, secondary, fault, hot-swap, wait, expect,
 * parallel, probe); {@link org.nicrig.host.plan.Step.Parallel} is how a plan says "these run at
 * the same time". An {@link org.nicrig.host.plan.Step.Expect} step checks
 * {@link org.nicrig.host.plan.Expectation}s: known {@link org.nicrig.host.plan.Measure}s or raw
 * counters against a {@link org.nicrig.host.plan.Limit} ({@code evaluate} gives PASS, MARGINAL or
 * FAIL), or that a member was refused.
 *
 * <p>{@link org.nicrig.host.plan.PlanLoader} reads a plan, cross-checking member and SA names
 * with a rig; {@link org.nicrig.host.plan.Validator} is {@code nicrig validate}. The YAML syntax is
 * described in test-plans/README.md and schemas/plan.schema.json.
 */
package org.nicrig.host.plan;

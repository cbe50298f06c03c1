/**
 * Comparing two firmware images by what the rig saw them do: the runs of the same plans, with the
 * same seed, on the same rig, once per image. {@link org.nicrig.host.compare.Comparer} turns the
 * two sets of run reports into a {@link org.nicrig.host.compare.Comparison} — verdicts side by
 * side, new, fixed and still-failing checks, throughput per cipher suite, fail-over gaps — and a
 * {@link org.nicrig.host.compare.Decision}, GO or NO-GO, with every reason in plain words.
 * {@link org.nicrig.host.compare.ComparisonJsonWriter} and
 * {@link org.nicrig.host.compare.ComparisonHtmlWriter} write it ({@code comparison.json}, described
 * by {@code schemas/comparison.schema.json}, and {@code comparison.html}).
 *
 * <p>Nothing here runs a plan or touches a device: the inputs are plain data, so every rule of the
 * decision is tested on hand-built results.
 */
package org.nicrig.host.compare;

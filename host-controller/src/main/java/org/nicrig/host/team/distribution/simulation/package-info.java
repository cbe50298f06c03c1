/**
 * A deterministic discrete-event simulator for secondary-use distribution: a team of members with
 * IPsec engines of mixed rates, per-job latency, device queue depths (credits), an IMIX-like job
 * stream that keeps the team saturated, the team's own traffic on the engines, and faults and
 * hot-swaps at given virtual times. Same {@link
 * org.nicrig.host.team.distribution.simulation.SimulationConfig} and distributor, same result
 * (design.md invariant 6). Entry point:
 * {@link org.nicrig.host.team.distribution.simulation.DistributionSimulator#run}.
 */
package org.nicrig.host.team.distribution.simulation;

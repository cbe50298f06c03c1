/**
 * Secondary-use job distribution over a team's IPsec engines (patent FIG. 6, claims 1-4).
 *
 * <p>{@link org.nicrig.host.team.distribution.Distributor} is the policy seam the team calls with a
 * {@link org.nicrig.host.team.distribution.MemberLoad} snapshot per member;
 * {@link org.nicrig.host.team.distribution.WorkloadDistributor} is the method,
 * {@link org.nicrig.host.team.distribution.RoundRobinDistributor} and
 * {@link org.nicrig.host.team.distribution.PrimaryOnlyDistributor} the references it is compared
 * with. The {@code simulation} subpackage runs any of them in virtual time.
 */
package org.nicrig.host.team.distribution;

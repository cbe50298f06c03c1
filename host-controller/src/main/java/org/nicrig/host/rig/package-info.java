/**
 * Rigs: which devices form the team, how each is reached, how the team runs, the SAs, the wire
 * and the allow-list. {@link org.nicrig.host.rig.RigLoader} reads a rig file into a
 * {@link org.nicrig.host.rig.Rig}; SA keys stay references ({@link org.nicrig.host.rig.KeyRef})
 * until {@link org.nicrig.host.rig.RigSa#toParams} resolves them for SA_ADD. The YAML syntax is
 * described in rigs/README.md and schemas/rig.schema.json.
 */
package org.nicrig.host.rig;

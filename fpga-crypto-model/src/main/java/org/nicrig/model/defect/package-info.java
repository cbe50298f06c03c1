/**
 * Seeded firmware defects: {@link org.nicrig.model.defect.Defect} names them (engine-level ones
 * act in {@code org.nicrig.model.esp}, device-level ones in the device), and
 * {@link org.nicrig.model.defect.Defects} is a set of them with the seed for their choices.
 * {@code fpga-crypto-model/DEFECTS.md} says how each one shows on the wire.
 */
package org.nicrig.model.defect;

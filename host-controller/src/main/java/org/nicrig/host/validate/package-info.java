/**
 * {@code nicrig validate-firmware}: flash a baseline and a candidate firmware image in turn onto a
 * rig's devices, run the same plans with the same seed on each, and compare
 * ({@link org.nicrig.host.compare}). {@link org.nicrig.host.validate.FirmwareValidation} does the
 * work; {@link org.nicrig.host.validate.RigDevices} is its seam to the devices (IDENTIFY, flash),
 * {@link org.nicrig.host.validate.FirmwareExpectations} changes the rig so it expects the flashed
 * version, without widening its allow-list.
 */
package org.nicrig.host.validate;

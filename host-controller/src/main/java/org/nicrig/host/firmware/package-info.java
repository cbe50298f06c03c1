/**
 * The host's offline firmware tools (firmware-protocol/FIRMWARE-IMAGE.md): Ed25519 key pairs and
 * their files ({@link org.nicrig.host.firmware.KeyFiles}, openssl-compatible PEM), signing and
 * verifying images with Bouncy Castle ({@link org.nicrig.host.firmware.ImageSigner},
 * {@link org.nicrig.host.firmware.ImageVerifier}), reading and writing image files
 * ({@link org.nicrig.host.firmware.ImageFiles}) and the YAML manifest {@code nicrig fw pack}
 * packs ({@link org.nicrig.host.firmware.ManifestReader}).
 */
package org.nicrig.host.firmware;

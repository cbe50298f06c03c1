/**
 * Firmware on the host (firmware-protocol/FIRMWARE-IMAGE.md).
 *
 * <p>Offline tools: Ed25519 key pairs and their files ({@link org.nicrig.host.firmware.KeyFiles},
 * openssl-compatible PEM), signing and verifying images with Bouncy Castle
 * ({@link org.nicrig.host.firmware.ImageSigner}, {@link org.nicrig.host.firmware.ImageVerifier}),
 * reading and writing image files ({@link org.nicrig.host.firmware.ImageFiles}) and the YAML
 * manifest {@code nicrig fw pack} packs ({@link org.nicrig.host.firmware.ManifestReader}).
 *
 * <p>Flashing an image onto one device over FW_BEGIN / FW_CHUNK / FW_COMMIT / FW_ACTIVATE
 * (PROTOCOL.md §5.21): {@link org.nicrig.host.firmware.FirmwareFlasher}, its result
 * {@link org.nicrig.host.firmware.FlashResult} (ACTIVATED or FELL_BACK), progress through
 * {@link org.nicrig.host.firmware.FlashListener}, and typed failures:
 * {@link org.nicrig.host.firmware.FirmwareRefusedException} (the device, or the host's precheck,
 * said no, with the phase and the ErrorCode) and
 * {@link org.nicrig.host.firmware.FirmwareDeviceLostException} (the device vanished or fell
 * silent mid-flash).
 */
package org.nicrig.host.firmware;

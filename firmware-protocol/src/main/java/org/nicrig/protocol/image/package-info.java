/**
 * The signed firmware image (FIRMWARE-IMAGE.md): its header and manifest, payload and signature
 * trailer, parsed and written without cryptography of its own beyond SHA-256 — the host signs
 * with Bouncy Castle and the device model verifies with the JDK, so neither checks itself.
 */
package org.nicrig.protocol.image;

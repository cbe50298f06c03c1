/**
 * The device model's ESP engine (RFC 4303) for IPv4, on the JDK's JCE only.
 *
 * <p>A caller (the device) uses four types:
 * <ul>
 * <li>{@link org.nicrig.model.esp.EspSa#create(org.nicrig.protocol.message.SaParams, org.nicrig.model.defect.Defects)}
 *     turns SA_ADD parameters into runtime state (keyed JCE objects, sequence counter, replay
 *     window), or throws {@link org.nicrig.model.esp.InvalidSaException} with a reason;</li>
 * <li>{@link org.nicrig.model.esp.EspProcessor} ({@code secure()} or {@code seeded(seed)}) applies
 *     any SA: {@code encrypt(sa, ipv4Packet, fixedIvOrNull)}, {@code decrypt(sa, espPacket)},
 *     {@code selfTest(cipher, integrity, key, authKey, iv, data)};</li>
 * <li>{@link org.nicrig.model.esp.EspResult} is every outcome: a {@code JobStatus}, the output
 *     packet or null, the sequence number, and a reason that never holds key bytes;</li>
 * <li>{@link org.nicrig.model.esp.EspSuite} describes a cipher + integrity pair (sizes, JCE names).</li>
 * </ul>
 */
package org.nicrig.model.esp;

package org.nicrig.host.cli;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;
import org.nicrig.host.admission.AdmissionResult;
import org.nicrig.protocol.message.Capabilities;
import org.nicrig.protocol.message.IdentifyReply;
import org.nicrig.protocol.message.PciIdentity;

/**
 * One device as {@code nicrig probe} found it: what it said in IDENTIFY and what admission made of
 * it (patent op. 300: allow-list; op. 302: self-test), or why it could not be reached.
 *
 * @param status {@code admitted}, {@code refused}, {@code unexpected} (admitted, but not the
 *               identity the rig expects: a cable in the wrong port) or {@code unreachable}
 */
record ProbeRow(String name, String transport, String pci, String firmware, String mac, String engine, String ciphers,
                String credits, String status, String verified, String secondaryUse, String reason) {

    static final List<String> HEADER = List.of("NAME", "TRANSPORT", "PCI", "FIRMWARE", "MAC", "ENGINE", "CIPHERS",
            "CREDITS", "ADMITTED", "VERIFIED", "SECONDARY", "REASON");

    ProbeRow {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(reason, "reason");
    }

    static ProbeRow unreachable(String name, String transport, String error) {
        return new ProbeRow(name, transport, "-", "-", "-", "-", "-", "-", "unreachable", "-", "-", error);
    }

    /** @param mismatch how the identity differs from the rig's {@code expect:}, or null */
    static ProbeRow of(String name, String transport, IdentifyReply id, AdmissionResult a, String mismatch) {
        Capabilities caps = id.capabilities();
        String status = !a.admitted() ? "refused" : mismatch != null ? "unexpected" : "admitted";
        String reason = a.reason();
        if (mismatch != null) {
            reason = (reason.isEmpty() ? "" : reason + "; ") + "not the device the rig expects: " + mismatch;
        }
        return new ProbeRow(name, transport, pci(id.pci()), id.firmware().toString(), id.mac().toString(),
                caps.engine() ? "yes" : "no", ciphers(caps), String.valueOf(caps.credits()), status,
                !caps.engine() || !a.admitted() ? "-" : yesNo(a.engineVerified()),
                !caps.engine() || !a.admitted() ? "-" : yesNo(a.secondaryUse()), reason);
    }

    /** Admitted, and the identity the rig expects. */
    boolean ok() {
        return status.equals("admitted");
    }

    List<String> cells() {
        return List.of(name, transport, pci, firmware, mac, engine, ciphers, credits, status, verified, secondaryUse,
                reason);
    }

    private static String pci(PciIdentity p) {
        return String.format("%04x:%04x rev %02x", p.vendorId(), p.deviceId(), p.revision());
    }

    /** As rigs spell them: aes-128-cbc, triple-des-cbc. */
    private static String ciphers(Capabilities caps) {
        if (caps.ciphers().isEmpty()) {
            return "-";
        }
        return caps.ciphers().stream().map(c -> c.name().toLowerCase(Locale.ROOT).replace('_', '-'))
                .collect(Collectors.joining(","));
    }

    private static String yesNo(boolean b) {
        return b ? "yes" : "no";
    }
}

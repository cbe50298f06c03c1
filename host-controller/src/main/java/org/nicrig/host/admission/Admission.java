package org.nicrig.host.admission;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.nicrig.host.session.DeviceSession;
import org.nicrig.host.session.SessionException;
import org.nicrig.host.verify.SelfTestReference;
import org.nicrig.protocol.message.Bytes;
import org.nicrig.protocol.message.Capabilities;
import org.nicrig.protocol.message.Cipher;
import org.nicrig.protocol.message.IdentifyReply;
import org.nicrig.protocol.message.Integrity;
import org.nicrig.protocol.message.KeyBytes;
import org.nicrig.protocol.message.SelfTest;
import org.nicrig.protocol.message.SelfTestReply;

/**
 * Patent ops 300–302 for one member: identify it, admit it only if its identity is on the
 * allow-list (and its EEPROM checksum is right, as the e100 driver insists), and trust its engine
 * only after a self-test the host judges with its own Bouncy Castle reference — one per cipher
 * the device claims, with key, IV and data the host picks fresh, so a stored answer cannot pass.
 */
public final class Admission {
    private final AllowList allowList;
    private final SplittableRandom random;

    /** @param seed makes the self-test challenges reproducible (printed with the run) */
    public Admission(AllowList allowList, long seed) {
        this.allowList = allowList;
        this.random = new SplittableRandom(seed);
    }

    /** Admits on the identity the session learnt when it opened. */
    public AdmissionResult admit(String member, DeviceSession session) {
        return admit(member, session, session.identity());
    }

    public AdmissionResult admit(String member, DeviceSession session, IdentifyReply id) {
        String refusal = allowList.refusal(id);
        if (refusal != null) {
            return AdmissionResult.refused(member, id, id.pci() + " firmware " + id.firmware() + " " + refusal);
        }
        if (!id.eepromChecksumOk()) {
            return AdmissionResult.refused(member, id, "EEPROM checksum bad (words do not sum to 0xBABA)");
        }
        Capabilities caps = id.capabilities();
        if (!caps.engine()) {
            return new AdmissionResult(member, id, true, false, false, "");
        }
        List<String> failures = new ArrayList<>();
        for (Cipher cipher : caps.ciphers()) {
            Integrity integrity = integrityFor(cipher, caps.integrities());
            if (integrity == null) {
                failures.add(cipher + ": claims no integrity transform to pair it with");
                continue;
            }
            String failure = selfTest(session, cipher, integrity);
            if (failure != null) {
                failures.add(failure);
            }
        }
        if (caps.ciphers().isEmpty()) {
            failures.add("claims an engine but no cipher");
        }
        if (!failures.isEmpty()) {
            return new AdmissionResult(member, id, true, false, false,
                    "engine not trusted: self-test failed: " + String.join("; ", failures));
        }
        return new AdmissionResult(member, id, true, true, caps.secondaryUse(),
                caps.secondaryUse() ? "" : "engine verified, but the device does not grant secondary use");
    }

    /**
     * Runs the self-tests again on an admitted member (to see whether a failed engine is back).
     * Null when every claimed cipher answers right, else what failed.
     */
    public String recheckEngine(DeviceSession session) {
        Capabilities caps = session.identity().capabilities();
        for (Cipher cipher : caps.ciphers()) {
            Integrity integrity = integrityFor(cipher, caps.integrities());
            if (integrity == null) {
                continue;
            }
            String failure = selfTest(session, cipher, integrity);
            if (failure != null) {
                return failure;
            }
        }
        return null;
    }

    private static Integrity integrityFor(Cipher cipher, List<Integrity> offered) {
        if (cipher.isAead()) {
            return offered.contains(Integrity.NONE) || offered.isEmpty() ? Integrity.NONE : null;
        }
        return offered.stream().filter(i -> i != Integrity.NONE).findFirst().orElse(null);
    }

    /** Null when the engine's answer equals the reference's. */
    private synchronized String selfTest(DeviceSession session, Cipher cipher, Integrity integrity) {
        KeyBytes key = KeyBytes.of(bytes(cipher.keyMaterialLength()));
        KeyBytes authKey = KeyBytes.of(bytes(integrity.keyLength()));
        byte[] iv = bytes(cipher.ivLength());
        byte[] data = bytes(4 * 16);
        byte[] expected = SelfTestReference.answer(cipher, integrity, key, authKey, iv, data);
        String suite = cipher + "/" + integrity;
        try {
            SelfTestReply reply = (SelfTestReply) session.call(
                    new SelfTest(cipher, integrity, key, authKey, Bytes.wrap(iv), Bytes.wrap(data)));
            byte[] got = reply.output().toArray();
            if (Arrays.equals(got, expected)) {
                return null;
            }
            int at = Arrays.mismatch(got, expected);
            return suite + ": wrong answer (" + got.length + " bytes, expected " + expected.length
                    + ", first difference at byte " + at + ")";
        } catch (SessionException e) {
            return suite + ": " + e.getMessage();
        }
    }

    private byte[] bytes(int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) random.nextInt(256);
        }
        return b;
    }
}

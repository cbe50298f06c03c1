package org.nicrig.protocol.codec;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nicrig.protocol.message.*;

/**
 * The messages behind {@code golden-frames.txt}, by name: one per message type and form (every
 * request, every response including each ACK, every event, error replies). GoldenFramesTest
 * decodes each golden frame and compares it with the entry here; MessageCodecTest round-trips
 * each entry. Values are chosen to be recognisable in a hex dump: documentation addresses
 * (RFC 5737), an Intel OUI, and where crypto appears, published vectors (cited per entry).
 */
public final class GoldenMessages {
    private GoldenMessages() {
    }

    /** 192.0.2.1 -> 198.51.100.2, UDP 1024 -> 7, payload "ping"; header checksum 0x8e95. */
    public static final Bytes IPV4_UDP = Bytes.fromHex("450000200001000040118e95c0000201c6336402" + "04000007000c0000" + "70696e67");
    /**
     * An ESP packet (protocol 50) 192.0.2.1 -> 198.51.100.2 for SPI 0x00001001, sequence 1: 16-byte
     * IV, 32 bytes of ciphertext, 12-byte ICV. The bytes after the ESP header are placeholders
     * (a repeating pattern), not a real encryption: the codec carries them, it does not read them.
     */
    public static final Bytes ESP_PACKET = Bytes.fromHex("450000580001000040328e3cc0000201c6336402" + "0000100100000001"
            + "101112131415161718191a1b1c1d1e1f" + "a0a1a2a3a4a5a6a7a8a9aaabacadaeafb0b1b2b3b4b5b6b7b8b9babbbcbdbebf"
            + "c0c1c2c3c4c5c6c7c8c9cacb");
    public static final MacAddress DEVICE_MAC = MacAddress.parse("00:90:27:0a:0b:0c");
    public static final MacAddress PEER_MAC = MacAddress.parse("00:1b:21:3c:4d:5e");
    /** Ethernet II: destination, source, EtherType 0x0800, then the IPv4/UDP packet. */
    public static final Bytes ETHERNET_FRAME = Bytes.fromHex("001b213c4d5e" + "0090270a0b0c" + "0800" + IPV4_UDP.hex());

    /** RFC 3602 §4, Case #1 (AES-128-CBC): key, IV, plaintext "Single block msg", ciphertext. */
    public static final KeyBytes RFC3602_KEY = KeyBytes.fromHex("06a9214036b8a15b512e03d534120006");
    public static final Bytes RFC3602_IV = Bytes.fromHex("3dafba429d9eb430b422da802c9fac41");
    public static final Bytes RFC3602_PLAINTEXT = Bytes.fromHex("53696e676c6520626c6f636b206d7367");
    public static final Bytes RFC3602_CIPHERTEXT = Bytes.fromHex("e353779c1079aeb82708942dbe77181a");
    /** An HMAC key of 20 bytes of 0x0b (the key of RFC 2202 test case 1, used here only as a key). */
    public static final KeyBytes HMAC_KEY = KeyBytes.fromHex("0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b");
    /**
     * HMAC-SHA1-96(HMAC_KEY, RFC3602_IV || RFC3602_CIPHERTEXT), computed (Python hmac) when the
     * golden file was written; GoldenFramesTest recomputes it with the JDK's HmacSHA1.
     */
    public static final Bytes SELF_TEST_ICV = Bytes.fromHex("fa743e492b51fb5216297f3b");

    /**
     * "The Galois/Counter Mode of Operation (GCM)", McGrew and Viega, Appendix B, Test Case 3:
     * K, IV = cafebabe || facedbaddecaf888, P (64 bytes), no AAD, C and T. In RFC 4106 terms the
     * first four IV bytes are the salt, carried after the key.
     */
    public static final KeyBytes GCM_KEY_AND_SALT = KeyBytes.fromHex("feffe9928665731c6d6a8f9467308308" + "cafebabe");
    public static final Bytes GCM_IV = Bytes.fromHex("facedbaddecaf888");
    public static final Bytes GCM_PLAINTEXT = Bytes.fromHex("d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a72"
            + "1c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b391aafd255");
    public static final Bytes GCM_CIPHERTEXT_AND_TAG = Bytes.fromHex("42831ec2217774244b7221b784d0d49ce3aa212f2c02a4e035c17e2329aca12e"
            + "21d514b25466931c7d8f6a5aac84aa051ba30b396a0aac973d58e091473f5985" + "4d5c2af327cd64a62cf35abd2ba6fab4");

    /**
     * A host-assigned ESP sequence number past 2^32 (RFC 4303 §2.2.1 extended sequence numbers):
     * high half 1, low half 2, so the u64's two halves are told apart in a hex dump.
     */
    public static final long HOST_SEQUENCE = 0x0000_0001_0000_0002L;

    /** One golden frame: its name in the file, the meaning written beside it, and the message. */
    public record Entry(String name, String meaning, Envelope envelope) {
    }

    public static final List<Entry> ALL = build();

    public static Map<String, Entry> byName() {
        Map<String, Entry> m = new LinkedHashMap<>();
        for (Entry e : ALL) {
            m.put(e.name(), e);
        }
        return m;
    }

    private static List<Entry> build() {
        SaParams sa = new SaParams(0x0000_1001L, Direction.OUTBOUND, EspMode.TUNNEL, Cipher.AES_128_CBC,
                Integrity.HMAC_SHA1_96, false, 64, 0xC000_0201, 0xC633_6402, RFC3602_KEY, HMAC_KEY);
        Capabilities caps = new Capabilities(true, true, 16, 9216, 8,
                List.of(Cipher.TRIPLE_DES_CBC, Cipher.AES_128_CBC, Cipher.AES_256_CBC, Cipher.AES_128_GCM_16),
                List.of(Integrity.HMAC_SHA1_96, Integrity.HMAC_SHA2_256_128, Integrity.NONE), 12_500_000);
        IdentifyReply identity = new IdentifyReply(new PciIdentity(0x8086, 0x1229, 0x08, 0x8086, 0x000C), DEVICE_MAC,
                new FirmwareVersion(2, 1, 7), true, 100, caps);
        return List.of(
                // ---- requests (host -> device)
                e("hello-request", "HELLO request, seq 1: host speaks versions 1..1 (always a version-1 frame)",
                        1, new Hello(1, 1)),
                e("identify-request", "IDENTIFY request, seq 2, empty payload", 2, new Identify()),
                e("self-test-request", "SELF_TEST request, seq 3: AES-128-CBC (id 12, 128 bits) + HMAC-SHA1-96 (id 2);"
                        + " key, IV and data of RFC 3602 §4 Case #1, authKey 20 x 0x0b",
                        3, new SelfTest(Cipher.AES_128_CBC, Integrity.HMAC_SHA1_96, RFC3602_KEY, HMAC_KEY, RFC3602_IV,
                                RFC3602_PLAINTEXT)),
                e("self-test-request-gcm", "SELF_TEST request, seq 4: AES-128-GCM-16 (id 20, 128 bits), integrity NONE (id 0);"
                        + " key = K || salt and iv of GCM spec Test Case 3, no authKey",
                        4, new SelfTest(Cipher.AES_128_GCM_16, Integrity.NONE, GCM_KEY_AND_SALT, KeyBytes.NONE, GCM_IV,
                                GCM_PLAINTEXT)),
                e("heartbeat-request", "HEARTBEAT request, seq 5, nonce 0xcafef00d", 5, new Heartbeat(0xCAFE_F00DL)),
                e("reset-request", "RESET request, seq 6, empty payload", 6, new Reset()),
                e("stats-request", "STATS request, seq 7, empty payload", 7, new GetStats()),
                e("sa-add-request", "SA_ADD request, seq 8: slot 3, SPI 0x00001001, flags outbound|tunnel, AES-128-CBC,"
                        + " HMAC-SHA1-96, replay window 64, tunnel 192.0.2.1 -> 198.51.100.2, 16-byte key, 20-byte authKey",
                        8, new SaAdd(3, sa)),
                e("sa-delete-request", "SA_DELETE request, seq 9: slot 3", 9, new SaDelete(3)),
                e("encrypt-job-request", "ENCRYPT_JOB request, seq 10: job 0x00000101, slot 3, RETURN, no fixed IV,"
                        + " 32-byte IPv4/UDP packet", 10, EncryptJob.returning(0x101, 3, IPV4_UDP)),
                e("encrypt-job-request-transmit", "ENCRYPT_JOB request, seq 11: job 0x00000102, slot 3, TRANSMIT to"
                        + " 00:1b:21:3c:4d:5e, fixed IV of 16 bytes (RFC 3602 Case #1 IV), 32-byte IPv4/UDP packet",
                        11, new EncryptJob(0x102, 3, Disposition.TRANSMIT, PEER_MAC, RFC3602_IV, IPV4_UDP)),
                e("encrypt-job-request-host-sequence", "ENCRYPT_JOB request, seq 28: job 0x00000104, slot 3, TRANSMIT to"
                        + " 00:1b:21:3c:4d:5e, host sequence number 0x0000000100000002 (ESN: high half 1, low half 2),"
                        + " fixed IV of 16 bytes (RFC 3602 Case #1 IV), 32-byte IPv4/UDP packet",
                        28, new EncryptJob(0x104, 3, Disposition.TRANSMIT, PEER_MAC, RFC3602_IV, IPV4_UDP, HOST_SEQUENCE)),
                e("decrypt-job-request", "DECRYPT_JOB request, seq 12: job 0x00000103, slot 4, 88-byte ESP packet",
                        12, new DecryptJob(0x103, 4, ESP_PACKET)),
                e("transmit-request", "TRANSMIT request, seq 13: a 46-byte Ethernet II frame to send as it is",
                        13, new Transmit(ETHERNET_FRAME)),
                e("set-mac-request", "SET_MAC request, seq 14: take 00:1b:21:3c:4d:5e", 14, new SetMac(PEER_MAC)),
                e("restore-mac-request", "RESTORE_MAC request, seq 15, empty payload", 15, new RestoreMac()),
                e("reg-read-request", "REG_READ request, seq 16: address 0x0000000c", 16, new RegRead(0x0C)),
                e("reg-write-request", "REG_WRITE request, seq 17: address 0x0000000c := 0x00000001", 17, new RegWrite(0x0C, 1)),
                e("eeprom-read-request", "EEPROM_READ request, seq 18: 3 words from word 0 (the MAC address)",
                        18, new EepromRead(0, 3)),
                e("eeprom-write-request", "EEPROM_WRITE request, seq 19: words 0x0a..0x0b := 0x1234, 0x5678",
                        19, new EepromWrite(0x0A, List.of(0x1234, 0x5678))),
                e("fw-begin-request", "FW_BEGIN request, seq 20: image of 65536 bytes, 32-byte digest 0x01..0x20",
                        20, new FwBegin(65536, Bytes.fromHex("0102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f20"))),
                e("fw-chunk-request", "FW_CHUNK request, seq 21: offset 0, 8 bytes", 21,
                        new FwChunk(0, Bytes.fromHex("4e4943524947fa01"))),
                e("fw-commit-request", "FW_COMMIT request, seq 22, empty payload", 22, new FwCommit()),
                e("fw-activate-request", "FW_ACTIVATE request, seq 23, empty payload", 23, new FwActivate()),
                e("fault-request", "FAULT request (emulator only), seq 24: GARBLE at 1000 ppm for 5000 ms",
                        24, new InjectFault(FaultKind.GARBLE, 1000, Duration.ofMillis(5000))),

                // ---- responses (device -> host), each echoing its request's sequence number
                e("hello-reply", "HELLO response, seq 1: version 1 chosen, device accepts payloads up to 16384 bytes",
                        1, new HelloReply(1, 16384)),
                e("identify-reply", "IDENTIFY response, seq 2: PCI 8086:1229 rev 08, subsystem 8086:000c, MAC"
                        + " 00:90:27:0a:0b:0c, firmware 2.1.7, flags eepromOk|engine|secondaryUse, link 100 Mb/s, 16 SAs,"
                        + " jobs up to 9216 bytes, 8 credits, ciphers 3DES-CBC/AES-128-CBC/AES-256-CBC/AES-128-GCM-16,"
                        + " integrity HMAC-SHA1-96/HMAC-SHA2-256-128/NONE, engine rate 12500000 bytes/s (100 Mb/s)", 2, identity),
                e("self-test-reply", "SELF_TEST response, seq 3: C (RFC 3602 Case #1 ciphertext) || ICV"
                        + " (HMAC-SHA1(authKey, iv || C) truncated to 12 bytes)",
                        3, new SelfTestReply(Bytes.fromHex(RFC3602_CIPHERTEXT.hex() + SELF_TEST_ICV.hex()))),
                e("self-test-reply-gcm", "SELF_TEST response, seq 4: C || T of GCM spec Test Case 3 (64 + 16 bytes)",
                        4, new SelfTestReply(GCM_CIPHERTEXT_AND_TAG)),
                e("heartbeat-reply", "HEARTBEAT response, seq 5: nonce 0xcafef00d, 6 credits free, up 123456 ms",
                        5, new HeartbeatReply(0xCAFE_F00DL, 6, 123456)),
                e("reset-ack", "RESET response (ACK), seq 6, empty payload", 6, new Ack(MessageType.RESET)),
                e("stats-reply", "STATS response, seq 7: jobs.encrypted=1000, jobs.decrypted=998, frames.bad=2",
                        7, new StatsReply(List.of(new Counter("jobs.encrypted", 1000), new Counter("jobs.decrypted", 998),
                                new Counter("frames.bad", 2)))),
                e("sa-add-ack", "SA_ADD response (ACK), seq 8", 8, new Ack(MessageType.SA_ADD)),
                e("sa-delete-ack", "SA_DELETE response (ACK), seq 9", 9, new Ack(MessageType.SA_DELETE)),
                e("job-result-ok", "JOB_RESULT response to ENCRYPT_JOB seq 10: job 0x00000101, status OK, ESP sequence"
                        + " number 1, output the 88-byte ESP packet (placeholder bytes after the ESP header)",
                        10, JobResult.ok(0x101, 1, ESP_PACKET)),
                e("job-result-failed", "JOB_RESULT response to DECRYPT_JOB seq 12: job 0x00000103, status ICV_MISMATCH (1),"
                        + " ESP sequence number 1, reason \"icv mismatch\"",
                        12, JobResult.failed(0x103, JobStatus.ICV_MISMATCH, 1, "icv mismatch")),
                e("job-result-link-down", "JOB_RESULT response to ENCRYPT_JOB seq 28: job 0x00000104, status LINK_DOWN (9),"
                        + " ESP sequence number 0x0000000100000002 (used: the packet was encrypted), reason \"link down\","
                        + " no output",
                        28, JobResult.failed(0x104, JobStatus.LINK_DOWN, HOST_SEQUENCE, "link down")),
                e("transmit-ack", "TRANSMIT response (ACK), seq 13", 13, new Ack(MessageType.TRANSMIT)),
                e("set-mac-ack", "SET_MAC response (ACK), seq 14", 14, new Ack(MessageType.SET_MAC)),
                e("restore-mac-ack", "RESTORE_MAC response (ACK), seq 15", 15, new Ack(MessageType.RESTORE_MAC)),
                e("reg-read-reply", "REG_READ response, seq 16: address 0x0000000c holds 0x00000001", 16, new RegValue(0x0C, 1)),
                e("reg-write-ack", "REG_WRITE response (ACK), seq 17", 17, new Ack(MessageType.REG_WRITE)),
                e("eeprom-read-reply", "EEPROM_READ response, seq 18: from word 0, 3 words 0x9000 0x0a27 0x0c0b"
                        + " (MAC 00:90:27:0a:0b:0c, low byte first in each word as the 82559 stores it)",
                        18, new EepromData(0, List.of(0x9000, 0x0A27, 0x0C0B))),
                e("eeprom-write-ack", "EEPROM_WRITE response (ACK), seq 19", 19, new Ack(MessageType.EEPROM_WRITE)),
                e("fw-begin-ack", "FW_BEGIN response (ACK), seq 20", 20, new Ack(MessageType.FW_BEGIN)),
                e("fw-chunk-ack", "FW_CHUNK response (ACK), seq 21", 21, new Ack(MessageType.FW_CHUNK)),
                e("fw-commit-ack", "FW_COMMIT response (ACK), seq 22", 22, new Ack(MessageType.FW_COMMIT)),
                e("fw-activate-ack", "FW_ACTIVATE response (ACK), seq 23", 23, new Ack(MessageType.FW_ACTIVATE)),
                e("fault-ack", "FAULT response (ACK), seq 24", 24, new Ack(MessageType.FAULT)),
                e("error-reply", "error reply to ENCRYPT_JOB seq 25: type 0x20 with the error flag, code NO_CREDITS (5),"
                        + " detail \"8 jobs outstanding\"",
                        25, new ErrorReply(MessageType.ENCRYPT_JOB, ErrorCode.NO_CREDITS, "8 jobs outstanding")),
                e("error-reply-hello", "error reply to HELLO seq 26 (a version-1 frame): code UNSUPPORTED_VERSION (1),"
                        + " detail \"speaks 2..3\"",
                        26, new ErrorReply(MessageType.HELLO, ErrorCode.UNSUPPORTED_VERSION, "speaks 2..3")),
                e("error-reply-unknown-type", "error reply to a request of unknown type 0x99, seq 27: type 0x99 with the"
                        + " error flag, code UNKNOWN_TYPE (2), empty detail",
                        27, new ErrorReply(0x99, ErrorCode.UNKNOWN_TYPE, "")),
                e("error-reply-link-down", "error reply to TRANSMIT seq 29: type 0x30 with the error flag, code LINK_DOWN"
                        + " (16), detail \"link down\"",
                        29, new ErrorReply(MessageType.TRANSMIT, ErrorCode.LINK_DOWN, "link down")),

                // ---- events (device -> host), in the device's own sequence space from 0
                e("reset-event", "RESET event, event seq 0: cause POWER_ON (0)", 0, new DeviceReset(ResetCause.POWER_ON)),
                e("link-event", "LINK event, event seq 1: link up at 100 Mb/s", 1, new LinkChange(true, 100)),
                e("frame-received-event", "FRAME_RECEIVED event, event seq 2: decrypted by the device with the SA in"
                        + " slot 4, status OK, the 46-byte Ethernet frame holding the plaintext packet",
                        2, new FrameReceived(true, JobStatus.OK, 4, ETHERNET_FRAME)),
                e("error-event", "ERROR event (type 0x7f), event seq 3: code BAD_FRAME (12), detail \"bad CRC\"",
                        3, new DeviceError(ErrorCode.BAD_FRAME, "bad CRC")));
    }

    private static Entry e(String name, String meaning, long sequence, Message message) {
        return new Entry(name, meaning, new Envelope(sequence, message));
    }
}

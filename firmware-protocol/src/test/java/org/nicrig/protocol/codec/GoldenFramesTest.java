package org.nicrig.protocol.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.nicrig.protocol.frame.FrameEncoder;
import org.nicrig.protocol.frame.TestFrames;
import org.nicrig.protocol.message.*;

/**
 * {@code golden-frames.txt} against the codec and against the spec.
 *
 * <p>Three frames checked by hand against PROTOCOL.md, field by field (the CRCs with a bitwise
 * CRC-32C written from §2.4 in Python, which also gives 0xE3069283 for "123456789" and the four
 * RFC 3720 Appendix B.4 values):
 *
 * <pre>
 * hello-request   frame 10 01 00 00 00 01 00 02 | 01 01 | 0c e1 d6 ea
 *   10 = version 1 (high nibble), reserved 0, error 0, kind 0 = request; 01 = HELLO;
 *   00 00 00 01 = sequence 1; 00 02 = payload length 2; payload minVersion 1, maxVersion 1;
 *   CRC-32C(10 01 00 00 00 01 00 02 01 01) = 0x0ce1d6ea, sent most significant byte first.
 *   COBS: zeros at frame offsets 2, 3, 4, 6 split it into blocks
 *     [10 01] -> 03 10 01;  [] -> 01;  [] -> 01;  [01] -> 02 01;
 *     [02 01 01 0c e1 d6 ea] (last, no zero after it) -> 08 02 01 01 0c e1 d6 ea
 *   wire: 00 03 10 01 01 01 02 01 08 02 01 01 0c e1 d6 ea 00   (= the file's hex line)
 *
 * heartbeat-request   frame 10 04 00 00 00 05 00 04 | ca fe f0 0d | 36 23 05 c5
 *   10 = v1 request; 04 = HEARTBEAT; sequence 5; length 4; nonce 0xcafef00d;
 *   CRC-32C(10 04 00 00 00 05 00 04 ca fe f0 0d) = 0x362305c5.
 *   COBS: [10 04] -> 03 10 04; [] -> 01; [] -> 01; [05] -> 02 05;
 *     [04 ca fe f0 0d 36 23 05 c5] -> 0a 04 ca fe f0 0d 36 23 05 c5
 *   wire: 00 03 10 04 01 01 02 05 0a 04 ca fe f0 0d 36 23 05 c5 00   (= the file's hex line)
 *
 * encrypt-job-request-host-sequence   (§5.9, every optional field)
 *   header 10 20 00 00 00 1c 00 46: v1 request; 20 = ENCRYPT_JOB; sequence 28; payload length 0x46 = 70
 *   payload offset  0  00 00 01 04               jobId 0x104
 *                   4  00 03                     slot 3
 *                   6  07                        flags: bit 0 TRANSMIT, bit 1 fixed IV, bit 2 host sequence number
 *                   7  00 1b 21 3c 4d 5e         destination (present: bit 0), PEER_MAC
 *                  13  00 00 00 01 00 00 00 02   sequenceNumber (present: bit 2), u64 big-endian = 0x0000000100000002
 *                                                  = 2^32 + 2: ESN high half 1, low half 2; after the MAC, before the IV
 *                  21  10                        fixedIv length 16 (present: bit 1)
 *                  22  3d af ba 42 .. 2c 9f ac 41  fixedIv, RFC 3602 §4 Case #1 IV
 *                  38  45 00 00 20 .. 70 69 6e 67  packet, 32 bytes (IPV4_UDP), to the end: 38 + 32 = 70 = the length
 *   CRC-32C over the 78 bytes of header and payload = 0x8257cfb8, trailer 82 57 cf b8.
 *   COBS: [10 20] -> 03 10 20; [] -> 01; [] -> 01; [1c] -> 02 1c; [46] -> 02 46; [] -> 01;
 *     [01 04] -> 03 01 04; [03 07] -> 03 03 07; [1b 21 3c 4d 5e] -> 06 ..; [] -> 01; [] -> 01;
 *     [01] -> 02 01; [] -> 01; [] -> 01; [02 10 3d .. ac 41 45] (19 bytes) -> 14 ..; [] -> 01;
 *     [20] -> 02 20; [01] -> 02 01; [] -> 01; [40 11 8e 95 c0] -> 06 ..; [02 01 c6 33 64 02 04] -> 08 ..;
 *     [] -> 01; [07] -> 02 07; [0c] -> 02 0c; [] -> 01; [70 69 6e 67 82 57 cf b8] (last) -> 09 ..
 *   wire: 00 03 10 20 01 01 02 1c 02 46 01 03 01 04 03 03 07 06 1b 21 3c 4d 5e 01 01 02 01 01 01 14 02 10
 *         3d af ba 42 9d 9e b4 30 b4 22 da 80 2c 9f ac 41 45 01 02 20 02 01 01 06 40 11 8e 95 c0 08 02 01
 *         c6 33 64 02 04 01 02 07 02 0c 01 09 70 69 6e 67 82 57 cf b8 00   (= the file's hex line)
 * </pre>
 *
 * Every other frame was checked by a script for the same three things (header byte, CRC over
 * header and payload, COBS between two delimiters) and read against the layout tables.
 */
class GoldenFramesTest {

    record Golden(String name, String meaning, byte[] frame, byte[] wire) {
    }

    static final Map<String, Golden> FILE = new LinkedHashMap<>();

    @BeforeAll
    static void load() throws IOException {
        try (InputStream in = GoldenFramesTest.class.getResourceAsStream("/golden-frames.txt")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            String name = null;
            String meaning = null;
            byte[] frame = null;
            for (String line : text.split("\n")) {
                if (line.startsWith("##") || line.isBlank()) {
                    continue;
                }
                if (line.startsWith("# ")) {
                    name = line.substring(2).trim();
                } else if (line.startsWith("meaning: ")) {
                    meaning = line.substring(9);
                } else if (line.startsWith("frame: ")) {
                    frame = hex(line.substring(7));
                } else if (line.startsWith("hex: ")) {
                    assertThat(FILE).as("duplicate name %s", name).doesNotContainKey(name);
                    FILE.put(name, new Golden(name, meaning, frame, hex(line.substring(5))));
                    name = null;
                    meaning = null;
                    frame = null;
                } else {
                    throw new AssertionError("unexpected line in golden-frames.txt: " + line);
                }
            }
        }
    }

    private static byte[] hex(String s) {
        return HexFormat.of().parseHex(s.replace(" ", ""));
    }

    @Test
    void theFileAndTheTableNameTheSameFramesInTheSameOrder() {
        assertThat(FILE.keySet()).containsExactlyElementsOf(GoldenMessages.byName().keySet());
        GoldenMessages.ALL.forEach(e -> assertThat(FILE.get(e.name()).meaning()).isEqualTo(e.meaning()));
    }

    @TestFactory
    List<DynamicTest> eachFrameDecodesToItsMessageAndReEncodesToItsBytes() {
        List<DynamicTest> tests = new ArrayList<>();
        MessageCodec codec = new MessageCodec();
        for (GoldenMessages.Entry e : GoldenMessages.ALL) {
            tests.add(DynamicTest.dynamicTest(e.name(), () -> {
                Golden g = FILE.get(e.name());
                MessageRecorder r = MessageRecorder.feed(g.wire());
                assertThat(r.errors()).isEmpty();
                assertThat(r.messages()).containsExactly(e.envelope());
                assertThat(new FrameEncoder().encode(codec.encode(e.envelope()))).isEqualTo(g.wire());
            }));
        }
        return tests;
    }

    /** The frame line is the wire line without COBS, and its CRC is right, by the test's own COBS and CRC. */
    @TestFactory
    List<DynamicTest> eachFrameLineIsTheDecodedWireLineWithAValidCrc() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Golden g : FILE.values()) {
            tests.add(DynamicTest.dynamicTest(g.name(), () -> {
                byte[] w = g.wire();
                assertThat(w[0]).isZero();
                assertThat(w[w.length - 1]).isZero();
                assertThat(Arrays.copyOfRange(w, 1, w.length - 1)).doesNotContain((byte) 0);
                assertThat(TestFrames.uncobs(w, 1, w.length - 1)).isEqualTo(g.frame());
                byte[] f = g.frame();
                assertThat(((f[6] & 0xFF) << 8) | (f[7] & 0xFF)).as("length field").isEqualTo(f.length - 12);
                assertThat(TestFrames.withCrc(f.clone())).as("CRC").isEqualTo(f);
                assertThat(f[0] >>> 4).as("version").isEqualTo(1);
            }));
        }
        return tests;
    }

    @Test
    void theWholeFileAsOneStreamYieldsEveryMessageInOrderAtItsOffset() {
        byte[] stream = TestFrames.concat(FILE.values().stream().map(Golden::wire).toArray(byte[][]::new));
        MessageRecorder r = MessageRecorder.feed(stream);

        assertThat(r.errors()).isEmpty();
        assertThat(r.messages()).containsExactlyElementsOf(GoldenMessages.ALL.stream().map(GoldenMessages.Entry::envelope).toList());
    }

    /** The wire dumps and raw frames quoted in PROTOCOL.md §8 are golden frames, byte for byte. */
    @Test
    void theFramesQuotedInTheSpecAreGoldenFrames() throws IOException {
        String spec = java.nio.file.Files.readString(java.nio.file.Path.of("PROTOCOL.md"));
        java.util.regex.Matcher wire = java.util.regex.Pattern.compile("\\b00 03( [0-9a-f]{2}){8,} 00\\b").matcher(spec);
        java.util.regex.Matcher raw = java.util.regex.Pattern.compile("raw frame\\s+((?:[0-9a-f]{2} ?){12,})").matcher(spec);
        Set<String> wires = FILE.values().stream().map(g -> HexFormat.ofDelimiter(" ").formatHex(g.wire())).collect(Collectors.toSet());
        Set<String> frames = FILE.values().stream().map(g -> HexFormat.ofDelimiter(" ").formatHex(g.frame())).collect(Collectors.toSet());
        int quoted = 0;
        while (wire.find()) {
            assertThat(wires).as("wire dump in PROTOCOL.md").contains(wire.group());
            quoted++;
        }
        while (raw.find()) {
            assertThat(frames).as("raw frame in PROTOCOL.md").contains(raw.group(1).trim());
            quoted++;
        }
        assertThat(quoted).isGreaterThanOrEqualTo(6);
    }

    @Test
    void everyTypeAndFormIsCovered() {
        List<Message> messages = GoldenMessages.ALL.stream().map(e -> e.envelope().message()).toList();
        Set<Class<?>> classes = messages.stream().map(Object::getClass).collect(Collectors.toSet());
        for (Class<?> sealed : List.of(Request.class, Response.class, Event.class)) {
            assertThat(classes).as(sealed.getSimpleName()).containsAll(List.of(sealed.getPermittedSubclasses()));
        }
        Set<MessageType> requests = EnumSet.noneOf(MessageType.class);
        Set<MessageType> acks = EnumSet.noneOf(MessageType.class);
        messages.forEach(m -> {
            if (m instanceof Request) {
                requests.add(m.type());
            }
            if (m instanceof Ack a) {
                acks.add(a.about());
            }
        });
        assertThat(requests).containsExactlyInAnyOrderElementsOf(
                EnumSet.complementOf(EnumSet.of(MessageType.JOB_RESULT, MessageType.FRAME_RECEIVED, MessageType.LINK, MessageType.ERROR)));
        assertThat(acks).containsExactlyInAnyOrder(MessageType.RESET, MessageType.SA_ADD, MessageType.SA_DELETE,
                MessageType.TRANSMIT, MessageType.SET_MAC, MessageType.RESTORE_MAC, MessageType.REG_WRITE,
                MessageType.EEPROM_WRITE, MessageType.FW_BEGIN, MessageType.FW_CHUNK, MessageType.FW_COMMIT,
                MessageType.FW_ACTIVATE, MessageType.FAULT);
        // every optional ENCRYPT_JOB field and the newest values have a frame a testbench can check
        assertThat(messages).anySatisfy(m -> assertThat(m).isInstanceOfSatisfying(EncryptJob.class, j -> {
            assertThat(j.destination()).isNotNull();
            assertThat(j.fixedIv().isEmpty()).isFalse();
            assertThat(j.sequenceNumber()).isGreaterThan(0xFFFF_FFFFL);
        }));
        assertThat(messages).anySatisfy(m -> assertThat(m).isInstanceOfSatisfying(JobResult.class,
                r -> assertThat(r.status()).isEqualTo(JobStatus.LINK_DOWN)));
        assertThat(messages).anySatisfy(m -> assertThat(m).isInstanceOfSatisfying(ErrorReply.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.LINK_DOWN)));
        assertThat(messages).anySatisfy(m -> assertThat(m).isInstanceOfSatisfying(IdentifyReply.class,
                i -> assertThat(i.capabilities().engineRate()).isPositive()));
    }

    /**
     * The self-test replies follow PROTOCOL.md §5.3 transform: output = C || ICV with
     * C = AES-CBC(key, iv, data) without padding and ICV = HMAC-SHA1(authKey, iv || C) cut to 12
     * bytes; for AES-GCM-16, key field = K || salt, nonce = salt || iv, no AAD, output = C || tag.
     * The JDK recomputes both from the requests; the results must be the published ciphertexts.
     */
    @Test
    void theSelfTestRepliesAreTheSpecTransformOfTheRequests() throws Exception {
        Map<String, GoldenMessages.Entry> m = GoldenMessages.byName();
        SelfTest cbc = (SelfTest) m.get("self-test-request").envelope().message();
        javax.crypto.Cipher aes = javax.crypto.Cipher.getInstance("AES/CBC/NoPadding");
        aes.init(javax.crypto.Cipher.ENCRYPT_MODE, new SecretKeySpec(cbc.key().reveal(), "AES"),
                new IvParameterSpec(cbc.iv().toArray()));
        byte[] c = aes.doFinal(cbc.data().toArray());
        assertThat(c).isEqualTo(GoldenMessages.RFC3602_CIPHERTEXT.toArray());
        Mac hmac = Mac.getInstance("HmacSHA1");
        hmac.init(new SecretKeySpec(cbc.authKey().reveal(), "HmacSHA1"));
        hmac.update(cbc.iv().toArray());
        byte[] icv = Arrays.copyOf(hmac.doFinal(c), 12);
        assertThat(((SelfTestReply) m.get("self-test-reply").envelope().message()).output())
                .isEqualTo(Bytes.wrap(TestFrames.concat(c, icv)));

        SelfTest gcm = (SelfTest) m.get("self-test-request-gcm").envelope().message();
        byte[] keyAndSalt = gcm.key().reveal();
        byte[] nonce = TestFrames.concat(Arrays.copyOfRange(keyAndSalt, 16, 20), gcm.iv().toArray());
        javax.crypto.Cipher g = javax.crypto.Cipher.getInstance("AES/GCM/NoPadding");
        g.init(javax.crypto.Cipher.ENCRYPT_MODE, new SecretKeySpec(keyAndSalt, 0, 16, "AES"), new GCMParameterSpec(128, nonce));
        assertThat(((SelfTestReply) m.get("self-test-reply-gcm").envelope().message()).output())
                .isEqualTo(Bytes.wrap(g.doFinal(gcm.data().toArray())))
                .isEqualTo(GoldenMessages.GCM_CIPHERTEXT_AND_TAG);
    }
}

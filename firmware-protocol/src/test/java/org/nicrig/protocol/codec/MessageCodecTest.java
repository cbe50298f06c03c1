package org.nicrig.protocol.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nicrig.protocol.error.BadLengthException;
import org.nicrig.protocol.error.MalformedMessageException;
import org.nicrig.protocol.error.ProtocolException;
import org.nicrig.protocol.error.UnknownTypeException;
import org.nicrig.protocol.error.UnsupportedVersionException;
import org.nicrig.protocol.frame.Frame;
import org.nicrig.protocol.frame.FrameEncoder;
import org.nicrig.protocol.frame.FrameFormat;
import org.nicrig.protocol.frame.TestFrames;
import org.nicrig.protocol.message.*;

/** Frames to messages: every type round-trips, and every way a frame can be refused gives its exact type and offset. */
class MessageCodecTest {

    private final MessageCodec codec = new MessageCodec();
    private final FrameEncoder encoder = new FrameEncoder();

    private Envelope roundTrip(Envelope e) {
        MessageRecorder r = MessageRecorder.feed(encoder.encode(codec.encode(e)));
        assertThat(r.errors()).isEmpty();
        return r.messages().get(0);
    }

    @Test
    void everyGoldenMessageRoundTripsThroughBytes() {
        for (GoldenMessages.Entry e : GoldenMessages.ALL) {
            assertThat(roundTrip(e.envelope())).as(e.name()).isEqualTo(e.envelope());
        }
    }

    @Test
    void extremeValuesRoundTrip() {
        byte[] big = new byte[FrameFormat.MAX_PAYLOAD - 13];
        java.util.Arrays.fill(big, (byte) 0xFF);
        List<Envelope> extremes = List.of(
                new Envelope(0xFFFF_FFFFL, new Heartbeat(0xFFFF_FFFFL)),
                new Envelope(0, new Hello(15, 15)),
                new Envelope(1, JobResult.ok(0xFFFF_FFFFL, -1L, Bytes.wrap(big))), // u64 all ones, largest output
                new Envelope(2, new DecryptJob(0, 0xFFFF, Bytes.wrap(new byte[FrameFormat.MAX_PAYLOAD - 7]))),
                new Envelope(3, new Transmit(Bytes.EMPTY)),
                new Envelope(4, new SetMac(MacAddress.BROADCAST)),
                new Envelope(5, new EepromWrite(255, java.util.Collections.nCopies(255, 0xFFFF))),
                new Envelope(6, new InjectFault(FaultKind.STALL, 0xFFFF_FFFFL, Duration.ofMillis(0xFFFF_FFFFL))),
                new Envelope(7, new StatsReply(List.of(new Counter("x".repeat(255), Long.MIN_VALUE)))),
                new Envelope(8, new ErrorReply(0xFF, ErrorCode.INTERNAL, "ünïcødé ✓")),
                new Envelope(9, new ErrorReply(MessageType.ERROR, ErrorCode.MALFORMED, "")),
                // u64 all ones: a host sequence number is unsigned, and only 0 is withheld from the wire
                new Envelope(10, new EncryptJob(1, 2, Disposition.RETURN, null, Bytes.EMPTY, Bytes.EMPTY, -1L)),
                new Envelope(11, new IdentifyReply(new PciIdentity(0, 0, 0, 0, 0), MacAddress.BROADCAST,
                        new FirmwareVersion(0, 0, 0), false, 0, new Capabilities(true, true, 0xFFFF, 0xFFFF, 0xFFFF,
                        List.of(), List.of(), Capabilities.MAX_RATE))));
        for (Envelope e : extremes) {
            assertThat(roundTrip(e)).isEqualTo(e);
        }
    }

    @Test
    void aPayloadOverTheMaximumIsAProgrammingError() {
        Transmit tooBig = new Transmit(Bytes.wrap(new byte[FrameFormat.MAX_PAYLOAD + 1]));
        MessageStream stream = new MessageStream(codec, new MessageRecorder());
        assertThatThrownBy(() -> stream.encode(1, tooBig)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("exceeds 16384");
        assertThatThrownBy(() -> codec.encode(1, tooBig)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("exceeds 16384");
        // the largest payload is fine, and the stream's encoder is still usable after the refusal
        Transmit largest = new Transmit(Bytes.wrap(new byte[FrameFormat.MAX_PAYLOAD]));
        assertThat(MessageRecorder.feed(stream.encode(2, largest)).messages()).containsExactly(new Envelope(2, largest));
    }

    @Test
    void helloAndItsRepliesAreAlwaysVersion1Frames() {
        assertThat(codec.encode(1, new Hello(1, 3)).version()).isEqualTo(1);
        assertThat(codec.encode(1, new HelloReply(1, 100)).version()).isEqualTo(1);
        assertThat(codec.encode(1, new ErrorReply(MessageType.HELLO, ErrorCode.UNSUPPORTED_VERSION, "")).version()).isEqualTo(1);
        assertThatThrownBy(() -> new MessageCodec(2)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not supported");
    }

    @Test
    void kindAndErrorFlagFollowTheMessage() {
        Frame request = codec.encode(1, new Identify());
        Frame response = codec.encode(1, new Ack(MessageType.SA_ADD));
        Frame event = codec.encode(1, new LinkChange(false, 0));
        Frame error = codec.encode(1, new ErrorReply(MessageType.SA_ADD, ErrorCode.SA_TABLE_FULL, "16 of 16"));
        assertThat(List.of(request.flags(), response.flags(), event.flags(), error.flags())).containsExactly(0, 1, 2, 5);
        assertThat(error.typeCode()).isEqualTo(0x10);
        assertThat(codec.encode(1, JobResult.ok(1, 1, Bytes.EMPTY)).typeCode()).isEqualTo(0x22);
    }

    /** PROTOCOL.md §5.9: flags bit 2 and the u64 appear only for a host-assigned number, between destination and IV. */
    @Test
    void aHostSequenceNumberTravelsOnlyWhenItIsNotZero() {
        Bytes packet = Bytes.fromHex("4500");
        EncryptJob counted = EncryptJob.returning(0x101, 3, packet);
        EncryptJob numbered = new EncryptJob(0x101, 3, Disposition.RETURN, null, Bytes.EMPTY, packet, 0x0000_0001_0000_0002L);
        assertThat(counted.sequenceNumber()).isZero();
        assertThat(HexFormat.of().formatHex(codec.encode(1, counted).payload())).isEqualTo("00000101" + "0003" + "00" + "4500");
        assertThat(HexFormat.of().formatHex(codec.encode(1, numbered).payload()))
                .isEqualTo("00000101" + "0003" + "04" + "0000000100000002" + "4500");
        EncryptJob all = new EncryptJob(0x101, 3, Disposition.TRANSMIT, GoldenMessages.PEER_MAC, Bytes.fromHex("aabb"), packet, 7);
        assertThat(HexFormat.of().formatHex(codec.encode(1, all).payload()))
                .isEqualTo("00000101" + "0003" + "07" + "001b213c4d5e" + "0000000000000007" + "02aabb" + "4500");
        assertThat(roundTrip(new Envelope(1, all))).isEqualTo(new Envelope(1, all));
    }

    /** PROTOCOL.md §5.2: engineRate is the last u32; beyond it the wire says 0xFFFFFFFF, "at least that". */
    @Test
    void theEngineRateIsTheLastFieldOfIdentifyAndSaturates() {
        IdentifyReply golden = (IdentifyReply) GoldenMessages.byName().get("identify-reply").envelope().message();
        byte[] p = codec.encode(2, golden).payload();
        assertThat(HexFormat.of().formatHex(p, p.length - 4, p.length)).isEqualTo("00bebc20"); // 12 500 000

        Capabilities fast = new Capabilities(true, true, 1, 1, 1, List.of(), List.of(), 10_000_000_000L);
        IdentifyReply reply = new IdentifyReply(golden.pci(), golden.mac(), golden.firmware(), true, 1000, fast);
        IdentifyReply back = (IdentifyReply) roundTrip(new Envelope(2, reply)).message();
        assertThat(back.capabilities().engineRate()).isEqualTo(Capabilities.MAX_RATE);

        Capabilities unstated = new Capabilities(true, true, 1, 1, 1, List.of(), List.of());
        assertThat(unstated.engineRate()).isZero();
        byte[] q = codec.encode(2, new IdentifyReply(golden.pci(), golden.mac(), golden.firmware(), true, 1000, unstated)).payload();
        assertThat(HexFormat.of().formatHex(q, q.length - 4, q.length)).isEqualTo("00000000");
    }

    // ------------------------------------------------------------------ refusals, each with its offset

    /** Feeds a good frame, then {@code raw} behind a valid CRC, then a good frame; returns the one error. */
    private ProtocolException refuse(byte[] raw) {
        byte[] good = encoder.encode(codec.encode(7, new Identify()));
        MessageRecorder r = MessageRecorder.feed(TestFrames.concat(good, TestFrames.wire(raw), good));
        assertThat(r.messages()).hasSize(2);
        assertThat(r.errors()).hasSize(1);
        ProtocolException e = r.errors().get(0);
        assertThat(e.streamOffset()).as("offset of the refused frame's first byte").isEqualTo(good.length + 1);
        assertThat(r.events.get(1)).isSameAs(e);
        return e;
    }

    private static byte[] raw(int byte0, int type, String payloadHex) {
        byte[] p = HexFormat.of().parseHex(payloadHex);
        return TestFrames.raw(byte0, type, 42, p.length, p);
    }

    @Test
    void aFrameInAnotherVersionIsRefused() {
        UnsupportedVersionException e = (UnsupportedVersionException) refuse(raw(0x20, 0x02, ""));
        assertThat(e.found()).isEqualTo(2);
        assertThat(e.min()).isEqualTo(1);
        assertThat(e.max()).isEqualTo(1);
    }

    @Test
    void helloInAnyVersionButOneIsRefused() {
        assertThat(refuse(raw(0x30, 0x01, "0103"))).isInstanceOf(UnsupportedVersionException.class);
    }

    @Test
    void theVersionIsJudgedBeforeTypeAndFlags() {
        // an unknown type and reserved bits in version 2: a later version may define both
        assertThat(refuse(raw(0x2B, 0x99, ""))).isInstanceOf(UnsupportedVersionException.class);
    }

    @Test
    void anUnknownTypeIsRefused() {
        UnknownTypeException e = (UnknownTypeException) refuse(raw(0x10, 0x99, ""));
        assertThat(e.typeCode()).isEqualTo(0x99);
    }

    @ParameterizedTest(name = "header byte 0x{0}, type 0x{1}")
    @CsvSource({
            "10, 22",  // JOB_RESULT sent as a request
            "11, 20",  // ENCRYPT_JOB sent as a response
            "12, 01",  // HELLO sent as an event
            "10, 7f",  // ERROR as a request
            "11, 7f",  // ERROR as a response without the error flag
            "12, 02",  // IDENTIFY as an event
    })
    void aTypeInTheWrongKindIsAnUnknownType(String byte0, String type) {
        assertThat(refuse(raw(Integer.parseInt(byte0, 16), Integer.parseInt(type, 16), "")))
                .isInstanceOf(UnknownTypeException.class);
    }

    @ParameterizedTest(name = "header byte 0x{0}")
    @CsvSource({"18", "19", "1a", "13", "1b", "1f"})
    void reservedHeaderBitsOrKind3AreMalformed(String byte0) {
        assertThat(refuse(raw(Integer.parseInt(byte0, 16), 0x02, ""))).isInstanceOf(MalformedMessageException.class)
                .hasMessageContaining("reserved");
    }

    @Test
    void theErrorFlagOnARequestOrEventIsMalformed() {
        assertThat(refuse(raw(0x14, 0x02, ""))).isInstanceOf(MalformedMessageException.class).hasMessageContaining("request");
        assertThat(refuse(raw(0x16, 0x7F, "000c"))).isInstanceOf(MalformedMessageException.class).hasMessageContaining("event");
    }

    @Test
    void aFieldRunningPastThePayloadIsABadLengthNamingTheField() {
        assertThat(refuse(raw(0x10, 0x04, "cafef0"))).isInstanceOf(BadLengthException.class)
                .hasMessageContaining("HEARTBEAT.nonce at payload offset 0 needs 4 byte(s), 3 left");
        // a key length byte promising more than follows
        assertThat(refuse(raw(0x10, 0x03, "000c0080000210" + "06a9"))).isInstanceOf(BadLengthException.class)
                .hasMessageContaining("SELF_TEST.key");
        // flags announce a host sequence number, but only 5 of its 8 bytes follow: the error names the
        // u64 at its own offset, not its second half at offset 11
        assertThat(refuse(raw(0x10, 0x20, "000001010003" + "04" + "0000000100"))).isInstanceOf(BadLengthException.class)
                .hasMessageContaining("ENCRYPT_JOB.sequenceNumber at payload offset 7 needs 8 byte(s), 5 left");
        // an IDENTIFY reply of before engineRate was added: the u32 is missing at the end
        byte[] identify = codec.encode(2, GoldenMessages.byName().get("identify-reply").envelope().message()).payload();
        assertThat(refuse(TestFrames.raw(0x11, 0x02, 42, identify.length - 4, java.util.Arrays.copyOf(identify, identify.length - 4))))
                .isInstanceOf(BadLengthException.class).hasMessageContaining("IDENTIFY.engineRate at payload offset 52");
    }

    @Test
    void bytesAfterTheLastFieldAreABadLength() {
        assertThat(refuse(raw(0x10, 0x04, "cafef00d00"))).isInstanceOf(BadLengthException.class)
                .hasMessageContaining("1 byte(s) after its last field");
        assertThat(refuse(raw(0x10, 0x02, "00"))).isInstanceOf(BadLengthException.class);
        assertThat(refuse(raw(0x15, 0x20, ""))).as("an error reply without its code").isInstanceOf(BadLengthException.class);
    }

    @Test
    void theHeaderLengthDisagreeingWithThePayloadIsABadLength() {
        byte[] p = {1, 2, 3, 4};
        assertThat(refuse(TestFrames.raw(0x10, 0x04, 42, 5, p))).isInstanceOf(BadLengthException.class)
                .hasMessageContaining("declares a payload of 5 bytes, frame holds 4");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "hello min > max,              HELLO.versions, 10, 01, 0301",
            "hello version 0,              HELLO.versions, 10, 01, 0001",
            "unknown cipher,               SELF_TEST.cipher, 10, 03, 000d0080000200000000",
            "cipher with wrong key bits,   SELF_TEST.cipher, 10, 03, 000c00c0000200000000",
            "unknown integrity,            SELF_TEST.integrity, 10, 03, 000c0080000500000000",
            "sa flags reserved bit,        SA_ADD.flags, 10, 10, 00030000100108000c0080000200400000000000000000" + "0000",
            "encrypt flags reserved bit,   ENCRYPT_JOB.flags, 10, 20, 000001010003" + "08",
            "encrypt fixed IV of length 0, ENCRYPT_JOB.fixedIv, 10, 20, 000001010003" + "02" + "00",
            "encrypt host sequence 0,      ENCRYPT_JOB.sequenceNumber, 10, 20, 000001010003" + "04" + "0000000000000000" + "45",
            "decrypt flags set,            DECRYPT_JOB.flags, 10, 21, 000001010003" + "01",
            "unknown fault,                FAULT.fault, 10, 70, 090000000000000000",
            "unknown job status,           JOB_RESULT.status, 11, 22, 00000101" + "0a" + "0000000000000001",
            "unknown error code,           .code, 15, 20, 0011",
            "identify flags reserved bit,  IDENTIFY.flags, 11, 02, 808612290880860000" + "00902700000c" + "02010007" + "08" + "0064001024000008" + "00" + "00",
            "frame received flags,         FRAME_RECEIVED.flags, 12, 40, 02000004",
            "frame received status,        FRAME_RECEIVED.status, 12, 40, 010a0004",
            "link up 2,                    LINK.up, 12, 41, 020064",
            "counter name not ASCII,       STATS.counter.name, 11, 06, 01" + "0241c3" + "0000000000000001",
            "counter name control byte,    STATS.counter.name, 11, 06, 01" + "01" + "0a" + "0000000000000001",
            "unknown reset cause,          RESET.cause, 12, 05, 09",
            "unknown error event code,     ERROR.code, 12, 7f, 0099",
    })
    void aValueItsFieldDoesNotAllowIsMalformed(String what, String field, String byte0, String type, String payload) {
        assertThat(refuse(raw(Integer.parseInt(byte0, 16), Integer.parseInt(type, 16), payload)))
                .as(what).isInstanceOf(MalformedMessageException.class).hasMessageContaining(field);
    }

    @Test
    void aCounterNameIsPrintableAsciiOnBothSides() {
        assertThatThrownBy(() -> new Counter("jöbs", 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Counter("x".repeat(256), 1)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new Counter("frames.bad", 2).name()).isEqualTo("frames.bad");
    }

    @Test
    void keysNeverShowInAMessageOrItsErrors() {
        SelfTest t = (SelfTest) GoldenMessages.byName().get("self-test-request").envelope().message();
        SaAdd a = (SaAdd) GoldenMessages.byName().get("sa-add-request").envelope().message();
        String keyHex = "06a9214036b8a15b512e03d534120006";
        assertThat(t.toString()).doesNotContainIgnoringCase(keyHex).doesNotContainIgnoringCase("0b0b0b0b").contains("redacted");
        assertThat(a.toString()).doesNotContainIgnoringCase(keyHex).doesNotContainIgnoringCase("0b0b0b0b");
        // a refused SA_ADD (its key length overruns the payload) names the field, not the bytes
        ProtocolException e = refuse(raw(0x10, 0x10, "00030000100103000c008000020040c0000201c6336402" + "20" + keyHex));
        assertThat(e).isInstanceOf(BadLengthException.class);
        assertThat(e.getMessage()).contains("SA_ADD.encryptionKey").doesNotContainIgnoringCase(keyHex.substring(0, 8));
    }
}

package org.nicrig.protocol.codec;

import java.time.Duration;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.nicrig.protocol.frame.FrameFormat;
import org.nicrig.protocol.message.*;

/**
 * jqwik generators for every message record, each within the ranges its wire layout can carry
 * (PROTOCOL.md §5), and for whole envelopes. Byte strings are filled from a generated seed, which
 * keeps large payloads cheap to generate and shrink; some are dense with zeros to work COBS hard.
 */
public final class MessageArbitraries {
    private MessageArbitraries() {
    }

    static Arbitrary<Long> u32() {
        return Arbitraries.longs().between(0, 0xFFFF_FFFFL);
    }

    static Arbitrary<Integer> u16() {
        return Arbitraries.integers().between(0, 0xFFFF);
    }

    static Arbitrary<Integer> u8() {
        return Arbitraries.integers().between(0, 0xFF);
    }

    /** Mostly short, sometimes up to {@code max}. */
    static Arbitrary<Integer> lengths(int max) {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, Arbitraries.integers().between(0, Math.min(max, 64))),
                net.jqwik.api.Tuple.of(3, Arbitraries.integers().between(0, Math.min(max, 1500))),
                net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(0, max)));
    }

    static Arbitrary<byte[]> byteArrays(int max) {
        return Combinators.combine(lengths(max), Arbitraries.longs(), Arbitraries.of(0, 0, 8, 128))
                .as((n, seed, zerosPer256) -> {
                    byte[] b = new byte[n];
                    Random r = new Random(seed);
                    r.nextBytes(b);
                    for (int i = 0; i < n; i++) {
                        if (r.nextInt(256) < zerosPer256) {
                            b[i] = 0;
                        }
                    }
                    return b;
                });
    }

    static Arbitrary<Bytes> bytes(int max) {
        return byteArrays(max).map(Bytes::wrap);
    }

    static Arbitrary<KeyBytes> keys() {
        return byteArrays(64).map(KeyBytes::of);
    }

    static Arbitrary<String> text() {
        return Arbitraries.strings().withCharRange(' ', '~').withChars('\n', 'é', '€', 'ß', '漢', 'Ω').ofMaxLength(80);
    }

    static Arbitrary<MacAddress> macs() {
        return Arbitraries.longs().between(0, 0xFFFF_FFFF_FFFFL).map(MacAddress::new);
    }

    static Arbitrary<List<Integer>> words() {
        return u16().list().ofMaxSize(64);
    }

    // ------------------------------------------------------------------ requests

    public static Arbitrary<Request> requests() {
        return Arbitraries.oneOf(List.of(
                Combinators.combine(Arbitraries.integers().between(1, 15), Arbitraries.integers().between(1, 15))
                        .as((a, b) -> new Hello(Math.min(a, b), Math.max(a, b))),
                Arbitraries.just(new Identify()),
                selfTests(),
                u32().map(Heartbeat::new),
                Arbitraries.just(new Reset()),
                Arbitraries.just(new GetStats()),
                Combinators.combine(u16(), saParams()).as(SaAdd::new),
                u16().map(SaDelete::new),
                encryptJobs(),
                Combinators.combine(u32(), u16(), bytes(FrameFormat.MAX_PAYLOAD - 7)).as(DecryptJob::new),
                bytes(FrameFormat.MAX_PAYLOAD).map(Transmit::new),
                macs().map(SetMac::new),
                Arbitraries.just(new RestoreMac()),
                u32().map(RegRead::new),
                Combinators.combine(u32(), u32()).as(RegWrite::new),
                Combinators.combine(u8(), u8()).as(EepromRead::new),
                Combinators.combine(u8(), words()).as(EepromWrite::new),
                Combinators.combine(u32(), bytes(64)).as(FwBegin::new),
                Combinators.combine(u32(), bytes(FrameFormat.MAX_PAYLOAD - 4)).as(FwChunk::new),
                Arbitraries.just(new FwCommit()),
                Arbitraries.just(new FwActivate()),
                Combinators.combine(Arbitraries.of(FaultKind.class), u32(), u32().map(Duration::ofMillis)).as(InjectFault::new)));
    }

    static Arbitrary<SelfTest> selfTests() {
        return Combinators.combine(Arbitraries.of(Cipher.class), Arbitraries.of(Integrity.class), keys(), keys(),
                bytes(32), bytes(4096)).as(SelfTest::new);
    }

    static Arbitrary<SaParams> saParams() {
        Arbitrary<Object[]> head = Combinators.combine(u32(), Arbitraries.of(Direction.class), Arbitraries.of(EspMode.class),
                Arbitraries.of(Cipher.class), Arbitraries.of(Integrity.class), Arbitraries.of(true, false), u16())
                .as((spi, dir, mode, c, i, esn, window) -> new Object[] {spi, dir, mode, c, i, esn, window});
        return Combinators.combine(head, Arbitraries.integers(), Arbitraries.integers(), keys(), keys())
                .as((h, src, dst, ek, ak) -> new SaParams((Long) h[0], (Direction) h[1], (EspMode) h[2], (Cipher) h[3],
                        (Integrity) h[4], (Boolean) h[5], (Integer) h[6], src, dst, ek, ak));
    }

    /**
     * Host-assigned ESP sequence numbers (PROTOCOL.md §5.9): 0 (the device counts, nothing on the
     * wire) a third of the time, else any u64 — a negative long is one past 2^63.
     */
    static Arbitrary<Long> hostSequenceNumbers() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(1, Arbitraries.just(0L)),
                net.jqwik.api.Tuple.of(2, Arbitraries.longs()));
    }

    static Arbitrary<EncryptJob> encryptJobs() {
        Arbitrary<MacAddress> destination = macs().injectNull(0.5);
        // the packet leaves room for every optional field: destination 6, sequence number 8, IV 1 + 32
        return Combinators.combine(u32(), u16(), destination, bytes(32), bytes(FrameFormat.MAX_PAYLOAD - 7 - 6 - 8 - 33),
                        hostSequenceNumbers())
                .as((id, slot, dst, iv, packet, seq) -> new EncryptJob(id, slot,
                        dst == null ? Disposition.RETURN : Disposition.TRANSMIT, dst, iv, packet, seq));
    }

    // ------------------------------------------------------------------ responses

    public static Arbitrary<Response> responses() {
        return Arbitraries.oneOf(List.of(
                Combinators.combine(u8(), u16()).as(HelloReply::new),
                identifyReplies(),
                bytes(FrameFormat.MAX_PAYLOAD).map(SelfTestReply::new),
                Combinators.combine(u32(), u16(), u32()).as(HeartbeatReply::new),
                Combinators.combine(Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(32), Arbitraries.longs())
                        .as(Counter::new).list().ofMaxSize(40).map(StatsReply::new),
                Combinators.combine(u32(), u32()).as(RegValue::new),
                Combinators.combine(u8(), words()).as(EepromData::new),
                jobResults(),
                Arbitraries.of(MessageType.RESET, MessageType.SA_ADD, MessageType.SA_DELETE, MessageType.TRANSMIT,
                        MessageType.SET_MAC, MessageType.RESTORE_MAC, MessageType.REG_WRITE, MessageType.EEPROM_WRITE,
                        MessageType.FW_BEGIN, MessageType.FW_CHUNK, MessageType.FW_COMMIT, MessageType.FW_ACTIVATE,
                        MessageType.FAULT).map(Ack::new),
                // any type code at all: a device refuses unknown types with their own code
                Combinators.combine(u8(), Arbitraries.of(ErrorCode.class), text()).as(ErrorReply::new)));
    }

    static Arbitrary<JobResult> jobResults() {
        Arbitrary<JobResult> ok = Combinators.combine(u32(), Arbitraries.longs(), bytes(FrameFormat.MAX_PAYLOAD - 13))
                .as(JobResult::ok);
        Arbitrary<JobResult> failed = Combinators.combine(u32(),
                Arbitraries.of(JobStatus.class).filter(s -> s != JobStatus.OK), Arbitraries.longs(), text())
                .as(JobResult::failed);
        return Arbitraries.oneOf(ok, failed);
    }

    static Arbitrary<IdentifyReply> identifyReplies() {
        Arbitrary<PciIdentity> pci = Combinators.combine(u16(), u16(), u8(), u16(), u16()).as(PciIdentity::new);
        Arbitrary<FirmwareVersion> fw = Combinators.combine(u8(), u8(), u16()).as(FirmwareVersion::new);
        Arbitrary<Capabilities> caps = Combinators.combine(Arbitraries.of(true, false), Arbitraries.of(true, false),
                u16(), u16(), u16(), Arbitraries.of(Cipher.class).list().ofMaxSize(8),
                Arbitraries.of(Integrity.class).list().ofMaxSize(6), u32()).as(Capabilities::new);
        return Combinators.combine(pci, macs(), fw, Arbitraries.of(true, false), u16(), caps).as(IdentifyReply::new);
    }

    // ------------------------------------------------------------------ events

    public static Arbitrary<Event> events() {
        return Arbitraries.oneOf(List.of(
                Combinators.combine(Arbitraries.of(true, false), Arbitraries.of(JobStatus.class), u16(),
                        bytes(FrameFormat.MAX_PAYLOAD - 4)).as(FrameReceived::new),
                Combinators.combine(Arbitraries.of(true, false), u16()).as(LinkChange::new),
                Arbitraries.of(ResetCause.class).map(DeviceReset::new),
                Combinators.combine(Arbitraries.of(ErrorCode.class), text()).as(DeviceError::new)));
    }

    public static Arbitrary<Message> messages() {
        return Arbitraries.oneOf(requests().map(Message.class::cast), responses().map(Message.class::cast),
                events().map(Message.class::cast));
    }

    public static Arbitrary<Envelope> envelopes() {
        return Combinators.combine(u32(), messages()).as(Envelope::new);
    }
}

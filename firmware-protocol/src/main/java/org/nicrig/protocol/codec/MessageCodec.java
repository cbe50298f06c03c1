package org.nicrig.protocol.codec;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.nicrig.protocol.error.MalformedMessageException;
import org.nicrig.protocol.error.ProtocolException;
import org.nicrig.protocol.error.UnknownTypeException;
import org.nicrig.protocol.error.UnsupportedVersionException;
import org.nicrig.protocol.frame.Frame;
import org.nicrig.protocol.frame.FrameFormat;
import org.nicrig.protocol.frame.FrameKind;
import org.nicrig.protocol.message.*;

/**
 * Frames to messages and back: the byte layouts of PROTOCOL.md §5, in one place. HELLO and its
 * reply are always written in version 1, whose HELLO layout is frozen, so any two versions can
 * negotiate; everything else is written in the session's {@link #version()} and a frame in
 * another version is refused with {@link UnsupportedVersionException}.
 */
public final class MessageCodec {
    public static final int VERSION_1 = 1;
    /** The versions this implementation speaks. */
    public static final int MIN_SUPPORTED = 1;
    public static final int MAX_SUPPORTED = 1;

    private final int version;

    public MessageCodec() {
        this(VERSION_1);
    }

    public MessageCodec(int version) {
        if (version < MIN_SUPPORTED || version > MAX_SUPPORTED) {
            throw new IllegalArgumentException("version " + version + " not supported (" + MIN_SUPPORTED + ".." + MAX_SUPPORTED + ")");
        }
        this.version = version;
    }

    public int version() {
        return version;
    }

    // ------------------------------------------------------------------ encode

    public Frame encode(Envelope envelope) {
        return encode(envelope.sequence(), envelope.message());
    }

    public Frame encode(long sequence, Message message) {
        WireWriter w = WireWriter.growable(64 + bulkLength(message));
        writePayload(message, w);
        return new Frame(versionOf(message), flagsOf(message), typeCodeOf(message), sequence, w.toArray(), 0);
    }

    /** The version a message travels in: HELLO and its replies always in version 1 (§4). */
    int versionOf(Message m) {
        return isHello(m) ? VERSION_1 : version;
    }

    /** The low nibble of header byte 0: kind bits and the error flag. */
    static int flagsOf(Message m) {
        FrameKind kind = m instanceof Request ? FrameKind.REQUEST : m instanceof Response ? FrameKind.RESPONSE : FrameKind.EVENT;
        return kind.bits() | (m instanceof ErrorReply ? FrameFormat.ERROR_FLAG : 0);
    }

    /** The header type code: a refused request's own code for an error reply, else the message's. */
    static int typeCodeOf(Message m) {
        return m instanceof ErrorReply e ? e.aboutTypeCode() : m.type().code();
    }

    /**
     * Writes the payload of {@code m} into {@code buffer} from {@code offset}, at most
     * {@code limit} bytes; returns its length. The hot path of {@link MessageStream}: no
     * intermediate array.
     */
    static int writePayload(Message m, byte[] buffer, int offset, int limit) {
        WireWriter w = WireWriter.over(buffer, offset, limit);
        writePayload(m, w);
        return w.length();
    }

    private static boolean isHello(Message m) {
        return m instanceof Hello || m instanceof HelloReply
                || (m instanceof ErrorReply e && e.aboutTypeCode() == MessageType.HELLO.code());
    }

    /** Length of the one variable-length byte string a message carries, to size its buffer once. */
    private static int bulkLength(Message m) {
        if (m instanceof EncryptJob j) {
            return j.packet().length() + j.fixedIv().length();
        }
        if (m instanceof DecryptJob j) {
            return j.packet().length();
        }
        if (m instanceof JobResult r) {
            return r.output().length() + 3 * r.reason().length();
        }
        if (m instanceof Transmit t) {
            return t.frame().length();
        }
        if (m instanceof FrameReceived f) {
            return f.frame().length();
        }
        if (m instanceof SelfTest t) {
            return t.data().length() + t.key().length() + t.authKey().length() + t.iv().length();
        }
        if (m instanceof SelfTestReply r) {
            return r.output().length();
        }
        if (m instanceof FwChunk c) {
            return c.data().length();
        }
        return 0;
    }

    private static void writePayload(Message m, WireWriter w) {
        if (m instanceof Request r) {
            requestPayload(r, w);
        } else if (m instanceof Response r) {
            responsePayload(r, w);
        } else {
            eventPayload((Event) m, w);
        }
    }

    private static void requestPayload(Request m, WireWriter w) {
        if (m instanceof EncryptJob j) {
            w.u32(j.jobId(), "jobId").u16(j.slot(), "slot")
                    .u8((j.disposition() == Disposition.TRANSMIT ? 1 : 0) | (j.fixedIv().isEmpty() ? 0 : 2)
                            | (j.sequenceNumber() == 0 ? 0 : 4), "flags");
            if (j.destination() != null) {
                w.mac(j.destination());
            }
            if (j.sequenceNumber() != 0) {
                w.u64(j.sequenceNumber());
            }
            if (!j.fixedIv().isEmpty()) {
                w.bytes8(j.fixedIv(), "fixedIv");
            }
            w.bytes(j.packet());
        } else if (m instanceof DecryptJob j) {
            w.u32(j.jobId(), "jobId").u16(j.slot(), "slot").u8(0, "flags").bytes(j.packet());
        } else if (m instanceof Hello h) {
            w.u8(h.minVersion(), "minVersion").u8(h.maxVersion(), "maxVersion");
        } else if (m instanceof SelfTest s) {
            w.u16(s.cipher().transformId(), "cipher").u16(s.cipher().keyBits(), "keyBits")
                    .u16(s.integrity().transformId(), "integrity")
                    .key8(s.key(), "key").key8(s.authKey(), "authKey").bytes8(s.iv(), "iv").bytes(s.data());
        } else if (m instanceof Heartbeat h) {
            w.u32(h.nonce(), "nonce");
        } else if (m instanceof SaAdd a) {
            SaParams sa = a.sa();
            int flags = (sa.direction() == Direction.OUTBOUND ? 1 : 0) | (sa.mode() == EspMode.TUNNEL ? 2 : 0) | (sa.esn() ? 4 : 0);
            w.u16(a.slot(), "slot").u32(sa.spi(), "spi").u8(flags, "flags")
                    .u16(sa.cipher().transformId(), "cipher").u16(sa.cipher().keyBits(), "keyBits")
                    .u16(sa.integrity().transformId(), "integrity").u16(sa.replayWindow(), "replayWindow")
                    .u32(Integer.toUnsignedLong(sa.tunnelSource()), "tunnelSource")
                    .u32(Integer.toUnsignedLong(sa.tunnelDestination()), "tunnelDestination")
                    .key8(sa.encryptionKey(), "encryptionKey").key8(sa.authenticationKey(), "authenticationKey");
        } else if (m instanceof SaDelete d) {
            w.u16(d.slot(), "slot");
        } else if (m instanceof Transmit t) {
            w.bytes(t.frame());
        } else if (m instanceof SetMac s) {
            w.mac(s.mac());
        } else if (m instanceof RegRead r) {
            w.u32(r.address(), "address");
        } else if (m instanceof RegWrite r) {
            w.u32(r.address(), "address").u32(r.value(), "value");
        } else if (m instanceof EepromRead r) {
            w.u8(r.wordOffset(), "wordOffset").u8(r.wordCount(), "wordCount");
        } else if (m instanceof EepromWrite e) {
            words(w.u8(e.wordOffset(), "wordOffset"), e.words());
        } else if (m instanceof FwBegin b) {
            w.u32(b.imageLength(), "imageLength").bytes8(b.imageDigest(), "imageDigest");
        } else if (m instanceof FwChunk c) {
            w.u32(c.offset(), "offset").bytes(c.data());
        } else if (m instanceof InjectFault f) {
            w.u8(f.fault().code(), "fault").u32(f.parameter(), "parameter").u32(f.duration().toMillis(), "durationMillis");
        }
        // Identify, Reset, GetStats, RestoreMac, FwCommit, FwActivate: no body
    }

    private static void words(WireWriter w, List<Integer> words) {
        w.u8(words.size(), "wordCount");
        for (int word : words) {
            w.u16(word, "word");
        }
    }

    private static void responsePayload(Response m, WireWriter w) {
        if (m instanceof JobResult r) {
            w.u32(r.jobId(), "jobId").u8(r.status().code(), "status").u64(r.sequenceNumber());
            if (r.status() == JobStatus.OK) {
                w.bytes(r.output());
            } else {
                w.utf8(r.reason());
            }
        } else if (m instanceof HelloReply h) {
            w.u8(h.version(), "version").u16(h.maxPayload(), "maxPayload");
        } else if (m instanceof IdentifyReply i) {
            PciIdentity p = i.pci();
            Capabilities c = i.capabilities();
            int flags = (i.eepromChecksumOk() ? 1 : 0) | (c.engine() ? 2 : 0) | (c.secondaryUse() ? 4 : 0);
            w.u16(p.vendorId(), "vendorId").u16(p.deviceId(), "deviceId")
                    .u8(p.revision(), "revision").u16(p.subsystemVendorId(), "subsystemVendorId")
                    .u16(p.subsystemId(), "subsystemId").mac(i.mac())
                    .u8(i.firmware().major(), "firmware.major").u8(i.firmware().minor(), "firmware.minor")
                    .u16(i.firmware().patch(), "firmware.patch").u8(flags, "flags").u16(i.linkSpeedMbps(), "linkSpeedMbps")
                    .u16(c.maxSas(), "maxSas").u16(c.maxJobSize(), "maxJobSize").u16(c.credits(), "credits")
                    .u8(c.ciphers().size(), "cipherCount");
            for (Cipher ci : c.ciphers()) {
                w.u16(ci.transformId(), "cipher").u16(ci.keyBits(), "keyBits");
            }
            w.u8(c.integrities().size(), "integrityCount");
            for (Integrity in : c.integrities()) {
                w.u16(in.transformId(), "integrity");
            }
            w.u32(Math.min(c.engineRate(), Capabilities.MAX_RATE), "engineRate");
        } else if (m instanceof SelfTestReply s) {
            w.bytes(s.output());
        } else if (m instanceof HeartbeatReply h) {
            w.u32(h.nonce(), "nonce").u16(h.creditsFree(), "creditsFree").u32(h.uptimeMillis(), "uptimeMillis");
        } else if (m instanceof StatsReply s) {
            w.u8(s.counters().size(), "counterCount");
            for (Counter c : s.counters()) {
                w.ascii8(c.name(), "counter.name").u64(c.value());
            }
        } else if (m instanceof RegValue r) {
            w.u32(r.address(), "address").u32(r.value(), "value");
        } else if (m instanceof EepromData e) {
            words(w.u8(e.wordOffset(), "wordOffset"), e.words());
        } else if (m instanceof ErrorReply e) {
            w.u16(e.code().code(), "code").utf8(e.detail());
        }
        // Ack: no body
    }

    private static void eventPayload(Event m, WireWriter w) {
        if (m instanceof FrameReceived f) {
            w.u8(f.decrypted() ? 1 : 0, "flags").u8(f.status().code(), "status").u16(f.saSlot(), "saSlot").bytes(f.frame());
        } else if (m instanceof LinkChange l) {
            w.u8(l.up() ? 1 : 0, "up").u16(l.speedMbps(), "speedMbps");
        } else if (m instanceof DeviceReset r) {
            w.u8(r.cause().code(), "cause");
        } else {
            DeviceError e = (DeviceError) m;
            w.u16(e.code().code(), "code").utf8(e.detail());
        }
    }

    // ------------------------------------------------------------------ decode

    /**
     * Decodes a frame the {@link org.nicrig.protocol.frame.FrameDecoder} accepted.
     *
     * @throws ProtocolException naming the frame's stream offset and the field at fault
     */
    public Envelope decode(Frame frame) throws ProtocolException {
        long at = frame.streamOffset();
        // Version first: a later version may give the flag bits and type codes new meanings, so
        // nothing else in a frame of a version not negotiated can be judged (PROTOCOL.md §4).
        boolean hello = frame.typeCode() == MessageType.HELLO.code();
        int expected = hello ? VERSION_1 : version;
        if (frame.version() != expected) {
            throw new UnsupportedVersionException(at, frame.version(), expected, expected);
        }
        FrameKind kind = frame.kind();
        if (kind == null || frame.reservedBitSet()) {
            throw new MalformedMessageException(at, String.format("header flags 0x%x: reserved bits set", frame.flags()));
        }
        if (frame.isError()) {
            if (kind != FrameKind.RESPONSE) {
                throw new MalformedMessageException(at, "error flag on a " + kind.name().toLowerCase(Locale.ROOT)
                        + " frame; only responses carry it");
            }
            // Any type code, known here or not: a device refuses with UNKNOWN_TYPE exactly the
            // requests whose type it does not know, echoing their code.
            WireReader in = new WireReader(frame.payload(), at, String.format("ERROR_REPLY(0x%02x)", frame.typeCode()));
            ErrorReply reply = new ErrorReply(frame.typeCode(), errorCode(in), in.utf8Rest());
            in.end();
            return new Envelope(frame.sequence(), reply);
        }
        MessageType type = MessageType.fromCode(frame.typeCode());
        if (type == null) {
            throw new UnknownTypeException(at, frame.typeCode(), kind.name().toLowerCase(Locale.ROOT));
        }
        WireReader in = new WireReader(frame.payload(), at, type.name());
        Message m = switch (kind) {
            case REQUEST -> request(type, in, at);
            case RESPONSE -> response(type, in, at);
            case EVENT -> event(type, in, at);
        };
        in.end();
        return new Envelope(frame.sequence(), m);
    }

    private static Request request(MessageType type, WireReader in, long at) throws ProtocolException {
        switch (type) {
            case HELLO: {
                int min = in.u8("minVersion");
                int max = in.u8("maxVersion");
                if (min < 1 || max > 15 || min > max) {
                    throw in.malformed("versions", "need 1 <= min <= max <= 15, got " + min + ".." + max);
                }
                return new Hello(min, max);
            }
            case IDENTIFY: return new Identify();
            case SELF_TEST: {
                Cipher c = cipher(in);
                Integrity i = integrity(in);
                return new SelfTest(c, i, in.key8("key"), in.key8("authKey"), in.bytes8("iv"), in.rest());
            }
            case HEARTBEAT: return new Heartbeat(in.u32("nonce"));
            case RESET: return new Reset();
            case STATS: return new GetStats();
            case SA_ADD: return saAdd(in);
            case SA_DELETE: return new SaDelete(in.u16("slot"));
            case ENCRYPT_JOB: {
                long jobId = in.u32("jobId");
                int slot = in.u16("slot");
                int flags = in.u8("flags");
                if ((flags & ~7) != 0) {
                    throw in.malformed("flags", String.format("reserved bits set in 0x%02x", flags));
                }
                MacAddress dst = (flags & 1) != 0 ? MacAddress.fromBytes(in.raw(MacAddress.LENGTH, "destination"), 0) : null;
                long seq = (flags & 4) != 0 ? in.u64("sequenceNumber") : 0;
                if ((flags & 4) != 0 && seq == 0) {
                    throw in.malformed("sequenceNumber", "flag says a sequence number follows, but it is 0 (never valid, RFC 4303 §3.3.3)");
                }
                Bytes iv = (flags & 2) != 0 ? in.bytes8("fixedIv") : Bytes.EMPTY;
                if ((flags & 2) != 0 && iv.isEmpty()) {
                    throw in.malformed("fixedIv", "flag says a fixed IV follows, but its length is 0");
                }
                return new EncryptJob(jobId, slot, dst == null ? Disposition.RETURN : Disposition.TRANSMIT, dst, iv, in.rest(), seq);
            }
            case DECRYPT_JOB: {
                long jobId = in.u32("jobId");
                int slot = in.u16("slot");
                int flags = in.u8("flags");
                if (flags != 0) {
                    throw in.malformed("flags", String.format("reserved bits set in 0x%02x", flags));
                }
                return new DecryptJob(jobId, slot, in.rest());
            }
            case TRANSMIT: return new Transmit(in.rest());
            case SET_MAC: return new SetMac(MacAddress.fromBytes(in.raw(MacAddress.LENGTH, "mac"), 0));
            case RESTORE_MAC: return new RestoreMac();
            case REG_READ: return new RegRead(in.u32("address"));
            case REG_WRITE: return new RegWrite(in.u32("address"), in.u32("value"));
            case EEPROM_READ: return new EepromRead(in.u8("wordOffset"), in.u8("wordCount"));
            case EEPROM_WRITE: return new EepromWrite(in.u8("wordOffset"), words(in));
            case FW_BEGIN: return new FwBegin(in.u32("imageLength"), in.bytes8("imageDigest"));
            case FW_CHUNK: return new FwChunk(in.u32("offset"), in.rest());
            case FW_COMMIT: return new FwCommit();
            case FW_ACTIVATE: return new FwActivate();
            case FAULT: {
                int code = in.u8("fault");
                FaultKind f = FaultKind.fromCode(code);
                if (f == null) {
                    throw in.malformed("fault", "unknown fault code " + code);
                }
                return new InjectFault(f, in.u32("parameter"), Duration.ofMillis(in.u32("durationMillis")));
            }
            default:
                throw new UnknownTypeException(at, type.code(), type + " is not a request");
        }
    }

    private static SaAdd saAdd(WireReader in) throws ProtocolException {
        int slot = in.u16("slot");
        long spi = in.u32("spi");
        int flags = in.u8("flags");
        if ((flags & ~7) != 0) {
            throw in.malformed("flags", String.format("reserved bits set in 0x%02x", flags));
        }
        Cipher c = cipher(in);
        Integrity i = integrity(in);
        int window = in.u16("replayWindow");
        int src = (int) in.u32("tunnelSource");
        int dst = (int) in.u32("tunnelDestination");
        KeyBytes ek = in.key8("encryptionKey");
        KeyBytes ak = in.key8("authenticationKey");
        return new SaAdd(slot, new SaParams(spi, (flags & 1) != 0 ? Direction.OUTBOUND : Direction.INBOUND,
                (flags & 2) != 0 ? EspMode.TUNNEL : EspMode.TRANSPORT, c, i, (flags & 4) != 0, window, src, dst, ek, ak));
    }

    private static Response response(MessageType type, WireReader in, long at) throws ProtocolException {
        switch (type) {
            case HELLO: return new HelloReply(in.u8("version"), in.u16("maxPayload"));
            case IDENTIFY: return identifyReply(in);
            case SELF_TEST: return new SelfTestReply(in.rest());
            case HEARTBEAT: return new HeartbeatReply(in.u32("nonce"), in.u16("creditsFree"), in.u32("uptimeMillis"));
            case STATS: {
                int n = in.u8("counterCount");
                List<Counter> counters = new ArrayList<>(n);
                for (int k = 0; k < n; k++) {
                    counters.add(new Counter(in.ascii8("counter.name"), in.u64("counter.value")));
                }
                return new StatsReply(counters);
            }
            case REG_READ: return new RegValue(in.u32("address"), in.u32("value"));
            case EEPROM_READ: return new EepromData(in.u8("wordOffset"), words(in));
            case JOB_RESULT: {
                long jobId = in.u32("jobId");
                int code = in.u8("status");
                JobStatus status = JobStatus.fromCode(code);
                if (status == null) {
                    throw in.malformed("status", "unknown job status " + code);
                }
                long seq = in.u64("sequenceNumber");
                return status == JobStatus.OK ? JobResult.ok(jobId, seq, in.rest())
                        : JobResult.failed(jobId, status, seq, in.utf8Rest());
            }
            case RESET, SA_ADD, SA_DELETE, TRANSMIT, SET_MAC, RESTORE_MAC, REG_WRITE, EEPROM_WRITE,
                 FW_BEGIN, FW_CHUNK, FW_COMMIT, FW_ACTIVATE, FAULT:
                return new Ack(type);
            default:
                throw new UnknownTypeException(at, type.code(), type + " has no response (jobs are answered by JOB_RESULT)");
        }
    }

    private static IdentifyReply identifyReply(WireReader in) throws ProtocolException {
        PciIdentity pci = new PciIdentity(in.u16("vendorId"), in.u16("deviceId"), in.u8("revision"),
                in.u16("subsystemVendorId"), in.u16("subsystemId"));
        MacAddress mac = MacAddress.fromBytes(in.raw(MacAddress.LENGTH, "mac"), 0);
        FirmwareVersion fw = new FirmwareVersion(in.u8("firmware.major"), in.u8("firmware.minor"), in.u16("firmware.patch"));
        int flags = in.u8("flags");
        if ((flags & ~7) != 0) {
            throw in.malformed("flags", String.format("reserved bits set in 0x%02x", flags));
        }
        int speed = in.u16("linkSpeedMbps");
        int maxSas = in.u16("maxSas");
        int maxJob = in.u16("maxJobSize");
        int credits = in.u16("credits");
        int nc = in.u8("cipherCount");
        List<Cipher> ciphers = new ArrayList<>(nc);
        for (int k = 0; k < nc; k++) {
            ciphers.add(cipher(in));
        }
        int ni = in.u8("integrityCount");
        List<Integrity> integrities = new ArrayList<>(ni);
        for (int k = 0; k < ni; k++) {
            integrities.add(integrity(in));
        }
        long rate = in.u32("engineRate");
        return new IdentifyReply(pci, mac, fw, (flags & 1) != 0, speed,
                new Capabilities((flags & 2) != 0, (flags & 4) != 0, maxSas, maxJob, credits, ciphers, integrities, rate));
    }

    private static Event event(MessageType type, WireReader in, long at) throws ProtocolException {
        switch (type) {
            case FRAME_RECEIVED: {
                int flags = in.u8("flags");
                if ((flags & ~1) != 0) {
                    throw in.malformed("flags", String.format("reserved bits set in 0x%02x", flags));
                }
                int code = in.u8("status");
                JobStatus status = JobStatus.fromCode(code);
                if (status == null) {
                    throw in.malformed("status", "unknown job status " + code);
                }
                return new FrameReceived((flags & 1) != 0, status, in.u16("saSlot"), in.rest());
            }
            case LINK: {
                int up = in.u8("up");
                if (up > 1) {
                    throw in.malformed("up", "must be 0 or 1, got " + up);
                }
                return new LinkChange(up == 1, in.u16("speedMbps"));
            }
            case RESET: {
                int code = in.u8("cause");
                ResetCause cause = ResetCause.fromCode(code);
                if (cause == null) {
                    throw in.malformed("cause", "unknown reset cause " + code);
                }
                return new DeviceReset(cause);
            }
            case ERROR: return new DeviceError(errorCode(in), in.utf8Rest());
            default:
                throw new UnknownTypeException(at, type.code(), type + " is not an event");
        }
    }

    private static ErrorCode errorCode(WireReader in) throws ProtocolException {
        int code = in.u16("code");
        ErrorCode c = ErrorCode.fromCode(code);
        if (c == null) {
            throw in.malformed("code", "unknown error code " + code);
        }
        return c;
    }

    private static Cipher cipher(WireReader in) throws ProtocolException {
        int id = in.u16("cipher");
        int bits = in.u16("keyBits");
        Cipher c = Cipher.fromWire(id, bits);
        if (c == null) {
            throw in.malformed("cipher", "unknown cipher transform " + id + " with " + bits + "-bit key");
        }
        return c;
    }

    private static Integrity integrity(WireReader in) throws ProtocolException {
        int id = in.u16("integrity");
        Integrity i = Integrity.fromWire(id);
        if (i == null) {
            throw in.malformed("integrity", "unknown integrity transform " + id);
        }
        return i;
    }

    private static List<Integer> words(WireReader in) throws ProtocolException {
        int n = in.u8("wordCount");
        List<Integer> words = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
            words.add(in.u16("word"));
        }
        return words;
    }
}

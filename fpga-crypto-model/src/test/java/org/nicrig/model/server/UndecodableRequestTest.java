package org.nicrig.model.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.nicrig.model.device.Device;
import org.nicrig.model.device.DeviceConfig;
import org.nicrig.model.device.Profiles;
import org.nicrig.model.testing.Addresses;
import org.nicrig.model.testing.HostEnd;
import org.nicrig.model.wire.VirtualWire;
import org.nicrig.protocol.frame.FrameEncoder;
import org.nicrig.protocol.frame.FrameFormat;
import org.nicrig.protocol.message.DeviceError;
import org.nicrig.protocol.message.ErrorCode;
import org.nicrig.protocol.message.ErrorReply;
import org.nicrig.protocol.message.Heartbeat;
import org.nicrig.protocol.message.HeartbeatReply;
import org.nicrig.protocol.message.Message;
import org.nicrig.protocol.message.MessageType;

/**
 * PROTOCOL.md §3.4: a request in a sound frame that does not decode is answered with an error
 * reply carrying its type code and sequence number (UnsupportedVersion → UNSUPPORTED_VERSION,
 * UnknownType → UNKNOWN_TYPE, BadLength and MalformedMessage → MALFORMED), not only reported.
 */
class UndecodableRequestTest {
    private static final int REQUEST = 0;
    private final FrameEncoder frames = new FrameEncoder();
    private Device device;
    private DeviceServer server;
    private HostEnd host;

    @BeforeEach
    void serve() {
        PipeChannel[] ends = PipeChannel.pair("undecodable");
        device = new Device(DeviceConfig.of(Profiles.FPGA_AES, Addresses.NIC_A), new VirtualWire());
        server = new DeviceServer(device, ends[0]).start();
        host = new HostEnd(ends[1]);
    }

    @AfterEach
    void tearDown() {
        host.close();
        server.close();
        device.close();
    }

    private ErrorReply answerTo(int version, int flags, int type, long seq, byte[] payload) throws Exception {
        host.sendRaw(frames.encode(version, flags, type, seq, payload, 0, payload.length));
        Message m = host.awaitResponse(seq, HostEnd.WAIT);
        assertThat(m).as("an answer under sequence " + seq).isInstanceOf(ErrorReply.class);
        return (ErrorReply) m;
    }

    @Test
    void anUnknownTypeIsRefusedUnderItsOwnCodeAndSequence() throws Exception {
        ErrorReply r = answerTo(1, REQUEST, 0x5F, 77, new byte[0]);
        assertThat(r.code()).isEqualTo(ErrorCode.UNKNOWN_TYPE);
        assertThat(r.aboutTypeCode()).isEqualTo(0x5F);
    }

    @Test
    void aTruncatedRequestIsMalformed() throws Exception {
        // SA_DELETE carries a u16 slot (§5.8); one byte is too short
        ErrorReply r = answerTo(1, REQUEST, MessageType.SA_DELETE.code(), 78, new byte[] {1});
        assertThat(r.code()).isEqualTo(ErrorCode.MALFORMED);
        assertThat(r.aboutTypeCode()).isEqualTo(MessageType.SA_DELETE.code());
    }

    @Test
    void bytesLeftOverAreMalformed() throws Exception {
        ErrorReply r = answerTo(1, REQUEST, MessageType.IDENTIFY.code(), 79, new byte[] {0});
        assertThat(r.code()).isEqualTo(ErrorCode.MALFORMED);
    }

    @Test
    void aVersionNotNegotiatedIsRefused() throws Exception {
        ErrorReply r = answerTo(2, REQUEST, MessageType.IDENTIFY.code(), 80, new byte[0]);
        assertThat(r.code()).isEqualTo(ErrorCode.UNSUPPORTED_VERSION);
    }

    @Test
    void aRequestWithTheErrorFlagIsMalformed() throws Exception {
        ErrorReply r = answerTo(1, REQUEST | FrameFormat.ERROR_FLAG, MessageType.IDENTIFY.code(), 81, new byte[0]);
        assertThat(r.code()).isEqualTo(ErrorCode.MALFORMED);
    }

    @Test
    void anUndecodableEventIsReportedNotAnsweredAndTheDeviceGoesOn() throws Exception {
        // kind EVENT (bits 10), type LINK with a payload one byte short
        host.sendRaw(frames.encode(1, 2, MessageType.LINK.code(), 82, new byte[] {1}, 0, 1));
        DeviceError e = host.awaitEvent(DeviceError.class, HostEnd.WAIT);
        assertThat(e.code()).isEqualTo(ErrorCode.MALFORMED);
        assertThat(host.awaitResponse(82, java.time.Duration.ofMillis(200))).isNull();
        assertThat(host.request(new Heartbeat(5), HeartbeatReply.class).nonce()).isEqualTo(5);
    }
}

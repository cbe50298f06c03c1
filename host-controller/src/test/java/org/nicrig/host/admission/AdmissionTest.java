package org.nicrig.host.admission;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.nicrig.host.session.DeviceSession;
import org.nicrig.host.session.SessionConfig;
import org.nicrig.host.transport.EmulatedTransportProvider;
import org.nicrig.host.transport.TransportUri;
import org.nicrig.model.wire.VirtualWire;
import org.nicrig.protocol.message.*;

/** Patent ops 300–306 against the device model in-process, through the real codec. */
class AdmissionTest {
    static final AllowList LAB = new AllowList(List.of(
            new AllowedIdentity("82559", 0x8086, 0x1229, 0x08, 0x0C, new FirmwareVersion(2, 0, 0), new FirmwareVersion(2, 9, 0)),
            new AllowedIdentity("fpga-aes", 0x1172, 0xE001, 0x01, 0x01, new FirmwareVersion(1, 4, 0), new FirmwareVersion(1, 4, 99))));

    private final VirtualWire wire = new VirtualWire();
    private final EmulatedTransportProvider emulated = new EmulatedTransportProvider(wire);
    private final List<DeviceSession> sessions = new java.util.ArrayList<>();

    @AfterEach
    void close() {
        sessions.forEach(DeviceSession::close);
    }

    private DeviceSession open(String uri) throws Exception {
        DeviceSession s = new DeviceSession(uri, emulated.create(TransportUri.parse(uri)), SessionConfig.DEFAULT);
        sessions.add(s);
        s.open();
        return s;
    }

    @Test
    void capableMembersAreAdmittedAndTheirEnginesVerifiedByTheHostsReference() throws Exception {
        Admission admission = new Admission(LAB, 42);
        AdmissionResult fpga = admission.admit("fpga", open("emulated:fpga-aes?mac=02:00:00:00:00:01&speed=unlimited"));
        AdmissionResult asic = admission.admit("asic", open("emulated:82559-ipsec?mac=02:00:00:00:00:02&speed=unlimited"));
        AdmissionResult plain = admission.admit("plain", open("emulated:82559-plain?mac=02:00:00:00:00:03"));

        assertThat(fpga).extracting(AdmissionResult::admitted, AdmissionResult::engineVerified, AdmissionResult::secondaryUse)
                .containsExactly(true, true, true);
        assertThat(asic.engineVerified()).as(asic.reason()).isTrue();
        assertThat(plain).extracting(AdmissionResult::admitted, AdmissionResult::engineVerified).containsExactly(true, false);

        TeamPresentation team = TeamPresentation.of(List.of(fpga, asic, plain));
        assertThat(team.ipsecCapable()).isTrue();
        assertThat(team.cryptoServiceOffered()).isTrue();
        assertThat(team.ciphers()).contains(Cipher.AES_128_GCM_16, Cipher.TRIPLE_DES_CBC, Cipher.DES_CBC);
    }

    @Test
    void identityOffTheAllowListIsRefusedWithItsReason() throws Exception {
        AdmissionResult r = new Admission(LAB, 1).admit("new-rev",
                open("emulated:82559-ipsec?mac=02:00:00:00:00:04&revision=13"));
        assertThat(r.admitted()).isFalse();
        assertThat(r.reason()).contains("8086:1229 rev 0d").contains("revision 0x0d outside 0x08..0x0c").contains("'82559'");
    }

    @Test
    void teamWithoutAVerifiedEngineOffersNoCryptoService() throws Exception {
        AdmissionResult plain = new Admission(LAB, 1).admit("plain", open("emulated:82559-plain?mac=02:00:00:00:00:05"));
        TeamPresentation team = TeamPresentation.of(List.of(plain));
        assertThat(team.ipsecCapable()).isFalse();
        assertThat(team.cryptoServiceOffered()).isFalse();
    }

    @Test
    void engineThatAnswersTheSelfTestWronglyIsNotTrusted() throws Exception {
        // A scripted device that claims an AES engine and answers SELF_TEST with the right length, wrong bytes.
        var device = new org.nicrig.host.testing.ScriptedDevice();
        DeviceSession session = new DeviceSession("liar", device.transport(), SessionConfig.DEFAULT.withHeartbeat(java.time.Duration.ZERO, 1));
        sessions.add(session);
        CompletableFuture<Void> play = CompletableFuture.runAsync(() -> {
            try {
                device.reply(device.expect(Hello.class).sequence(), new HelloReply(1, 16384));
                device.reply(device.expect(Identify.class).sequence(), new IdentifyReply(
                        new PciIdentity(0x1172, 0xE001, 1, 0x8086, 0x71), MacAddress.parse("02:00:00:00:00:09"),
                        new FirmwareVersion(1, 4, 0), true, 1000, new Capabilities(true, true, 8, 2048, 4,
                        List.of(Cipher.AES_128_CBC), List.of(Integrity.HMAC_SHA1_96))));
                Envelope test = device.expect(SelfTest.class);
                SelfTest t = (SelfTest) test.message();
                device.reply(test.sequence(), new SelfTestReply(Bytes.wrap(new byte[t.data().length() + 12])));
            } catch (Exception e) {
                throw new java.util.concurrent.CompletionException(e);
            }
        });
        session.open();
        AdmissionResult r = new Admission(LAB, 7).admit("liar", session);
        play.get(5, TimeUnit.SECONDS);
        assertThat(r.admitted()).isTrue();
        assertThat(r.engineVerified()).isFalse();
        assertThat(r.secondaryUse()).isFalse();
        assertThat(r.reason()).contains("self-test failed").contains("AES_128_CBC/HMAC_SHA1_96: wrong answer");
        device.close();
    }

    @Test
    void brokenEepromChecksumIsRefusedAsTheE100DriverWould() throws Exception {
        DeviceSession s = open("emulated:82559-ipsec?mac=02:00:00:00:00:06");
        s.call(new EepromWrite(0x20, List.of(0x1234))); // a write that does not fix word 0x3F
        IdentifyReply id = (IdentifyReply) s.call(new Identify());
        assertThat(id.eepromChecksumOk()).isFalse();
        AdmissionResult r = new Admission(LAB, 1).admit("bad-eeprom", s, id);
        assertThat(r.admitted()).isFalse();
        assertThat(r.reason()).contains("0xBABA");
    }
}

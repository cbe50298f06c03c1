package org.nicrig.model.device;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nicrig.model.eeprom.Eeprom82559;
import org.nicrig.model.testing.Addresses;
import org.nicrig.protocol.message.Ack;
import org.nicrig.protocol.message.EepromData;
import org.nicrig.protocol.message.EepromRead;
import org.nicrig.protocol.message.EepromWrite;
import org.nicrig.protocol.message.ErrorCode;
import org.nicrig.protocol.message.ErrorReply;
import org.nicrig.protocol.message.FirmwareVersion;
import org.nicrig.protocol.message.Identify;
import org.nicrig.protocol.message.IdentifyReply;
import org.nicrig.protocol.message.MacAddress;
import org.nicrig.protocol.message.PciIdentity;

/** IDENTIFY (patent op. 300) and the EEPROM behind it. */
class DeviceIdentityTest {

    @Test
    void identifyReportsTheProfileTheUnitAndACorrectChecksum() {
        try (DeviceFixture f = new DeviceFixture(DeviceConfig.of(Profiles.FPGA_AES, Addresses.NIC_A))) {
            IdentifyReply id = (IdentifyReply) f.handle(new Identify());
            assertThat(id.pci()).isEqualTo(new PciIdentity(0x1172, 0xE001, 0x01, 0x8086, 0x0071));
            assertThat(id.mac()).isEqualTo(Addresses.NIC_A);
            assertThat(id.firmware()).isEqualTo(new FirmwareVersion(1, 4, 0));
            assertThat(id.eepromChecksumOk()).isTrue();
            assertThat(id.linkSpeedMbps()).isEqualTo(1000);
            assertThat(id.capabilities().engine()).isTrue();
            assertThat(id.capabilities().credits()).isEqualTo(32);
            assertThat(id.capabilities().maxSas()).isEqualTo(128);
        }
    }

    @Test
    void aPlainDeviceReportsNoEngineAndARevisionOverrideIsReported() {
        DeviceConfig c = DeviceConfig.of(Profiles.I82559_PLAIN, Addresses.NIC_B).withRevision(0x09);
        try (DeviceFixture f = new DeviceFixture(c)) {
            IdentifyReply id = (IdentifyReply) f.handle(new Identify());
            assertThat(id.pci().revision()).isEqualTo(0x09);
            assertThat(id.pci().deviceId()).isEqualTo(0x1229);
            assertThat(id.capabilities().engine()).isFalse();
            assertThat(id.capabilities().credits()).isZero();
        }
    }

    @Test
    void eepromHoldsTheMacLowByteFirstAndSumsTo0xBaba() {
        MacAddress mac = MacAddress.parse("00:1b:21:0a:0b:0c");
        try (DeviceFixture f = new DeviceFixture(DeviceConfig.of(Profiles.I82559_IPSEC, mac))) {
            EepromData d = (EepromData) f.handle(new EepromRead(0, Eeprom82559.WORDS));
            // e100.c reads the MAC as words 0-2, low byte first
            assertThat(d.words().subList(0, 3)).containsExactly(0x1B00, 0x0A21, 0x0C0B);
            assertThat(d.words().get(Eeprom82559.SUBSYSTEM_ID_WORD)).isEqualTo(0x0070);
            assertThat(d.words().get(Eeprom82559.SUBSYSTEM_VENDOR_WORD)).isEqualTo(0x8086);
            assertThat(d.words().stream().mapToInt(Integer::intValue).sum() & 0xFFFF).isEqualTo(0xBABA);
        }
    }

    @Test
    void aWriteThatBreaksTheChecksumIsReportedAtIdentifyUntilTheHostFixesIt() {
        try (DeviceFixture f = new DeviceFixture(DeviceConfig.of(Profiles.I82559_IPSEC, Addresses.NIC_A))) {
            assertThat(f.handle(new EepromWrite(0x20, List.of(0x1234)))).isEqualTo(new Ack(org.nicrig.protocol.message.MessageType.EEPROM_WRITE));
            assertThat(((IdentifyReply) f.handle(new Identify())).eepromChecksumOk()).isFalse();

            // the host's fix: word 0x3F := 0xBABA - sum(words 0..0x3E)
            List<Integer> words = new ArrayList<>(((EepromData) f.handle(new EepromRead(0, 63))).words());
            int sum = words.stream().mapToInt(Integer::intValue).sum();
            f.handle(new EepromWrite(Eeprom82559.CHECKSUM_WORD, List.of((0xBABA - sum) & 0xFFFF)));
            assertThat(((IdentifyReply) f.handle(new Identify())).eepromChecksumOk()).isTrue();
        }
    }

    @Test
    void rewritingTheMacWordsChangesTheIdentifiedMac() {
        try (DeviceFixture f = new DeviceFixture(DeviceConfig.of(Profiles.I82559_IPSEC, Addresses.NIC_A))) {
            f.handle(new EepromWrite(0, List.of(0x0002, 0x0000, 0x2200))); // 02:00:00:00:00:22
            assertThat(((IdentifyReply) f.handle(new Identify())).mac()).isEqualTo(MacAddress.parse("02:00:00:00:00:22"));
        }
    }

    @Test
    void eepromAccessPastWord63IsRefusedWithTheRange() {
        try (DeviceFixture f = new DeviceFixture(DeviceConfig.of(Profiles.I82559_IPSEC, Addresses.NIC_A))) {
            ErrorReply read = (ErrorReply) f.handle(new EepromRead(60, 8));
            assertThat(read.code()).isEqualTo(ErrorCode.EEPROM_RANGE);
            assertThat(read.detail()).contains("60..67");
            ErrorReply write = (ErrorReply) f.handle(new EepromWrite(63, List.of(1, 2)));
            assertThat(write.code()).isEqualTo(ErrorCode.EEPROM_RANGE);
            assertThat(((IdentifyReply) f.handle(new Identify())).eepromChecksumOk()).as("refused write changed nothing").isTrue();
        }
    }
}

package org.nicrig.model.device;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.nicrig.model.testing.Addresses;
import org.nicrig.model.testing.Sas;
import org.nicrig.protocol.message.Ack;
import org.nicrig.protocol.message.Cipher;
import org.nicrig.protocol.message.Direction;
import org.nicrig.protocol.message.ErrorCode;
import org.nicrig.protocol.message.ErrorReply;
import org.nicrig.protocol.message.EspMode;
import org.nicrig.protocol.message.Integrity;
import org.nicrig.protocol.message.KeyBytes;
import org.nicrig.protocol.message.Response;
import org.nicrig.protocol.message.SaAdd;
import org.nicrig.protocol.message.SaDelete;
import org.nicrig.protocol.message.SaParams;

/** SA_ADD and SA_DELETE refusals: each names its reason, none evicts anything. */
class SaRequestsTest {

    private static ErrorCode code(Response r) {
        assertThat(r).isInstanceOf(ErrorReply.class);
        return ((ErrorReply) r).code();
    }

    @Test
    void aSlotOutsideTheTableIsInvalid() {
        try (DeviceFixture f = new DeviceFixture(DeviceConfig.of(Profiles.FPGA_AES, Addresses.NIC_A))) {
            assertThat(code(f.handle(new SaAdd(128, Sas.aes(1, 1)[0])))).isEqualTo(ErrorCode.SA_SLOT_INVALID);
            assertThat(code(f.handle(new SaDelete(128)))).isEqualTo(ErrorCode.SA_SLOT_INVALID);
            assertThat(f.handle(new SaAdd(127, Sas.aes(1, 1)[0]))).isInstanceOf(Ack.class);
        }
    }

    @Test
    void aUsedSlotIsRefusedUntilDeleted() {
        try (DeviceFixture f = new DeviceFixture(DeviceConfig.of(Profiles.FPGA_AES, Addresses.NIC_A))) {
            f.install(4, Sas.aes(0x100, 1)[0]);
            ErrorReply e = (ErrorReply) f.handle(new SaAdd(4, Sas.aes(0x200, 2)[0]));
            assertThat(e.code()).isEqualTo(ErrorCode.SA_SLOT_IN_USE);
            assertThat(e.detail()).contains("0x100");
            assertThat(f.handle(new SaDelete(4))).isInstanceOf(Ack.class);
            assertThat(f.handle(new SaAdd(4, Sas.aes(0x200, 2)[0]))).isInstanceOf(Ack.class);
        }
    }

    @Test
    void aFullTableSaysSo() {
        try (DeviceFixture f = new DeviceFixture(DeviceConfig.of(Profiles.I82559_IPSEC, Addresses.NIC_A))) {
            for (int slot = 0; slot < 16; slot++) {
                f.install(slot, Sas.tripleDes(0x1000 + slot, slot)[0]);
            }
            assertThat(f.counter("sa_in_use")).isEqualTo(16);
            assertThat(code(f.handle(new SaAdd(3, Sas.tripleDes(0x2000, 99)[0])))).isEqualTo(ErrorCode.SA_TABLE_FULL);
            assertThat(code(f.handle(new SaAdd(16, Sas.tripleDes(0x2000, 99)[0])))).isEqualTo(ErrorCode.SA_SLOT_INVALID);
        }
    }

    @Test
    void anAlgorithmTheProfileLacksIsUnsupported() {
        try (DeviceFixture f = new DeviceFixture(DeviceConfig.of(Profiles.I82559_IPSEC, Addresses.NIC_A))) {
            ErrorReply e = (ErrorReply) f.handle(new SaAdd(0, Sas.aes(1, 1)[0]));
            assertThat(e.code()).isEqualTo(ErrorCode.UNSUPPORTED_ALGORITHM);
            assertThat(e.detail()).contains("AES_128_CBC").contains("82559-ipsec");
        }
        try (DeviceFixture f = new DeviceFixture(DeviceConfig.of(Profiles.FPGA_AES, Addresses.NIC_A))) {
            // an AEAD cipher carries its own ICV: GCM with an HMAC is no suite (RFC 4106 §1)
            SaParams gcmWithHmac = Sas.pair(Cipher.AES_128_GCM_16, Integrity.HMAC_SHA1_96, 1, 1)[0];
            assertThat(code(f.handle(new SaAdd(0, gcmWithHmac)))).isEqualTo(ErrorCode.UNSUPPORTED_ALGORITHM);
        }
    }

    @Test
    void keysOfTheWrongLengthAreRefusedWithoutShowingThem() {
        try (DeviceFixture f = new DeviceFixture(DeviceConfig.of(Profiles.FPGA_AES, Addresses.NIC_A))) {
            SaParams shortCipherKey = new SaParams(1, Direction.OUTBOUND, EspMode.TRANSPORT, Cipher.AES_128_CBC,
                    Integrity.HMAC_SHA1_96, false, 0, 0, 0, KeyBytes.of(new byte[24]), KeyBytes.of(new byte[20]));
            ErrorReply e = (ErrorReply) f.handle(new SaAdd(0, shortCipherKey));
            assertThat(e.code()).isEqualTo(ErrorCode.BAD_KEY_LENGTH);
            assertThat(e.detail()).contains("16").contains("24");

            SaParams shortAuthKey = new SaParams(1, Direction.OUTBOUND, EspMode.TRANSPORT, Cipher.AES_128_CBC,
                    Integrity.HMAC_SHA1_96, false, 0, 0, 0, KeyBytes.of(new byte[16]), KeyBytes.of(new byte[16]));
            assertThat(code(f.handle(new SaAdd(0, shortAuthKey)))).isEqualTo(ErrorCode.BAD_KEY_LENGTH);
            assertThat(f.counter("sa_in_use")).isZero();
        }
    }

    @Test
    void aDeviceWithoutEngineIsNotCapable() {
        try (DeviceFixture f = new DeviceFixture(DeviceConfig.of(Profiles.I82559_PLAIN, Addresses.NIC_A))) {
            assertThat(code(f.handle(new SaAdd(0, Sas.tripleDes(1, 1)[0])))).isEqualTo(ErrorCode.NOT_CAPABLE);
        }
    }
}

package org.nicrig.model.device;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.nicrig.model.testing.Addresses;
import org.nicrig.model.wire.VirtualWire;
import org.nicrig.protocol.message.Ack;
import org.nicrig.protocol.message.Bytes;
import org.nicrig.protocol.message.DeviceReset;
import org.nicrig.protocol.message.ErrorCode;
import org.nicrig.protocol.message.ErrorReply;
import org.nicrig.protocol.message.Event;
import org.nicrig.protocol.message.Reset;
import org.nicrig.protocol.message.ResetCause;
import org.nicrig.protocol.message.Response;
import org.nicrig.protocol.message.Transmit;

/** PROTOCOL.md §5.5 (RESET: the ACK before the reset) and §5.12 (TRANSMIT: MALFORMED outside the port's frame sizes). */
class ResetAndTransmitRulesTest {

    @Test
    void theResetTakesEffectOnlyAfterItsAckIsSent() {
        try (Device d = new Device(DeviceConfig.of(Profiles.FPGA_AES, Addresses.NIC_A), new VirtualWire())) {
            List<Event> events = new CopyOnWriteArrayList<>();
            d.onEvent(events::add);
            Response ack = d.handle(new Reset());
            assertThat(ack).isInstanceOf(Ack.class);
            assertThat(events).as("nothing happens before the ACK is out").isEmpty();
            d.afterReply(new Reset(), ack);
            assertThat(events).containsExactly(new DeviceReset(ResetCause.HOST_REQUEST));
        }
    }

    @Test
    void transmitRefusesAFrameShorterThanAnEthernetHeaderOrLongerThanTheJumboLimit() {
        try (Device d = new Device(DeviceConfig.of(Profiles.FPGA_AES, Addresses.NIC_A), new VirtualWire())) {
            Response shortOne = d.handle(new Transmit(Bytes.wrap(new byte[13])));
            Response longOne = d.handle(new Transmit(Bytes.wrap(new byte[Device.MAX_FRAME + 1])));
            Response largest = d.handle(new Transmit(Bytes.wrap(new byte[Device.MAX_FRAME])));
            assertThat(shortOne).isInstanceOfSatisfying(ErrorReply.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.MALFORMED));
            assertThat(longOne).isInstanceOfSatisfying(ErrorReply.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.MALFORMED));
            assertThat(largest).isInstanceOf(Ack.class);
        }
    }
}

package org.nicrig.model.esp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nicrig.model.esp.TestPackets.hex;

import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nicrig.protocol.message.Cipher;
import org.nicrig.protocol.message.Direction;
import org.nicrig.protocol.message.EspMode;
import org.nicrig.protocol.message.Integrity;
import org.nicrig.protocol.message.JobStatus;
import org.nicrig.protocol.message.KeyBytes;
import org.nicrig.protocol.message.SaParams;

/**
 * AES-GCM ESP packets from D. McGrew, "Test Cases for the use of Galois/Counter Mode (GCM) and
 * Galois Message Authentication Code (GMAC) in IPsec ESP", draft-mcgrew-gcm-test-01 §4, the
 * packet-level companion to RFC 4106. Each case gives key, SPI, sequence number (8 bytes when it
 * uses ESN), nonce (salt || IV), plaintext (ending in the ESP trailer) and the ESP packet. Case #7
 * (a 192-bit key) is left out: the model has no AES-192 suite.
 *
 * <p>Every case's trailer is 1, 2, ... padding to a 4-byte boundary with Next Header 1, which is
 * what the engine writes in transport mode for an IPv4 packet with protocol 1 whose payload is the
 * plaintext before the trailer. So each case runs through the real encapsulation: the payload is
 * wrapped in an IPv4 header of our own (not part of the vector) and the output from the SPI on
 * must equal the published packet; then the published packet, wrapped the same way, must decrypt.
 */
class GcmEspVectorsTest {

    static Stream<Arguments> cases() {
        return Stream.of(
            Arguments.of(1, "4c80cdefbb5d10da906ac73c3613a634", "00004321", "8765432100000000",
                "2e443b684956ed7e3b244cfe",
                "45000048699a000080114db7c0a80102 c0a801010a9bf15638d3010000010000 00000000045f736970045f7564700373"
                    + " 69700963796265726369747902646b00 0021000101020201",
                "00004321000000004956ed7e3b244cfe fecf537e729d5b07dc30df528dd22b76 8d1b98736696a6fd348509fa13ceac34"
                    + " cfa2436f14a3f3cf65925bf1f4a13c5d 15b21e1884f5ff6247aeabb786b93bce 61bc17d768fd9732459018148f6cbe72"
                    + " 2fd04796562dfdb4"),
            Arguments.of(2, "feffe9928665731c6d6a8f9467308308", "0000a5f8", "0000000a",
                "cafebabefacedbaddecaf888",
                "4500003e698f000080114dccc0a80102 c0a801010a980035002a2343b2d00100 00010000000000000373697009637962"
                    + " 65726369747902646b00000100010001",
                "0000a5f80000000afacedbaddecaf888 deb22cd9b07c72c16e3a65beeb8df304 a5a5897d33ae530f1ba76d5d114d2a5c"
                    + " 3de81827c10e9a4f51330d0eec416642 cfbb85a5b47e48a4ec3b9ba95d918bd1 83b70d3aa8bc6ee4c309e9d85a41ad4a"),
            Arguments.of(3, "abbccddef00112233445566778899aab abbccddef00112233445566778899aab", "4a2cbfe3", "00000002",
                "112233440102030405060708",
                "4500003069a6400080062690c0a80102 9389155e0a9e008b2dc57ee000000000 7002400020bf0000020405b401010402"
                    + " 01020201",
                "4a2cbfe3000000020102030405060708 ff425c9b724599df7a3bcd510194e00d 6a78107f1b0b1cbf06efae9d65a5d763"
                    + " 748a637985771d347f0545659f14e99d ef842d8eb335f4eecfdbf831824b4c49 15956c96"),
            Arguments.of(4, "00000000000000000000000000000000", "00000000", "00000001",
                "000000000000000000000000",
                "4500003c99c500008001cb7a40679318 010101010800075c0200440061626364 65666768696a6b6c6d6e6f7071727374"
                    + " 75767761626364656667686901020201",
                "00000000000000010000000000000000 4688daf2f973a392732909c331d56d60 f694abaa414b5e7ff5fdcdfff5e9a284"
                    + " 456476492719ffb64de7d9dca1e1d894 bc3bd57873ed4d181d19d4d5c8c18af3 f821d496eeb096e98ad2b69e4799c71d"),
            Arguments.of(5, "3de09874b388e6491988d0c3607eae1f", "42f67e3f", "1010101010101010",
                "57690e434e280000a2fca1a3",
                "4500003c99c300008001cb7c40679318 010101010800085c0200430061626364 65666768696a6b6c6d6e6f7071727374"
                    + " 75767761626364656667686901020201",
                "42f67e3f101010104e280000a2fca1a3 fba2caa4853cf9f0f22cb10d86dd83b0 fec75691cf1a04b00d1138ec9c357917"
                    + " 65acbd8701ad79845bf9fe3fba487bc9 1755e6662b4c8d0d1f5e22739530320a e0d731cc978ecafaeae88f00e80d6e48"),
            Arguments.of(6, "3de09874b388e6491988d0c3607eae1f", "42f67e3f", "1010101010101010",
                "57690e434e280000a2fca1a3",
                "4500001c42a200008001441f406793b6 e00000020a00f5ff01020201",
                "42f67e3f101010104e280000a2fca1a3 fba2ca845e5df9f0f22c3e6e86dd831e 1fc65792cd1af9130e1379ed369f071f"
                    + " 35e034be95f112e4e7d05d35"),
            Arguments.of(8, "abbccddef00112233445566778899aab", "00000100", "0000000000000001",
                "decaf888cafedebaceface74",
                "4500004933ba00007f119106c3fb1d10 c2b1d326c02831ce0035dd7b800302d5 00004e20001e8c18d75b81dc91baa047"
                    + " 6b91b924b280389d92c963bac046ec95 9b6266c04722b14923010101",
                "0000010000000001cafedebaceface74 18a6fd42f72cbf4ab2a2ea901f73d814 e3e7f243d95412e1c349c1d2fbec168f"
                    + " 9190feebaf2cb01984e65863965d7472 b79da345e0e780191f0d2f0e0f496c22 6f2127b27db35724e7845d68651f57e6"
                    + " 5f354f75ff17015769623436"),
            Arguments.of(9, "abbccddef00112233445566778899aab abbccddef00112233445566778899aab", "17405e67",
                "156f3126dd0db99b", "73616c74616e640169766563",
                "45080028732c00004006e9f90a010612 0a01038f06b88023dd6bafbecb712602 50101f646d540001",
                "17405e67dd0db99b616e640169766563 f2d69ecdbd5a0d5b8d5ef38bad4da58d 1f278fde98ef67549d524a3018d9a57f"
                    + " f4d3a31ce673119e451626c2415771e3 b7eebca614c89b35"),
            Arguments.of(10, "3de09874b388e6491988d0c3607eae1f", "42f67e3f", "1010101010101010",
                "57690e434e280000a2fca1a3",
                "45000049333e00007f119182c3fb1d10 c2b1d326c02831ce0035cb458003025b 000001e0001e8c18d65759d52284a035"
                    + " 2c71475c8880391c764d6e5ee0496b32 5ae270c03899493915010101",
                "42f67e3f101010104e280000a2fca1a3 fba2cad12fc1f9f00d3cebf305410db8 3d7784b607323d220f24b0a97d541828"
                    + " 00cadb0f68d99ef0e0c0c89ae9bea888 4e52d65bc1afd0740f742444747b5b39 ab533163aad4550ee5160975cdb608c5"
                    + " 769189609763b8e18caa81e2"),
            Arguments.of(11, "abbccddef00112233445566778899aab abbccddef00112233445566778899aab", "17405e67",
                "156f3126dd0db99b", "73616c74616e640169766563",
                "636973636f0172756c65730174686501 6e6574776501646566696e6501746865 746563686e6f6c6f6769657301746861"
                    + " 7477696c6c01646566696e65746f6d6f 72726f7701020201",
                "17405e67dd0db99b616e640169766563 d4b7ed86a1777f2ea13d6973d324c69e 7b43f826fb56831226508bebd2dceb18"
                    + " d0a6df10e5487df074113e14c641024e 3e6773d91a62ee429b043a10e3efe6b0 12a49363412364f8c0cac587f249e56b"
                    + " 11e24f30e44ccc76"),
            Arguments.of(12, "7d773d00c144c525ac619d18c84a3f47", "335467ae", "ffffffff",
                "d966426743457e9182443bc6",
                "01020201",
                "335467aeffffffff43457e9182443bc6 437f866bcb3f699fe9b0822bac961c45 04bef270"),
            Arguments.of(13, "abbccddef00112233445566778899aab", "00000100", "0000000000000001",
                "decaf888cafedebaceface74",
                "746f016265016f72016e6f7401746f01 62650001",
                "0000010000000001cafedebaceface74 29c9fc69a197d038ccdd14e2ddfcaa05 43332164412503524303ed3c6c5f2838"
                    + " 43af8c3e"),
            Arguments.of(14, "6c6567616c697a656d6172696a75616e 61616e64646f69746265666f72656961", "796b6963",
                "ffffffffffffffff", "7475726e333021696765746d",
                "45000030da3a00008001df3bc0a80005 c0a800010800c6cd0200070061626364 65666768696a6b6c6d6e6f7071727374"
                    + " 01020201",
                "796b6963ffffffff333021696765746d f97ab2aa356d8edce17644ac8c78e25d d24dedbb29ebf1b64a274b39b49c3a86"
                    + " 4cd3d78ca4ae68a32b42458fb57dbe82 1dcc63b9d0937ba2945f669368661a32 9fb4c053")
        );
    }

    @ParameterizedTest(name = "draft-mcgrew-gcm-test-01 §4, Test Case #{0}")
    @MethodSource("cases")
    void encryptsToThePublishedPacket(int number, String key, String spi, String seq, String nonce,
                                      String plaintext, String packet) {
        Vector v = new Vector(key, spi, seq, nonce, plaintext);
        EspSa sa = EspSa.create(v.params(Direction.OUTBOUND));
        sa.presetOutboundSequence(v.seq - 1);

        EspResult r = EspProcessor.seeded(number).encrypt(sa, TestPackets.ipv4(v.nextHeader, v.payload), v.iv);

        assertThat(r.status()).as(r.reason()).isEqualTo(JobStatus.OK);
        assertThat(r.sequenceNumber()).isEqualTo(v.seq);
        assertThat(TestPackets.tail(r.output(), 20)).isEqualTo(hex(packet));
    }

    @ParameterizedTest(name = "draft-mcgrew-gcm-test-01 §4, Test Case #{0}")
    @MethodSource("cases")
    void publishedPacketDecrypts(int number, String key, String spi, String seq, String nonce,
                                 String plaintext, String packet) {
        Vector v = new Vector(key, spi, seq, nonce, plaintext);
        EspSa sa = EspSa.create(v.params(Direction.INBOUND));
        sa.presetInboundTop(v.seq - 1); // so that ESN inference (RFC 4303 Appendix A2) lands on the published number

        EspResult r = EspProcessor.seeded(number).decrypt(sa, TestPackets.espInIpv4(hex(packet)));

        assertThat(r.status()).as(r.reason()).isEqualTo(JobStatus.OK);
        assertThat(r.sequenceNumber()).isEqualTo(v.seq);
        assertThat(TestPackets.tail(r.output(), 20)).isEqualTo(v.payload);
        assertThat(Ipv4.protocol(r.output())).isEqualTo(v.nextHeader);
    }

    @ParameterizedTest(name = "draft-mcgrew-gcm-test-01 §4, Test Case #{0}, one ICV bit flipped")
    @MethodSource("cases")
    void publishedPacketWithAFlippedTagBitIsRejected(int number, String key, String spi, String seq, String nonce,
                                                     String plaintext, String packet) {
        Vector v = new Vector(key, spi, seq, nonce, plaintext);
        EspSa sa = EspSa.create(v.params(Direction.INBOUND));
        sa.presetInboundTop(v.seq - 1);
        byte[] tampered = TestPackets.espInIpv4(hex(packet));
        tampered[tampered.length - 1] ^= 0x01;

        EspResult r = EspProcessor.seeded(number).decrypt(sa, tampered);

        assertThat(r.status()).isEqualTo(JobStatus.ICV_MISMATCH);
        assertThat(r.output()).isNull();
    }

    /** One case, taken apart the way an SA sees it. */
    private static final class Vector {
        final byte[] keyMaterial;
        final long spi;
        final long seq;
        final boolean esn;
        final byte[] iv;
        final byte[] payload;
        final int nextHeader;

        Vector(String key, String spi, String seq, String nonce, String plaintext) {
            byte[] n = hex(nonce);
            byte[] k = hex(key);
            keyMaterial = Arrays.copyOf(k, k.length + 4);
            System.arraycopy(n, 0, keyMaterial, k.length, 4); // salt = first 4 nonce bytes (RFC 4106 §4)
            iv = Arrays.copyOfRange(n, 4, 12);
            this.spi = Long.parseLong(spi, 16);
            this.seq = Long.parseUnsignedLong(seq, 16);
            this.esn = seq.length() == 16;
            byte[] p = hex(plaintext);
            int padLength = p[p.length - 2];
            nextHeader = p[p.length - 1];
            payload = Arrays.copyOf(p, p.length - 2 - padLength);
            for (int i = 0; i < padLength; i++) {
                assertThat(p[payload.length + i]).as("published padding byte %d", i).isEqualTo((byte) (i + 1));
            }
        }

        SaParams params(Direction direction) {
            Cipher cipher = keyMaterial.length == 20 ? Cipher.AES_128_GCM_16 : Cipher.AES_256_GCM_16;
            return new SaParams(spi, direction, EspMode.TRANSPORT, cipher, Integrity.NONE, esn, 64, 0, 0,
                    KeyBytes.of(keyMaterial), KeyBytes.NONE);
        }
    }
}

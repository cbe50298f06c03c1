package org.nicrig.host.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nicrig.host.verify.CipherVectorsTest.hex;

import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nicrig.protocol.message.Cipher;
import org.nicrig.protocol.message.Direction;
import org.nicrig.protocol.message.EspMode;
import org.nicrig.protocol.message.Integrity;
import org.nicrig.protocol.message.KeyBytes;
import org.nicrig.protocol.message.SaParams;

/**
 * draft-mcgrew-gcm-test-01 ("Test Cases for the use of GCM and GMAC in IPsec ESP"), §4 AES-GCM
 * test vectors 1 to 4: complete ESP packets for RFC 4106 (SPI, sequence, 8-byte IV, ciphertext,
 * 16-byte ICV; no outer IP header), with key ‖ salt as the SA carries it. Vector 1 uses an
 * extended sequence number (0x87654321_00000000), so it also tests the ESN AAD of RFC 4106 §5.
 *
 * <p>The draft's plaintexts include ESP padding, Pad Length and Next Header. Its Next Header is 1
 * even where the payload is an IPv4 packet, so these vectors test the ESP layer (openEsp/sealEsp)
 * rather than tunnel-mode processing, which would rightly insist on 4.
 */
class EspGcmDraftTest {
    private static final HexFormat HEX = HexFormat.of();

    private static SaParams sa(long spi, Cipher cipher, boolean esn, String keyAndSalt) {
        return new SaParams(spi, Direction.OUTBOUND, EspMode.TRANSPORT, cipher, Integrity.NONE, esn, 0, 0, 0,
                KeyBytes.fromHex(keyAndSalt), KeyBytes.NONE);
    }

    @ParameterizedTest(name = "draft-mcgrew-gcm-test-01 §4, vector {0}")
    @CsvSource(delimiter = '|', value = {
        // no | cipher | key ‖ salt | ESN | SPI | 64-bit seq | IV | plaintext (with ESP trailer) | ESP packet
        "1|AES_128_GCM_16|4c80cdefbb5d10da906ac73c3613a634 2e443b68|true|00004321|8765432100000000|4956ed7e3b244cfe"
            + "|45000048699a000080114db7c0a80102c0a801010a9bf15638d3010000010000"
            + " 00000000045f736970045f756470037369700963796265726369747902646b00 0021000101020201"
            + "|00004321000000004956ed7e3b244cfe"
            + " fecf537e729d5b07dc30df528dd22b768d1b98736696a6fd348509fa13ceac34"
            + " cfa2436f14a3f3cf65925bf1f4a13c5d15b21e1884f5ff6247aeabb786b93bce"
            + " 61bc17d768fd9732459018148f6cbe722fd04796562dfdb4",
        "2|AES_128_GCM_16|feffe9928665731c6d6a8f9467308308 cafebabe|false|0000a5f8|000000000000000a|facedbaddecaf888"
            + "|4500003e698f000080114dccc0a80102c0a801010a980035002a2343b2d00100"
            + " 00010000000000000373697009637962657263697479 02646b00000100010001"
            + "|0000a5f80000000afacedbaddecaf888"
            + " deb22cd9b07c72c16e3a65beeb8df304a5a5897d33ae530f1ba76d5d114d2a5c"
            + " 3de81827c10e9a4f51330d0eec416642cfbb85a5b47e48a4ec3b9ba95d918bd1"
            + " 83b70d3aa8bc6ee4c309e9d85a41ad4a",
        "3|AES_256_GCM_16|abbccddef00112233445566778899aababbccddef00112233445566778899aab 11223344|false|4a2cbfe3"
            + "|0000000000000002|0102030405060708"
            + "|4500003069a6400080062690c0a801029389155e0a9e008b2dc57ee000000000"
            + " 7002400020bf0000020405b40101040201020201"
            + "|4a2cbfe3000000020102030405060708"
            + " ff425c9b724599df7a3bcd510194e00d6a78107f1b0b1cbf06efae9d65a5d763"
            + " 748a637985771d347f0545659f14e99def842d8eb335f4eecfdbf831824b4c49 15956c96",
        "4|AES_128_GCM_16|00000000000000000000000000000000 00000000|false|00000000|0000000000000001|0000000000000000"
            + "|4500003c99c500008001cb7a40679318010101010800075c0200440061626364"
            + " 65666768696a6b6c6d6e6f70717273747576776162636465666768 6901020201"
            + "|00000000000000010000000000000000"
            + " 4688daf2f973a392732909c331d56d60f694abaa414b5e7ff5fdcdfff5e9a284"
            + " 456476492719ffb64de7d9dca1e1d894bc3bd57873ed4d181d19d4d5c8c18af3"
            + " f821d496eeb096e98ad2b69e4799c71d",
    })
    void gcmEspVectors(int no, Cipher cipher, String keyAndSalt, boolean esn, String spi, String seq, String iv,
                       String plaintext, String packet) {
        long sequence = Long.parseUnsignedLong(seq, 16);
        EspReference ref = new EspReference(sa(Long.parseLong(spi, 16), cipher, esn, keyAndSalt));
        byte[] plain = hex(plaintext);
        byte[] esp = hex(packet);

        OpenResult.Opened o = (OpenResult.Opened) ref.openEsp(esp, (int) (sequence >>> 32));
        assertThat(o.sequence()).isEqualTo(sequence);
        assertThat(o.iv().hex()).isEqualTo(iv);
        int payloadLength = plain.length - 2 - o.padLength();
        assertThat(o.payload().toArray()).isEqualTo(Arrays.copyOf(plain, payloadLength));
        assertThat(o.nextHeader()).isEqualTo(plain[plain.length - 1] & 0xff);

        byte[] sealed = ref.sealEsp(sequence, hex(iv), o.payload().toArray(), o.nextHeader());
        assertThat(HEX.formatHex(sealed)).isEqualTo(HEX.formatHex(esp));
    }

    @ParameterizedTest(name = "vector 1 with ESN high bits {0} fails the ICV")
    @CsvSource({"0", "2271560480"}) // 0 and 0x87654320: only 0x87654321 is in the AAD
    void esnHighBitsAreAuthenticated(long wrongHigh) {
        EspReference ref = new EspReference(sa(0x4321, Cipher.AES_128_GCM_16, true,
                "4c80cdefbb5d10da906ac73c3613a634 2e443b68"));
        byte[] esp = hex("00004321000000004956ed7e3b244cfe"
                + "fecf537e729d5b07dc30df528dd22b768d1b98736696a6fd348509fa13ceac34"
                + "cfa2436f14a3f3cf65925bf1f4a13c5d15b21e1884f5ff6247aeabb786b93bce"
                + "61bc17d768fd9732459018148f6cbe722fd04796562dfdb4");
        OpenResult r = ref.openEsp(esp, (int) wrongHigh);
        assertThat(r).isInstanceOf(OpenResult.Rejected.class);
        assertThat(((OpenResult.Rejected) r).failure().check()).isEqualTo(Check.ICV);
    }

    @ParameterizedTest(name = "flipping bit {0} of the tag names the ICV with both tags")
    @CsvSource({"0", "7", "127"})
    void flippedTagReportsExpectedAndActualTag(int bit) {
        EspReference ref = new EspReference(sa(0xa5f8, Cipher.AES_128_GCM_16, false,
                "feffe9928665731c6d6a8f9467308308 cafebabe"));
        byte[] esp = hex("0000a5f80000000afacedbaddecaf888"
                + "deb22cd9b07c72c16e3a65beeb8df304a5a5897d33ae530f1ba76d5d114d2a5c"
                + "3de81827c10e9a4f51330d0eec416642cfbb85a5b47e48a4ec3b9ba95d918bd1"
                + "83b70d3aa8bc6ee4c309e9d85a41ad4a");
        int tagStart = esp.length - 16;
        esp[tagStart + bit / 8] ^= (byte) (0x80 >>> (bit % 8));
        Failure f = ((OpenResult.Rejected) ref.openEsp(esp, 0)).failure();
        assertThat(f.check()).isEqualTo(Check.ICV);
        assertThat(f.expected()).isEqualTo("83b70d3aa8bc6ee4c309e9d85a41ad4a");
        assertThat(f.actual()).isEqualTo(HEX.formatHex(esp, tagStart, esp.length));
    }
}

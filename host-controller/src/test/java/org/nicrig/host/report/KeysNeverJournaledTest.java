package org.nicrig.host.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nicrig.host.traffic.UdpPacket;
import org.nicrig.host.verify.EspReference;
import org.nicrig.host.verify.Failure;
import org.nicrig.host.verify.SaVerifier;
import org.nicrig.host.verify.Verdict;
import org.nicrig.protocol.message.Cipher;
import org.nicrig.protocol.message.Direction;
import org.nicrig.protocol.message.EspMode;
import org.nicrig.protocol.message.Integrity;
import org.nicrig.protocol.message.KeyBytes;
import org.nicrig.protocol.message.SaParams;

/**
 * Design invariant 5: a run's journal and reports never contain key bytes. The run below journals
 * what a runner would — the SA as text, the verifier's real failure text for a packet sealed under
 * the key and then damaged — and the key must not appear in any output, in any spelling.
 */
class KeysNeverJournaledTest {
    /** Recognisable key bytes (not a test vector: any key works here). */
    private static final String ENC_KEY = "0f1e2d3c4b5a69788796a5b4c3d2e1f0";
    private static final String AUTH_KEY = "5f6e7d8c9baba9b8c7d6e5f40312213041526374";

    @TempDir
    Path dir;

    @Test
    void noKeyHexInTheJournalOrAnyReport() throws Exception {
        SaParams sa = new SaParams(0x1001, Direction.OUTBOUND, EspMode.TRANSPORT, Cipher.AES_128_CBC,
                Integrity.HMAC_SHA1_96, false, 64, 0, 0, KeyBytes.fromHex(ENC_KEY), KeyBytes.fromHex(AUTH_KEY));
        byte[] sent = UdpPacket.build(UdpPacket.address("10.0.0.1"), UdpPacket.address("10.0.0.2"), 4000, 5000, 120,
                1, 7, new SplittableRandom(42));
        byte[] esp = new EspReference(sa).seal(sent, 1, new byte[16]);
        esp[esp.length - 1] ^= 1; // a bad ICV: the verifier's failure shows expected and actual ICVs
        Verdict verdict = new SaVerifier(sa).verify("nic0", sent, esp);
        assertThat(verdict).isInstanceOf(Verdict.Failed.class);
        List<Failure> failures = ((Verdict.Failed) verdict).failures();

        RunJournal j = RunJournal.start(dir, SampleRun.INFO, JournalOptions.DEFAULT.withVerbose(true));
        j.stepStarted("install SA " + sa, "sa");
        j.stepFinished("install SA " + sa, "sa", StepOutcome.PASS, Duration.ZERO, "installed " + sa);
        j.packetVerified("nic0", sa.spi(), 1, failures.stream().map(f -> f.check().name()).toList(),
                failures.toString());
        j.teamEvent(TeamEventKind.MEMBER_ADMITTED, "nic0", "keys " + sa.encryptionKey() + " " + sa.authenticationKey());
        j.finish(RunVerdict.FAIL, verdict.toString());
        ReportSet.writeAll(RunReport.fromJournal(JournalReader.read(j.path())), dir);

        List<String> forbidden = Stream.of(ENC_KEY, AUTH_KEY).flatMap(k -> {
            byte[] key = HexFormat.of().parseHex(k);
            return Stream.of(k, k.toUpperCase(), Base64.getEncoder().encodeToString(key),
                    HexFormat.ofDelimiter(" ").formatHex(key), HexFormat.ofDelimiter(":").formatHex(key));
        }).toList();
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> outputs = files.toList();
            assertThat(outputs).extracting(p -> p.getFileName().toString())
                    .contains("journal.jsonl", "junit.xml", "summary.json", "report.html");
            for (Path out : outputs) {
                String text = new String(Files.readAllBytes(out), StandardCharsets.UTF_8);
                assertThat(text).as("the SA's text did reach %s", out).contains("install SA");
                for (String key : forbidden) {
                    assertThat(text).as(out + " must not contain key " + key).doesNotContain(key);
                }
            }
        }
    }
}

package org.nicrig.host.firmware;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** RFC 8032 §7.1's Ed25519 vectors, read from {@code rfc8032-7.1.txt} (copied from the RFC, see its header). */
final class Rfc8032Vectors {
    record Vector(String name, byte[] secretKey, byte[] publicKey, byte[] message, byte[] signature) {
        @Override
        public String toString() {
            return "RFC 8032 §7.1, TEST " + name + " (" + message.length + "-byte message)";
        }
    }

    private static final Pattern LENGTH = Pattern.compile("MESSAGE \\(length ([0-9]+) bytes?\\):");

    private Rfc8032Vectors() {
    }

    static List<Vector> all() {
        String text;
        try (InputStream in = Rfc8032Vectors.class.getResourceAsStream("rfc8032-7.1.txt")) {
            text = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Vector> out = new ArrayList<>();
        String[] blocks = text.split("-----TEST ");
        for (int i = 1; i < blocks.length; i++) {
            String b = blocks[i];
            String name = b.substring(0, b.indexOf('\n')).strip();
            byte[] message = field(b, "MESSAGE");
            Matcher m = LENGTH.matcher(b);
            if (!m.find() || Integer.parseInt(m.group(1)) != message.length) {
                throw new IllegalStateException("TEST " + name + ": the message is not the length the RFC states");
            }
            out.add(new Vector(name, field(b, "SECRET KEY"), field(b, "PUBLIC KEY"), message, field(b, "SIGNATURE")));
        }
        return out;
    }

    /** The hex lines after {@code label...:} up to the next blank line. */
    private static byte[] field(String block, String label) {
        StringBuilder hex = new StringBuilder();
        String after = block.substring(block.indexOf('\n', block.indexOf(label)) + 1);
        for (String line : after.split("\n", -1)) {
            if (line.isBlank()) {
                break;
            }
            hex.append(line.strip());
        }
        return HexFormat.of().parseHex(hex);
    }
}

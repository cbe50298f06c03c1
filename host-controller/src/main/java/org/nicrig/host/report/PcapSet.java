package org.nicrig.host.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The captures of a run in its output directory: {@code wire.pcap} for the wire and
 * {@code <member>.pcap} per member, opened on first use. Member names are made file-safe (anything
 * but letters, digits, '.', '_' and '-' becomes '_'); two members that would share a file, or a
 * member whose file would be {@code wire.pcap}, are refused rather than mixed. Thread-safe.
 */
public final class PcapSet implements AutoCloseable {
    public static final String WIRE_FILE = "wire.pcap";

    private final Path dir;
    private final Map<String, PcapWriter> byFile = new LinkedHashMap<>();
    private final Map<String, String> fileByMember = new LinkedHashMap<>();

    private PcapSet(Path dir) {
        this.dir = dir;
    }

    public static PcapSet open(Path outDir) throws IOException {
        Files.createDirectories(outDir);
        return new PcapSet(outDir);
    }

    /** The file name of a member's capture. */
    public static String fileName(String member) {
        String safe = member.replaceAll("[^A-Za-z0-9._-]", "_");
        if (safe.isEmpty() || safe.startsWith(".")) {
            safe = "_" + safe; // no hidden or nameless files
        }
        return safe + ".pcap";
    }

    public synchronized PcapWriter wire() throws IOException {
        return writer(WIRE_FILE);
    }

    public synchronized PcapWriter member(String member) throws IOException {
        String file = fileByMember.get(member);
        if (file == null) {
            file = fileName(member);
            if (file.equals(WIRE_FILE) || fileByMember.containsValue(file)) {
                throw new IllegalArgumentException("member '" + member + "' would be captured to " + file
                        + ", which is already another capture's file; rename the member in the rig");
            }
            fileByMember.put(member, file);
        }
        return writer(file);
    }

    private PcapWriter writer(String file) throws IOException {
        PcapWriter w = byFile.get(file);
        if (w == null) {
            w = PcapWriter.create(dir.resolve(file));
            byFile.put(file, w);
        }
        return w;
    }

    @Override
    public synchronized void close() throws IOException {
        List<IOException> errors = new ArrayList<>();
        for (PcapWriter w : byFile.values()) {
            try {
                w.close();
            } catch (IOException e) {
                errors.add(e);
            }
        }
        if (!errors.isEmpty()) {
            IOException first = errors.get(0);
            errors.subList(1, errors.size()).forEach(first::addSuppressed);
            throw first;
        }
    }
}

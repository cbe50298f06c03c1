package org.nicrig.host.rig;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.nicrig.host.transport.TransportException;
import org.nicrig.host.transport.TransportUri;

/**
 * Where an emulated device keeps its non-volatile memory (firmware slots, rollback floor, EEPROM):
 * the {@code nvm=PATH} parameter of an {@code emulated:} or {@code pty-emulator:} transport URI.
 * Without it the memory lives as long as the transport's device config, so a flash is lost when
 * nicrig exits; with it the memory is a directory that survives the process (issue 9's contract).
 */
public final class NvmDir {
    /** The URI parameter the device model reads. */
    public static final String PARAM = "nvm";
    /** The schemes that serve a device model and so understand {@link #PARAM}. */
    public static final List<String> SCHEMES = List.of("emulated", TransportCheck.PTY_EMULATOR);

    private NvmDir() {
    }

    /**
     * {@code uri} with {@code nvm=dir} (absolute, so an emulator process started elsewhere finds
     * the same directory), replacing any {@code nvm=} it had; any other transport, or a URI that
     * does not parse (the loader reports those), is returned unchanged.
     *
     * @throws IllegalArgumentException if the path holds '&amp;', which would split the parameter
     */
    public static String apply(String uri, Path dir) {
        String path = dir.toAbsolutePath().normalize().toString();
        if (path.indexOf('&') >= 0) {
            // TransportUri has no percent-decoding, so the path cannot be quoted
            throw new IllegalArgumentException("an nvm directory may not contain '&': " + path);
        }
        TransportUri parsed;
        try {
            parsed = TransportUri.parse(uri);
        } catch (TransportException e) {
            return uri;
        }
        if (!SCHEMES.contains(parsed.scheme())) {
            return uri;
        }
        Map<String, String> params = new LinkedHashMap<>(parsed.params());
        params.put(PARAM, path);
        return parsed.scheme() + ":" + parsed.target() + "?" + params.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("&"));
    }

    /** Whether {@code uri} serves a device model whose memory is only in this process. */
    public static boolean inMemory(String uri) {
        try {
            TransportUri parsed = TransportUri.parse(uri);
            return SCHEMES.contains(parsed.scheme()) && !parsed.params().containsKey(PARAM);
        } catch (TransportException e) {
            return false;
        }
    }
}

package org.nicrig.host.firmware;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.nicrig.host.session.DeviceRefusedException;
import org.nicrig.host.session.DeviceSession;
import org.nicrig.host.session.RequestTimeoutException;
import org.nicrig.host.session.SessionException;
import org.nicrig.protocol.image.FirmwareImage;
import org.nicrig.protocol.image.Sha256;
import org.nicrig.protocol.message.Bytes;
import org.nicrig.protocol.message.DeviceError;
import org.nicrig.protocol.message.DeviceReset;
import org.nicrig.protocol.message.ErrorCode;
import org.nicrig.protocol.message.FirmwareVersion;
import org.nicrig.protocol.message.FwActivate;
import org.nicrig.protocol.message.FwBegin;
import org.nicrig.protocol.message.FwChunk;
import org.nicrig.protocol.message.FwCommit;
import org.nicrig.protocol.message.IdentifyReply;
import org.nicrig.protocol.message.Request;

/**
 * Flashes a firmware image onto a device over an open {@link DeviceSession} (PROTOCOL.md §5.21):
 * FW_BEGIN with the image's length and SHA-256, FW_CHUNK in order in pieces that fit the
 * device's maxPayload (a chunk whose ACK was lost is sent again: the device ACKs a repeated
 * identical chunk), FW_COMMIT, FW_ACTIVATE; then it waits for the RESET event, says HELLO again,
 * asks IDENTIFY and tells whether the new firmware runs (ACTIVATED) or the boot self-test failed
 * and the device kept its old one (FELL_BACK).
 *
 * <pre>{@code
 * FlashResult r = new FirmwareFlasher(session).flash(Files.readAllBytes(image));
 * if (r.activated()) ...   // else r.deviceError() says why it fell back
 * }</pre>
 *
 * <p>Before sending anything it parses the image and matches its target against the device's
 * IDENTIFY, refusing as the device would ({@link FlashOptions#precheck}); without that check the
 * device's own refusals can be proved.
 */
public final class FirmwareFlasher {
    /** FW_CHUNK's payload before the data: the u32 offset. */
    static final int CHUNK_HEADER = 4;
    private static final Duration EVENT_DRAIN = Duration.ofSeconds(1);

    private final DeviceSession session;
    private final FlashOptions options;
    private final FlashListener listener;

    public FirmwareFlasher(DeviceSession session) {
        this(session, FlashOptions.DEFAULT, FlashListener.NONE);
    }

    public FirmwareFlasher(DeviceSession session, FlashOptions options, FlashListener listener) {
        this.session = Objects.requireNonNull(session, "session");
        this.options = Objects.requireNonNull(options, "options");
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /**
     * Flashes {@code image} (the bytes of a {@link FirmwareImage}, as stored in a file).
     *
     * @throws FirmwareRefusedException    the precheck or the device refused the image; the
     *                                     device keeps its old firmware
     * @throws FirmwareDeviceLostException the device went away or fell silent; before FW_ACTIVATE
     *                                     it keeps its old firmware
     */
    public FlashResult flash(byte[] image) throws FirmwareFlashException {
        IdentifyReply before = session.identity();
        if (before == null) {
            throw new IllegalStateException(session.name() + ": open the session before flashing");
        }
        listener.phase(FlashPhase.PRECHECK);
        Optional<FirmwareImage> parsed = options.precheck()
                ? Optional.of(ImagePrecheck.check(session.name(), image, before))
                : ImagePrecheck.tryParse(image);
        FlashEvents events = new FlashEvents();
        session.addListener(events);
        try {
            Counts counts = send(image);
            return reboot(events, before, parsed.map(p -> p.manifest().version()), image.length, counts);
        } finally {
            session.removeListener(events);
        }
    }

    private record Counts(int chunks, int retries) {
    }

    private Counts send(byte[] image) throws FirmwareFlashException {
        byte[] digest = options.announcedDigest().orElseGet(() -> Sha256.of(image));
        listener.phase(FlashPhase.BEGIN);
        call(FlashPhase.BEGIN, -1, new FwBegin(image.length, Bytes.wrap(digest)), options.slowStepTimeout());
        listener.phase(FlashPhase.CHUNK);
        listener.progress(0, image.length);
        int size = chunkSize();
        int chunks = 0;
        int retries = 0;
        for (int off = 0; off < image.length; off += size) {
            int n = Math.min(size, image.length - off);
            FwChunk chunk = new FwChunk(off, Bytes.copyOf(image, off, n));
            for (int attempt = 0; ; attempt++) {
                try {
                    tryCall(FlashPhase.CHUNK, off, chunk);
                    break;
                } catch (RequestTimeoutException t) {
                    if (attempt >= options.chunkRetries()) {
                        throw new FirmwareDeviceLostException(session.name(), FlashPhase.CHUNK, off,
                                "no answer after " + (attempt + 1) + " tries (" + what(t) + ")", t);
                    }
                    retries++; // the same chunk again: the device ACKs a repeat of what it stored
                }
            }
            chunks++;
            listener.progress(off + n, image.length);
        }
        listener.phase(FlashPhase.COMMIT);
        call(FlashPhase.COMMIT, -1, new FwCommit(), options.slowStepTimeout());
        return new Counts(chunks, retries);
    }

    private FlashResult reboot(FlashEvents events, IdentifyReply before, Optional<FirmwareVersion> imageVersion,
                               long bytes, Counts counts) throws FirmwareFlashException {
        listener.phase(FlashPhase.ACTIVATE);
        events.arm(); // the RESET may overtake the ACK's caller: listen before asking
        try {
            tryCall(FlashPhase.ACTIVATE, -1, new FwActivate());
        } catch (RequestTimeoutException t) {
            // the ACK may be what was lost: the RESET event tells whether the device rebooted
        }
        listener.phase(FlashPhase.REBOOT);
        DeviceReset reset;
        try {
            reset = events.awaitReset(options.rebootTimeout());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FirmwareDeviceLostException(session.name(), FlashPhase.REBOOT, -1, "interrupted while waiting", e);
        }
        if (reset == null) {
            String why = events.goneWhy() != null ? "the device went away (" + events.goneWhy() + ")"
                    : "no RESET event within " + options.rebootTimeout().toMillis() + " ms of FW_ACTIVATE"
                    + (events.otherResets().isEmpty() ? "" : " (the device reset for another cause: "
                    + events.otherResets().stream().map(Enum::name).collect(java.util.stream.Collectors.joining(", ")) + ")");
            throw new FirmwareDeviceLostException(session.name(), FlashPhase.REBOOT, -1, why, null);
        }
        IdentifyReply after;
        try {
            after = session.helloAgain();
        } catch (SessionException e) {
            throw new FirmwareDeviceLostException(session.name(), FlashPhase.REBOOT, -1,
                    "no HELLO after its RESET (" + reset.cause() + "): " + what(e), e);
        }
        session.awaitEventsDelivered(EVENT_DRAIN); // an ERROR sent before the HELLO reply is counted
        List<DeviceError> errors = events.errors();
        boolean bootFailed = errors.stream().anyMatch(e -> e.code() == ErrorCode.FW_BAD_IMAGE);
        boolean newRuns = imageVersion.map(v -> v.equals(after.firmware()))
                .orElse(!after.firmware().equals(before.firmware()));
        FlashResult.Outcome outcome = newRuns && !bootFailed ? FlashResult.Outcome.ACTIVATED : FlashResult.Outcome.FELL_BACK;
        Optional<String> deviceError = errors.stream().findFirst().map(e -> e.code() + (e.detail().isEmpty() ? "" : ": " + e.detail()));
        return new FlashResult(outcome, before, after, imageVersion, deviceError, bytes, counts.chunks(), counts.retries());
    }

    /** The largest chunk data: what the device's maxPayload leaves after the offset field, or less if asked. */
    int chunkSize() {
        int fits = session.maxPayload() - CHUNK_HEADER;
        if (fits <= 0) {
            throw new IllegalStateException(session.name() + ": maxPayload " + session.maxPayload() + " leaves no room for a chunk");
        }
        return options.chunkSize() > 0 ? Math.min(options.chunkSize(), fits) : fits;
    }

    /** A request that must be answered within {@code timeout}: a timeout is a lost device. */
    private void call(FlashPhase phase, long offset, Request request, Duration timeout) throws FirmwareFlashException {
        try {
            session.call(request, timeout);
        } catch (DeviceRefusedException e) {
            throw new FirmwareRefusedException(session.name(), phase, offset, e.code(), e.detail(), false);
        } catch (RequestTimeoutException e) {
            throw new FirmwareDeviceLostException(session.name(), phase, offset, what(e), e);
        } catch (SessionException e) { // DeviceGoneException: closed port, power lost, UNPLUG
            throw new FirmwareDeviceLostException(session.name(), phase, offset, what(e), e);
        }
    }

    /** A request whose lost answer the caller may deal with (a chunk sent again, an ACK overtaken by the reboot). */
    private void tryCall(FlashPhase phase, long offset, Request request) throws FirmwareFlashException, RequestTimeoutException {
        try {
            session.call(request);
        } catch (DeviceRefusedException e) {
            throw new FirmwareRefusedException(session.name(), phase, offset, e.code(), e.detail(), false);
        } catch (RequestTimeoutException e) {
            throw e;
        } catch (SessionException e) { // DeviceGoneException: closed port, power lost, UNPLUG
            throw new FirmwareDeviceLostException(session.name(), phase, offset, what(e), e);
        }
    }

    /** A session error's message without the device name and sequence number the flash error repeats. */
    private static String what(SessionException e) {
        String prefix = e.device() + ": " + (e.type() == null ? "" : e.type() + " seq " + e.sequence() + ": ");
        String m = e.getMessage();
        return m.startsWith(prefix) ? m.substring(prefix.length()) : m;
    }
}

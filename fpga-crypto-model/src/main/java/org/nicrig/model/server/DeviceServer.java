package org.nicrig.model.server;

import java.io.IOException;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.nicrig.model.device.Device;
import org.nicrig.protocol.codec.MessageCodec;
import org.nicrig.protocol.codec.MessageStream;
import org.nicrig.protocol.error.ProtocolException;
import org.nicrig.protocol.error.UnknownTypeException;
import org.nicrig.protocol.error.UnsupportedVersionException;
import org.nicrig.protocol.frame.Frame;
import org.nicrig.protocol.frame.FrameKind;
import org.nicrig.protocol.message.*;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves one {@link Device} over one {@link ByteChannel} with the same framing and codec the
 * host uses — no shortcut, so CI exercises what hardware would. Also owns the faults of the
 * byte channel itself: STALL (answer nothing for a while), GARBLE (corrupt outbound bytes at a
 * rate, seeded) and UNPLUG (close the channel).
 */
public final class DeviceServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DeviceServer.class);

    private final Device device;
    private final ByteChannel channel;
    private final MessageStream stream;
    private final Object writeLock = new Object();
    private final AtomicLong eventSequence = new AtomicLong();
    private final Random garbleRandom;
    private final CountDownLatch closed = new CountDownLatch(1);
    private final Thread reader;

    private volatile long stalledUntilNanos;
    private volatile boolean stalledForever;
    private volatile long garblePpm;
    private volatile boolean running = true;

    private final AtomicLong badFrames = new AtomicLong();
    private final AtomicLong garbledBytes = new AtomicLong();

    public DeviceServer(Device device, ByteChannel channel) {
        this.device = device;
        this.channel = channel;
        this.garbleRandom = new Random(device.config().seed() ^ 0x6A7B1EL);
        this.stream = new MessageStream(new MessageCodec(), new MessageStream.Listener() {
            @Override
            public void onMessage(Envelope envelope) {
                dispatch(envelope);
            }

            @Override
            public void onError(ProtocolException error) {
                badFrames.incrementAndGet();
                sendEvent(new DeviceError(ErrorCode.BAD_FRAME, error.getMessage()));
            }

            @Override
            public void onUndecodable(Frame frame, ProtocolException error) {
                refuseUndecodable(frame, error);
            }
        });
        device.onEvent(this::sendEvent);
        this.reader = new Thread(this::readLoop, "device-server " + channel.name());
        reader.setDaemon(true);
    }

    /** Starts serving; returns at once. */
    public DeviceServer start() {
        reader.start();
        return this;
    }

    public Device device() {
        return device;
    }

    public ByteChannel channel() {
        return channel;
    }

    public long badFrames() {
        return badFrames.get();
    }

    public long garbledBytes() {
        return garbledBytes.get();
    }

    private void readLoop() {
        byte[] buf = new byte[16 * 1024];
        try {
            while (running) {
                int n = channel.read(buf, 0, buf.length);
                if (n < 0) {
                    break;
                }
                stream.feed(buf, 0, n);
            }
        } catch (IOException e) {
            if (running) {
                LOG.info("{}: channel failed: {}", channel.name(), e.getMessage());
            }
        } finally {
            shutDown();
        }
    }

    private void dispatch(Envelope envelope) {
        awaitStallEnd(); // a hung firmware reads nothing; what the host sent waits in the channel
        if (!(envelope.message() instanceof Request request)) {
            sendEvent(new DeviceError(ErrorCode.MALFORMED, "device received a " + envelope.message().type()
                    + " that is not a request (sequence " + envelope.sequence() + ")"));
            return;
        }
        long seq = envelope.sequence();
        if (request instanceof InjectFault f) {
            send(seq, new Ack(MessageType.FAULT));
            inject(f.fault(), f.parameter(), f.duration());
            return;
        }
        if (request instanceof EncryptJob || request instanceof DecryptJob) {
            ErrorReply refused = device.submit(request, result -> send(seq, result));
            if (refused != null) {
                send(seq, refused);
            }
            return;
        }
        Response r = device.handle(request);
        if (r instanceof HelloReply h) {
            send(seq, r);
            stream.useVersion(h.version());
            return;
        }
        if (send(seq, r)) {
            // FW_ACTIVATE reboots only once its ACK is out; an ACK that never left (power lost, channel
            // gone) was never acknowledged, so the old firmware must keep booting (FIRMWARE-DEVICE-RULES.md D.8)
            device.afterReply(request, r);
        }
    }

    /**
     * PROTOCOL.md §3.4: a request in a sound frame that does not decode is answered with an error
     * reply under its own type code and sequence number, so the host learns at once instead of
     * waiting for its time-out. A response or event the device cannot decode is only reported.
     */
    private void refuseUndecodable(Frame frame, ProtocolException error) {
        FrameKind kind = frame.kind();
        if (kind == FrameKind.RESPONSE || kind == FrameKind.EVENT) {
            badFrames.incrementAndGet();
            sendEvent(new DeviceError(ErrorCode.MALFORMED, "device received a " + kind + " it cannot decode (sequence "
                    + frame.sequence() + "): " + error.getMessage()));
            return;
        }
        ErrorCode code = error instanceof UnsupportedVersionException ? ErrorCode.UNSUPPORTED_VERSION
                : error instanceof UnknownTypeException ? ErrorCode.UNKNOWN_TYPE
                : ErrorCode.MALFORMED;
        awaitStallEnd();
        send(frame.sequence(), new ErrorReply(frame.typeCode(), code, error.getMessage()));
    }

    /** Applies a fault, from a FAULT request or the emulator's own control. */
    public void inject(FaultKind fault, long parameter, Duration duration) {
        LOG.info("{}: fault {} parameter={} duration={}", channel.name(), fault, parameter, duration);
        switch (fault) {
            case LINK_DOWN -> device.setLink(false);
            case LINK_UP -> device.setLink(true);
            case ENGINE_FAIL -> device.setEngineFailed(true);
            case ENGINE_RESTORE -> device.setEngineFailed(false);
            case RESET -> device.reset(ResetCause.FAULT);
            case GARBLE -> garblePpm = parameter;
            case STALL -> {
                if (duration.isZero()) {
                    stalledForever = true;
                } else {
                    stalledUntilNanos = System.nanoTime() + duration.toNanos();
                }
            }
            case UNPLUG -> shutDown();
        }
    }

    /**
     * STALL models firmware that hangs and then resumes: nothing is read or sent while it lasts,
     * and afterwards the backlog is processed and the answers go out late (a host that gave up on
     * them must drop them). A STALL without a duration lasts until the channel closes.
     */
    private void awaitStallEnd() {
        while (running && stalled()) {
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private boolean stalled() {
        return stalledForever || System.nanoTime() - stalledUntilNanos < 0;
    }

    /** True while a STALL lasts: the device answers nothing and sends no events. */
    public boolean isStalled() {
        return stalled();
    }

    private void sendEvent(Event e) {
        send(eventSequence.getAndIncrement() & 0xFFFF_FFFFL, e);
    }

    /** Whether {@code m} was written to the channel (false once it is closed or the write failed). */
    private boolean send(long seq, Message m) {
        awaitStallEnd(); // ... and what it had computed leaves late, when it resumes
        if (!running) {
            return false;
        }
        synchronized (writeLock) {
            byte[] wire = stream.encode(seq, m);
            garble(wire);
            try {
                channel.write(wire, 0, wire.length);
                return true;
            } catch (IOException e) {
                if (running) {
                    LOG.info("{}: write failed: {}", channel.name(), e.getMessage());
                }
                shutDown();
                return false;
            }
        }
    }

    private void garble(byte[] wire) {
        long ppm = garblePpm;
        if (ppm <= 0) {
            return;
        }
        for (int i = 0; i < wire.length; i++) {
            if (garbleRandom.nextInt(1_000_000) < ppm) {
                wire[i] ^= (byte) (1 << garbleRandom.nextInt(8));
                garbledBytes.incrementAndGet();
            }
        }
    }

    private void shutDown() {
        running = false;
        channel.close();
        closed.countDown();
    }

    /** Waits until the channel has closed (UNPLUG, the host went away, or {@link #close()}). */
    public boolean awaitClosed(Duration timeout) throws InterruptedException {
        return closed.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    public boolean isRunning() {
        return running;
    }

    @Override
    public void close() {
        shutDown();
        reader.interrupt();
    }
}

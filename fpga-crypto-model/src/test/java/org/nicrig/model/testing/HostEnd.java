package org.nicrig.model.testing;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.nicrig.model.server.ByteChannel;
import org.nicrig.protocol.codec.MessageCodec;
import org.nicrig.protocol.codec.MessageStream;
import org.nicrig.protocol.error.ProtocolException;
import org.nicrig.protocol.message.Envelope;
import org.nicrig.protocol.message.Event;
import org.nicrig.protocol.message.Message;
import org.nicrig.protocol.message.Request;

/**
 * A minimal host for tests: the real frame encoder/decoder and codec over any byte channel,
 * requests numbered from 1, responses collected by sequence number, events and protocol errors
 * in lists. Not the host-controller's session (which depends on this module): just enough to
 * drive a device the way a host would.
 */
public final class HostEnd implements AutoCloseable {
    public static final Duration WAIT = Duration.ofSeconds(5);

    private final ByteChannel channel;
    private final MessageStream stream;
    private final Map<Long, BlockingQueue<Message>> responses = new ConcurrentHashMap<>();
    private final List<Event> events = new CopyOnWriteArrayList<>();
    private final List<ProtocolException> errors = new CopyOnWriteArrayList<>();
    private final AtomicLong nextSequence = new AtomicLong(1);
    private final CountDownLatch closed = new CountDownLatch(1);
    private final Thread reader;

    public HostEnd(ByteChannel channel) {
        this.channel = channel;
        this.stream = new MessageStream(new MessageCodec(), new MessageStream.Listener() {
            @Override
            public void onMessage(Envelope e) {
                if (e.message() instanceof Event ev) {
                    events.add(ev);
                } else {
                    queue(e.sequence()).add(e.message());
                }
            }

            @Override
            public void onError(ProtocolException error) {
                errors.add(error);
            }
        });
        this.reader = new Thread(this::readLoop, "host-end " + channel.name());
        reader.setDaemon(true);
        reader.start();
    }

    private BlockingQueue<Message> queue(long seq) {
        return responses.computeIfAbsent(seq, k -> new LinkedBlockingQueue<>());
    }

    private void readLoop() {
        byte[] buf = new byte[16 * 1024];
        try {
            while (true) {
                int n = channel.read(buf, 0, buf.length);
                if (n < 0) {
                    break;
                }
                stream.feed(buf, 0, n);
            }
        } catch (IOException e) {
            // the device end went away: same as end of stream for a test
        } finally {
            closed.countDown();
        }
    }

    /** Sends a request under the next sequence number and returns that number. */
    public long send(Request r) throws IOException {
        long seq = nextSequence.getAndIncrement();
        sendAs(seq, r);
        return seq;
    }

    public synchronized void sendAs(long seq, Request r) throws IOException {
        byte[] wire = stream.encode(seq, r);
        channel.write(wire, 0, wire.length);
    }

    /** Raw bytes, e.g. garbage to provoke BAD_FRAME. */
    public synchronized void sendRaw(byte[] bytes) throws IOException {
        channel.write(bytes, 0, bytes.length);
    }

    /** The next response to {@code seq}, or null if none comes within {@code timeout}. */
    public Message awaitResponse(long seq, Duration timeout) throws InterruptedException {
        return queue(seq).poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Sends and waits for the answer; fails the test when none comes. */
    public Message request(Request r) throws IOException, InterruptedException {
        long seq = send(r);
        Message m = awaitResponse(seq, WAIT);
        if (m == null) {
            throw new AssertionError("no answer to " + r.type() + " (sequence " + seq + ") within " + WAIT);
        }
        return m;
    }

    /** Sends and waits, failing the test unless the answer is a {@code type}. */
    public <T extends Message> T request(Request r, Class<T> type) throws IOException, InterruptedException {
        Message m = request(r);
        if (!type.isInstance(m)) {
            throw new AssertionError(r.type() + " answered " + m + ", expected a " + type.getSimpleName());
        }
        return type.cast(m);
    }

    @SuppressWarnings("unchecked")
    public <T extends Event> T awaitEvent(Class<T> type, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        do {
            for (Event e : events) {
                if (type.isInstance(e)) {
                    return (T) e;
                }
            }
            Thread.sleep(5);
        } while (System.nanoTime() < deadline);
        return null;
    }

    public List<Event> events() {
        return events;
    }

    public List<ProtocolException> errors() {
        return errors;
    }

    /** True once the channel reported end of stream (or failed). */
    public boolean awaitClosed(Duration timeout) throws InterruptedException {
        return closed.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        channel.close();
    }
}

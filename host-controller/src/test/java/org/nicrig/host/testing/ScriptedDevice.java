package org.nicrig.host.testing;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.nicrig.host.transport.PipeTransport;
import org.nicrig.model.server.PipeChannel;
import org.nicrig.protocol.codec.MessageCodec;
import org.nicrig.protocol.codec.MessageStream;
import org.nicrig.protocol.error.ProtocolException;
import org.nicrig.protocol.message.Envelope;
import org.nicrig.protocol.message.Message;

/**
 * A device played step by step by a test, as Californium's lockstep endpoint plays a peer:
 * "expect this request, answer that, answer late, answer twice, go silent". It speaks real
 * frames over an in-process byte link.
 */
public final class ScriptedDevice implements AutoCloseable {
    private final PipeChannel deviceEnd;
    private final PipeTransport hostEnd;
    private final BlockingQueue<Envelope> received = new LinkedBlockingQueue<>();
    private final MessageStream stream;
    private final Thread reader;
    private long eventSequence;

    public ScriptedDevice() {
        PipeChannel[] pair = PipeChannel.pair("scripted");
        deviceEnd = pair[0];
        hostEnd = new PipeTransport("scripted-device", pair[1]);
        stream = new MessageStream(new MessageCodec(), new MessageStream.Listener() {
            @Override
            public void onMessage(Envelope envelope) {
                received.add(envelope);
            }

            @Override
            public void onError(ProtocolException error) {
                throw new AssertionError("host sent a bad frame: " + error.getMessage());
            }
        });
        reader = new Thread(() -> {
            byte[] buf = new byte[4096];
            try {
                int n;
                while ((n = deviceEnd.read(buf, 0, buf.length)) >= 0) {
                    stream.feed(buf, 0, n);
                }
            } catch (IOException ignored) {
                // closed
            }
        }, "scripted-device");
        reader.setDaemon(true);
        reader.start();
    }

    public PipeTransport transport() {
        return hostEnd;
    }

    /** The next request, which must be of the given class. */
    public <T extends Message> Envelope expect(Class<T> type) throws InterruptedException {
        Envelope e = received.poll(5, TimeUnit.SECONDS);
        if (e == null) {
            throw new AssertionError("expected a " + type.getSimpleName() + ", nothing came");
        }
        if (!type.isInstance(e.message())) {
            throw new AssertionError("expected a " + type.getSimpleName() + ", got " + e.message());
        }
        return e;
    }

    /** The next message, whatever it is. */
    public Envelope next() throws InterruptedException {
        Envelope e = received.poll(5, TimeUnit.SECONDS);
        if (e == null) {
            throw new AssertionError("expected a message, nothing came");
        }
        return e;
    }

    /** Asserts nothing arrives for the given time. */
    public void expectNothing(Duration d) throws InterruptedException {
        Envelope e = received.poll(d.toMillis(), TimeUnit.MILLISECONDS);
        if (e != null) {
            throw new AssertionError("expected silence, got " + e.message() + " seq " + e.sequence());
        }
    }

    public synchronized void reply(long sequence, Message m) throws IOException {
        byte[] wire = stream.encode(sequence, m);
        deviceEnd.write(wire, 0, wire.length);
    }

    public synchronized void event(Message m) throws IOException {
        reply(eventSequence++, m);
    }

    public synchronized void raw(byte[] bytes) throws IOException {
        deviceEnd.write(bytes, 0, bytes.length);
    }

    /** The device end goes away, as when its cable is pulled. */
    public void unplug() {
        deviceEnd.close();
    }

    @Override
    public void close() {
        deviceEnd.close();
    }
}

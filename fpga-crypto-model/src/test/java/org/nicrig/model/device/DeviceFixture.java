package org.nicrig.model.device;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.nicrig.model.wire.VirtualWire;
import org.nicrig.protocol.message.Ack;
import org.nicrig.protocol.message.ErrorReply;
import org.nicrig.protocol.message.Event;
import org.nicrig.protocol.message.JobResult;
import org.nicrig.protocol.message.Request;
import org.nicrig.protocol.message.Response;
import org.nicrig.protocol.message.SaAdd;
import org.nicrig.protocol.message.SaParams;
import org.nicrig.protocol.message.StatsReply;
import org.nicrig.protocol.message.GetStats;

/** One device on a virtual wire, with its events and job answers collected for assertions. */
final class DeviceFixture implements AutoCloseable {
    static final Duration WAIT = Duration.ofSeconds(5);

    final VirtualWire wire = new VirtualWire();
    final Device device;
    final List<Event> events = new CopyOnWriteArrayList<>();
    final BlockingQueue<JobResult> answers = new LinkedBlockingQueue<>();

    DeviceFixture(DeviceConfig config) {
        device = new Device(config, wire);
        device.onEvent(events::add);
    }

    /** Answers {@code r}, then lets the device act on its answer having left (FW_ACTIVATE's reboot). */
    Response handle(Request r) {
        Response answer = device.handle(r);
        device.afterReply(r, answer);
        return answer;
    }

    void install(int slot, SaParams sa) {
        assertThat(device.handle(new SaAdd(slot, sa))).isInstanceOf(Ack.class);
    }

    /** Submits a job whose answers go to {@link #answers}; returns the immediate refusal or null. */
    ErrorReply submit(Request job) {
        return device.submit(job, answers::add);
    }

    JobResult nextAnswer() throws InterruptedException {
        JobResult r = answers.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        assertThat(r).as("a job answer within " + WAIT).isNotNull();
        return r;
    }

    /** Submits and waits for the answer. */
    JobResult run(Request job) throws InterruptedException {
        assertThat(submit(job)).isNull();
        return nextAnswer();
    }

    long counter(String name) {
        return ((StatsReply) device.handle(new GetStats())).get(name);
    }

    @SuppressWarnings("unchecked")
    <T extends Event> T awaitEvent(Class<T> type) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            for (Event e : events) {
                if (type.isInstance(e)) {
                    return (T) e;
                }
            }
            Thread.sleep(5);
        }
        throw new AssertionError("no " + type.getSimpleName() + " event within " + WAIT + "; got " + events);
    }

    @Override
    public void close() {
        device.close();
    }
}

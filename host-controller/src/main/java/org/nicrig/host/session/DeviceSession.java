package org.nicrig.host.session;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.nicrig.host.transport.Transport;
import org.nicrig.host.transport.TransportException;
import org.nicrig.protocol.codec.MessageCodec;
import org.nicrig.protocol.codec.MessageStream;
import org.nicrig.protocol.error.ProtocolException;
import org.nicrig.protocol.message.*;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One conversation with one device over one {@link Transport}: HELLO and version negotiation,
 * requests matched to responses by sequence number, per-request timeouts, bounded retries for
 * idempotent requests only, credit-based flow control for jobs, heartbeats, and unsolicited
 * events delivered to listeners off the reader thread. When the transport closes or the device
 * falls silent the session is GONE and everything pending fails with {@link DeviceGoneException}.
 *
 * <p>Liveness: the session probes with HEARTBEAT twice per {@code heartbeatInterval} and declares
 * the device gone after {@code heartbeatMisses × 0.75} intervals without hearing anything from it
 * (checked four times per interval), so with the default of 2 a silent device is detected within
 * 1.75 intervals — inside the two intervals the team promises for fail-over.
 */
public final class DeviceSession implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DeviceSession.class);

    /**
     * NEW until opened; OPEN while talking; SILENT while the device answers nothing (pending work
     * has failed over, heartbeats go on, and the first frame heard makes it OPEN again); GONE once
     * the transport is lost for good; CLOSED when the host closed it.
     */
    public enum State { NEW, OPEN, SILENT, GONE, CLOSED }

    private final String name;
    private final Transport transport;
    private final SessionConfig config;
    private final MessageStream stream;
    private final Map<Long, Pending> pending = new ConcurrentHashMap<>();
    private final AtomicLong nextSequence = new AtomicLong(1);
    private final List<SessionListener> listeners = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService timer;
    private final ExecutorService eventDispatch;
    private final Object writeLock = new Object();
    private final Object creditLock = new Object();
    private final Queue<WaitingJob> waitingForCredit = new ArrayDeque<>();

    private Thread reader;
    private volatile State state = State.NEW;
    private volatile IdentifyReply identity;
    private volatile int maxPayload;
    private volatile long lastHeardNanos = System.nanoTime();
    private volatile int deviceCreditsFree = -1;
    private int credits;
    private int jobsInFlight;

    private final AtomicLong lateResponses = new AtomicLong();
    private final AtomicLong retriesMade = new AtomicLong();
    private final AtomicLong timeouts = new AtomicLong();
    private final AtomicLong badFrameEvents = new AtomicLong();

    public DeviceSession(String name, Transport transport, SessionConfig config) {
        this.name = name;
        this.transport = transport;
        this.config = config;
        this.stream = new MessageStream(new MessageCodec(), new MessageStream.Listener() {
            @Override
            public void onMessage(Envelope envelope) {
                received(envelope);
            }

            @Override
            public void onError(ProtocolException error) {
                LOG.debug("{}: dropped a frame: {}", DeviceSession.this.name, error.getMessage());
            }
        });
        this.timer = Executors.newSingleThreadScheduledExecutor(daemon(name + "-timer"));
        this.eventDispatch = Executors.newSingleThreadExecutor(daemon(name + "-events"));
    }

    private static java.util.concurrent.ThreadFactory daemon(String threadName) {
        return r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        };
    }

    public String name() {
        return name;
    }

    public Transport transport() {
        return transport;
    }

    public State state() {
        return state;
    }

    /** The device's IDENTIFY answer, known once {@link #open()} returned. */
    public IdentifyReply identity() {
        return identity;
    }

    public void addListener(SessionListener l) {
        listeners.add(l);
    }

    /** Stops telling {@code l}; events already on their way to it may still arrive. */
    public void removeListener(SessionListener l) {
        listeners.remove(l);
    }

    /**
     * Opens the transport, negotiates the version with HELLO and asks IDENTIFY.
     *
     * @throws TransportException the port could not be opened
     * @throws SessionException   the device did not answer, speaks another version, or went away
     */
    public IdentifyReply open() throws TransportException, SessionException {
        if (state != State.NEW) {
            throw new IllegalStateException(name + ": session already " + state);
        }
        transport.open();
        state = State.OPEN;
        lastHeardNanos = System.nanoTime();
        reader = new Thread(this::readLoop, name + "-reader");
        reader.setDaemon(true);
        reader.start();
        try {
            handshake();
        } catch (SessionException e) {
            close();
            throw e;
        }
        startHeartbeat();
        return identity;
    }

    /**
     * After the device reset (its RESET event): HELLO again, since a reset device speaks version 1
     * until asked (PROTOCOL.md §4.4 rule 5, §5.5), then IDENTIFY, whose answer replaces
     * {@link #identity()}: after FW_ACTIVATE it says which firmware now runs. The session stays
     * open if this fails; the caller decides what a device that does not answer means.
     *
     * @throws SessionException the device did not answer, speaks another version, or went away
     */
    public IdentifyReply helloAgain() throws SessionException {
        stream.useVersion(MessageCodec.MIN_SUPPORTED);
        handshake();
        return identity;
    }

    private void handshake() throws SessionException {
        HelloReply hello = (HelloReply) call(new Hello(MessageCodec.MIN_SUPPORTED, MessageCodec.MAX_SUPPORTED));
        if (hello.version() < MessageCodec.MIN_SUPPORTED || hello.version() > MessageCodec.MAX_SUPPORTED) {
            throw new DeviceRefusedException(name, MessageType.HELLO, 0, new ErrorReply(MessageType.HELLO,
                    ErrorCode.UNSUPPORTED_VERSION, "device chose version " + hello.version() + ", host speaks "
                    + MessageCodec.MIN_SUPPORTED + ".." + MessageCodec.MAX_SUPPORTED));
        }
        stream.useVersion(hello.version());
        maxPayload = hello.maxPayload();
        identity = (IdentifyReply) call(new Identify());
        synchronized (creditLock) {
            credits = identity.capabilities().credits();
        }
    }

    /** The largest payload the device accepts, from its HELLO reply (PROTOCOL.md §2.5, §5.1); 0 before {@link #open()}. */
    public int maxPayload() {
        return maxPayload;
    }

    /**
     * Waits until every event received so far has been handed to the listeners. Events are
     * delivered off the reader thread, so an event that arrived before a response may still be
     * on its way to a listener when the response's caller wakes up; this closes that gap.
     *
     * @return false if the wait timed out or the session is closed
     */
    public boolean awaitEventsDelivered(Duration timeout) {
        try {
            eventDispatch.submit(() -> { }).get(timeout.toNanos(), TimeUnit.NANOSECONDS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException | java.util.concurrent.TimeoutException
                 | java.util.concurrent.RejectedExecutionException e) {
            return false;
        }
    }

    // ------------------------------------------------------------------ requests

    /** Sends a request and waits for its answer. */
    public Response call(Request request) throws SessionException {
        return call(request, config.requestTimeout());
    }

    /**
     * As {@link #call(Request)}, waiting up to {@code timeout} for each try instead of the
     * session's request time-out: for requests a device may take long over (a firmware slot's
     * erase at FW_BEGIN, a signature check at FW_COMMIT).
     */
    public Response call(Request request, Duration timeout) throws SessionException {
        try {
            return send(request, timeout).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeviceGoneException(name, request.type(), 0, "interrupted while waiting", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof SessionException s) {
                throw s;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /**
     * Sends a request; the future completes with its response, or exceptionally with a
     * {@link SessionException}. Jobs go through {@link #submitJob} instead.
     */
    public CompletableFuture<Response> send(Request request) {
        return send(request, config.requestTimeout());
    }

    private CompletableFuture<Response> send(Request request, Duration timeout) {
        if (request instanceof EncryptJob || request instanceof DecryptJob) {
            throw new IllegalArgumentException("jobs go through submitJob(), which keeps to the device's credits");
        }
        int tries = MessageType.IDEMPOTENT.contains(request.type()) ? 1 + config.retries() : 1;
        return dispatch(request, timeout, tries, false);
    }

    /**
     * Queues an ENCRYPT_JOB or DECRYPT_JOB. It is sent when the device has a free credit (never
     * more outstanding than it advertised), never retried here, and its future completes with the
     * device's {@link JobResult} or exceptionally (timeout, refusal, device gone).
     */
    public CompletableFuture<JobResult> submitJob(Request job) {
        if (!(job instanceof EncryptJob || job instanceof DecryptJob)) {
            throw new IllegalArgumentException("not a job: " + job.type());
        }
        CompletableFuture<JobResult> result = new CompletableFuture<>();
        Runnable go = () -> dispatch(job, config.jobTimeout(), 1, true).whenComplete((r, e) -> {
            releaseCredit();
            if (e != null) {
                result.completeExceptionally(e);
            } else {
                result.complete((JobResult) r);
            }
        });
        synchronized (creditLock) {
            if (state != State.OPEN) {
                result.completeExceptionally(new DeviceGoneException(name, job.type(), 0, "session " + state, null));
                return result;
            }
            if (jobsInFlight >= credits) {
                waitingForCredit.add(new WaitingJob(job, go, result));
                return result;
            }
            jobsInFlight++;
        }
        go.run();
        return result;
    }

    private void releaseCredit() {
        WaitingJob next;
        synchronized (creditLock) {
            next = state == State.OPEN ? waitingForCredit.poll() : null;
            if (next == null) {
                jobsInFlight--;
                return;
            }
        }
        next.go().run(); // the credit passes straight to the next waiting job
    }

    /** Jobs sent and not yet answered, and jobs waiting for a credit. */
    public int jobsInFlight() {
        synchronized (creditLock) {
            return jobsInFlight + waitingForCredit.size();
        }
    }

    public int credits() {
        synchronized (creditLock) {
            return credits;
        }
    }

    private CompletableFuture<Response> dispatch(Request request, Duration timeout, int tries, boolean job) {
        CompletableFuture<Response> future = new CompletableFuture<>();
        long seq = nextSequence.getAndIncrement() & 0xFFFF_FFFFL;
        if (state != State.OPEN) {
            future.completeExceptionally(new DeviceGoneException(name, request.type(), seq, "session " + state, null));
            return future;
        }
        Pending p = new Pending(request, seq, future, timeout, tries);
        pending.put(seq, p);
        transmit(p);
        return future;
    }

    private void transmit(Pending p) {
        p.triesLeft--;
        p.timeoutTask = timer.schedule(() -> timedOut(p), p.timeout.toNanos(), TimeUnit.NANOSECONDS);
        byte[] wire;
        synchronized (writeLock) {
            wire = stream.encode(p.sequence, p.request);
            try {
                transport.write(wire, 0, wire.length);
            } catch (TransportException e) {
                gone("write failed: " + e.getMessage(), e);
            }
        }
    }

    private void timedOut(Pending p) {
        if (pending.get(p.sequence) != p) {
            return;
        }
        if (p.triesLeft > 0 && state == State.OPEN) {
            retriesMade.incrementAndGet();
            LOG.debug("{}: {} seq {} unanswered, retrying", name, p.request.type(), p.sequence);
            transmit(p); // same sequence number: whichever answer comes first wins, the other is late
            return;
        }
        if (pending.remove(p.sequence, p)) {
            timeouts.incrementAndGet();
            p.future.completeExceptionally(new RequestTimeoutException(name, p.request.type(), p.sequence, p.timeout, p.tries));
        }
    }

    // ------------------------------------------------------------------ receiving

    private void readLoop() {
        byte[] buf = new byte[16 * 1024];
        try {
            while (state == State.OPEN || state == State.SILENT) {
                int n = transport.read(buf, 0, buf.length);
                if (n < 0) {
                    break;
                }
                if (n > 0) {
                    stream.feed(buf, 0, n);
                }
            }
        } catch (TransportException e) {
            gone(e.getMessage(), e);
        } catch (RuntimeException e) {
            LOG.error("{}: reader failed", name, e);
            gone("reader failed: " + e, e);
        }
    }

    private void received(Envelope envelope) {
        lastHeardNanos = System.nanoTime();
        if (state == State.SILENT) {
            back();
        }
        Message m = envelope.message();
        if (m instanceof Event event) {
            if (event instanceof DeviceError de && de.code() == ErrorCode.BAD_FRAME) {
                badFrameEvents.incrementAndGet();
            }
            for (SessionListener l : listeners) {
                eventDispatch.execute(() -> l.onEvent(this, event));
            }
            return;
        }
        if (!(m instanceof Response response)) {
            LOG.debug("{}: ignoring a request from the device: {}", name, m.type());
            return;
        }
        Pending p = pending.remove(envelope.sequence());
        if (p == null || !answers(p.request, response)) {
            if (p != null) {
                pending.put(envelope.sequence(), p); // not its answer: keep waiting
            }
            lateResponses.incrementAndGet();
            LOG.debug("{}: dropped a late or duplicate {} seq {}", name, response.type(), envelope.sequence());
            for (SessionListener l : listeners) {
                eventDispatch.execute(() -> l.onLateResponse(this, envelope.sequence(), response));
            }
            return;
        }
        p.timeoutTask.cancel(false);
        if (response instanceof HeartbeatReply h) {
            deviceCreditsFree = h.creditsFree();
        }
        if (response instanceof ErrorReply e) {
            p.future.completeExceptionally(new DeviceRefusedException(name, p.request.type(), p.sequence, e));
        } else {
            p.future.complete(response);
        }
    }

    /** A response answers a request when it is of the request's type (JOB_RESULT for jobs, with the same job id). */
    private static boolean answers(Request request, Response response) {
        if (response instanceof ErrorReply e) {
            return e.aboutTypeCode() == request.type().code();
        }
        if (response instanceof JobResult r) {
            long jobId = request instanceof EncryptJob ej ? ej.jobId() : request instanceof DecryptJob dj ? dj.jobId() : -1;
            return r.jobId() == jobId;
        }
        return response.type() == request.type();
    }

    // ------------------------------------------------------------------ liveness

    private void startHeartbeat() {
        Duration interval = config.heartbeatInterval();
        if (interval.isZero()) {
            return;
        }
        long probe = Math.max(1, interval.toNanos() / 2);
        long check = Math.max(1, interval.toNanos() / 4);
        long silenceLimit = interval.toNanos() * config.heartbeatMisses() * 3 / 4;
        AtomicLong nonce = new AtomicLong();
        timer.scheduleAtFixedRate(() -> {
            if (state == State.OPEN || state == State.SILENT) {
                probe(new Heartbeat(nonce.incrementAndGet() & 0xFFFF_FFFFL), interval)
                        .exceptionally(e -> null);
            }
        }, probe, probe, TimeUnit.NANOSECONDS);
        timer.scheduleAtFixedRate(() -> {
            long silent = System.nanoTime() - lastHeardNanos;
            if (state == State.OPEN && silent > silenceLimit) {
                silent("silent for " + silent / 1_000_000 + " ms (heartbeat interval " + interval.toMillis() + " ms)");
            }
        }, check, check, TimeUnit.NANOSECONDS);
    }

    /** Nanosecond time stamp of the last frame heard from the device. */
    public long lastHeardNanos() {
        return lastHeardNanos;
    }

    /** Free credits the device reported in its last heartbeat answer, or -1. */
    public int deviceCreditsFree() {
        return deviceCreditsFree;
    }

    /** A heartbeat goes out even while SILENT (dispatch would refuse it): how the session notices the device is back. */
    private CompletableFuture<Response> probe(Request heartbeat, Duration timeout) {
        if (state == State.OPEN) {
            return dispatch(heartbeat, timeout, 1, false);
        }
        long seq = nextSequence.getAndIncrement() & 0xFFFF_FFFFL;
        byte[] wire;
        synchronized (writeLock) {
            wire = stream.encode(seq, heartbeat);
            try {
                transport.write(wire, 0, wire.length);
            } catch (TransportException e) {
                gone("write failed: " + e.getMessage(), e);
            }
        }
        return CompletableFuture.completedFuture(null);
    }

    /** Nothing heard for too long: pending work fails (so it can move elsewhere), probing goes on. */
    private void silent(String why) {
        synchronized (this) {
            if (state != State.OPEN) {
                return;
            }
            state = State.SILENT;
        }
        LOG.info("{}: device silent: {}", name, why);
        failAll(why, null);
        for (SessionListener l : listeners) {
            eventDispatch.execute(() -> l.onSilent(this, why));
        }
    }

    private void back() {
        synchronized (this) {
            if (state != State.SILENT) {
                return;
            }
            state = State.OPEN;
        }
        LOG.info("{}: device answers again", name);
        for (SessionListener l : listeners) {
            eventDispatch.execute(() -> l.onBack(this));
        }
    }

    private void gone(String why, Throwable cause) {
        synchronized (this) {
            if (state != State.OPEN && state != State.SILENT) {
                return;
            }
            state = State.GONE;
        }
        LOG.info("{}: device gone: {}", name, why);
        failAll(why, cause);
        transport.close();
        for (SessionListener l : listeners) {
            eventDispatch.execute(() -> l.onGone(this, why));
        }
    }

    private void failAll(String why, Throwable cause) {
        for (Pending p : pending.values()) {
            if (pending.remove(p.sequence, p)) {
                if (p.timeoutTask != null) {
                    p.timeoutTask.cancel(false);
                }
                p.future.completeExceptionally(new DeviceGoneException(name, p.request.type(), p.sequence, why, cause));
            }
        }
        List<WaitingJob> waiting;
        synchronized (creditLock) {
            waiting = List.copyOf(waitingForCredit);
            waitingForCredit.clear();
        }
        for (WaitingJob w : waiting) {
            w.result().completeExceptionally(new DeviceGoneException(name, w.job().type(), 0, why + " (job was waiting for a credit)", cause));
        }
    }

    // ------------------------------------------------------------------ counters

    /** Responses that matched nothing pending: late answers after a timeout, or duplicates. */
    public long lateResponses() { return lateResponses.get(); }

    public long retries() { return retriesMade.get(); }

    public long timeouts() { return timeouts.get(); }

    /** Frames this side dropped as damaged (bad CRC, COBS, length, unknown type). */
    public long droppedFrames() { return stream.droppedFrames(); }

    /** BAD_FRAME events: frames of ours the device dropped as damaged. */
    public long badFramesReported() { return badFrameEvents.get(); }

    @Override
    public void close() {
        boolean wasOpen;
        synchronized (this) {
            wasOpen = state == State.OPEN || state == State.SILENT;
            if (state == State.NEW || wasOpen) {
                state = State.CLOSED;
            }
        }
        if (wasOpen) {
            failAll("session closed by the host", null);
        }
        transport.close();
        timer.shutdownNow();
        eventDispatch.shutdown();
    }

    private record WaitingJob(Request job, Runnable go, CompletableFuture<JobResult> result) {
    }

    private static final class Pending {
        final Request request;
        final long sequence;
        final CompletableFuture<Response> future;
        final Duration timeout;
        final int tries;
        int triesLeft;
        volatile ScheduledFuture<?> timeoutTask;

        Pending(Request request, long sequence, CompletableFuture<Response> future, Duration timeout, int tries) {
            this.request = request;
            this.sequence = sequence;
            this.future = future;
            this.timeout = timeout;
            this.tries = tries;
            this.triesLeft = tries;
        }
    }
}

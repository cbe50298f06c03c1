package org.nicrig.host.transport;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches for a device matching {@code usb:VID:PID[/SERIAL]} to arrive or leave, so a rig can
 * reconnect a member that was unplugged and plugged back.
 *
 * <p>Where libusb has hotplug events ({@code LibUsb.hasCapability(CAP_HAS_HOTPLUG)}) it registers
 * a callback for the VID:PID and runs an event-handling thread for it ({@link Mode#HOTPLUG});
 * elsewhere, or if libusb refuses the callback, it compares the device list every poll interval
 * ({@link Mode#POLLING}). Either way
 * the devices present at start are reported as arrivals first, and listeners are called on one
 * thread of the monitor's own, because libusb's callback must not block nor open devices (libusb
 * hotplug API reference). Matching a serial needs the device opened to read iSerialNumber; right
 * after arrival udev may not yet have applied its permissions, so an unreadable serial is tried
 * again a few times before the device is given up on.
 *
 * <p>libusb may report an arrival twice, or a departure of a device it never reported arriving
 * (libusb_hotplug_register_callback, on LIBUSB_HOTPLUG_ENUMERATE); listeners hear each arrival
 * once and each departure only of a device they heard arrive.
 *
 * <pre>{@code
 * try (UsbHotplugMonitor m = UsbHotplugMonitor.start(address, UsbHotplugMonitor.DEFAULT_POLL_INTERVAL, listener)) {
 *     ...
 * }
 * }</pre>
 */
public final class UsbHotplugMonitor implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(UsbHotplugMonitor.class);
    public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(1);
    static final int SERIAL_TRIES = 10;
    static final Duration SERIAL_RETRY = Duration.ofMillis(100);

    /** How the monitor learns of changes. */
    public enum Mode {
        /** libusb's hotplug callback, with an event-handling thread. */
        HOTPLUG,
        /** Comparing device lists every poll interval: libusb has no hotplug here. */
        POLLING
    }

    private record Location(int bus, int address) {
        static Location of(UsbDescriptors d) {
            return new Location(d.bus(), d.address());
        }
    }

    private final UsbBackend backend;
    private final UsbAddress address;
    private final UsbHotplugListener listener;
    private final ScheduledExecutorService worker;
    /** The worker's threads, joined on close: a terminated pool's thread may still be finishing. */
    private final List<Thread> workerThreads = new java.util.concurrent.CopyOnWriteArrayList<>();
    // the worker thread's own: devices reported as arrived, and (polling) every matching-id device seen
    private final Map<Location, UsbPortInfo> present = new HashMap<>();
    private final Set<Location> seen = new HashSet<>();
    private final Mode mode;
    private final UsbBackend.Watch watch;
    private boolean closed;

    private UsbHotplugMonitor(UsbBackend backend, UsbAddress address, Duration pollInterval,
                              UsbHotplugListener listener) {
        this.backend = backend;
        this.address = address;
        this.listener = listener;
        String name = "usb-hotplug " + address.portName();
        ScheduledThreadPoolExecutor w = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            workerThreads.add(t);
            return t;
        });
        w.prestartCoreThread(); // started here and ended in close(), not whenever a first event comes
        this.worker = w;
        this.watch = backend.hasHotplug() ? register(backend, address) : null;
        this.mode = watch != null ? Mode.HOTPLUG : Mode.POLLING;
        if (mode == Mode.POLLING) {
            worker.scheduleWithFixedDelay(this::poll, 0, pollInterval.toNanos(), TimeUnit.NANOSECONDS);
        }
    }

    /** The hotplug registration, or null (so the monitor polls) if libusb refuses it. */
    private UsbBackend.Watch register(UsbBackend backend, UsbAddress address) {
        try {
            return backend.watch(address.vendorId(), address.productId(), new UsbBackend.HotplugSink() {
                @Override
                public void arrived(UsbDescriptors d) {
                    submit(() -> arrival(d, 1));
                }

                @Override
                public void left(UsbDescriptors d) {
                    submit(() -> departure(Location.of(d)));
                }
            });
        } catch (UsbCallException e) {
            LOG.warn("{}: libusb refused a hotplug callback, polling instead: {}", address, e.getMessage());
            return null;
        }
    }

    /**
     * Starts watching for {@code address}; the devices present now are reported first.
     *
     * @param pollInterval how often to compare device lists where libusb has no hotplug events
     * @throws TransportException UNSUPPORTED if libusb is not available here, IO if it cannot start
     */
    public static UsbHotplugMonitor start(UsbAddress address, Duration pollInterval, UsbHotplugListener listener)
            throws TransportException {
        return start(LibUsbBackend.shared(address.portName()), address, pollInterval, listener);
    }

    static UsbHotplugMonitor start(UsbBackend backend, UsbAddress address, Duration pollInterval,
                                   UsbHotplugListener listener) {
        Objects.requireNonNull(listener, "listener");
        if (pollInterval.isNegative() || pollInterval.isZero()) {
            throw new IllegalArgumentException("poll interval must be above zero: " + pollInterval);
        }
        return new UsbHotplugMonitor(backend, address, pollInterval, listener);
    }

    public Mode mode() {
        return mode;
    }

    public UsbAddress address() {
        return address;
    }

    private void submit(Runnable task) {
        try {
            worker.execute(task);
        } catch (RejectedExecutionException e) {
            // closing: events after close() are not wanted
        }
    }

    private void poll() {
        List<UsbDescriptors> now;
        try {
            now = backend.devices();
        } catch (UsbCallException e) {
            LOG.warn("{}: cannot list USB devices, trying again next poll: {}", address, e.getMessage());
            return;
        }
        Map<Location, UsbDescriptors> matching = now.stream()
                .filter(d -> address.matchesIds(d.vendorId(), d.productId()))
                .collect(Collectors.toMap(Location::of, d -> d, (a, b) -> a));
        for (Location gone : Set.copyOf(seen)) {
            if (!matching.containsKey(gone)) {
                seen.remove(gone);
                departure(gone);
            }
        }
        matching.forEach((where, d) -> {
            if (!seen.contains(where) && settled(d)) {
                seen.add(where);
            }
        });
    }

    /** Hotplug mode: handle an arrival, scheduling another try while the serial is unreadable. */
    private void arrival(UsbDescriptors d, int attempt) {
        if (!settled(d) && attempt < SERIAL_TRIES) {
            try {
                worker.schedule(() -> arrival(d, attempt + 1), SERIAL_RETRY.toNanos(), TimeUnit.NANOSECONDS);
            } catch (RejectedExecutionException e) {
                // closing
            }
        }
    }

    /**
     * Reports {@code d} if it is the device wanted; false while that cannot be told yet (its serial
     * is unreadable), true once decided either way.
     */
    private boolean settled(UsbDescriptors d) {
        Location where = Location.of(d);
        if (present.containsKey(where)) {
            return true;
        }
        UsbPortInfo info = UsbPorts.describe(backend, d);
        if (address.serial().isPresent()) {
            if (info.serial().isEmpty() && info.unreadable().isPresent()) {
                LOG.debug("{}: serial of {} unreadable for now: {}", address, d.location(), info.unreadable().get());
                return false;
            }
            if (!info.serial().equals(address.serial())) {
                return true;
            }
        }
        present.put(where, info);
        tell(l -> l.arrived(info));
        return true;
    }

    private void departure(Location where) {
        UsbPortInfo info = present.remove(where);
        if (info != null) {
            tell(l -> l.left(info));
        }
    }

    private void tell(java.util.function.Consumer<UsbHotplugListener> call) {
        try {
            call.accept(listener);
        } catch (RuntimeException e) {
            LOG.warn("{}: hotplug listener failed", address, e);
        }
    }

    /** Stops the event thread (or polling) and the listener thread, waiting for both to end. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (watch != null) {
            watch.close();
        }
        stopWorker();
    }

    private void stopWorker() {
        worker.shutdownNow();
        boolean interrupted = false;
        for (Thread t : workerThreads) {
            while (t.isAlive() && t != Thread.currentThread()) { // a listener may close its monitor
                try {
                    t.join(TimeUnit.MINUTES.toMillis(1));
                    if (t.isAlive()) {
                        LOG.warn("{}: still waiting for a hotplug listener to return", address);
                    }
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}

package org.nicrig.host.testing;

import com.fazecast.jSerialComm.SerialPort;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Another process that holds a serial port open through jSerialComm, as a second nicrig (or any
 * jSerialComm program) would: a child JVM running {@link #main} opens the port, prints
 * {@code HOLDING}, and keeps it until its stdin closes. {@link #close()} ends it.
 */
public final class ForeignPortHolder implements AutoCloseable {

    private static final String HOLDING = "HOLDING";

    private final Process child;

    private ForeignPortHolder(Process child) {
        this.child = child;
    }

    /** Starts the child and waits until it holds {@code device}; fails with what the child printed. */
    public static ForeignPortHolder hold(Path device, Duration timeout) throws IOException {
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classpath = codeSource(ForeignPortHolder.class) + File.pathSeparator + codeSource(SerialPort.class);
        Process p = new ProcessBuilder(javaBin, "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-cp", classpath,
                ForeignPortHolder.class.getName(), device.toString())
                .redirectErrorStream(true)
                .start();
        ForeignPortHolder holder = new ForeignPortHolder(p);
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        List<String> said = new ArrayList<>();
        CompletableFuture<Boolean> ready = CompletableFuture.supplyAsync(() -> {
            try {
                for (String line; (line = out.readLine()) != null; ) {
                    said.add(line);
                    if (line.equals(HOLDING)) {
                        return true;
                    }
                }
            } catch (IOException e) {
                said.add(e.toString());
            }
            return false;
        });
        try {
            if (ready.get(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                return holder;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            said.add(e.toString());
        }
        holder.close();
        throw new IOException("child JVM did not come to hold " + device + "; it said: " + String.join(" | ", said));
    }

    public long pid() {
        return child.pid();
    }

    @Override
    public void close() {
        try {
            child.getOutputStream().close(); // the child's cue to release the port and exit
            if (!child.waitFor(5, TimeUnit.SECONDS)) {
                child.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (IOException | InterruptedException e) {
            child.destroyForcibly();
        }
    }

    /** Runs in the child JVM: {@code ForeignPortHolder DEVICE}. */
    public static void main(String[] args) throws IOException {
        SerialPort port = SerialPort.getCommPort(args[0]);
        if (!port.openPort()) {
            System.out.println("FAILED errno " + port.getLastErrorCode() + " at line " + port.getLastErrorLocation());
            System.exit(1);
        }
        System.out.println(HOLDING);
        System.out.flush();
        while (System.in.read() >= 0) {
            // hold until the parent closes our stdin
        }
        port.closePort();
    }

    private static String codeSource(Class<?> c) {
        try {
            return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}

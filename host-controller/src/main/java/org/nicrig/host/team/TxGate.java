package org.nicrig.host.team;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Orders a member's transmissions: ordinary ones run side by side, but while the member borrows
 * another's MAC (FIG. 4 direct transmit) nothing else may go out with the wrong address. An
 * asynchronous reader-writer gate, used only on the team's own thread, so it needs no locks.
 */
final class TxGate {
    private int shared;
    private boolean exclusive;
    private final Deque<Waiter> waiting = new ArrayDeque<>();

    private record Waiter(boolean exclusive, Runnable action) {
    }

    void shared(Runnable action) {
        if (!exclusive && waiting.isEmpty()) {
            shared++;
            action.run();
        } else {
            waiting.add(new Waiter(false, action));
        }
    }

    void exclusive(Runnable action) {
        if (!exclusive && shared == 0 && waiting.isEmpty()) {
            exclusive = true;
            action.run();
        } else {
            waiting.add(new Waiter(true, action));
        }
    }

    void releaseShared() {
        shared--;
        drain();
    }

    void releaseExclusive() {
        exclusive = false;
        drain();
    }

    private void drain() {
        while (!waiting.isEmpty() && !exclusive) {
            Waiter next = waiting.peek();
            if (next.exclusive()) {
                if (shared > 0) {
                    return;
                }
                waiting.poll();
                exclusive = true;
                next.action().run();
                return;
            }
            waiting.poll();
            shared++;
            next.action().run();
        }
    }
}

package org.nicrig.model.esp;

/**
 * SA parameters the engine cannot install (wrong key length, a cipher/integrity pair that is not a
 * suite, tunnel mode without addresses). The message names the field and the lengths, never key
 * bytes; the device answers SA_ADD with it.
 */
public final class InvalidSaException extends RuntimeException {
    public InvalidSaException(String message) {
        super(message);
    }

    public InvalidSaException(String message, Throwable cause) {
        super(message, cause);
    }
}

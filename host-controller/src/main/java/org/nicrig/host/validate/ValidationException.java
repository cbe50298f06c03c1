package org.nicrig.host.validate;

/**
 * What stops a validation before it can compare anything, and is the user's to fix: an image that
 * is not one (with its byte offset), no device for an image's target, an output folder that holds
 * a previous validation, a device that cannot be reached. One line, no stack trace; exit 2.
 */
public final class ValidationException extends Exception {
    public ValidationException(String message) {
        super(message);
    }

    public ValidationException(String message, Throwable cause) {
        super(message, cause);
    }
}

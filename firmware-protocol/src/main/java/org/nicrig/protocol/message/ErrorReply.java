package org.nicrig.protocol.message;

import java.util.Objects;

/**
 * A refused request: sent with the request's type code, its sequence number and the error flag.
 * {@code aboutTypeCode} is a raw code because a device also refuses types it does not know.
 */
public record ErrorReply(int aboutTypeCode, ErrorCode code, String detail) implements Response {
    public ErrorReply {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(detail, "detail");
    }

    public ErrorReply(MessageType about, ErrorCode code, String detail) {
        this(about.code(), code, detail);
    }

    /** The type this error answers; {@link MessageType#ERROR} when the code is unknown here. */
    @Override
    public MessageType type() {
        MessageType t = MessageType.fromCode(aboutTypeCode);
        return t == null ? MessageType.ERROR : t;
    }
}

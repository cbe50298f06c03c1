package org.nicrig.protocol.message;

/** Device to host, answering the request with the same sequence number. */
public sealed interface Response extends Message
        permits HelloReply, IdentifyReply, SelfTestReply, HeartbeatReply, StatsReply, RegValue, EepromData,
                JobResult, Ack, ErrorReply {
}

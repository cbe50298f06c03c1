package org.nicrig.protocol.message;

/** Host to device; answered by exactly one {@link Response} with the same sequence number. */
public sealed interface Request extends Message
        permits Hello, Identify, SelfTest, Heartbeat, Reset, GetStats, SaAdd, SaDelete, EncryptJob, DecryptJob,
                Transmit, SetMac, RestoreMac, RegRead, RegWrite, EepromRead, EepromWrite,
                FwBegin, FwChunk, FwCommit, FwActivate, InjectFault {
}

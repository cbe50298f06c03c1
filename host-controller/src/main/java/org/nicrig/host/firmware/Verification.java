package org.nicrig.host.firmware;

import org.nicrig.protocol.message.Bytes;

/**
 * What {@link ImageVerifier} found: one good outcome and the three ways an image fails, each able
 * to say why in a line (without the file name, which the caller knows).
 */
public sealed interface Verification {

    /** Whether the image is signed by the expected key and the signature holds. */
    boolean ok();

    /** E.g. {@code signed by key id 0a1b2c3d4e5f6071, not by key id 1122334455667788}. */
    String reason();

    /** Signed by the expected key, and the signature verifies over header and payload. */
    record Verified(Bytes keyId) implements Verification {
        @Override
        public boolean ok() {
            return true;
        }

        @Override
        public String reason() {
            return "signed by key id " + keyId.hex();
        }
    }

    /** The trailer says "unsigned" (algorithm 0). */
    record Unsigned() implements Verification {
        @Override
        public boolean ok() {
            return false;
        }

        @Override
        public String reason() {
            return "unsigned";
        }
    }

    /** Signed, but by a key with another key id; the signature was not checked. */
    record OtherKey(Bytes signedBy, Bytes expected) implements Verification {
        @Override
        public boolean ok() {
            return false;
        }

        @Override
        public String reason() {
            return "signed by key id " + signedBy.hex() + ", not by key id " + expected.hex();
        }
    }

    /** The trailer names the expected key, but the signature does not verify. */
    record BadSignature(Bytes keyId) implements Verification {
        @Override
        public boolean ok() {
            return false;
        }

        @Override
        public String reason() {
            return "bad signature: the trailer names key id " + keyId.hex()
                    + " but the signature does not verify (the image was changed after signing, or the signature is forged)";
        }
    }
}

package org.nicrig.protocol.image;

import java.util.List;
import java.util.Optional;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.nicrig.protocol.message.Cipher;
import org.nicrig.protocol.message.FirmwareVersion;
import org.nicrig.protocol.message.Integrity;

/**
 * jqwik generators for images: every field anywhere in the range its layout can carry
 * (FIRMWARE-IMAGE.md §3), lists in any order, payloads from empty to a few kilobytes, signed or
 * not. A signature here is random bytes: the format does not check it, only carries it.
 */
final class ImageArbitraries {
    private ImageArbitraries() {
    }

    static Arbitrary<ImageTarget> targets() {
        return Combinators.combine(u16(), u16(), Arbitraries.integers().between(0, 0xFF), Arbitraries.integers().between(0, 0xFF))
                .as((v, d, a, b) -> new ImageTarget(v, d, Math.min(a, b), Math.max(a, b)));
    }

    static Arbitrary<FirmwareVersion> versions() {
        return Combinators.combine(Arbitraries.integers().between(0, 255), Arbitraries.integers().between(0, 255), u16())
                .as(FirmwareVersion::new);
    }

    static Arbitrary<ImageCapabilities> capabilities() {
        Arbitrary<List<CipherRate>> ciphers = Arbitraries.subsetOf(Cipher.values())
                .flatMap(set -> Arbitraries.shuffle(List.copyOf(set)))
                .flatMap(list -> u32().list().ofSize(list.size())
                        .map(rates -> java.util.stream.IntStream.range(0, list.size())
                                .mapToObj(i -> new CipherRate(list.get(i), rates.get(i))).toList()));
        Arbitrary<List<Integrity>> integrities = Arbitraries.subsetOf(Integrity.values())
                .flatMap(set -> Arbitraries.shuffle(List.copyOf(set)));
        Arbitrary<ImageCapabilities> withEngine = Combinators.combine(Arbitraries.of(true, false), ciphers, integrities)
                .as((secondary, c, i) -> new ImageCapabilities(true, secondary, c, i));
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(1, Arbitraries.just(ImageCapabilities.NONE)),
                net.jqwik.api.Tuple.of(5, withEngine));
    }

    /** Defect names as the format allows them (printable ASCII, no space), not only the model's. */
    static Arbitrary<List<String>> defects() {
        return Arbitraries.strings().withCharRange('!', '~').ofMinLength(1).ofMaxLength(40)
                .list().uniqueElements().ofMaxSize(6);
    }

    static Arbitrary<ImageManifest> manifests() {
        return Combinators.combine(targets(), versions(), u32(), capabilities(), defects()).as(ImageManifest::new);
    }

    static Arbitrary<byte[]> payloads() {
        return Combinators.combine(Arbitraries.frequencyOf(
                        net.jqwik.api.Tuple.of(1, Arbitraries.just(0)),
                        net.jqwik.api.Tuple.of(6, Arbitraries.integers().between(1, 256)),
                        net.jqwik.api.Tuple.of(2, Arbitraries.integers().between(257, 8192))),
                Arbitraries.longs()).as((n, seed) -> {
                    byte[] b = new byte[n];
                    new Random(seed).nextBytes(b);
                    return b;
                });
    }

    static Arbitrary<Optional<ImageSignature>> signatures() {
        Arbitrary<ImageSignature> some = Arbitraries.longs().map(seed -> {
            Random r = new Random(seed);
            byte[] keyId = new byte[ImageSignature.KEY_ID_LENGTH];
            byte[] sig = new byte[ImageSignature.ED25519_LENGTH];
            r.nextBytes(keyId);
            r.nextBytes(sig);
            return ImageSignature.ed25519(keyId, sig);
        });
        return Arbitraries.oneOf(List.of(Arbitraries.just(Optional.empty()), some.map(Optional::of)));
    }

    static Arbitrary<FirmwareImage> images() {
        return Combinators.combine(manifests(), payloads(), signatures())
                .as((m, p, s) -> s.map(FirmwareImage.unsigned(m, p)::withSignature).orElse(FirmwareImage.unsigned(m, p)));
    }

    private static Arbitrary<Long> u32() {
        return Arbitraries.longs().between(0, 0xFFFF_FFFFL);
    }

    private static Arbitrary<Integer> u16() {
        return Arbitraries.integers().between(0, 0xFFFF);
    }
}

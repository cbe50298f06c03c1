package org.nicrig.host.firmware;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.nicrig.host.config.Node;
import org.nicrig.host.config.Problems;
import org.nicrig.host.config.YamlTree;
import org.nicrig.model.defect.Defect;
import org.nicrig.protocol.image.CipherRate;
import org.nicrig.protocol.image.ImageCapabilities;
import org.nicrig.protocol.image.ImageManifest;
import org.nicrig.protocol.image.ImageTarget;
import org.nicrig.protocol.message.Cipher;
import org.nicrig.protocol.message.FirmwareVersion;
import org.nicrig.protocol.message.Integrity;

/** What inspect prints as a manifest is a manifest pack reads back to the same thing. */
class ManifestWriterPropertyTest {

    @Provide
    Arbitrary<ImageManifest> manifests() {
        Arbitrary<ImageTarget> targets = Combinators.combine(Arbitraries.integers().between(0, 0xFFFF),
                Arbitraries.integers().between(0, 0xFFFF), Arbitraries.integers().between(0, 255), Arbitraries.integers().between(0, 255))
                .as((v, d, a, b) -> new ImageTarget(v, d, Math.min(a, b), Math.max(a, b)));
        Arbitrary<FirmwareVersion> versions = Combinators.combine(Arbitraries.integers().between(0, 255),
                Arbitraries.integers().between(0, 255), Arbitraries.integers().between(0, 0xFFFF)).as(FirmwareVersion::new);
        Arbitrary<Long> rates = Arbitraries.oneOf(List.of(Arbitraries.longs().between(0, 0xFFFF_FFFFL),
                Arbitraries.longs().between(0, 4294).map(n -> n * 1_000_000L)));
        Arbitrary<List<CipherRate>> ciphers = Arbitraries.subsetOf(Cipher.values())
                .flatMap(s -> Arbitraries.shuffle(List.copyOf(s)))
                .flatMap(l -> rates.list().ofSize(l.size()).map(r -> java.util.stream.IntStream.range(0, l.size())
                        .mapToObj(i -> new CipherRate(l.get(i), r.get(i))).toList()));
        Arbitrary<List<Integrity>> integrities = Arbitraries.subsetOf(Integrity.values()).flatMap(s -> Arbitraries.shuffle(List.copyOf(s)));
        Arbitrary<ImageCapabilities> caps = Arbitraries.oneOf(List.of(Arbitraries.just(ImageCapabilities.NONE),
                Combinators.combine(Arbitraries.of(true, false), ciphers, integrities).as((s, c, i) -> new ImageCapabilities(true, s, c, i))));
        Arbitrary<List<String>> defects = Arbitraries.subsetOf(Defect.values())
                .flatMap(s -> Arbitraries.shuffle(s.stream().map(Defect::name).toList()));
        return Combinators.combine(targets, versions, Arbitraries.longs().between(0, 0xFFFF_FFFFL), caps, defects)
                .as(ImageManifest::new);
    }

    @Property(tries = 200)
    void writtenManifestsReadBack(@ForAll("manifests") ImageManifest m) {
        String yaml = ManifestWriter.yaml(m);
        Problems p = new Problems("inspect");
        Node root = YamlTree.parse(yaml, p);
        ImageManifest back = ManifestReader.read(root, p);
        assertThat(p.errors()).as(yaml).isEmpty();
        assertThat(back).as(yaml).isEqualTo(m);
    }
}

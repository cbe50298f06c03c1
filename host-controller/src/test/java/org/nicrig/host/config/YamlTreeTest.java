package org.nicrig.host.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.nicrig.host.config.Node.ScalarNode.Type;

/** The tree keeps the line and column of every key and value, as an editor counts them. */
class YamlTreeTest {

    private static Node parse(String text, Problems p) {
        return YamlTree.parse(text, p);
    }

    @Test
    void keysAndValuesKeepTheirPositions() {
        Problems p = new Problems("t.yaml");
        Node root = parse("""
                name: smoke
                steps:
                  - type: fault
                    fault: LINK_DWN
                  - {type: wait, duration: 1s}
                """, p);
        assertThat(p.isEmpty()).isTrue();
        Node.MapNode map = (Node.MapNode) root;
        assertThat(map.entries().get("name").keyLocation()).isEqualTo(new Location(1, 1));
        assertThat(map.entries().get("name").value().location()).isEqualTo(new Location(1, 7));
        Node.ListNode steps = (Node.ListNode) map.entries().get("steps").value();
        Node.MapNode fault = (Node.MapNode) steps.items().get(0);
        assertThat(fault.entries().get("fault").keyLocation()).isEqualTo(new Location(4, 5));
        assertThat(fault.entries().get("fault").value().location()).isEqualTo(new Location(4, 12));
        Node.MapNode flow = (Node.MapNode) steps.items().get(1);
        assertThat(flow.entries().get("duration").value().location()).isEqualTo(new Location(5, 28));
    }

    @Test
    void scalarsKeepHowYamlResolvedThem() {
        Problems p = new Problems("t.yaml");
        Node.MapNode m = (Node.MapNode) parse("a: 0x1f\nb: '0x1f'\nc: 1.5\nd: true\ne: ~\nf: 2.1.7\n", p);
        assertThat(scalar(m, "a")).isEqualTo(new Node.ScalarNode(new Location(1, 4), "0x1f", Type.INTEGER));
        assertThat(scalar(m, "b").type()).isEqualTo(Type.STRING);
        assertThat(scalar(m, "c").type()).isEqualTo(Type.FLOAT);
        assertThat(scalar(m, "d").type()).isEqualTo(Type.BOOLEAN);
        assertThat(scalar(m, "e").type()).isEqualTo(Type.NULL);
        assertThat(scalar(m, "f")).extracting(Node.ScalarNode::text, Node.ScalarNode::type).containsExactly("2.1.7", Type.STRING);
    }

    @Test
    void aDuplicateKeyIsReportedAtItsSecondOccurrence() {
        Problems p = new Problems("t.yaml");
        parse("name: a\ntimeout: 1m\nname: b\n", p);
        assertThat(p.errors()).extracting(Throwable::getMessage)
                .containsExactly("t.yaml:3:1: duplicate key 'name' (first at line 1)");
    }

    @Test
    void aSyntaxErrorIsLocatedAndDoesNotQuoteTheLine() {
        Problems p = new Problems("t.yaml");
        assertThat(parse("a: b\n  c: \"s3cr3tkeymaterial\nx: y\n", p)).isNull();
        assertThat(p.errors()).singleElement().satisfies(e -> {
            assertThat(e.getMessage()).isEqualTo("t.yaml:2:4: not valid YAML: mapping values are not allowed here");
            assertThat(e.getMessage()).doesNotContain("s3cr3t");
        });
    }

    @Test
    void oneDocumentPerFile() {
        Problems p = new Problems("t.yaml");
        parse("a: 1\n---\nb: 2\n", p);
        assertThat(p.errors()).extracting(Throwable::getMessage)
                .containsExactly("t.yaml:3:1: only one YAML document per file ('---' starts another)");
    }

    @Test
    void emptyAndMissingFiles() {
        Problems p = new Problems("empty.yaml");
        assertThat(parse("# nothing but a comment\n", p)).isNull();
        assertThat(p.errors()).extracting(Throwable::getMessage).containsExactly("empty.yaml:1:1: the file is empty");
        Problems q = new Problems("nowhere.yaml");
        assertThat(YamlTree.read(Path.of("does-not-exist.yaml"), q)).isNull();
        assertThat(q.errors()).extracting(Throwable::getMessage)
                .containsExactly("nowhere.yaml: cannot read the file: no such file");
    }

    private static Node.ScalarNode scalar(Node.MapNode m, String key) {
        return (Node.ScalarNode) m.entries().get(key).value();
    }
}

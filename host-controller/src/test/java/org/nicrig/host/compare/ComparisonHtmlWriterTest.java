package org.nicrig.host.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nicrig.host.compare.Runs.conformance;
import static org.nicrig.host.compare.Runs.ran;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nicrig.host.report.MeasurementOutcome;
import org.nicrig.host.report.StepOutcome;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class ComparisonHtmlWriterTest {
    private static final String EVIL = "<script>alert('x')</script>";

    @TempDir
    Path dir;

    @Test
    void theDecisionComesFirstInBigLettersThenTheNewFailures() throws Exception {
        Runs.Run defective = conformance().failed("1 step(s) failed")
                .stepOutcome("conforms", StepOutcome.FAIL, "1 of 2 expectations failed")
                .measured("conforms", "verified_fraction", 0.25, MeasurementOutcome.FAIL)
                .verifierFailure("IV_REUSE", 3000);
        Comparison c = Comparer.compare("emulated", 10, "test", ran("1.4.0", "baseline", conformance()),
                ran("1.5.1", "candidate", defective), List.of("conformance"), Runs.SUITES, ComparisonSettings.DEFAULT);
        Path html = dir.resolve(ComparisonHtmlWriter.FILE_NAME);
        ComparisonHtmlWriter.write(c, html);
        String text = Files.readString(html);
        Document doc = parse(html);

        Element decision = elements(doc, "p").get(0);
        assertThat(decision.getAttribute("class")).isEqualTo("decision");
        assertThat(decision.getTextContent()).isEqualTo("NO-GO");
        assertThat(elements(doc, "header").get(0).getAttribute("class")).isEqualTo("NO_GO");
        assertThat(elements(doc, "li")).extracting(Element::getTextContent).containsAll(c.reasons());
        List<String> headings = elements(doc, "h2").stream().map(Element::getTextContent).toList();
        assertThat(headings.get(0)).isEqualTo("New failures (3)");
        assertThat(headings).contains("Images", "Plans", "Throughput per cipher suite", "Fixed (0)", "Still failing (0)",
                "conformance: every check");
        assertThat(elements(doc, "a")).extracting(e -> e.getAttribute("href"))
                .containsExactly("baseline/conformance/report.html", "candidate/conformance/report.html");
        // self-contained: nothing fetched from elsewhere
        assertThat(text).doesNotContain("http:").doesNotContain("https:").doesNotContain("<link")
                .doesNotContain("src=").doesNotContain("url(").doesNotContain("<script");
        assertThat(elements(doc, "tr")).filteredOn(tr -> tr.getAttribute("class").equals("t-NEW_FAILURE")).hasSize(3);
    }

    @Test
    void aGoSaysSoAndEveryStringFromOutsideIsEscaped() throws Exception {
        ImageFacts evil = new ImageFacts(EVIL + ".img", "1.5.0", "1172:e001 rev 0x01..0x0f", 5, false, "", "00".repeat(32),
                List.of(EVIL), List.of("note " + EVIL));
        Map<String, PlanRun> runs = Map.of("conformance", conformance().run("candidate"));
        Comparison c = Comparer.compare(EVIL, 10, "test", ran("1.4.0", "baseline", conformance()),
                ImageValidation.ran(evil, List.of(new FlashRow(EVIL, FlashRow.Status.FLASHED, "1.5.0", EVIL)), runs),
                List.of("conformance"), Runs.SUITES, ComparisonSettings.DEFAULT);
        Path html = dir.resolve(ComparisonHtmlWriter.FILE_NAME);
        ComparisonHtmlWriter.write(c, html);
        Document doc = parse(html);

        assertThat(c.decision()).isEqualTo(Decision.GO);
        assertThat(elements(doc, "p").get(0).getTextContent()).isEqualTo("GO");
        assertThat(elements(doc, "script")).isEmpty();
        assertThat(elements(doc, "td")).extracting(Element::getTextContent).contains(EVIL + ".img");
        assertThat(elements(doc, "li")).extracting(Element::getTextContent).contains("note " + EVIL);
    }

    private static Document parse(Path file) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        f.setExpandEntityReferences(false);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(Files.readAllBytes(file)));
    }

    private static List<Element> elements(Document doc, String tag) {
        NodeList nodes = doc.getElementsByTagName(tag);
        List<Element> out = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            out.add((Element) nodes.item(i));
        }
        return out;
    }
}

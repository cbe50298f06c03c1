package org.nicrig.host.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class JUnitXmlWriterTest {
    @TempDir
    Path dir;

    private static void assertValid(Path xml) throws Exception {
        SchemaFactory f = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        f.newSchema(JUnitXmlWriterTest.class.getResource("junit-common.xsd")).newValidator()
                .validate(new StreamSource(xml.toFile()));
    }

    @Test
    void oneTestcasePerStepAndMeasurementWithTheRightCounts() throws Exception {
        RunReport r = SampleRun.standard().report(dir);
        Path xml = dir.resolve("junit.xml");
        JUnitXmlWriter.write(r, xml);
        assertValid(xml);

        Document doc = XmlDocs.parse(xml);
        Element root = doc.getDocumentElement();
        assertThat(root.getTagName()).isEqualTo("testsuites");
        assertThat(XmlDocs.elements(doc, "testsuite")).hasSize(1);
        Element suite = XmlDocs.elements(doc, "testsuite").get(0);
        // 3 steps (PASS, FAIL, SKIPPED) + 3 measurements (PASS, MARGINAL, FAIL)
        assertThat(suite.getAttribute("tests")).isEqualTo("6");
        assertThat(suite.getAttribute("failures")).isEqualTo("2");
        assertThat(suite.getAttribute("errors")).isEqualTo("0");
        assertThat(suite.getAttribute("skipped")).isEqualTo("1");
        assertThat(root.getAttribute("tests")).isEqualTo("6");
        assertThat(suite.getAttribute("time")).isEqualTo("2.040");
        assertThat(suite.getAttribute("timestamp")).isEqualTo("2025-03-14T09:26:53");
        assertThat(XmlDocs.elements(doc, "testcase")).hasSize(6);
        assertThat(XmlDocs.elements(doc, "failure")).extracting(e -> e.getAttribute("message")).containsExactly(
                "3 packets failed verification", "3 packets, limit == 0");
        assertThat(XmlDocs.elements(doc, "skipped")).hasSize(1);
        assertThat(XmlDocs.elements(doc, "property")).filteredOn(p -> p.getAttribute("name").equals("seed"))
                .singleElement().satisfies(p -> assertThat(p.getAttribute("value")).isEqualTo("42"));
        assertThat(XmlDocs.elements(doc, "system-out")).extracting(Element::getTextContent)
                .contains("MARGINAL: 91.5 Mbit/s, limit >= 90 Mbit/s (warn < 95)");
    }

    @Test
    void anIncompleteRunIsAnError() throws Exception {
        RunReport r = RunReport.fromJournal(JournalReader.read(SampleRun.standard().write(dir, false)));
        Path xml = dir.resolve("junit.xml");
        JUnitXmlWriter.write(r, xml);
        assertValid(xml);
        Document doc = XmlDocs.parse(xml);
        Element suite = XmlDocs.elements(doc, "testsuite").get(0);
        // admit PASS, traffic ERROR (open when the journal ended), and "run completed" ERROR
        assertThat(suite.getAttribute("tests")).isEqualTo("3");
        assertThat(suite.getAttribute("errors")).isEqualTo("2");
        assertThat(XmlDocs.elements(doc, "error")).extracting(e -> ((Element) e.getParentNode()).getAttribute("name"))
                .containsExactly("traffic", "run completed");
    }

    @Test
    void controlCharactersAndMarkupInMessagesStillParse() throws Exception {
        Instant t = Instant.parse("2025-01-01T00:00:00Z");
        RunReport r = RunReport.builder(new RunInfo("p<&>\"", "rig", 1, ""), t)
                .step(new StepResult("step \u0001 <b>", "t", StepOutcome.FAIL, Duration.ofMillis(1),
                        "device said \u0000\u0007 ]]> & <oops>\nsecond line"))
                .finished(RunVerdict.FAIL, "", t, Duration.ofMillis(1)).build();
        Path xml = dir.resolve("junit.xml");
        JUnitXmlWriter.write(r, xml);
        assertValid(xml);
        Document doc = XmlDocs.parse(xml);
        Element failure = XmlDocs.elements(doc, "failure").get(0);
        assertThat(failure.getAttribute("message")).isEqualTo("device said \uFFFD\uFFFD ]]> & <oops>");
        assertThat(failure.getTextContent()).endsWith("<oops>\nsecond line");
        assertThat(XmlDocs.elements(doc, "testcase").get(0).getAttribute("name")).isEqualTo("step \uFFFD <b>");
        assertThat(XmlDocs.elements(doc, "testsuite").get(0).getAttribute("name")).isEqualTo("p<&>\"");
        assertThat(List.of(failure.getAttribute("type"))).containsExactly("FAIL");
    }
}

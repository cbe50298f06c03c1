package org.nicrig.host.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class HtmlReportWriterTest {
    private static final String EVIL = "<script>alert('x')</script>";

    @TempDir
    Path dir;

    @Test
    void everyStringIsEscaped() throws Exception {
        SampleRun run = new SampleRun(EVIL, "nic1 & \"friends\"", "<img src=x onerror=alert(1)>");
        RunReport r = run.report(dir);
        Path html = dir.resolve("report.html");
        HtmlReportWriter.write(r, html);
        String text = Files.readString(html);

        assertThat(text.toLowerCase()).doesNotContain("<script").doesNotContain("<img");
        assertThat(text).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;")
                .contains("nic1 &amp; &quot;friends&quot;");
        // well-formed XML: any unescaped markup from data would break or add elements
        Document doc = XmlDocs.parse(Files.readAllBytes(html), true);
        assertThat(XmlDocs.elements(doc, "script")).isEmpty();
        assertThat(XmlDocs.elements(doc, "img")).isEmpty();
        assertThat(XmlDocs.elements(doc, "td")).extracting(Element::getTextContent).contains(EVIL);
        assertThat(XmlDocs.elements(doc, "title")).extracting(Element::getTextContent).contains(EVIL);
    }

    @Test
    void selfContainedWithTheSectionsAPersonLooksFor() throws Exception {
        RunReport r = SampleRun.standard().report(dir);
        Path html = dir.resolve("report.html");
        HtmlReportWriter.write(r, html);
        String text = Files.readString(html, StandardCharsets.UTF_8);
        assertThat(text).doesNotContain("http:").doesNotContain("https:").doesNotContain("<link")
                .doesNotContain("src=").doesNotContain("url(");

        Document doc = XmlDocs.parse(Files.readAllBytes(html), true);
        assertThat(XmlDocs.elements(doc, "h2")).extracting(Element::getTextContent).contains("Steps", "Admission",
                "Timeline", "Measurements", "Verdicts per member", "Verdicts per SA", "Packet failures");
        assertThat(XmlDocs.elements(doc, "span")).extracting(Element::getTextContent).contains("FAIL");
        assertThat(XmlDocs.elements(doc, "dd")).extracting(Element::getTextContent).contains("42", "ci-emulated");
        assertThat(XmlDocs.elements(doc, "svg")).hasSize(1);
        assertThat(XmlDocs.elements(doc, "text")).extracting(Element::getTextContent)
                .contains("LINK_DOWN", "gap 12.0 ms", "5 jobs", "10 jobs", "nic0", "nic1");
        // the marginal measurement is shown as a warning row
        assertThat(XmlDocs.elements(doc, "tr")).filteredOn(tr -> tr.getAttribute("class").equals("m-MARGINAL"))
                .singleElement().satisfies(tr -> assertThat(tr.getTextContent()).contains("throughput", "⚠"));
        // the verdict tables name the failed checks
        assertThat(XmlDocs.elements(doc, "td")).extracting(Element::getTextContent).contains("ICV 3, PADDING 1",
                "0x00002002");
    }
}

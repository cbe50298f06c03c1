package org.nicrig.host.report;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes {@code junit.xml} in the common JUnit XML format that Jenkins' JUnit plugin and GitLab's
 * unit test reports read (the Ant JUnit task's format, as in Jenkins' junit-4.xsd):
 * {@code <testsuites>} holding one {@code <testsuite>} with the run's properties (seed first, so a
 * red run can be replayed), one {@code <testcase>} per plan step and one per measurement. A failed
 * step or measurement is a {@code <failure>}, a step that errored an {@code <error>}, a skipped step
 * {@code <skipped/>}; a marginal measurement passes with a warning in its {@code <system-out>}. A
 * run that did not finish gets one more test case, "run completed", with an error.
 */
public final class JUnitXmlWriter {
    public static final String FILE_NAME = "junit.xml";

    private JUnitXmlWriter() {
    }

    public static void write(RunReport report, Path file) throws IOException {
        AtomicFile.write(file, out -> write(report, out));
    }

    static void write(RunReport report, OutputStream out) throws IOException {
        try {
            XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            new JUnitXmlWriter.Doc(x, report).write();
            x.flush();
        } catch (XMLStreamException e) {
            throw new IOException("cannot write JUnit XML: " + e.getMessage(), e);
        }
    }

    /** Test counts as JUnit counts them; {@code tests} includes failures, errors and skipped. */
    record Tally(int tests, int failures, int errors, int skipped) {
        static Tally of(RunReport r) {
            int failures = 0;
            int errors = r.complete() ? 0 : 1;
            int skipped = 0;
            for (StepResult s : r.steps()) {
                switch (s.outcome()) {
                    case FAIL -> failures++;
                    case ERROR -> errors++;
                    case SKIPPED -> skipped++;
                    case PASS -> { }
                }
            }
            for (MeasurementResult m : r.measurements()) {
                if (m.outcome() == MeasurementOutcome.FAIL) {
                    failures++;
                }
            }
            int tests = r.steps().size() + r.measurements().size() + (r.complete() ? 0 : 1);
            return new Tally(tests, failures, errors, skipped);
        }
    }

    private record Doc(XMLStreamWriter x, RunReport r) {

        void write() throws XMLStreamException {
            Tally t = Tally.of(r);
            String time = seconds(r.duration());
            x.writeStartDocument("UTF-8", "1.0");
            x.writeCharacters("\n");
            x.writeStartElement("testsuites");
            attr("name", "nicrig " + r.plan());
            // no "skipped" here: Jenkins' schema (xunit-plugin junit-10.xsd) allows it on testsuite only
            attr("tests", Integer.toString(t.tests()));
            attr("failures", Integer.toString(t.failures()));
            attr("errors", Integer.toString(t.errors()));
            attr("time", time);
            x.writeCharacters("\n  ");
            x.writeStartElement("testsuite");
            attr("name", r.plan());
            counts(t);
            attr("time", time);
            attr("timestamp", LocalDateTime.ofInstant(r.startedAt().truncatedTo(ChronoUnit.SECONDS), ZoneOffset.UTC)
                    .toString());
            attr("hostname", r.rig());
            properties();
            String classPrefix = "nicrig." + r.plan();
            for (StepResult s : r.steps()) {
                step(classPrefix + ".steps", s);
            }
            for (MeasurementResult m : r.measurements()) {
                measurement(classPrefix + ".measurements", m);
            }
            if (!r.complete()) {
                testcase("run completed", classPrefix, r.duration());
                problem("error", "INCOMPLETE", r.message(), r.message());
                x.writeEndElement();
            }
            x.writeCharacters("\n  ");
            x.writeEndElement();
            x.writeCharacters("\n");
            x.writeEndElement();
            x.writeCharacters("\n");
            x.writeEndDocument();
        }

        private void counts(Tally t) throws XMLStreamException {
            attr("tests", Integer.toString(t.tests()));
            attr("failures", Integer.toString(t.failures()));
            attr("errors", Integer.toString(t.errors()));
            attr("skipped", Integer.toString(t.skipped()));
        }

        private void properties() throws XMLStreamException {
            x.writeCharacters("\n    ");
            x.writeStartElement("properties");
            property("seed", Long.toString(r.seed()));
            property("plan", r.plan());
            property("rig", r.rig());
            property("verdict", r.verdict().name());
            property("complete", Boolean.toString(r.complete()));
            property("nicrig.version", r.nicrigVersion());
            property("started", r.startedAt().toString());
            x.writeCharacters("\n    ");
            x.writeEndElement();
        }

        private void property(String name, String value) throws XMLStreamException {
            x.writeCharacters("\n      ");
            x.writeEmptyElement("property");
            attr("name", name);
            attr("value", value);
        }

        private void step(String classname, StepResult s) throws XMLStreamException {
            testcase(s.name(), classname, s.duration());
            String message = s.message().isEmpty() ? "step " + s.outcome().name().toLowerCase(Locale.ROOT)
                    : s.message();
            switch (s.outcome()) {
                case FAIL -> problem("failure", "FAIL", message, describe(s));
                case ERROR -> problem("error", "ERROR", message, describe(s));
                case SKIPPED -> {
                    x.writeEmptyElement("skipped");
                    attr("message", firstLine(message));
                }
                case PASS -> { }
            }
            x.writeEndElement();
        }

        private static String describe(StepResult s) {
            return (s.type().isEmpty() ? "" : "step type: " + s.type() + "\n") + s.message();
        }

        private void measurement(String classname, MeasurementResult m) throws XMLStreamException {
            testcase(m.name(), classname, Duration.ZERO);
            String line = Html.number(m.value()) + (m.unit().isEmpty() ? "" : " " + m.unit())
                    + (m.limitText().isEmpty() ? "" : ", limit " + m.limitText());
            if (m.outcome() == MeasurementOutcome.FAIL) {
                problem("failure", "MEASUREMENT", line, line + (m.step().isEmpty() ? "" : "\nstep: " + m.step()));
            } else {
                x.writeStartElement("system-out");
                x.writeCharacters(XmlText.clean(m.outcome() + ": " + line));
                x.writeEndElement();
            }
            x.writeEndElement();
        }

        private void testcase(String name, String classname, Duration time) throws XMLStreamException {
            x.writeCharacters("\n    ");
            x.writeStartElement("testcase");
            attr("name", name);
            attr("classname", classname);
            attr("time", seconds(time));
        }

        private void problem(String element, String type, String message, String text) throws XMLStreamException {
            x.writeStartElement(element);
            attr("message", firstLine(message));
            attr("type", type);
            x.writeCharacters(XmlText.clean(text));
            x.writeEndElement();
        }

        private void attr(String name, String value) throws XMLStreamException {
            x.writeAttribute(name, XmlText.clean(value));
        }

        private static String firstLine(String s) {
            return s.lines().findFirst().orElse("");
        }

        private static String seconds(Duration d) {
            return String.format(Locale.ROOT, "%.3f", d.toNanos() / 1e9);
        }
    }
}

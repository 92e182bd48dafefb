package io.complaintflow.operations;

import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The SLA table with every row answering in seconds, so breaches fall due while a test with real processes
 * watches: respond within 30 s (warn at half), resolve within 10 min, hand to the supervisors 15 s after a
 * missed response, around the clock.
 */
final class SlaTableInSeconds {
    static final List<String> OUTPUTS = List.of("firstResponseWithin", "resolutionWithin", "warnAtPercent", "calendar",
            "responseGrace", "escalationChain");
    static final List<String> ANSWERS = java.util.Arrays.asList("\"PT30S\"", "\"PT10M\"", "50", "\"24x7\"", "\"PT15S\"", null);

    private SlaTableInSeconds() {
    }

    static String of(Path table) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            Document dmn = factory.newDocumentBuilder().parse(table.toFile());
            NodeList outputs = dmn.getElementsByTagNameNS("*", "output");
            for (int i = 0; i < outputs.getLength(); i++) {
                if (!OUTPUTS.get(i).equals(((Element) outputs.item(i)).getAttribute("name"))) {
                    throw new IllegalStateException("The SLA table's outputs changed: " + OUTPUTS.get(i) + " expected at " + i);
                }
            }
            NodeList rules = dmn.getElementsByTagNameNS("*", "rule");
            for (int r = 0; r < rules.getLength(); r++) {
                NodeList entries = ((Element) rules.item(r)).getElementsByTagNameNS("*", "outputEntry");
                for (int i = 0; i < entries.getLength(); i++) {
                    Element text = (Element) ((Element) entries.item(i)).getElementsByTagNameNS("*", "text").item(0);
                    if (ANSWERS.get(i) != null && !text.getTextContent().isBlank()) {
                        text.setTextContent(ANSWERS.get(i));
                    }
                }
            }
            StringWriter xml = new StringWriter();
            TransformerFactory.newInstance().newTransformer().transform(new DOMSource(dmn), new StreamResult(xml));
            return xml.toString();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot rewrite " + table, e);
        }
    }
}

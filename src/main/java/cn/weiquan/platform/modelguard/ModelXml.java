package cn.weiquan.platform.modelguard;

import java.io.ByteArrayInputStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.namespace.QName;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads a BPMN or DMN file once, streaming, and shows a visitor every element (with the id of the
 * nearest element that has one, and its line) and then the element's own text. A DOCTYPE is
 * refused, so no entity can hide text from the check that the engine's parser would later see.
 */
final class ModelXml {
  private static final Set<String> EXTENSIONS =
      Set.of(
          "http://camunda.org/schema/1.0/bpmn",
          "http://activiti.org/bpmn",
          "http://camunda.org/schema/1.0/dmn");

  /**
   * One start tag: its name, attributes, the nearest id (its own or an ancestor's) and where it
   * starts.
   */
  record Element(
      String namespace,
      String localName,
      Map<QName, String> attributes,
      String elementId,
      int line,
      int column) {

    String attribute(String namespace, String localName) {
      return attributes.get(new QName(namespace, localName));
    }

    String attribute(String localName) {
      return attribute(XMLConstants.NULL_NS_URI, localName);
    }
  }

  interface Visitor {
    void element(Element element);

    void text(Element element, String text);
  }

  /** The file is not XML the checker can read; the message says why. */
  static final class Unreadable extends Exception {
    final int line;

    Unreadable(String message, int line) {
      super(message);
      this.line = line;
    }
  }

  private ModelXml() {}

  static void read(byte[] xml, Visitor visitor) throws Unreadable {
    XMLInputFactory factory = XMLInputFactory.newFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
    factory.setProperty(XMLInputFactory.IS_COALESCING, true);
    XMLStreamReader reader = null;
    Deque<Element> open = new ArrayDeque<>();
    Deque<StringBuilder> texts = new ArrayDeque<>();
    try {
      reader = factory.createXMLStreamReader(new ByteArrayInputStream(xml));
      while (reader.hasNext()) {
        switch (reader.next()) {
          case XMLStreamConstants.DTD ->
              throw new Unreadable(
                  "a DOCTYPE is not allowed", reader.getLocation().getLineNumber());
          case XMLStreamConstants.START_ELEMENT -> {
            Map<QName, String> attributes = new LinkedHashMap<>();
            for (int i = 0; i < reader.getAttributeCount(); i++) {
              attributes.put(reader.getAttributeName(i), reader.getAttributeValue(i));
            }
            String id = attributes.get(new QName("id"));
            String parentId = open.isEmpty() ? null : open.peek().elementId();
            // an event definition is part of its event, which is what a designer sees and Modeler
            // can select; a
            // Camunda extension's id (a form field's) is a variable name, not an element id
            boolean ownId =
                id != null
                    && !EXTENSIONS.contains(nullToEmpty(reader.getNamespaceURI()))
                    && !(parentId != null && reader.getLocalName().endsWith("EventDefinition"));
            String elementId = ownId ? id : parentId;
            Element element =
                new Element(
                    nullToEmpty(reader.getNamespaceURI()),
                    reader.getLocalName(),
                    attributes,
                    elementId,
                    reader.getLocation().getLineNumber(),
                    reader.getLocation().getColumnNumber());
            open.push(element);
            texts.push(new StringBuilder());
            visitor.element(element);
          }
          case XMLStreamConstants.CHARACTERS,
              XMLStreamConstants.CDATA,
              XMLStreamConstants.SPACE -> {
            if (!texts.isEmpty()) {
              texts.peek().append(reader.getText());
            }
          }
          case XMLStreamConstants.END_ELEMENT -> {
            Element element = open.pop();
            String text = texts.pop().toString();
            if (!text.isBlank()) {
              visitor.text(element, text);
            }
          }
          default -> {}
        }
      }
    } catch (XMLStreamException e) {
      int line = e.getLocation() != null ? e.getLocation().getLineNumber() : -1;
      throw new Unreadable("not well-formed XML: " + e.getMessage(), line);
    } finally {
      if (reader != null) {
        try {
          reader.close();
        } catch (XMLStreamException ignored) {
          // nothing left to release for a byte array
        }
      }
    }
  }

  private static String nullToEmpty(String namespace) {
    return namespace == null ? XMLConstants.NULL_NS_URI : namespace;
  }
}

package cn.weiquan.models;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * Reads a model's diagram (BPMN DI) as bpmn-js draws it and reports what a reader cannot read:
 * labels over labels, labels over shapes they do not belong to, sequence flows drawn through shapes
 * or through labels (their own too), flows crossing flows, and gateway branches whose name has no
 * label position.
 *
 * <p>A label is where bpmn-js draws its text: centred on the label's DI bounds, from their top, in
 * 11 px Arial wrapped at 90 px (a CJK character about 11 px wide, a Latin one about 6); the check
 * uses that box, not the DI bounds' size, so a label whose DI bounds were written too small (or too
 * large) for its text is seen where it is drawn. A named event or gateway without label bounds is
 * drawn below its shape (bpmn-js' default), a flow's at the middle of its middle segment.
 */
final class DiagramLayout {
  static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";
  static final String BPMNDI = "http://www.omg.org/spec/BPMN/20100524/DI";
  static final String DC = "http://www.omg.org/spec/DD/20100524/DC";
  static final String DI = "http://www.omg.org/spec/DD/20100524/DI";

  private static final double FONT = 11;
  private static final double LINE = FONT * 1.2;
  private static final double MAX_LINE = 90;

  /** Overlaps and crossings smaller than this (px) are rounding, not something a reader sees. */
  private static final double TOLERANCE = 2;

  private static final Set<String> CONTAINERS =
      Set.of("subProcess", "participant", "lane", "transaction", "adHocSubProcess", "group");
  private static final Set<String> EXTERNAL_LABELS =
      Set.of(
          "startEvent",
          "endEvent",
          "intermediateCatchEvent",
          "intermediateThrowEvent",
          "boundaryEvent",
          "exclusiveGateway",
          "parallelGateway",
          "inclusiveGateway",
          "eventBasedGateway",
          "complexGateway",
          "dataObjectReference",
          "dataStoreReference",
          "sequenceFlow",
          "messageFlow");

  record Box(double x, double y, double w, double h) {
    boolean overlaps(Box o) {
      return Math.min(x + w, o.x + o.w) - Math.max(x, o.x) > TOLERANCE
          && Math.min(y + h, o.y + o.h) - Math.max(y, o.y) > TOLERANCE;
    }

    boolean contains(Box o) {
      return o.x >= x - TOLERANCE
          && o.y >= y - TOLERANCE
          && o.x + o.w <= x + w + TOLERANCE
          && o.y + o.h <= y + h + TOLERANCE;
    }

    boolean contains(double px, double py, double margin) {
      return px >= x - margin && px <= x + w + margin && py >= y - margin && py <= y + h + margin;
    }

    Box union(Box o) {
      double x0 = Math.min(x, o.x);
      double y0 = Math.min(y, o.y);
      return new Box(x0, y0, Math.max(x + w, o.x + o.w) - x0, Math.max(y + h, o.y + o.h) - y0);
    }

    @Override
    public String toString() {
      return String.format("(%.0f,%.0f %.0f×%.0f)", x, y, w, h);
    }
  }

  record Shape(String id, String type, String name, Box bounds, boolean container) {}

  record Label(String owner, String text, Box box) {}

  record Flow(
      String id,
      String type,
      String name,
      String source,
      String target,
      List<double[]> points,
      Box labelBounds) {}

  private final String file;
  private final Map<String, Element> semantic = new HashMap<>();
  private final Map<String, Shape> shapes = new LinkedHashMap<>();
  private final List<Flow> flows = new ArrayList<>();
  private final List<Label> labels = new ArrayList<>();
  private final List<String> problems = new ArrayList<>();

  private DiagramLayout(String file, Document document) {
    this.file = file;
    NodeList all = document.getElementsByTagNameNS(BPMN, "*");
    for (int i = 0; i < all.getLength(); i++) {
      Element element = (Element) all.item(i);
      if (element.hasAttribute("id")) {
        semantic.put(element.getAttribute("id"), element);
      }
    }
    NodeList diShapes = document.getElementsByTagNameNS(BPMNDI, "BPMNShape");
    for (int i = 0; i < diShapes.getLength(); i++) {
      Element di = (Element) diShapes.item(i);
      Element element = semantic.get(di.getAttribute("bpmnElement"));
      if (element == null) {
        continue;
      }
      String type = element.getLocalName();
      boolean container =
          CONTAINERS.contains(type) && !"false".equals(di.getAttribute("isExpanded"));
      Shape shape =
          new Shape(
              element.getAttribute("id"),
              type,
              element.getAttribute("name"),
              bounds(child(di, DC, "Bounds")),
              container);
      shapes.put(shape.id(), shape);
      if (EXTERNAL_LABELS.contains(type) && !shape.name().isBlank()) {
        Element label = child(di, BPMNDI, "BPMNLabel");
        Box declared = label == null ? null : bounds(child(label, DC, "Bounds"));
        Box b = shape.bounds();
        Box at =
            declared != null ? declared : new Box(b.x() + b.w() / 2 - 45, b.y() + b.h(), 90, 20);
        labels.add(new Label(shape.id(), shape.name(), drawn(shape.name(), at)));
      }
    }
    NodeList edges = document.getElementsByTagNameNS(BPMNDI, "BPMNEdge");
    for (int i = 0; i < edges.getLength(); i++) {
      Element di = (Element) edges.item(i);
      Element element = semantic.get(di.getAttribute("bpmnElement"));
      if (element == null) {
        continue;
      }
      List<double[]> points = new ArrayList<>();
      NodeList waypoints = di.getElementsByTagNameNS(DI, "waypoint");
      for (int p = 0; p < waypoints.getLength(); p++) {
        Element w = (Element) waypoints.item(p);
        points.add(
            new double[] {
              Double.parseDouble(w.getAttribute("x")), Double.parseDouble(w.getAttribute("y"))
            });
      }
      Element label = child(di, BPMNDI, "BPMNLabel");
      Box declared = label == null ? null : bounds(child(label, DC, "Bounds"));
      Flow flow =
          new Flow(
              element.getAttribute("id"),
              element.getLocalName(),
              element.getAttribute("name"),
              element.getAttribute("sourceRef"),
              element.getAttribute("targetRef"),
              points,
              declared);
      flows.add(flow);
      if (!flow.name().isBlank() && points.size() >= 2) {
        Box at = declared;
        if (at == null) {
          double[] a = points.get((points.size() - 1) / 2);
          double[] b = points.get((points.size() - 1) / 2 + 1);
          at = new Box((a[0] + b[0]) / 2 - 45, (a[1] + b[1]) / 2 - 10, 90, 20);
        }
        labels.add(new Label(flow.id(), flow.name(), drawn(flow.name(), at)));
      }
    }
    check();
  }

  static DiagramLayout of(String file, InputStream bpmn) throws IOException {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      return new DiagramLayout(file, factory.newDocumentBuilder().parse(bpmn));
    } catch (ParserConfigurationException | SAXException e) {
      throw new IOException(file + " does not parse: " + e.getMessage(), e);
    }
  }

  List<String> problems() {
    return problems;
  }

  int shapes() {
    return shapes.size();
  }

  int labels() {
    return labels.size();
  }

  int flows() {
    return flows.size();
  }

  private void check() {
    for (int i = 0; i < labels.size(); i++) {
      for (int j = i + 1; j < labels.size(); j++) {
        Label a = labels.get(i);
        Label b = labels.get(j);
        if (a.box().overlaps(b.box())) {
          problems.add(
              file
                  + ": label of "
                  + a.owner()
                  + " '"
                  + a.text()
                  + "' "
                  + a.box()
                  + " overlaps label of "
                  + b.owner()
                  + " '"
                  + b.text()
                  + "' "
                  + b.box());
        }
      }
      Label label = labels.get(i);
      for (Shape shape : shapes.values()) {
        if (shape.id().equals(label.owner())) {
          continue;
        }
        // a container may hold a label inside it; only a label across its border is in the way
        boolean inTheWay =
            shape.container()
                ? label.box().overlaps(shape.bounds()) && !shape.bounds().contains(label.box())
                : label.box().overlaps(shape.bounds());
        if (inTheWay) {
          problems.add(
              file
                  + ": label of "
                  + label.owner()
                  + " '"
                  + label.text()
                  + "' "
                  + label.box()
                  + " overlaps "
                  + shape.type()
                  + " "
                  + shape.id()
                  + " "
                  + shape.bounds());
        }
      }
    }
    for (Flow flow : flows) {
      if (!"sequenceFlow".equals(flow.type())) {
        continue;
      }
      Shape source = shapes.get(flow.source());
      Shape target = shapes.get(flow.target());
      for (int s = 0; s + 1 < flow.points().size(); s++) {
        double[] a = flow.points().get(s);
        double[] b = flow.points().get(s + 1);
        for (Shape shape : shapes.values()) {
          if (shape == source || shape == target) {
            continue;
          }
          if (shape.container()) {
            // a flow inside a container is fine; one that enters or leaves it crosses its border
            if (crossesBorder(a, b, shape.bounds())) {
              problems.add(
                  file
                      + ": flow "
                      + flow.id()
                      + " crosses the border of "
                      + shape.type()
                      + " "
                      + shape.id());
            }
          } else if (crosses(a, b, shape.bounds(), source, target)) {
            problems.add(
                file
                    + ": flow "
                    + flow.id()
                    + " ("
                    + flow.source()
                    + " → "
                    + flow.target()
                    + ") is drawn through "
                    + shape.type()
                    + " "
                    + shape.id()
                    + " "
                    + shape.bounds());
          }
        }
        for (Label label : labels) {
          Box box = label.box();
          if (clip(
                  a,
                  b,
                  new Box(
                      box.x() + TOLERANCE,
                      box.y() + TOLERANCE,
                      box.w() - 2 * TOLERANCE,
                      box.h() - 2 * TOLERANCE))
              != null) {
            problems.add(
                file
                    + ": flow "
                    + flow.id()
                    + " is drawn through the label of "
                    + label.owner()
                    + " '"
                    + label.text()
                    + "' "
                    + box);
          }
        }
      }
    }
    for (int i = 0; i < flows.size(); i++) {
      for (int j = i + 1; j < flows.size(); j++) {
        if (crosses(flows.get(i).points(), flows.get(j).points())) {
          problems.add(file + ": flow " + flows.get(i).id() + " crosses flow " + flows.get(j).id());
        }
      }
    }
    for (Flow flow : flows) {
      Shape source = shapes.get(flow.source());
      if (source != null
          && source.type().endsWith("Gateway")
          && !flow.name().isBlank()
          && flow.labelBounds() == null) {
        problems.add(
            file
                + ": branch "
                + flow.id()
                + " '"
                + flow.name()
                + "' of "
                + source.id()
                + " has no label bounds");
      }
    }
  }

  /**
   * The box bpmn-js draws the text in: centred on the label bounds, from their top, wrapped at 90
   * px.
   */
  static Box drawn(String text, Box at) {
    List<Double> lines = new ArrayList<>();
    double line = 0;
    for (String part : text.split("\\R")) {
      line = 0;
      for (int i = 0; i < part.length(); ) {
        int cp = part.codePointAt(i);
        double w = width(cp);
        if (line + w > MAX_LINE && line > 0) {
          lines.add(line);
          line = 0;
        }
        line += w;
        i += Character.charCount(cp);
      }
      lines.add(line);
    }
    double width = lines.stream().mapToDouble(Double::doubleValue).max().orElse(0);
    double cx = at.x() + at.w() / 2;
    return new Box(cx - width / 2, at.y(), width, lines.size() * LINE);
  }

  private static double width(int codePoint) {
    if (Character.isIdeographic(codePoint)
        || (codePoint >= 0x3000 && codePoint <= 0x30FF)
        || (codePoint >= 0xFF00 && codePoint <= 0xFFEF)) {
      return FONT;
    }
    return FONT * 0.56;
  }

  /**
   * Whether the segment runs through the shape's inside (shrunk by the tolerance), beyond the
   * flow's own ends.
   */
  private static boolean crosses(double[] a, double[] b, Box shape, Shape source, Shape target) {
    Box inner =
        new Box(
            shape.x() + TOLERANCE,
            shape.y() + TOLERANCE,
            shape.w() - 2 * TOLERANCE,
            shape.h() - 2 * TOLERANCE);
    double[] clip = clip(a, b, inner);
    if (clip == null) {
      return false;
    }
    // the piece inside: ignore it where it is also inside the flow's own source or target (a
    // boundary event on its host)
    for (double t = clip[0]; t <= clip[1]; t += Math.max((clip[1] - clip[0]) / 8, 1e-9)) {
      double px = a[0] + (b[0] - a[0]) * t;
      double py = a[1] + (b[1] - a[1]) * t;
      boolean own =
          (source != null && source.bounds().contains(px, py, TOLERANCE))
              || (target != null && target.bounds().contains(px, py, TOLERANCE));
      if (!own) {
        return true;
      }
      if (clip[1] == clip[0]) {
        break;
      }
    }
    return false;
  }

  /**
   * Whether two polylines cross (a proper crossing: touching ends, as two branches of one gateway
   * do, is none).
   */
  private static boolean crosses(List<double[]> one, List<double[]> other) {
    for (int i = 0; i + 1 < one.size(); i++) {
      for (int j = 0; j + 1 < other.size(); j++) {
        double[] a = one.get(i);
        double[] b = one.get(i + 1);
        double[] c = other.get(j);
        double[] d = other.get(j + 1);
        if (side(c, d, a) * side(c, d, b) < 0 && side(a, b, c) * side(a, b, d) < 0) {
          return true;
        }
      }
    }
    return false;
  }

  private static double side(double[] p, double[] q, double[] r) {
    return Math.signum((q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0]));
  }

  private static boolean crossesBorder(double[] a, double[] b, Box box) {
    boolean aIn = box.contains(a[0], a[1], 0);
    boolean bIn = box.contains(b[0], b[1], 0);
    return aIn != bIn;
  }

  /** Liang–Barsky: the parameter range [t0, t1] of the segment a→b inside the box, or null. */
  private static double[] clip(double[] a, double[] b, Box box) {
    double dx = b[0] - a[0];
    double dy = b[1] - a[1];
    double[] p = {-dx, dx, -dy, dy};
    double[] q = {
      a[0] - box.x(), box.x() + box.w() - a[0], a[1] - box.y(), box.y() + box.h() - a[1]
    };
    double t0 = 0;
    double t1 = 1;
    for (int i = 0; i < 4; i++) {
      if (p[i] == 0) {
        if (q[i] < 0) {
          return null;
        }
      } else {
        double t = q[i] / p[i];
        if (p[i] < 0) {
          t0 = Math.max(t0, t);
        } else {
          t1 = Math.min(t1, t);
        }
      }
    }
    return t0 <= t1 ? new double[] {t0, t1} : null;
  }

  private static Element child(Element parent, String ns, String local) {
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e
          && ns.equals(e.getNamespaceURI())
          && local.equals(e.getLocalName())) {
        return e;
      }
    }
    return null;
  }

  private static Box bounds(Element bounds) {
    if (bounds == null) {
      return null;
    }
    return new Box(
        Double.parseDouble(bounds.getAttribute("x")),
        Double.parseDouble(bounds.getAttribute("y")),
        Double.parseDouble(bounds.getAttribute("width")),
        Double.parseDouble(bounds.getAttribute("height")));
  }
}

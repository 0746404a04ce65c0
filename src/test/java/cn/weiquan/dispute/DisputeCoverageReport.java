package cn.weiquan.dispute;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Flow-node and sequence-flow coverage of consumer-dispute over all test classes: the coverage extension writes one
 * report per class under target/process-test-coverage; this merges them. Run after the tests:
 * <pre>mvn -Pbench -Dbench=cn.weiquan.dispute.DisputeCoverageReport exec:java</pre>
 */
public final class DisputeCoverageReport {

    private static final Pattern FLOW = Pattern.compile("<bpmn:sequenceFlow id=\"([^\"]+)\"");
    private static final Pattern NODE = Pattern.compile("<bpmn:(?:userTask|serviceTask|businessRuleTask|startEvent|endEvent|"
            + "intermediateCatchEvent|boundaryEvent|exclusiveGateway|eventBasedGateway|parallelGateway|inclusiveGateway|subProcess) id=\"([^\"]+)\"");

    public static void main(String[] args) throws IOException {
        Path reports = Path.of(args.length > 0 ? args[0] : "target/process-test-coverage");
        String bpmn = Files.readString(Path.of("processes/consumer-dispute.bpmn"));
        Set<String> nodes = ids(NODE.matcher(bpmn));
        Set<String> flows = ids(FLOW.matcher(bpmn));
        Set<String> coveredNodes = new TreeSet<>();
        Set<String> coveredFlows = new TreeSet<>();
        ObjectMapper json = new ObjectMapper();
        try (Stream<Path> files = Files.walk(reports)) {
            for (Path report : files.filter(p -> p.getFileName().toString().equals("report.json")).toList()) {
                for (JsonNode suite : json.readTree(report.toFile()).path("suites")) {
                    for (JsonNode run : suite.path("runs")) {
                        for (JsonNode event : run.path("events")) {
                            if (DisputeVariables.PROCESS_KEY.equals(event.path("modelKey").asText())) {
                                String id = event.path("definitionKey").asText();
                                ("SEQUENCE_FLOW".equals(event.path("source").asText()) ? coveredFlows : coveredNodes).add(id);
                            }
                        }
                    }
                }
            }
        }
        coveredNodes.retainAll(nodes);
        coveredFlows.retainAll(flows);
        System.out.printf("consumer-dispute coverage over all test classes: flow nodes %d/%d, sequence flows %d/%d%n",
                coveredNodes.size(), nodes.size(), coveredFlows.size(), flows.size());
        nodes.removeAll(coveredNodes);
        flows.removeAll(coveredFlows);
        if (!nodes.isEmpty() || !flows.isEmpty()) {
            System.out.println("not covered: " + nodes + " " + flows);
        }
    }

    private static Set<String> ids(Matcher matcher) {
        Set<String> ids = new TreeSet<>();
        while (matcher.find()) {
            ids.add(matcher.group(1));
        }
        return ids;
    }
}

package cn.weiquan.platform.modelguard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ResourceReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What a designer's BPMN and DMN files may contain, rule by rule, and the product's own models
 * pass.
 */
class ModelPolicyTest {
  private static final ModelPolicy POLICY = new ModelPolicy(ProductBeans.catalog());

  @Test
  void everyProductModelPasses() throws IOException {
    Map<String, byte[]> resources = new TreeMap<>();
    for (Path folder : List.of(Path.of("processes"), Path.of("forms"))) {
      try (Stream<Path> files = Files.list(folder)) {
        for (Path file : files.toList()) {
          resources.put(file.getFileName().toString(), Files.readAllBytes(file));
        }
      }
    }
    assertThat(resources.keySet())
        .anyMatch(name -> name.endsWith(".bpmn"))
        .anyMatch(name -> name.endsWith(".dmn"));
    assertThat(POLICY.check(resources)).isEmpty();
  }

  @Test
  void thePrivilegeEscalationOfIssue11_isRefusedNamingTheTaskAndTheReason() throws IOException {
    List<Violation> violations = POLICY.check("grant-admin.bpmn", resource("grant-admin.bpmn"));

    assertThat(violations)
        .singleElement()
        .satisfies(
            violation -> {
              assertThat(violation.getMainElementId()).isEqualTo("Task_GrantAdmin");
              assertThat(violation.getLine()).isEqualTo(9);
              assertThat(violation.reason())
                  .startsWith("camunda:expression: ${execution.getProcessEngineServices()")
                  .contains("'execution' gives access to the whole engine");
            });
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiterString = " | ",
      quoteCharacter = '"',
      textBlock =
          """
      script task             | Task_Script       | script tasks run code | <bpmn:scriptTask id="Task_Script" scriptFormat="javascript"><bpmn:script>java.lang.Runtime.getRuntime()</bpmn:script></bpmn:scriptTask>
      camunda:class           | Task_Class        | class="com.example.Evil" makes the engine load a Java class | <bpmn:serviceTask id="Task_Class" camunda:class="com.example.Evil" />
      activiti:class          | Task_Legacy       | makes the engine load a Java class | <bpmn:serviceTask xmlns:activiti="http://activiti.org/bpmn" id="Task_Legacy" activiti:class="com.example.Evil" />
      listener class          | Task_Listener     | class="com.example.Evil" makes the engine load a Java class | <bpmn:userTask id="Task_Listener"><bpmn:extensionElements><camunda:taskListener class="com.example.Evil" event="create" /></bpmn:extensionElements></bpmn:userTask>
      listener script         | Task_Script       | inline scripts (camunda:script) | <bpmn:userTask id="Task_Script"><bpmn:extensionElements><camunda:executionListener event="start"><camunda:script scriptFormat="groovy">'id'.execute()</camunda:script></camunda:executionListener></bpmn:extensionElements></bpmn:userTask>
      input parameter script  | Task_Io           | inline scripts (camunda:script) | <bpmn:userTask id="Task_Io"><bpmn:extensionElements><camunda:inputOutput><camunda:inputParameter name="x"><camunda:script scriptFormat="javascript">1</camunda:script></camunda:inputParameter></camunda:inputOutput></bpmn:extensionElements></bpmn:userTask>
      condition language      | Flow_Script       | language="javascript" evaluates a script | <bpmn:sequenceFlow id="Flow_Script" sourceRef="a" targetRef="b"><bpmn:conditionExpression xsi:type="bpmn:tFormalExpression" language="javascript">true</bpmn:conditionExpression></bpmn:sequenceFlow>
      script resource         | Flow_Resource     | resource="deployment://evil.groovy" runs a script from a file | <bpmn:sequenceFlow id="Flow_Resource" sourceRef="a" targetRef="b"><bpmn:conditionExpression xsi:type="bpmn:tFormalExpression" camunda:resource="deployment://evil.groovy" /></bpmn:sequenceFlow>
      variable mapping class  | Call_Mapping      | variableMappingClass="com.example.Evil" makes the engine load a Java class | <bpmn:callActivity id="Call_Mapping" calledElement="other" camunda:variableMappingClass="com.example.Evil" />
      form handler class      | Task_Form         | formHandlerClass="com.example.Evil" makes the engine load a Java class | <bpmn:userTask id="Task_Form" camunda:formHandlerClass="com.example.Evil" />
      connector               | Task_Connector    | connectors (camunda:connector) | <bpmn:serviceTask id="Task_Connector"><bpmn:extensionElements><camunda:connector><camunda:connectorId>http-connector</camunda:connectorId></camunda:connector></bpmn:extensionElements></bpmn:serviceTask>
      shell task              | Task_Shell        | type="shell" is a built-in shell task | <bpmn:serviceTask id="Task_Shell" camunda:type="shell" />
      form field validator    | Task_Validated    | a form field validator given by class name | <bpmn:userTask id="Task_Validated"><bpmn:extensionElements><camunda:formData><camunda:formField id="x" type="string"><camunda:validation><camunda:constraint name="validator" config="com.example.Evil" /></camunda:validation></camunda:formField></camunda:formData></bpmn:extensionElements></bpmn:userTask>
      embedded HTML form      | Task_Html         | formKey="embedded:deployment:review.html" is an embedded HTML form | <bpmn:userTask id="Task_Html" camunda:formKey="embedded:deployment:review.html" />
      delegate expression     | Task_Bean         | camunda:delegateExpression: ${identityService}: the bean 'identityService' is not a Weiquan delegate | <bpmn:serviceTask id="Task_Bean" camunda:delegateExpression="${identityService}" />
      mapping expression      | Call_Bean         | camunda:variableMappingDelegateExpression: ${runtimeService}: the bean 'runtimeService' is not a Weiquan delegate | <bpmn:callActivity id="Call_Bean" calledElement="other" camunda:variableMappingDelegateExpression="${runtimeService}" />
      listener expression     | Task_Listener     | expression: ${execution.setVariable('x',1)}: 'execution' gives access | <bpmn:userTask id="Task_Listener"><bpmn:extensionElements><camunda:executionListener event="start" expression="${execution.setVariable('x',1)}" /></bpmn:extensionElements></bpmn:userTask>
      candidate groups        | Task_Candidates   | camunda:candidateGroups: ${identityService.createGroupQuery().list()} | <bpmn:userTask id="Task_Candidates" camunda:candidateGroups="supervisors,${identityService.createGroupQuery().list()}" />
      timer                   | Timer_Evil        | timeDate: ${runtimeService.createProcessInstanceQuery().count()} | <bpmn:intermediateCatchEvent id="Timer_Evil"><bpmn:timerEventDefinition id="TimerDefinition_Evil"><bpmn:timeDate xsi:type="bpmn:tFormalExpression">${runtimeService.createProcessInstanceQuery().count()}</bpmn:timeDate></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
      field injection         | Task_Field        | expression: ${execution.processEngine} | <bpmn:serviceTask id="Task_Field" camunda:delegateExpression="${notify}"><bpmn:extensionElements><camunda:field name="mailEvent"><camunda:expression>${execution.processEngine}</camunda:expression></camunda:field></bpmn:extensionElements></bpmn:serviceTask>
      output parameter        | Task_Output       | outputParameter: ${task.execution} | <bpmn:userTask id="Task_Output"><bpmn:extensionElements><camunda:inputOutput><camunda:outputParameter name="x">${task.execution}</camunda:outputParameter></camunda:inputOutput></bpmn:extensionElements></bpmn:userTask>
      multi-instance          | Task_Many         | collection: ${processEngine.runtimeService} | <bpmn:userTask id="Task_Many"><bpmn:multiInstanceLoopCharacteristics camunda:collection="${processEngine.runtimeService}" camunda:elementVariable="x" /></bpmn:userTask>
      """)
  void bpmnRule(String rule, String elementId, String reason, String snippet) {
    List<Violation> violations = POLICY.check(rule + ".bpmn", bpmn(snippet));

    assertThat(violations)
        .as(rule)
        .isNotEmpty()
        .anySatisfy(
            violation -> {
              assertThat(violation.getMainElementId()).isEqualTo(elementId);
              assertThat(violation.reason()).contains(reason);
              assertThat(violation.resource()).isEqualTo(rule + ".bpmn");
            });
  }

  @Test
  void aDoctype_isRefused_soNoEntityHidesAnExpression() {
    byte[] model =
        "<!DOCTYPE definitions [<!ENTITY hidden \"${identityService}\">]><definitions>&hidden;</definitions>"
            .getBytes(StandardCharsets.UTF_8);

    assertThat(POLICY.check("doctype.bpmn", model))
        .singleElement()
        .satisfies(
            violation -> assertThat(violation.reason()).isEqualTo("a DOCTYPE is not allowed"));
  }

  @Test
  void aMessageNameIsAnExpressionToo() {
    byte[] model =
        definitions(
            "<bpmn:message id=\"Message_Evil\" name=\"${identityService.createUser('x')}\" />");

    assertThat(POLICY.check("message.bpmn", model))
        .singleElement()
        .satisfies(violation -> assertThat(violation.getMainElementId()).isEqualTo("Message_Evil"));
  }

  @Test
  void aJavascriptDecision_isRefused() throws IOException {
    assertThat(POLICY.check("javascript-decision.dmn", resource("javascript-decision.dmn")))
        .singleElement()
        .satisfies(
            violation -> {
              assertThat(violation.getMainElementId()).isEqualTo("InputExpression_Javascript");
              assertThat(violation.reason())
                  .contains("expressionLanguage=\"javascript\": only FEEL is allowed");
            });
  }

  @Test
  void aJuelDecisionCallingABean_isRefusedForTheLanguageAndTheCall() throws IOException {
    List<Violation> violations =
        POLICY.check("juel-method-decision.dmn", resource("juel-method-decision.dmn"));

    assertThat(violations)
        .allSatisfy(
            violation -> assertThat(violation.getMainElementId()).isEqualTo("OutputEntry_Escalate"))
        .anySatisfy(
            violation ->
                assertThat(violation.reason())
                    .contains("expressionLanguage=\"juel\": only FEEL is allowed"))
        .anySatisfy(
            violation ->
                assertThat(violation.reason())
                    .contains(
                        "'identityService.createMembership' is not a public method of one of Weiquan's @ModelFunctions beans"));
  }

  @Test
  void aFeelExternalFunction_isRefused() throws IOException {
    assertThat(POLICY.check("feel-external-function.dmn", resource("feel-external-function.dmn")))
        .singleElement()
        .satisfies(
            violation -> {
              assertThat(violation.getMainElementId()).isEqualTo("LiteralExpression_External");
              assertThat(violation.reason()).contains("FEEL function definitions");
            });
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiterString = " | ",
      quoteCharacter = '"',
      textBlock =
          """
      feel                                        | <inputExpression id="In" typeRef="string" expressionLanguage="feel"><text>severity</text></inputExpression>
      FEEL                                        | <inputExpression id="In" typeRef="string" expressionLanguage="FEEL"><text>severity</text></inputExpression>
      DMN 1.3 FEEL namespace                      | <inputExpression id="In" typeRef="string" expressionLanguage="https://www.omg.org/spec/DMN/20191111/FEEL/"><text>severity</text></inputExpression>
      the word function in a FEEL string          | <inputExpression id="In" typeRef="string"><text>if severity = "function(x) external" then 1 else 2</text></inputExpression>
      """)
  void feelDecisions_pass(String caseName, String inputExpression) {
    String dmn =
        """
        <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="D" name="d" namespace="t">
          <decision id="Decision_Feel"><decisionTable id="Table_Feel"><input id="Input_1">%s</input>
            <output id="Output_1" name="x" typeRef="string" /></decisionTable></decision>
        </definitions>"""
            .formatted(inputExpression);
    assertThat(POLICY.check(caseName + ".dmn", dmn.getBytes(StandardCharsets.UTF_8))).isEmpty();
  }

  @Test
  void cmmnIsRefused_formsAndOtherFilesPass() {
    assertThat(POLICY.check("case.cmmn", "<definitions />".getBytes(StandardCharsets.UTF_8)))
        .singleElement()
        .satisfies(violation -> assertThat(violation.reason()).contains("CMMN"));
    assertThat(
            POLICY.check(
                "register.form",
                "{\"id\":\"x\",\"text\":\"${execution}\"}".getBytes(StandardCharsets.UTF_8)))
        .isEmpty();
  }

  @Test
  void unreadableXml_isRefusedWithTheParsersReason() {
    assertThat(POLICY.check("broken.bpmn", "<bpmn:definitions".getBytes(StandardCharsets.UTF_8)))
        .singleElement()
        .satisfies(violation -> assertThat(violation.reason()).startsWith("not well-formed XML"));
  }

  @Test
  void theRefusalListsEveryResourceWithItsProblems_likeAParseError() throws IOException {
    Map<String, byte[]> resources = new TreeMap<>();
    resources.put("grant-admin.bpmn", resource("grant-admin.bpmn"));
    resources.put("javascript-decision.dmn", resource("javascript-decision.dmn"));
    resources.put("register.form", "{}".getBytes(StandardCharsets.UTF_8));

    ModelRejectedException refusal =
        new ModelRejectedException("designer", POLICY.check(resources));

    assertThat(refusal.getMessage())
        .startsWith("Deployment refused: designer is not an administrator")
        .contains("2 problems")
        .contains(
            "grant-admin.bpmn, element Task_GrantAdmin (line 9): camunda:expression: ${execution")
        .contains("javascript-decision.dmn, element InputExpression_Javascript");
    assertThat(refusal.getResorceReports())
        .extracting(ResourceReport::getResourceName)
        .containsExactly("grant-admin.bpmn", "javascript-decision.dmn");
  }

  private static byte[] bpmn(String processContent) {
    return definitions(
        "<bpmn:process id=\"Process_Rule\" isExecutable=\"true\">"
            + processContent
            + "</bpmn:process>");
  }

  private static byte[] definitions(String content) {
    return ("""
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:camunda="http://camunda.org/schema/1.0/bpmn" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
            id="Definitions_Rule" targetNamespace="http://weiquan.cn/test">"""
            + content
            + "</bpmn:definitions>")
        .getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] resource(String name) throws IOException {
    try (InputStream in = ModelPolicyTest.class.getResourceAsStream("/modelguard/" + name)) {
      return in.readAllBytes();
    }
  }
}

package cn.weiquan.complaint;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The per-test wiring of the enterprise-complaint engine tests. The engine and GreenMail extensions
 * stay static in each test class (as does @Deployment): a static extension here would be one
 * instance shared by every class, and the coverage extension would then write each class's report
 * with the earlier classes' runs in it.
 */
abstract class ComplaintProcessTest {

  ComplaintCase complaint;

  /** The test class's own GreenMail extension. */
  abstract GreenMailExtension mail();

  // the engine comes as a parameter from the test class's own engine extension
  @BeforeEach
  void registerRealBeans(ProcessEngine engine) {
    BpmnAwareTests.init(engine);
    complaint =
        new ComplaintCase(engine, mail().getSmtp().getPort(), ComplaintProperties.defaults());
  }

  @AfterEach
  void reset() {
    ComplaintCase.reset();
  }
}

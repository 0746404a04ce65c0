package cn.weiquan.dispute;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The per-test wiring of the consumer-dispute engine tests. The engine and GreenMail extensions
 * stay static in each test class (as does @Deployment): a static extension here would be one
 * instance shared by every class, and the coverage extension would then write each class's report
 * with the earlier classes' runs in it.
 */
abstract class DisputeProcessTest {

  ProcessEngine engine;
  DisputeCases cases;

  /** The test class's own GreenMail extension. */
  abstract GreenMailExtension mail();

  // the engine extension injects only fields the test class itself declares, so the engine comes as
  // a parameter
  @BeforeEach
  void setUp(ProcessEngine engine) {
    this.engine = engine;
    cases = new DisputeCases(engine, mail());
    cases.setUp();
  }

  @AfterEach
  void tearDown() {
    try {
      cases.assertEveryMailFitsItsReader();
    } finally {
      cases.tearDown();
    }
  }
}

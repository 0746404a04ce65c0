package cn.weiquan.platform;

import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.boot.sql.init.dependency.AbstractBeansOfTypeDependsOnDatabaseInitializationDetector;

/**
 * The process engine starts after the database is initialised (Flyway's db/migration): Spring Boot
 * then makes every ProcessEngine bean (camunda-bpm-spring-boot-starter 7.24:
 * "processEngineFactoryBean") depend on the Flyway initializer, whatever the bean is named, and on
 * nothing when Flyway is switched off. So the product's tables are migrated before the engine
 * creates or checks its own schema, deploys and starts its jobs. Registered in
 * META-INF/spring.factories.
 */
public class EngineAfterSchemaMigration
    extends AbstractBeansOfTypeDependsOnDatabaseInitializationDetector {

  @Override
  protected Set<Class<?>> getDependsOnDatabaseInitializationBeanTypes() {
    return Set.of(ProcessEngine.class);
  }
}

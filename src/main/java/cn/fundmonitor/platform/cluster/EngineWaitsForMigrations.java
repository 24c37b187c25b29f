package cn.fundmonitor.platform.cluster;

import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.spring.ProcessEngineFactoryBean;
import org.springframework.boot.sql.init.dependency.AbstractBeansOfTypeDependsOnDatabaseInitializationDetector;

/**
 * Makes the process engine depend on database initialization (Flyway), as Spring Boot does for
 * JdbcTemplate: Camunda's starter builds the engine from the DataSource and would otherwise be
 * free to start before the migrations ran. Registered in META-INF/spring.factories.
 */
public class EngineWaitsForMigrations extends AbstractBeansOfTypeDependsOnDatabaseInitializationDetector {

  @Override
  protected Set<Class<?>> getDependsOnDatabaseInitializationBeanTypes() {
    return Set.of(ProcessEngineFactoryBean.class, ProcessEngine.class);
  }
}

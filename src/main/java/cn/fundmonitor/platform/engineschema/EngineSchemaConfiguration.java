package cn.fundmonitor.platform.engineschema;

import org.springframework.boot.autoconfigure.flyway.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Spring Boot runs Flyway (its {@code flywayInitializer}) through this strategy: the engine schema
 * first, then the project's migrations. The process engine waits for both
 * ({@link EngineWaitsForMigrations}), so no node's engine ever creates or checks tables that are
 * not there yet.
 */
@Configuration(proxyBeanMethods = false)
class EngineSchemaConfiguration {

  @Bean
  FlywayMigrationStrategy engineSchemaFirst() {
    return flyway -> {
      EngineSchema.migrate(flyway.getConfiguration().getDataSource());
      flyway.migrate();
    };
  }
}

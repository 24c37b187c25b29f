package cn.fundmonitor.platform.cluster;

import org.springframework.boot.autoconfigure.flyway.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Spring Boot runs Flyway (its {@code flywayInitializer}) through this strategy: once no other
 * node is starting ({@link StartupLock}), the engine schema first, then the project's migrations. The process engine waits for both
 * ({@link EngineWaitsForMigrations}), so no node's engine ever creates or checks tables that are
 * not there yet.
 */
@Configuration(proxyBeanMethods = false)
class EngineSchemaConfiguration {

  @Bean
  FlywayMigrationStrategy engineSchemaFirst(StartupLock startup) {
    return flyway -> {
      // the whole start-up, from the migrations to readiness, one node at a time
      startup.acquire();
      EngineSchema.migrate(flyway.getConfiguration().getDataSource());
      flyway.migrate();
    };
  }
}

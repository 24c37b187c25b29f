package cn.fundmonitor.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.camunda.community.process_test_coverage.spring_test.common.ProcessEngineCoverageProperties;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.ActiveProfiles;

/**
 * A process test: the application on its own in-memory H2, and the coverage gate: the class fails
 * unless it passes every flow node and sequence flow of every process it runs. Process tests share
 * one context of their own, so other tests' instances never count for or against them.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK,
    properties = "spring.datasource.url=jdbc:h2:mem:fundmonitor-process-test;DB_CLOSE_DELAY=-1")
@ActiveProfiles("test")
@Import({TestConfiguration.class, ProcessTest.CoverageGate.class})
public @interface ProcessTest {

  @org.springframework.boot.test.context.TestConfiguration(proxyBeanMethods = false)
  class CoverageGate {
    /** Primary: the imported coverage configuration registers its default first. */
    @Bean
    @Primary
    ProcessEngineCoverageProperties processEngineCoverageProperties() {
      return ProcessEngineCoverageProperties.builder().assertClassCoverageAtLeast(1.0).build();
    }
  }
}

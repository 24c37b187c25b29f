package cn.fundmonitor.support;

import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.springframework.context.annotation.Import;

/**
 * Process test coverage (camunda-process-test-coverage) records every flow node and sequence flow
 * the engine passes; its listener registers itself for every Spring test and writes reports to
 * target/process-test-coverage on every build. The 100% gate is {@link ProcessTest}'s.
 */
@org.springframework.boot.test.context.TestConfiguration(proxyBeanMethods = false)
@Import(ProcessEngineCoverageConfiguration.class)
public class TestConfiguration {}

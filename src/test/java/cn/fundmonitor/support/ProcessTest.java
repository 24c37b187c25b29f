package cn.fundmonitor.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestExecutionListeners;

/**
 * A process test: the application on its own in-memory H2, and the coverage gate: the class fails
 * unless it passes every flow node and sequence flow of the processes it names in {@link Covers}.
 * Process tests share one context of their own, so other tests' instances never count for or
 * against them.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK,
    properties = {"spring.datasource.url=jdbc:h2:mem:fundmonitor-process-test;DB_CLOSE_DELAY=-1",
        // not "default": /engine-rest of the HTTP tests' server must keep finding their engine
        "camunda.bpm.process-engine-name=processTest"})
@ActiveProfiles("test")
@Import(TestConfiguration.class)
@TestExecutionListeners(listeners = CoverageGate.class,
    mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
public @interface ProcessTest {}

package cn.fundmonitor.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * A test of the data-quality rules: the application on an in-memory H2 of its own, holding
 * {@link FaultyData} and nothing else, so each finding is counted exactly and the faults never
 * reach another test's figures.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:fundmonitor-inspection-test;DB_CLOSE_DELAY=-1",
    "camunda.bpm.process-engine-name=inspectionTest"})
@ActiveProfiles("test")
@Import(TestConfiguration.class)
public @interface InspectionTest {}

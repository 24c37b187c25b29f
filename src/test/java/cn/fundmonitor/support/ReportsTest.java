package cn.fundmonitor.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * A test of statistics and reports: the application on an in-memory H2 of its own, so the figures
 * it asserts are made of its own fixture only and no other test's data.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:fundmonitor-reports-test;DB_CLOSE_DELAY=-1",
    "camunda.bpm.process-engine-name=reportsTest"})
@ActiveProfiles("test")
@Import(TestConfiguration.class)
public @interface ReportsTest {}

package cn.fundmonitor.browser;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * A browser test: the whole application on its own in-memory H2 with the demo organisation, users
 * (password {@code demo}) and data, served on a random port; headless Chromium (Debian's package)
 * in zh-CN and Asia/Shanghai logs in through Camunda's own login page. The job executor is off as
 * in every other test: {@link Jobs} runs what a step left for it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"spring.datasource.url=jdbc:h2:mem:fundmonitor-browser;DB_CLOSE_DELAY=-1",
        "fundmonitor.demo.enabled=true"})
@ActiveProfiles("test")
@ExtendWith(BrowserExtension.class)
public @interface BrowserTest {}

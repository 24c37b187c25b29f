package cn.fundmonitor.demo;

import static org.assertj.core.api.Assertions.assertThat;

import cn.fundmonitor.FundMonitorApplication;
import cn.fundmonitor.support.Projects;
import cn.fundmonitor.support.TestUsers;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * FM_DEMO=true on a database that already holds real projects must not add 13 users whose
 * password is "demo" (issue 13): demo users and data load only into an empty database.
 */
class DemoOnlyIntoAnEmptyDatabaseTest {

  static final String URL = "jdbc:h2:mem:fundmonitor-real-data;DB_CLOSE_DELAY=-1";

  /** Started with arguments: they win over application-test.yaml, as the environment does. */
  private ConfigurableApplicationContext application(String engine, boolean demo) {
    return new SpringApplicationBuilder(FundMonitorApplication.class).profiles("test")
        .run("--spring.datasource.url=" + URL, "--server.port=0",
            "--camunda.bpm.process-engine-name=" + engine, "--fundmonitor.demo.enabled=" + demo);
  }

  @Test
  void demoUsersAreNotAddedToADatabaseWithRealProjects() {
    try (var real = application("realData", false)) {
      real.getBean(Projects.class).warehoused(TestUsers.XINGNING_ECO, "450102", "真实项目");
    }
    try (var restarted = application("realDataWithDemoFlag", true)) {
      var identity = restarted.getBean(IdentityService.class);
      for (var user : DemoData.USERS) {
        assertThat(identity.createUserQuery().userId(user.id()).count()).as(user.id()).isZero();
      }
      assertThat(identity.createUserQuery().userId(DemoData.ADMIN).count()).isZero();
      // and it is the database that holds the real project (not the shared test database)
      assertThat(restarted.getBean(org.springframework.jdbc.core.simple.JdbcClient.class)
          .sql("select count(*) from fm_project where name = '真实项目'").query(Integer.class)
          .single()).isOne();
    }
  }
}

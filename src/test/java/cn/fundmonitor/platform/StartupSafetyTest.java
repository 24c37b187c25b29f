package cn.fundmonitor.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.fundmonitor.FundMonitorApplication;
import java.sql.DriverManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.core.io.ClassPathResource;

/**
 * Production never starts with a guessable administrator (issue 13: with FM_ADMIN_PASSWORD unset the
 * password was the literal "${FM_ADMIN_PASSWORD}"; set empty, it was empty).
 */
class StartupSafetyTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', nullValues = "NULL", value = {
      "NULL|未设置",
      "''|未设置",
      "${FM_ADMIN_PASSWORD}|环境变量未展开",
      "Ab1!|少于 12 位",
      "abcdefghijkl1!|须同时含大写字母、小写字母、数字和符号",
      "Admin-2026-Strong!|含有常见词“admin”",
      "Zhang-admin-Xx9!|不能包含用户名"})
  void weakAdministratorPasswordsAreNamed(String password, String why) {
    var user = password != null && password.contains("Zhang") ? "zhang-admin" : "root";
    assertThat(StartupSafety.weakness(user, password)).contains(why);
  }

  @Test
  void aStrongPasswordPasses() {
    assertThat(StartupSafety.weakness("admin", "Fm-Guanli-Yuan#2026")).isNull();
  }

  @Test
  void theProductionProfileDemandsAStrongPasswordAndNeverTheLiteralPlaceholder() {
    var yaml = new YamlPropertiesFactoryBean();
    yaml.setResources(new ClassPathResource("application-postgres.yaml"));
    var properties = yaml.getObject();
    assertThat(properties.getProperty("fundmonitor.security.require-admin-password"))
        .isEqualTo("true");
    assertThat(properties.getProperty("camunda.bpm.admin-user.password"))
        .isEqualTo("${FM_ADMIN_PASSWORD:}");
  }

  @Test
  void withoutAPasswordTheApplicationRefusesToStartAndCreatesNoAdministrator() throws Exception {
    var url = "jdbc:h2:mem:fundmonitor-startup-safety;DB_CLOSE_DELAY=-1";
    // as arguments: they win over application-test.yaml's administrator, as the environment does
    assertThatThrownBy(() -> new SpringApplicationBuilder(FundMonitorApplication.class)
        .profiles("test")
        .run("--spring.datasource.url=" + url, "--server.port=0",
            "--camunda.bpm.process-engine-name=startupSafety",
            "--fundmonitor.security.require-admin-password=true",
            "--camunda.bpm.admin-user.id=admin", "--camunda.bpm.admin-user.password=")
        .close())
        .hasStackTraceContaining("拒绝启动：管理员密码不安全（未设置）");
    try (var connection = DriverManager.getConnection(url, "sa", "");
        var result = connection.createStatement().executeQuery(
            "select count(*) from information_schema.tables where upper(table_name) = 'ACT_ID_USER'")) {
      result.next();
      if (result.getInt(1) > 0) {
        try (var admins = connection.createStatement()
            .executeQuery("select count(*) from ACT_ID_USER where ID_ = 'admin'")) {
          admins.next();
          assertThat(admins.getInt(1)).isZero();
        }
      }
    }
  }
}

package cn.fundmonitor.platform;

import java.util.Locale;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * A production start (the postgres profile sets {@code fundmonitor.security.require-admin-password})
 * refuses to run with an administrator anyone can guess: no password, an empty one, an
 * unresolved placeholder, or one below Camunda's password policy (length and character classes).
 * Checked before the engine creates its administrator, so a weak one is never stored.
 */
@Component
public class StartupSafety extends AbstractProcessEnginePlugin {

  static final int MIN_LENGTH = 12;

  private final boolean required;
  private final String adminId;
  private final String adminPassword;

  StartupSafety(@Value("${fundmonitor.security.require-admin-password:false}") boolean required,
      @Value("${camunda.bpm.admin-user.id:}") String adminId,
      @Value("${camunda.bpm.admin-user.password:}") String adminPassword) {
    this.required = required;
    this.adminId = adminId;
    this.adminPassword = adminPassword;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (!required) {
      return;
    }
    var problem = weakness(adminId, adminPassword);
    if (problem != null) {
      throw new IllegalStateException("拒绝启动：管理员密码不安全（" + problem + "）。请用环境变量 "
          + "FM_ADMIN_PASSWORD 设置至少 " + MIN_LENGTH + " 位、含大写字母、小写字母、数字和符号的密码。"
          + " / Refusing to start: set FM_ADMIN_PASSWORD to a strong administrator password.");
    }
  }

  /** Why a password is too weak for the administrator, or null when it is strong enough. */
  static String weakness(String userId, String password) {
    if (password == null || password.isBlank()) {
      return "未设置";
    }
    if (password.contains("${")) {
      return "环境变量未展开";
    }
    if (password.length() < MIN_LENGTH) {
      return "少于 " + MIN_LENGTH + " 位";
    }
    int classes = 0;
    classes += password.chars().anyMatch(Character::isUpperCase) ? 1 : 0;
    classes += password.chars().anyMatch(Character::isLowerCase) ? 1 : 0;
    classes += password.chars().anyMatch(Character::isDigit) ? 1 : 0;
    classes += password.chars().anyMatch(c -> !Character.isLetterOrDigit(c)) ? 1 : 0;
    if (classes < 4) {
      return "须同时含大写字母、小写字母、数字和符号";
    }
    var lower = password.toLowerCase(Locale.ROOT);
    if (userId != null && !userId.isBlank() && lower.contains(userId.toLowerCase(Locale.ROOT))) {
      return "不能包含用户名";
    }
    for (var common : new String[] {"password", "admin", "camunda", "demo", "123456", "qwerty"}) {
      if (lower.contains(common)) {
        return "含有常见词“" + common + "”";
      }
    }
    return null;
  }
}

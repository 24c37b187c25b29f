package cn.fundmonitor.platform;

import static cn.fundmonitor.support.TestUsers.ADMIN;
import static cn.fundmonitor.support.TestUsers.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import cn.fundmonitor.support.FundMonitorTest;
import cn.fundmonitor.support.Http;
import java.time.Duration;
import java.util.Date;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.IdentityServiceImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Login and passwords as 等保 2.0 expects: no one outside can lock an account for good (the lock
 * grows to 15 minutes, then lifts; an administrator can lift it at once), and every password set
 * passes Camunda's password policy.
 */
@FundMonitorTest
class AccountSecurityTest {

  static final String STRONG = "Qiang-Mima-2026!";

  @LocalServerPort int port;
  @Autowired IdentityService identity;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  private String victim(String id) {
    if (identity.createUserQuery().userId(id).count() == 0) {
      var user = identity.newUser(id);
      user.setPassword(STRONG);
      user.setFirstName("被攻击");
      user.setLastName("账号");
      identity.saveUser(user);
    }
    return id;
  }

  /** Guesses wrong as an attacker does, each time after the previous lock has expired. */
  private void guessWrong(String user, int times) {
    var now = ClockUtil.getCurrentTime().getTime();
    for (int i = 0; i < times; i++) {
      now += Duration.ofMinutes(16).toMillis();
      ClockUtil.setCurrentTime(new Date(now));
      assertThat(identity.checkPassword(user, "wrong-" + i)).isFalse();
    }
  }

  @Test
  void tenWrongPasswordsLockAnAccountFor15MinutesNotForGood() {
    var user = victim("t-lock-victim");
    guessWrong(user, 12);

    // right after the last wrong guess the right password waits too (the attacker is slowed)
    assertThat(identity.checkPassword(user, STRONG)).isFalse();
    // a quarter of an hour later the owner logs in: the lock was temporary (was ENGINE-27002)
    ClockUtil.setCurrentTime(new Date(ClockUtil.getCurrentTime().getTime()
        + Duration.ofMinutes(16).toMillis()));
    assertThat(identity.checkPassword(user, STRONG)).isTrue();
  }

  @Test
  void anAdministratorLiftsALockAtOnce() {
    var user = victim("t-lock-admin-lifts");
    guessWrong(user, 10);
    assertThat(identity.checkPassword(user, STRONG)).isFalse();

    identity.unlockUser(user);

    assertThat(identity.checkPassword(user, STRONG)).isTrue();
  }

  @Test
  void anAdministratorCannotGiveANewUserTheWeakPasswordOne() {
    var answer = new Http(port).post("/engine-rest/user/create",
        "{\"profile\":{\"id\":\"t-weak-one\",\"firstName\":\"弱\",\"lastName\":\"密码\"},"
            + "\"credentials\":{\"password\":\"1\"}}", ADMIN, PASSWORD);
    assertThat(answer.statusCode()).isBetween(400, 499);
    assertThat(identity.createUserQuery().userId("t-weak-one").count()).isZero();
  }

  @Test
  void aUserCannotChangeItsPasswordToA() {
    var user = victim("t-weak-change");
    var answer = new Http(port).put("/engine-rest/user/" + user + "/credentials",
        "{\"password\":\"a\",\"authenticatedUserPassword\":\"" + STRONG + "\"}", user, STRONG);
    assertThat(answer.statusCode()).isBetween(400, 499);
    assertThat(identity.checkPassword(user, STRONG)).isTrue();
    assertThat(identity.checkPassword(user, "a")).isFalse();
  }

  @Test
  void theDefaultPolicyAsksForLengthAndEveryCharacterClass() {
    var policy = identity.getPasswordPolicy();
    assertThat(policy).isNotNull();
    assertThat(identity.checkPasswordAgainstPolicy("Short1!").isValid()).isFalse();
    assertThat(identity.checkPasswordAgainstPolicy("alllowercase-2026").isValid()).isFalse();
    assertThat(identity.checkPasswordAgainstPolicy("NoDigits-AtAll!").isValid()).isFalse();
    assertThat(identity.checkPasswordAgainstPolicy(STRONG).isValid()).isTrue();
    // test and demo users are created past the policy on purpose, never through the API
    assertThat(identity).isInstanceOf(IdentityServiceImpl.class);
  }
}

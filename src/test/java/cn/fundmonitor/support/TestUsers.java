package cn.fundmonitor.support;

import java.util.List;
import java.util.concurrent.Callable;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.IdentityServiceImpl;
import org.springframework.stereotype.Component;

/**
 * Users of the test organisation (password "secret"), and running work as one of them: the engine
 * then applies that user's authorizations, as it does for Tasklist and the REST API.
 */
@Component
public class TestUsers {

  public static final String PASSWORD = "secret";
  /** Xingning district (兴宁区) ecological-restoration department. */
  public static final String XINGNING_ECO = "t-xingning-eco";
  public static final String XINGNING_GEOHAZARD = "t-xingning-geohazard";
  public static final String QINGXIU_ECO = "t-qingxiu-eco";
  public static final String YANGSHUO_ECO = "t-yangshuo-eco";
  public static final String NANNING_ECO = "t-nanning-eco";
  public static final String GUANGXI_ECO = "t-guangxi-eco";
  public static final String GUANGXI_GEOHAZARD = "t-guangxi-geohazard";
  public static final String GUANGXI_FINANCE = "t-guangxi-finance";
  public static final String XINJIANG_ECO = "t-xinjiang-eco";
  public static final String QIEMO_ECO = "t-qiemo-eco";
  public static final String MINISTRY_FINANCE = "t-ministry-finance";
  public static final String MINISTRY_ECO = "t-ministry-eco";
  public static final String XINGNING_FINANCE = "t-xingning-finance";
  public static final String YANGSHUO_FINANCE = "t-yangshuo-finance";
  public static final String NANNING_FINANCE = "t-nanning-finance";
  public static final String GUILIN_FINANCE = "t-guilin-finance";
  /** A Camunda administrator (group camunda-admin). */
  public static final String ADMIN = "t-admin";
  public static final String POLICY_OWNER = "t-policy-owner";
  public static final String XINJIANG_FINANCE = "t-xinjiang-finance";
  public static final String QIEMO_FINANCE = "t-qiemo-finance";
  public static final String SICHUAN_FINANCE = "t-sichuan-finance";
  public static final String ZIYANG_ECO = "t-ziyang-eco";
  public static final String ZIYANG_FINANCE = "t-ziyang-finance";
  /** Fiscal departments (财政厅 / 财政局, GX 第五条): Guangxi, Nanning, Xingning, Yangshuo. */
  public static final String GUANGXI_FISCAL = "t-guangxi-fiscal";
  public static final String NANNING_FISCAL = "t-nanning-fiscal";
  public static final String XINGNING_FISCAL = "t-xingning-fiscal";
  public static final String YANGSHUO_FISCAL = "t-yangshuo-fiscal";
  /**
   * Only ever logs in with a wrong password: Camunda then refuses that user for a moment
   * (login-delay), so no other test may share it.
   */
  public static final String WRONG_PASSWORD_USER = "t-wrong-password";

  private static final List<String[]> USERS = List.of(
      new String[] {XINGNING_ECO, "450102-eco"},
      new String[] {XINGNING_GEOHAZARD, "450102-geohazard"},
      new String[] {QINGXIU_ECO, "450103-eco"},
      new String[] {YANGSHUO_ECO, "450321-eco"},
      new String[] {NANNING_ECO, "450100-eco"},
      new String[] {GUANGXI_ECO, "450000-eco"},
      new String[] {GUANGXI_GEOHAZARD, "450000-geohazard"},
      new String[] {GUANGXI_FINANCE, "450000-finance"},
      new String[] {XINJIANG_ECO, "650000-eco"},
      new String[] {QIEMO_ECO, "652825-eco"},
      new String[] {MINISTRY_FINANCE, "000000-finance"},
      new String[] {MINISTRY_ECO, "000000-eco"},
      new String[] {ADMIN, "camunda-admin"},
      new String[] {XINGNING_FINANCE, "450102-finance"},
      new String[] {YANGSHUO_FINANCE, "450321-finance"},
      new String[] {NANNING_FINANCE, "450100-finance"},
      new String[] {GUILIN_FINANCE, "450300-finance"},
      new String[] {POLICY_OWNER, "policy-owners"},
      new String[] {WRONG_PASSWORD_USER, "652825-eco"},
      new String[] {XINJIANG_FINANCE, "650000-finance"},
      new String[] {QIEMO_FINANCE, "652825-finance"},
      new String[] {SICHUAN_FINANCE, "510000-finance"},
      new String[] {ZIYANG_ECO, "512000-eco"},
      new String[] {ZIYANG_FINANCE, "512000-finance"},
      new String[] {GUANGXI_FISCAL, "450000-fiscal"},
      new String[] {NANNING_FISCAL, "450100-fiscal"},
      new String[] {XINGNING_FISCAL, "450102-fiscal"},
      new String[] {YANGSHUO_FISCAL, "450321-fiscal"});

  private final IdentityService identity;

  TestUsers(IdentityService identity) {
    this.identity = identity;
    for (var u : USERS) {
      if (identity.createUserQuery().userId(u[0]).count() == 0) {
        var user = identity.newUser(u[0]);
        user.setPassword(PASSWORD);
        user.setFirstName(u[0]);
        user.setLastName(u[1]);
        // test users keep a short password; the password policy has its own test
        ((IdentityServiceImpl) identity).saveUser(user, true);
        if (identity.createGroupQuery().groupId(u[1]).count() == 0) {
          identity.saveGroup(identity.newGroup(u[1]));
        }
        identity.createMembership(u[0], u[1]);
      }
    }
  }

  public List<String> groups(String userId) {
    return identity.createGroupQuery().groupMember(userId).list().stream().map(Group::getId)
        .toList();
  }

  public <T> T as(String userId, Callable<T> work) {
    identity.setAuthentication(userId, groups(userId));
    try {
      return work.call();
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    } finally {
      identity.clearAuthentication();
    }
  }

  public void run(String userId, Runnable work) {
    as(userId, () -> {
      work.run();
      return null;
    });
  }
}

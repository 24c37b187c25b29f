package cn.fundmonitor.demo;

import static cn.fundmonitor.warehousing.ApplicationRequest.indicator;

import cn.fundmonitor.allocation.FundAllocationProcess;
import cn.fundmonitor.allocation.FundAllocationProcess.IssueLine;
import cn.fundmonitor.allocation.FundAllocationProcess.PlanReviewOutcome;
import cn.fundmonitor.allocation.FundAllocationProcess.RefinementLine;
import cn.fundmonitor.allocation.FundAllocationProcess.ReleaseOutcome;
import cn.fundmonitor.allocation.FundAllocationProcess.TargetRow;
import cn.fundmonitor.evaluation.SelfEvaluation;
import cn.fundmonitor.evaluation.SelfEvaluationProcess;
import cn.fundmonitor.filing.QuarterlyFilingProcess;
import cn.fundmonitor.money.Yuan;
import cn.fundmonitor.organisation.CamundaOrganisationSync;
import cn.fundmonitor.platform.ProcessVariables;
import cn.fundmonitor.project.IndicatorRows;
import cn.fundmonitor.project.ProjectCatalogue;
import cn.fundmonitor.project.ProjectSeeding;
import cn.fundmonitor.project.ProjectTargets;
import cn.fundmonitor.problems.ProblemKind;
import cn.fundmonitor.problems.ProblemReports;
import cn.fundmonitor.warehousing.AnnualSelectionProcess;
import cn.fundmonitor.warehousing.ApplicationRequest;
import cn.fundmonitor.warehousing.ApplicationStarter;
import cn.fundmonitor.warehousing.ProjectWarehousingProcess;
import cn.fundmonitor.warehousing.ProjectWarehousingProcess.ReviewOutcome;
import cn.fundmonitor.warehousing.WarehousingVariables;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.IdentityServiceImpl;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo users and a handful of applications in every state, run through the real workflow, so that
 * every demo user finds work in Tasklist and finished instances show in Cockpit: applications in
 * every state, allocations at every step, this quarter's filings. Only on the
 * embedded default (fundmonitor.demo.enabled), and only once: a restart keeps what is there.
 */
@Component
@ConditionalOnProperty(name = "fundmonitor.demo.enabled", havingValue = "true")
class DemoData {

  static final String PASSWORD = "demo";
  static final String ADMIN = "demo";
  static final String ADMIN_GROUP = "camunda-admin";

  /** id, unit name, department, groups */
  static final List<DemoUser> USERS = List.of(
      new DemoUser("ministry-finance", "自然资源部", "财务与资金运用司", "000000-finance"),
      new DemoUser("ministry-eco", "自然资源部", "国土空间生态修复司", "000000-eco"),
      new DemoUser("guangxi-finance", "广西壮族自治区自然资源厅", "财务与资金运用处", "450000-finance"),
      new DemoUser("guangxi-eco", "广西壮族自治区自然资源厅", "生态保护修复处", "450000-eco"),
      new DemoUser("guangxi-geohazard", "广西壮族自治区自然资源厅", "地质灾害防治处", "450000-geohazard"),
      new DemoUser("nanning-finance", "南宁市自然资源局", "财务与资金运用科", "450100-finance"),
      new DemoUser("nanning-eco", "南宁市自然资源局", "生态保护修复科", "450100-eco"),
      new DemoUser("guilin-finance", "桂林市自然资源局", "财务与资金运用科", "450300-finance"),
      new DemoUser("xingning-finance", "兴宁区自然资源局", "财务与资金运用股", "450102-finance"),
      new DemoUser("xingning-eco", "兴宁区自然资源局", "生态保护修复股", "450102-eco"),
      new DemoUser("xingning-geohazard", "兴宁区自然资源局", "地质灾害防治股", "450102-geohazard"),
      new DemoUser("yangshuo-finance", "阳朔县自然资源局", "财务与资金运用股", "450321-finance"),
      new DemoUser("yangshuo-geohazard", "阳朔县自然资源局", "地质灾害防治股", "450321-geohazard"),
      new DemoUser("policy-owner", "广西壮族自治区自然资源厅", "规则维护人", CamundaOrganisationSync.POLICY_OWNERS),
      // fiscal departments (GX 第五条第二项、第四项): the 财政厅 reviews and issues, 财政局 approve
      new DemoUser("guangxi-fiscal", "广西壮族自治区", "财政厅", "450000-fiscal"),
      new DemoUser("nanning-fiscal", "南宁市", "财政局", "450100-fiscal"),
      new DemoUser("xingning-fiscal", "兴宁区", "财政局", "450102-fiscal"));

  record DemoUser(String id, String unit, String department, String group) {}

  private static final Logger LOG = LoggerFactory.getLogger(DemoData.class);

  private final IdentityService identity;
  private final AuthorizationService authorizations;
  private final TaskService tasks;
  private final ManagementService management;
  private final ApplicationStarter starter;
  private final RuntimeService runtime;
  private final ProjectSeeding projectSeeding;
  private final Clock clock;
  private final ProjectCatalogue catalogue;
  private final ProjectTargets projectTargets;
  private final ProblemReports problemReports;

  DemoData(IdentityService identity, AuthorizationService authorizations, TaskService tasks,
      ManagementService management, ApplicationStarter starter, RuntimeService runtime, ProjectSeeding projectSeeding,
      Clock clock,
      ProjectCatalogue catalogue, ProjectTargets projectTargets, ProblemReports problemReports) {
    this.catalogue = catalogue;
    this.projectTargets = projectTargets;
    this.problemReports = problemReports;
    this.identity = identity;
    this.authorizations = authorizations;
    this.tasks = tasks;
    this.management = management;
    this.starter = starter;
    this.runtime = runtime;
    this.projectSeeding = projectSeeding;
    this.clock = clock;
  }

  @EventListener(ApplicationReadyEvent.class)
  @Order(20)
  public void load() {
    var projects = projectSeeding.count();
    var demoBefore = identity.createUserQuery().userId(USERS.get(0).id()).count() > 0;
    if (projects > 0 && !demoBefore) {
      // real data: demo users with a known password must never be added to it
      LOG.warn("fundmonitor.demo.enabled is set but the database already holds {} projects: "
          + "demo users and data are loaded only into an empty database", projects);
      return;
    }
    ensureAdministrator();
    USERS.forEach(this::ensureUser);
    if (projects > 0) {
      return; // the demo, restarted
    }
    var warehoused1 = apply("xingning-eco", ecoRestoration("兴宁区昆仑关历史遗留矿山生态修复工程",
        "450102", "CENTRAL", "12500000.00"));
    review("guangxi-eco", warehoused1, ReviewOutcome.APPROVE, "方案可行，绩效目标明确，同意入库。");
    var warehoused2 = apply("yangshuo-geohazard", geohazard("阳朔县福利镇滑坡隐患综合治理工程",
        "450321", "GEOHAZARD", "3961869.98"));
    review("guangxi-geohazard", warehoused2, ReviewOutcome.APPROVE, "同意入库。");

    var returned = apply("xingning-eco", ecoRestoration("兴宁区五塘镇全域土地综合整治试点", "450102",
        "PROVINCIAL", "6800000.00"));
    review("guangxi-eco", returned, ReviewOutcome.RETURN,
        "产出指标“修复治理面积”与实施方案不一致（方案为150公顷），请核实后重新提交。");
    var returnedToCity = apply("nanning-eco", ecoRestoration("南宁市青秀山历史遗留矿山生态修复", "450103",
        "CENTRAL", "9200000.00"));
    review("guangxi-eco", returnedToCity, ReviewOutcome.RETURN, "请补充实施方案批复文件，并核实单位面积治理成本。");
    var rejected = apply("nanning-eco", ecoRestoration("南宁市城区公园景观提升工程", "450100", "CITY",
        "5000000.00"));
    review("guangxi-eco", rejected, ReviewOutcome.REJECT,
        "城市公园景观提升不属于国土综合整治与生态修复支持范围（GX 第二条、第八条第一项）。");

    apply("nanning-eco", ecoRestoration("南宁市邕江沿岸山水林田湖草生态保护修复工程", "450100", "CENTRAL",
        "28000000.00"));
    apply("yangshuo-geohazard", new ApplicationRequest("阳朔县遇龙河喀斯特地质遗迹保护工程", "450321",
        "GEO_HERITAGE", "PROVINCIAL", "1850000.00", "遇龙河岩溶地貌地质遗迹调查、保护工程与科普展示。",
        List.of(indicator("OUTPUT", "QUANTITY", "地质遗迹保护点", "GE", "6", "处"),
            indicator("OUTPUT", "TIMELINESS", "完工时间", "LE", "2027-10-31", ""),
            indicator("BENEFIT", "SOCIAL", "科普受众人次", "GE", "20000", "人次"),
            indicator("SATISFACTION", "SERVICE_SATISFACTION", "游客满意度", "GE", "90", "%"))));
    // not eligible: a qualitative output target, and no benefit indicator (MNR 第十条)
    apply("xingning-geohazard", new ApplicationRequest("兴宁区三塘镇地质灾害隐患点专业监测", "450102",
        "GEOHAZARD", "CENTRAL", "860000", "对辖区12处地质灾害隐患点开展专业监测。",
        List.of(indicator("OUTPUT", "QUANTITY", "监测隐患点", "GE", "12", "处"),
            indicator("OUTPUT", "QUALITY", "监测数据质量", "QUALITATIVE", "明显提升", ""))));
    apply("yangshuo-geohazard", new ApplicationRequest("阳朔县高田镇崩塌隐患排危除险", "450321",
        "GEOHAZARD", "PROVINCIAL", "420000", "高田镇2处崩塌隐患排危除险应急治理。",
        List.of(indicator("OUTPUT", "QUANTITY", "排危除险隐患点", "EQ", "2", "处"))));

    startSelection();
    allocations(warehoused1, warehoused2);
    quarterlyFilings();
    selfEvaluation(warehoused1);
    problems(warehoused1, warehoused2);
    LOG.info("Demo data loaded: {} users (password '{}'), applications in every state", USERS.size(),
        PASSWORD);
  }

  /**
   * Money in every state: one allocation waiting at each step of the 30-day issue and filing, and
   * one whose issue deadline has passed, escalated to the ministry and shown in Cockpit; and
   * geohazard money waiting to be split by the factor method.
   */
  private void allocations(String xingningProject, String yangshuoProject) {
    var eco = List.of(indicator("OUTPUT", "QUANTITY", "修复治理面积", "GE", "120", "公顷"),
        indicator("OUTPUT", "QUALITY", "工程验收合格率", "GE", "98", "%"));
    var geohazard = List.of(indicator("OUTPUT", "QUANTITY", "治理隐患点", "EQ", "1", "处"),
        indicator("BENEFIT", "SOCIAL", "消除威胁人口", "GE", "320", "人"));

    // GX 第二十六条: the province issues the year's targets of the projects it funds this year
    var year = LocalDate.now(clock).getYear();
    for (var project : List.of(xingningProject, yangshuoProject)) {
      projectTargets.recordAnnualTargets(project, year, IndicatorRows.rows(catalogue.get(project).indicators()),
          "guangxi-finance");
    }

    receive("财资环〔2026〕9号", "ECO_RESTORATION", "CENTRAL", "2500000", "500000", 20, eco);
    issue("财资环〔2026〕9号", "450102", xingningProject, "2500000", "500000");
    refine("财资环〔2026〕9号", "xingning-finance", xingningProject, "2500000", "500000");
    complete("xingning-finance", "财资环〔2026〕9号", FundAllocationProcess.TASK_FILE,
        FundAllocationProcess.FILING_NOTE.with("已细化到项目，请审核。"));

    receive("财资环〔2026〕18号", "ECO_RESTORATION", "CENTRAL", "8000000", "0", 10, eco);
    issue("财资环〔2026〕18号", "450102", xingningProject, "8000000", "0");
    // refined, waiting for 兴宁区财政局 to review and release it (GX 第五条第四项)
    refineOnly("财资环〔2026〕18号", "xingning-finance", xingningProject, "8000000", "0");

    receive("桂财资环〔2026〕30号", "GEOHAZARD", "PROVINCIAL", "0", "3961869.98", 5, geohazard);
    issue("桂财资环〔2026〕30号", "450321", yangshuoProject, "0", "3961869.98");

    // a plan waiting for 自治区财政厅's review (GX 第五条第二项、第十八条)
    receive("财资环〔2026〕21号", "ECO_RESTORATION", "CENTRAL", "3000000", "0", 2, eco);
    propose("财资环〔2026〕21号", "450102", xingningProject, "3000000", "0");

    // geohazard monitoring money to be split by the factor method (GX 第十六条) at /tools/
    receive("财资环〔2026〕12号", "GEOHAZARD", "CENTRAL", "12000000", "0", 3, List.of(
        indicator("OUTPUT", "QUANTITY", "专业监测隐患点", "GE", "120", "处"),
        indicator("BENEFIT", "SOCIAL", "受威胁群众转移避险", "QUALITATIVE", "及时有效", "")));

    // own-level money (MNR 第二条第二项、第九条末句): Nanning's own money for Xingning waits for
    // 南宁市财政局's review; Xingning's own money waits to be issued by its finance office
    receive("nanning-finance", "南财资环〔2026〕2号", "ECO_RESTORATION", "CITY", "0", "600000", 4, eco);
    propose("nanning-finance", "南财资环〔2026〕2号", "450102", xingningProject, "0", "600000");
    receive("xingning-finance", "兴财资环〔2026〕1号", "ECO_RESTORATION", "COUNTY", "0", "300000", 2,
        eco);

    receive("财资环〔2026〕7号", "ECO_RESTORATION", "CENTRAL", "5000000", "0", 45, eco);
    var overdueInstance = runtime.createProcessInstanceQuery()
        .processInstanceBusinessKey("财资环〔2026〕7号").singleResult();
    var overdueTimer = management.createJobQuery().timers()
        .activityId(FundAllocationProcess.TIMER_ISSUE_OVERDUE)
        .processInstanceId(overdueInstance.getId()).singleResult();
    management.executeJob(overdueTimer.getId());
  }

  /**
   * Opens this quarter's filings for the funded demo projects (the wave runs on 1 January). The
   * wave's plan and its batches are jobs of their own: they are run here, once each, so that the
   * filings exist when the demo starts; the wave's wait and reconciliation are left to the job
   * executor.
   */
  private void quarterlyFilings() {
    var today = LocalDate.now(clock);
    var wave = runtime.createProcessInstanceByKey(QuarterlyFilingProcess.WAVE_KEY)
        .startBeforeActivity(QuarterlyFilingProcess.WAVE_PLAN)
        .setVariables(ProcessVariables.builder()
            .set(QuarterlyFilingProcess.FILING_YEAR, today.getYear())
            .set(QuarterlyFilingProcess.FILING_QUARTER, (today.getMonthValue() - 1) / 3 + 1).build())
        .execute();
    management.executeJob(management.createJobQuery().processInstanceId(wave.getId())
        .activityId(QuarterlyFilingProcess.WAVE_PLAN).singleResult().getId());
    management.createJobQuery().processDefinitionKey(QuarterlyFilingProcess.BATCH_KEY).list()
        .forEach(job -> management.executeJob(job.getId()));
  }

  /** This year's self-evaluation of Xingning's project, opened early for the demo (GX 第二十八条). */
  private void selfEvaluation(String project) {
    var year = LocalDate.now(clock).getYear();
    runtime.createProcessInstanceByKey(SelfEvaluationProcess.KEY)
        .businessKey(SelfEvaluation.key(project, year))
        .setVariables(ProcessVariables.builder().set(SelfEvaluationProcess.EVALUATION_YEAR, year)
            .set(SelfEvaluationProcess.PROJECT_CODE, project).build())
        .execute();
  }

  /** An ordinary problem for the province and a major one for the ministry (MNR 第十二条). */
  private void problems(String xingningProject, String yangshuoProject) {
    as("xingning-eco", () -> problemReports.report(ProblemReports.Report.byUser(xingningProject,
        ProblemKind.SLOW_PROGRESS, Yuan.of("2500000"), "受连续降雨影响，边坡修复工程进度滞后计划约两个月。")));
    as("yangshuo-geohazard", () -> problemReports.report(ProblemReports.Report.byUser(
        yangshuoProject, ProblemKind.MISAPPROPRIATION, Yuan.of("180000"),
        "审计发现施工单位以虚列工程量方式多支取治理资金。")));
  }

  private void receive(String documentNo, String direction, String fundClass, String central,
      String provincial, int daysAgo, List<Map<String, Object>> targets) {
    receive("guangxi-finance", documentNo, direction, fundClass, central, provincial, daysAgo,
        targets);
  }

  /** Money registered by the finance office of the unit it belongs to (MNR 第九条). */
  private void receive(String registrar, String documentNo, String direction, String fundClass,
      String central, String provincial, int daysAgo, List<Map<String, Object>> targets) {
    var vars = ProcessVariables.builder()
        .set(FundAllocationProcess.DOCUMENT_NO, documentNo)
        .set(FundAllocationProcess.FUND_CLASS, fundClass)
        .set(FundAllocationProcess.DIRECTION, direction)
        .set(FundAllocationProcess.BUDGET_YEAR, LocalDate.now(clock).getYear())
        .set(FundAllocationProcess.CENTRAL_AMOUNT, Yuan.of(central))
        .set(FundAllocationProcess.PROVINCIAL_AMOUNT, Yuan.of(provincial))
        .set(FundAllocationProcess.RECEIVED_ON, LocalDate.now(clock).minusDays(daysAgo))
        .set(FundAllocationProcess.APPROVED_TARGETS, targets.stream().map(t -> new TargetRow(
            (String) t.get("level1"), (String) t.get("level2"), (String) t.get("name"),
            (String) t.get("comparator"), (String) t.get("target"), (String) t.get("unit")))
            .toList()).build();
    as(registrar, () -> runtime.startProcessInstanceByKey(FundAllocationProcess.KEY, vars));
  }

  private void issue(String documentNo, String recipient, String project, String central,
      String provincial) {
    propose(documentNo, recipient, project, central, provincial);
    // GX 第十八条: 自治区财政厅审核后下达
    complete("guangxi-fiscal", documentNo, FundAllocationProcess.TASK_REVIEW_PLAN,
        ProcessVariables.builder()
            .set(FundAllocationProcess.PLAN_REVIEW_OUTCOME, PlanReviewOutcome.APPROVE)
            .set(FundAllocationProcess.PLAN_REVIEW_COMMENT, "方案合理，同意下达。").build());
  }

  /** The province's natural-resources department proposes the allocation plan (GX 第十八条). */
  private void propose(String documentNo, String recipient, String project, String central,
      String provincial) {
    propose("guangxi-finance", documentNo, recipient, project, central, provincial);
  }

  /** A unit's finance office proposes the plan for its 财政厅（局）'s review (GX 第十八条). */
  private void propose(String proposer, String documentNo, String recipient, String project,
      String central, String provincial) {
    complete(proposer, documentNo, FundAllocationProcess.TASK_ISSUE, ProcessVariables.builder()
        .set(FundAllocationProcess.ISSUE_DOCUMENT_NO, "桂" + documentNo)
        .set(FundAllocationProcess.ISSUED_ON, LocalDate.now(clock))
        .set(FundAllocationProcess.ISSUE_LINES,
            List.of(new IssueLine(recipient, project, central, provincial)))
        .set(FundAllocationProcess.DECOMPOSED_TARGETS, List.of()).build());
  }

  private void refine(String documentNo, String user, String project, String central,
      String provincial) {
    refineOnly(documentNo, user, project, central, provincial);
    // GX 第五条第四项: the county's 财政局 reviews and releases the refined money
    complete(user.replace("-finance", "-fiscal"), documentNo, FundAllocationProcess.TASK_APPROVE_RELEASE,
        ProcessVariables.builder()
            .set(FundAllocationProcess.RELEASE_OUTCOME, ReleaseOutcome.APPROVE)
            .set(FundAllocationProcess.RELEASE_COMMENT, "细化结果与下达资金一致，同意拨付。").build());
  }

  private void refineOnly(String documentNo, String user, String project, String central,
      String provincial) {
    complete(user, documentNo, FundAllocationProcess.TASK_REFINE, ProcessVariables.builder()
        .set(FundAllocationProcess.REFINED_ON, LocalDate.now(clock))
        .set(FundAllocationProcess.REFINEMENT_LINES,
            List.of(new RefinementLine(project, central, provincial)))
        .set(FundAllocationProcess.PROJECT_TARGETS, List.of()).build());
  }

  private void complete(String user, String businessKey, String taskKey,
      Map<String, Object> vars) {
    as(user, () -> {
      var task = tasks.createTaskQuery().processInstanceBusinessKey(businessKey)
          .taskDefinitionKey(taskKey).singleResult();
      tasks.claim(task.getId(), user);
      tasks.complete(task.getId(), vars);
      return null;
    });
  }

  private void ensureUser(DemoUser u) {
    if (identity.createUserQuery().userId(u.id()).count() == 0) {
      var user = identity.newUser(u.id());
      user.setFirstName(u.unit());
      user.setLastName(u.department());
      user.setPassword(PASSWORD);
      user.setEmail(u.id() + "@demo.fundmonitor.cn");
      saveDemoUser(user);
      identity.createMembership(u.id(), u.group());
    }
  }

  /**
   * The demo's Camunda administrator "demo" (password demo) and its group with every permission,
   * as Camunda's own admin-user setting creates them; production sets its administrator with a
   * strong password instead (application-postgres.yaml, StartupSafety).
   */
  private void ensureAdministrator() {
    if (identity.createGroupQuery().groupId(ADMIN_GROUP).count() == 0) {
      var group = identity.newGroup(ADMIN_GROUP);
      group.setName("系统管理员");
      group.setType("SYSTEM");
      identity.saveGroup(group);
    }
    for (var resource : Resources.values()) {
      if (authorizations.createAuthorizationQuery().groupIdIn(ADMIN_GROUP).resourceType(resource)
          .resourceId(Authorization.ANY).count() == 0) {
        var all = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        all.setGroupId(ADMIN_GROUP);
        all.setResource(resource);
        all.setResourceId(Authorization.ANY);
        all.addPermission(Permissions.ALL);
        authorizations.saveAuthorization(all);
      }
    }
    if (identity.createUserQuery().userId(ADMIN).count() == 0) {
      var admin = identity.newUser(ADMIN);
      admin.setFirstName("系统");
      admin.setLastName("管理员");
      admin.setPassword(PASSWORD);
      saveDemoUser(admin);
      identity.createMembership(ADMIN, ADMIN_GROUP);
    }
  }

  /** The demo's users keep the documented password "demo": the password policy is for real users. */
  private void saveDemoUser(User user) {
    ((IdentityServiceImpl) identity).saveUser(user, true);
  }

  private String apply(String userId, ApplicationRequest request) {
    return as(userId, () -> starter.apply(request).code());
  }

  private void review(String userId, String projectCode, ReviewOutcome outcome, String comment) {
    as(userId, () -> {
      var task = tasks.createTaskQuery().processInstanceBusinessKey(projectCode)
          .taskDefinitionKey(ProjectWarehousingProcess.TASK_REVIEW).singleResult();
      tasks.claim(task.getId(), userId);
      var vars = WarehousingVariables.REVIEW_OUTCOME.with(outcome);
      WarehousingVariables.REVIEW_COMMENT.putInto(vars, comment);
      tasks.complete(task.getId(), vars);
      return null;
    });
  }

  /** Runs the yearly selection's timer now, so the province's finance department has its task. */
  private void startSelection() {
    var job = management.createJobQuery().processDefinitionKey(AnnualSelectionProcess.KEY).timers()
        .singleResult();
    if (job != null) {
      management.executeJob(job.getId());
    }
  }

  private <T> T as(String userId, java.util.function.Supplier<T> work) {
    var groups = identity.createGroupQuery().groupMember(userId).list().stream()
        .map(g -> g.getId()).toList();
    identity.setAuthentication(userId, groups);
    try {
      return work.get();
    } finally {
      identity.clearAuthentication();
    }
  }

  private static ApplicationRequest ecoRestoration(String name, String region, String fundClass,
      String amount) {
    return new ApplicationRequest(name, region, "ECO_RESTORATION", fundClass, amount,
        "历史遗留矿山地形重塑、土壤重构、植被恢复及配套监测。", List.of(
            indicator("OUTPUT", "QUANTITY", "修复治理面积", "GE", "120", "公顷"),
            indicator("OUTPUT", "QUALITY", "工程验收合格率", "GE", "98", "%"),
            indicator("OUTPUT", "TIMELINESS", "完工时间", "LE", "2027-12-31", ""),
            indicator("OUTPUT", "COST", "单位面积治理成本", "LE", "10.5", "万元/公顷"),
            indicator("BENEFIT", "ECOLOGICAL", "植被覆盖率提高", "GE", "15", "百分点"),
            indicator("BENEFIT", "SUSTAINABILITY", "生态环境", "QUALITATIVE", "有效改善", ""),
            indicator("SATISFACTION", "SERVICE_SATISFACTION", "周边群众满意度", "GE", "90", "%")));
  }

  private static ApplicationRequest geohazard(String name, String region, String direction,
      String amount) {
    return new ApplicationRequest(name, region, direction, "PROVINCIAL", amount,
        "滑坡隐患削坡减载、抗滑桩及截排水工程。", List.of(
            indicator("OUTPUT", "QUANTITY", "治理隐患点", "EQ", "1", "处"),
            indicator("OUTPUT", "QUALITY", "工程验收合格率", "GE", "100", "%"),
            indicator("BENEFIT", "SOCIAL", "消除威胁人口", "GE", "320", "人"),
            indicator("BENEFIT", "SOCIAL", "受威胁群众生命财产安全", "QUALITATIVE", "有效保障", ""),
            indicator("SATISFACTION", "SERVICE_SATISFACTION", "受益群众满意度", "GE", "95", "%")));
  }
}

package cn.fundmonitor.divisions;

import cn.fundmonitor.common.NotFoundException;
import cn.fundmonitor.organisation.OrganisationService;
import cn.fundmonitor.platform.CurrentUser;
import java.util.List;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Division changes over HTTP: a province's finance department (or the ministry) files a county's
 * renaming or merger, which takes effect at once; everyone sees the changes that touch their units,
 * the ministry all of them (报部备案, MNR 第十七条).
 */
@RestController
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class DivisionChangeApiController {

  private final DivisionChangeService changes;
  private final OrganisationService organisation;

  @PostMapping("/api/division-changes")
  @ResponseStatus(HttpStatus.CREATED)
  DivisionChangeView record(@AuthenticationPrincipal CurrentUser user,
      @RequestBody DivisionChangeService.RawChange raw) {
    return view(changes.record(raw, user.userId(), user.groupIds()));
  }

  @GetMapping("/api/division-changes")
  List<DivisionChangeView> list(@AuthenticationPrincipal CurrentUser user) {
    var admin = user.groupIds().contains(DivisionChangeService.ADMIN_GROUP);
    var scope = organisation.jurisdiction(user.groupIds());
    return changes.all().stream()
        .filter(c -> admin || scope.contains(c.oldCode()) || scope.contains(c.newCode()))
        .map(DivisionChangeApiController::view).toList();
  }

  /** One change with everything that moved (items: type, reference, before, after). */
  @GetMapping("/api/division-changes/{no}")
  DivisionChangeDetail get(@AuthenticationPrincipal CurrentUser user, @PathVariable String no) {
    var change = list(user).stream().filter(c -> c.changeNo().equals(no)).findFirst()
        .orElseThrow(() -> new NotFoundException("区划调整记录不存在或您无权查看：" + no));
    return new DivisionChangeDetail(change, changes.items(no).stream()
        .map(i -> new ItemView(i.type(), ITEM_LABELS.getOrDefault(i.type(), i.type()), i.reference(),
            i.oldValue(), i.newValue()))
        .toList());
  }

  static final java.util.Map<String, String> ITEM_LABELS = java.util.Map.ofEntries(
      java.util.Map.entry("PROJECT", "项目（所在地/申报单位）"),
      java.util.Map.entry("ALLOCATION", "未办结的资金细化报备"),
      java.util.Map.entry("PROBLEM", "未办结的问题"),
      java.util.Map.entry("PROBLEM_HANDLING", "问题的处理单位"),
      java.util.Map.entry("CORRECTION", "未办结的数据更改申请"),
      java.util.Map.entry("FINDING", "未整改的检查问题"),
      java.util.Map.entry("OVERDUE", "未办结的逾期环节"),
      java.util.Map.entry("OVERDUE_GROUP", "逾期环节的责任部门"),
      java.util.Map.entry("OVERDUE_ESCALATION", "逾期环节的催办部门"),
      java.util.Map.entry("TASK", "待办任务"),
      java.util.Map.entry("VARIABLE", "流程变量"),
      java.util.Map.entry("MEMBER", "工作人员"));

  record ItemView(String type, String typeName, String reference, String oldValue, String newValue) {}

  record DivisionChangeDetail(DivisionChangeView change, List<ItemView> items) {}

  static DivisionChangeView view(DivisionChange c) {
    return new DivisionChangeView(c.changeNo(), c.kind().name(), c.kind().label(), c.oldCode(),
        c.oldName(), c.newCode(), c.newName(), c.effectiveOn().toString(), c.approvalDocument(),
        c.reason(), c.movedProjects(), c.movedAllocations(), c.movedRecords(), c.movedTasks(),
        c.movedVariables(), c.movedMembers(), c.recordedBy(), c.recordedAt().toString());
  }

  record DivisionChangeView(String changeNo, String kind, String kindName, String oldCode,
      String oldName, String newCode, String newName, String effectiveOn, String approvalDocument,
      String reason, int movedProjects, int movedAllocations, int movedRecords, int movedTasks,
      int movedVariables, int movedMembers, String recordedBy, String recordedAt) {}
}

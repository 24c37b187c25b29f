package cn.fundmonitor.inspection;

import static cn.fundmonitor.inspection.InspectionProcess.*;

import cn.fundmonitor.common.InvalidInputException;
import cn.fundmonitor.organisation.OrganisationService;
import cn.fundmonitor.organisation.Role;
import cn.fundmonitor.organisation.UnitGroup;
import cn.fundmonitor.platform.Actors;
import cn.fundmonitor.project.ProjectReserveService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The thin delegates of dataQualityInspection. */
final class InspectionDelegates {

  private InspectionDelegates() {}

  @Component("runInspectionDelegate")
  static class Run implements JavaDelegate {
    private final InspectionService inspections;
    private final OrganisationService organisation;

    Run(InspectionService inspections, OrganisationService organisation) {
      this.inspections = inspections;
      this.organisation = organisation;
    }

    @Override
    public void execute(DelegateExecution execution) {
      var inspector = INSPECTOR.get(execution) != null ? INSPECTOR.get(execution) : Actors.current(execution);
      var opened = inspections.start(YEAR.get(execution), SAMPLE_UNITS.get(execution), SAMPLE_SIZE.get(execution),
          inspector, Actors.groups(execution, inspector), execution.getProcessInstanceId());
      execution.setProcessBusinessKey(opened.inspectionNo());
      NUMBER.set(execution, opened.inspectionNo());
      INSPECTOR_GROUP.set(execution, UnitGroup.of(opened.scopeUnit(), Role.FINANCE).id());
      FINDING_IDS.set(execution, opened.findingIds());
      SUMMARY.set(execution, "抽查 " + String.join("、", opened.sample().stream()
          .map(c -> organisation.get(c).name()).toList()) + "，发现问题 " + opened.findingIds().size() + " 个");
    }
  }

  /**
   * One finding: the unit that answers for it, the project it is about (for the task cards), and
   * the form fields kept local to this finding.
   */
  @Component("prepareFindingDelegate")
  static class Prepare implements JavaDelegate {
    private final InspectionService inspections;
    private final ProjectReserveService reserve;

    Prepare(InspectionService inspections, ProjectReserveService reserve) {
      this.inspections = inspections;
      this.reserve = reserve;
    }

    @Override
    public void execute(DelegateExecution execution) {
      var f = inspections.finding(((Number) execution.getVariable(FINDING_ID.name())).longValue());
      FINDING_UNIT_GROUP.setLocal(execution, UnitGroup.of(f.unitCode(), Role.FINANCE).id());
      InspectionService.projectOf(f.reference()).map(reserve::get).ifPresent(p -> {
        PROJECT_CODE.setLocal(execution, p.code());
        PROJECT_NAME.setLocal(execution, p.name());
      });
      FINDING_TEXT.setLocal(execution, f.kind().label() + "：" + f.description() + "\n依据：" + f.kind().basis());
      RECTIFICATION.setLocal(execution, null);
      CONFIRMED.setLocal(execution, null);
      CONFIRMATION_COMMENT.setLocal(execution, null);
    }
  }

  @Component("recordFindingRectificationDelegate")
  static class RecordRectification implements JavaDelegate {
    private final InspectionService inspections;

    RecordRectification(InspectionService inspections) {
      this.inspections = inspections;
    }

    @Override
    public void execute(DelegateExecution execution) {
      inspections.rectify(((Number) execution.getVariable(FINDING_ID.name())).longValue(),
          RECTIFICATION.get(execution), Actors.current(execution));
    }
  }

  @Component("recordFindingConfirmationDelegate")
  static class RecordConfirmation implements JavaDelegate {
    private final InspectionService inspections;

    RecordConfirmation(InspectionService inspections) {
      this.inspections = inspections;
    }

    @Override
    public void execute(DelegateExecution execution) {
      var confirmed = CONFIRMED.get(execution);
      if (confirmed == null) {
        throw new InvalidInputException("确认意见有误", "请选择整改是否到位");
      }
      inspections.confirm(((Number) execution.getVariable(FINDING_ID.name())).longValue(), confirmed,
          CONFIRMATION_COMMENT.get(execution), Actors.current(execution));
    }
  }

  @Component("closeInspectionDelegate")
  static class Close implements JavaDelegate {
    private final InspectionService inspections;

    Close(InspectionService inspections) {
      this.inspections = inspections;
    }

    @Override
    public void execute(DelegateExecution execution) {
      inspections.close(execution.getProcessBusinessKey());
    }
  }
}

package cn.fundmonitor.inspection;

import static cn.fundmonitor.inspection.InspectionProcess.*;

import cn.fundmonitor.common.Inputs;
import cn.fundmonitor.common.InvalidInputException;
import cn.fundmonitor.organisation.OrganisationService;
import cn.fundmonitor.organisation.Role;
import cn.fundmonitor.organisation.UnitGroup;
import cn.fundmonitor.platform.Actors;
import cn.fundmonitor.project.ProjectCatalogue;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The thin delegates of dataQualityInspection: variables in, one service call, variables out. */
@Configuration(proxyBeanMethods = false)
class DataQualityInspectionDelegates {

  /** Draws the sample and records the findings; who inspects, and what was found. */
  @Bean
  JavaDelegate runInspectionDelegate(InspectionService inspections,
      OrganisationService organisation) {
    return execution -> {
      var inspector = INSPECTOR.get(execution) != null ? INSPECTOR.get(execution)
          : Actors.current(execution);
      // the submission read raw: the service reports a missing or broken number with the rest
      var opened = inspections.start(wholeNumber(YEAR.raw(execution), ""),
          SAMPLE_UNITS.get(execution), wholeNumber(SAMPLE_SIZE.raw(execution), ".0"), inspector, Actors.groups(execution, inspector),
          execution.getProcessInstanceId());
      execution.setProcessBusinessKey(opened.inspectionNo());
      NUMBER.set(execution, opened.inspectionNo());
      INSPECTOR_GROUP.set(execution, UnitGroup.of(opened.scopeUnit(), Role.FINANCE).id());
      FINDING_IDS.set(execution, opened.findingIds());
      SUMMARY.set(execution, "抽查 " + String.join("、", opened.sample().stream()
          .map(c -> organisation.get(c).name()).toList()) + "，发现问题 "
          + opened.findingIds().size() + " 个");
    };
  }

  /**
   * One finding: the unit that answers for it, the project it is about (for the task cards), and
   * the form fields kept local to this finding.
   */
  @Bean
  JavaDelegate prepareFindingDelegate(InspectionService inspections,
      ProjectCatalogue catalogue) {
    return execution -> {
      var f = inspections.finding(findingId(execution));
      FINDING_UNIT_GROUP.setLocal(execution, UnitGroup.of(f.unitCode(), Role.FINANCE).id());
      InspectionService.projectOf(f.reference()).map(catalogue::get).ifPresent(p -> {
        PROJECT_CODE.setLocal(execution, p.code());
        PROJECT_NAME.setLocal(execution, p.name());
      });
      FINDING_TEXT.setLocal(execution, f.kind().label() + "：" + f.description() + "\n依据："
          + f.kind().basis());
      RECTIFICATION.setLocal(execution, null);
      CONFIRMED.setLocal(execution, null);
      CONFIRMATION_COMMENT.setLocal(execution, null);
    };
  }

  /** The unit answers a finding with its rectification. */
  @Bean
  JavaDelegate recordFindingRectificationDelegate(InspectionService inspections) {
    return execution -> inspections.rectify(findingId(execution), RECTIFICATION.get(execution),
        Actors.current(execution));
  }

  /** The inspector confirms the rectification, or does not. */
  @Bean
  JavaDelegate recordFindingConfirmationDelegate(InspectionService inspections) {
    return execution -> {
      var confirmed = CONFIRMED.get(execution);
      if (confirmed == null) {
        throw new InvalidInputException("确认意见有误", "请选择整改是否到位");
      }
      inspections.confirm(findingId(execution), confirmed, CONFIRMATION_COMMENT.get(execution),
          Actors.current(execution));
    };
  }

  /** Every finding answered: the inspection is closed. */
  @Bean
  JavaDelegate closeInspectionDelegate(InspectionService inspections) {
    return execution -> inspections.close(execution.getProcessBusinessKey());
  }

  private static long findingId(DelegateExecution execution) {
    return FINDING_ID.get(execution).longValue();
  }

  /**
   * A whole number as a form's number or text field gives it ("12", 12; 12.0 when {@code
   * decimalZero} is ".0"); null when there is none, which the service reports at its field.
   */
  private static Integer wholeNumber(Object value, String decimalZero) {
    var text = Inputs.text(value);
    try {
      return text == null ? null
          : Integer.valueOf(decimalZero.isEmpty() ? text : text.replace(decimalZero, ""));
    } catch (NumberFormatException notWhole) {
      return null;
    }
  }
}

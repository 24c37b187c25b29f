package cn.fundmonitor.filing;

import static cn.fundmonitor.filing.QuarterlyFilingProcess.*;

import cn.fundmonitor.problems.ProblemKind;
import cn.fundmonitor.problems.ProblemReports;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The delegate of quarterlyFiling's ServiceTask_RaiseProblem. */
@Configuration(proxyBeanMethods = false)
class RaiseProblemDelegates {

  /**
   * A yellow or red execution warning raises a problem (MNR 第十二条: 及时反馈资金支付和绩效目标进展
   * 缓慢等问题): problems/ starts problemEscalation with the project and the reason. The task is
   * asyncBefore: the county's filing is accepted before the problem is raised, and a failing raise
   * retries alone.
   */
  @Bean
  JavaDelegate raiseProblemDelegate(FilingService filings, ProblemReports problems) {
    return execution -> {
      var f = filings.get(execution.getProcessBusinessKey());
      @SuppressWarnings("unchecked")
      List<Map<String, Object>> warnings = EXECUTION_WARNINGS.get(execution);
      var slowPayment = warnings != null && warnings.stream()
          .anyMatch(w -> "EXECUTION".equals(w.get("dimension")));
      problems.raise(new ProblemReports.Report(f.projectCode(),
          slowPayment ? ProblemKind.SLOW_PAYMENT : ProblemKind.SLOW_PROGRESS, f.receivedAmount(),
          f.quarter().label() + "执行监控" + FilingTexts.level(f.warningLevel()) + "预警："
              + f.warningReason(),
          f.businessKey(), f.warningLevel()),
          // one raise per submission: a run again finds its problem, a refiled warning raises anew
          f.businessKey() + " filed " + f.filedAt().toInstant());
    };
  }
}

package cn.fundmonitor.rules;

import static cn.fundmonitor.rules.RuleSourceReviewProcess.*;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Finds the rule documents that lapse soon and have not been put to the policy owners yet. The
 * reminder's business key names each document and its last day ({@code GX@2026-12-30}), so the
 * daily run asks once per document and date, whichever node runs it.
 */
@Component
class FindLapsingSourcesDelegate implements JavaDelegate {

  private final RuleSources sources;
  private final Clock clock;

  FindLapsingSourcesDelegate(RuleSources sources, Clock clock) {
    this.sources = sources;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    var today = LocalDate.now(clock);
    var history = execution.getProcessEngineServices().getHistoryService();
    var fresh = sources.lapsing(today).stream()
        .filter(l -> history.createHistoricProcessInstanceQuery().processDefinitionKey(KEY)
            .processInstanceBusinessKeyLike("%" + key(l) + "%").count() == 0)
        .sorted(Comparator.comparing(RuleSources.Lapsing::lastDay))
        .toList();
    ANY_LAPSING.set(execution, !fresh.isEmpty());
    if (fresh.isEmpty()) {
      return;
    }
    execution.setProcessBusinessKey(fresh.stream().map(FindLapsingSourcesDelegate::key)
        .collect(Collectors.joining(",")));
    LAPSES_ON.set(execution, fresh.get(0).lastDay().toString());
    LAPSING_SUMMARY.set(execution, fresh.stream().map(l -> {
      var source = l.source();
      var when = l.lastDay().isBefore(today) ? "已于 " + l.lastDay() + " 失效"
          : "有效期至 " + l.lastDay() + "（还有 " + (l.lastDay().toEpochDay() - today.toEpochDay())
              + " 天）";
      return source.code() + "：" + source.title() + "，" + source.issuedOn() + " 印发，" + when
          + "。引用它的规则表：" + String.join("、", l.decisions()) + "。";
    }).collect(Collectors.joining("\n")) + "\n请确认新的办法是否已印发：如已印发，按新办法修改上述规则表并部署新版本"
        + "（Camunda Modeler 或 /tools/ 的规则表上传）；如原办法延期或继续适用，请记录依据。");
  }

  static String key(RuleSources.Lapsing lapsing) {
    return lapsing.source().code() + "@" + lapsing.lastDay();
  }
}

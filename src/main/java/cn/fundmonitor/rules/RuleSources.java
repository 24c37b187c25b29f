package cn.fundmonitor.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Description;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Service;

/**
 * The rule documents decision tables cite, and how long each is in force. A decision table carries
 * its sources in its own text (the article it implements, e.g. "GX 第十六条", in the decision's or a
 * rule's description, as Modeler shows it); a document carries its validity here
 * ({@code fundmonitor.rules.sources}). GX (桂自然资发〔2021〕87号, 印发 2021-12-31) is in force for five
 * years (GX 第三十七条: 本办法自印发之日起实行，有效期五年), i.e. until 2026-12-30; the MNR 工作规程 sets
 * no end.
 */
@Service
public class RuleSources {

  /** One rule document: its code as decision tables cite it, title, issue date and validity. */
  public record Source(String code, String title, LocalDate issuedOn, Integer validYears) {

    /** The last day the document is in force, or null when it sets no end. */
    public LocalDate lastDay() {
      return validYears == null ? null : issuedOn.plusYears(validYears).minusDays(1);
    }

    boolean citedIn(String text) {
      return Pattern.compile("(?<![A-Za-z])" + Pattern.quote(code) + "(?![A-Za-z])")
          .matcher(text).find();
    }
  }

  /** A document that lapses within the reminder period, with the tables citing it. */
  public record Lapsing(Source source, LocalDate lastDay, List<String> decisions) {}

  @ConfigurationProperties(prefix = "fundmonitor.rules")
  public record Settings(List<Source> sources) {
    public Settings {
      sources = sources == null ? List.of() : List.copyOf(sources);
    }
  }

  @Configuration(proxyBeanMethods = false)
  @EnableConfigurationProperties(Settings.class)
  static class SettingsConfiguration {}

  private final Settings settings;
  private final RepositoryService repository;
  private final int reminderDays;

  RuleSources(Settings settings, RepositoryService repository,
      @Value("${fundmonitor.rules.reminder-days:60}") int reminderDays) {
    this.settings = settings;
    this.repository = repository;
    this.reminderDays = reminderDays;
  }

  public List<Source> all() {
    return settings.sources();
  }

  /**
   * The documents whose last day is within {@code reminder-days} of today (or already past), each
   * with the names of the latest decision tables that cite it; a document no table cites is left
   * out.
   */
  public List<Lapsing> lapsing(LocalDate today) {
    var result = new ArrayList<Lapsing>();
    var lapsing = settings.sources().stream().filter(source -> source.lastDay() != null
        && !today.isBefore(source.lastDay().minusDays(reminderDays))).toList();
    if (lapsing.isEmpty()) {
      return result;
    }
    // each table's text read once, whatever the number of lapsing documents
    var tables = new java.util.LinkedHashMap<String, String>();
    repository.createDecisionDefinitionQuery().latestVersion().list().stream()
        .sorted(Comparator.comparing(d -> d.getKey()))
        .forEach(d -> tables.put(d.getName() + "（" + d.getKey() + "）",
            text(repository.getDmnModelInstance(d.getId()))));
    for (var source : lapsing) {
      var lastDay = source.lastDay();
      var citing = new ArrayList<String>();
      tables.forEach((name, text) -> {
        if (source.citedIn(text)) {
          citing.add(name);
        }
      });
      if (!citing.isEmpty()) {
        result.add(new Lapsing(source, lastDay, List.copyOf(citing)));
      }
    }
    return result;
  }

  /**
   * The lapsing documents not yet put to the policy owners for this last day, soonest first: a
   * reminder's business key names each document and its last day ({@link #reviewKey}), so the
   * daily run asks once per document and date, whichever node runs it.
   */
  public List<Lapsing> notYetReviewed(LocalDate today, HistoryService history) {
    return lapsing(today).stream()
        .filter(l -> history.createHistoricProcessInstanceQuery()
            .processDefinitionKey(RuleSourceReviewProcess.KEY)
            .processInstanceBusinessKeyLike("%" + reviewKey(l) + "%").count() == 0)
        .sorted(Comparator.comparing(Lapsing::lastDay))
        .toList();
  }

  /** The part of a review's business key that names one document and its last day. */
  static String reviewKey(Lapsing lapsing) {
    return lapsing.source().code() + "@" + lapsing.lastDay();
  }

  /** What the policy owners read: each document, when it lapses, the tables that cite it. */
  static String reminder(List<Lapsing> lapsing, LocalDate today) {
    return lapsing.stream().map(l -> {
      var source = l.source();
      var when = l.lastDay().isBefore(today) ? "已于 " + l.lastDay() + " 失效"
          : "有效期至 " + l.lastDay() + "（还有 " + (l.lastDay().toEpochDay() - today.toEpochDay())
              + " 天）";
      return source.code() + "：" + source.title() + "，" + source.issuedOn() + " 印发，" + when
          + "。引用它的规则表：" + String.join("、", l.decisions()) + "。";
    }).collect(Collectors.joining("\n")) + "\n请确认新的办法是否已印发：如已印发，按新办法修改上述规则表并部署新版本"
        + "（Camunda Modeler 或 /tools/ 的规则表上传）；如原办法延期或继续适用，请记录依据。";
  }

  private static String text(DmnModelInstance model) {
    var text = new StringBuilder();
    model.getModelElementsByType(Description.class)
        .forEach(d -> text.append(d.getTextContent()).append('\n'));
    return text.toString();
  }
}

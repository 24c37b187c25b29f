package cn.fundmonitor.reports;

import cn.fundmonitor.organisation.OrganisationService;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.util.List;
import org.springframework.context.ApplicationContext;

/**
 * For the national benchmark (issue 16): one scope's statistics computed in-process as they are
 * now (summed in SQL) and as they were before (every project read into Java, the whole subtree
 * as rows), with the size of the JSON each would answer — the same-run baseline of
 * {@code /api/statistics}.
 */
public final class StatisticsBaseline {

  /** One computation: how long it took, its JSON size and the rows of its region view. */
  public record Answer(long nanos, int bytes, int regionRows) {}

  private StatisticsBaseline() {}

  public static Answer perProject(ApplicationContext app, int year, int quarter, String division) {
    var reference = new PerProjectStatistics(app.getBean(StatisticsRepository.class),
        app.getBean(OrganisationService.class), app.getBean(Clock.class));
    var t = System.nanoTime();
    var s = reference.compute(year, quarter, new Scope(List.of(division)));
    return answer(app, s, System.nanoTime() - t);
  }

  public static Answer summed(ApplicationContext app, int year, int quarter, String division) {
    var t = System.nanoTime();
    var s = app.getBean(StatisticsService.class).compute(year, quarter, new Scope(List.of(division)));
    return answer(app, s, System.nanoTime() - t);
  }

  private static Answer answer(ApplicationContext app, StatisticsService.Statistics s, long nanos) {
    try {
      var json = app.getBean(ObjectMapper.class).writeValueAsBytes(
          new StatisticsApiController.StatisticsView(s.year(), s.quarter(), null, s.period(),
              s.periodLabel(), s.scope(),
              s.views().stream().map(StatisticsApiController.ViewJson::of).toList()));
      return new Answer(nanos, json.length, s.region().rows().size());
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}

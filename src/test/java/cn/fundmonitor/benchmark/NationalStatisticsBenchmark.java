package cn.fundmonitor.benchmark;

import java.nio.file.Files;
import java.nio.file.Path;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Only the statistics part of {@link NationalBenchmark} (issue 16), on a database the national
 * benchmark has loaded already (fm_bench_national): the ministry, a province and a county over
 * HTTP, each beside the per-project computation of before measured in the same run. Run with
 * {@code mvn -o -Pbenchmark verify -Dit.test=NationalStatisticsBenchmark
 * -Dit.db.url=jdbc:postgresql://127.0.0.1:5432/fm_bench_national}; the report goes to
 * target/benchmark/national-statistics.txt. Not a test: it states figures.
 */
class NationalStatisticsBenchmark {

  @Test
  void statistics() throws Exception {
    var bench = new NationalBenchmark();
    try (var app = bench.start(NationalBenchmark.url(), "--fundmonitor.demo.national=true",
        "--fundmonitor.demo.national-projects=" + NationalBenchmark.PROJECTS)) {
      var jdbc = app.getBean(JdbcTemplate.class);
      bench.base = "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port");
      // the county of NationalBenchmark's county user
      var county = jdbc.queryForObject("select p.region_code from fm_project p where p.code like "
          + "'GJ%' order by md5(p.code) limit 1", String.class);
      // as NationalBenchmark does before its measurements: fresh planner statistics
      jdbc.execute("analyze");
      bench.say("load average before: %s", Files.readString(Path.of("/proc/loadavg")).trim());
      bench.statistics(app, jdbc, app.getBean(IdentityService.class), county);
      bench.say("load average after: %s", Files.readString(Path.of("/proc/loadavg")).trim());
    }
    Files.createDirectories(Path.of("target/benchmark"));
    Files.write(Path.of("target/benchmark/national-statistics.txt"), bench.report);
  }
}

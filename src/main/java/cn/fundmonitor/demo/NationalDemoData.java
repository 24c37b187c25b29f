package cn.fundmonitor.demo;

import cn.fundmonitor.allocation.AllocationSeeding;
import cn.fundmonitor.filing.FilingSeeding;
import cn.fundmonitor.organisation.DivisionSeeding;
import cn.fundmonitor.project.ProjectSeeding;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The optional large demo ({@code fundmonitor.demo.national=true}): the national division tree and
 * 30,000 funded projects from {@link NationalDataset}, generated once, before the organisation
 * is synchronised with the engine (that sync runs at order 10), so the groups of every division
 * exist at the first start.
 */
@Component
@ConditionalOnProperty(name = "fundmonitor.demo.national", havingValue = "true")
public class NationalDemoData {

  private static final Logger LOG = LoggerFactory.getLogger(NationalDemoData.class);

  private final NationalDataset dataset;
  private final TransactionTemplate transaction;
  private final int projects;
  private final long seed;
  private volatile NationalDataset.Summary summary;

  NationalDemoData(DivisionSeeding divisions, ProjectSeeding projects, AllocationSeeding allocations,
      FilingSeeding filings, TransactionTemplate transaction,
      @Value("${fundmonitor.demo.national-projects:30000}") int projectCount,
      @Value("${fundmonitor.demo.national-seed:20260401}") long seed) {
    this.dataset = new NationalDataset(divisions, projects, allocations, filings);
    this.transaction = transaction;
    this.projects = projectCount;
    this.seed = seed;
  }

  @EventListener(ApplicationReadyEvent.class)
  @Order(5)
  public void load() {
    if (dataset.present()) {
      return;
    }
    var start = System.nanoTime();
    var written = transaction.execute(s -> dataset.generate(projects, seed));
    // the commit is part of the cost: the audit trail seals each audited row (allocations, their
    // lines, filings, payments, indicators: about 150,000 for 30,000 projects) as it commits
    var seconds = (System.nanoTime() - start) / 1e9;
    summary = new NationalDataset.Summary(written.provinces(), written.cities(), written.counties(),
        written.projects(), written.allocations(), written.filings(), seconds);
    LOG.info("National dataset generated in {} s ({} s of it to commit): {} divisions ({} "
        + "provinces, {} cities, {} counties), {} projects, {} allocations, {} filings",
        String.format("%.1f", seconds), String.format("%.1f", seconds - written.seconds()),
        summary.divisions(), summary.provinces(), summary.cities(), summary.counties(),
        summary.projects(), summary.allocations(), summary.filings());
    commitSeconds = seconds - written.seconds();
  }

  private volatile double commitSeconds;

  /** Of {@link #summary()}'s seconds, those its commit took (the audit trail's sealing). */
  public double commitSeconds() {
    return commitSeconds;
  }

  /** What this start generated (seconds including the commit), or null when it was there already. */
  public NationalDataset.Summary summary() {
    return summary;
  }
}

package cn.fundmonitor.waves;

import cn.fundmonitor.common.NotFoundException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The bookkeeping of a wave (the quarter's filings, the year's self-evaluations). The projects of
 * every batch are fixed when the wave is planned, so money that moves while the wave runs cannot
 * shift a project from one batch into another's already-run page (issue 16: batches that re-read
 * "offset n, fetch 100" over a list that grew lost 50 of 1,000 filings without a trace). Whoever
 * was funded after planning is caught by the reconciliation that ends every wave: it opens what is
 * missing and the counts are kept, with a log line.
 *
 * <p>Which projects belong to a period is the feature's rule; one part of it is shared: a project
 * whose life ended (closed, terminated, cancelled; GX 第二十二条、第二十三条) before the period began
 * is no longer filed or evaluated — see {@link #LIFE_ENDED_BEFORE}.
 */
@Service
@Transactional
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class WavePlans {

  /**
   * SQL condition, formatted with the project-code column for {@code %s}, with one parameter (the
   * period's first instant): the project's life ended before the period began. The statuses are
   * those of {@code LifecycleStatus.ended()}; an ended lifecycle is never updated again, so its
   * {@code updated_at} is when it ended.
   */
  public static final String LIFE_ENDED_BEFORE = "exists (select 1 from fm_project_lifecycle c "
      + "where c.project_code = %s and c.status in ('CLOSED', 'TERMINATED', 'CANCELLED') "
      + "and c.updated_at < ?)";

  private static final Logger LOG = LoggerFactory.getLogger(WavePlans.class);
  private static final int LOGGED_CODES = 20;

  private final WaveRepository repository;
  private final Clock clock;

  /**
   * Fixes the projects, in the order given, into batches of {@code batchSize}: batch 0 holds the
   * first ones. {@code ended} is how many funded projects were left out because their life had
   * ended before the period.
   */
  public Wave plan(String waveId, WaveKind kind, String period, List<String> projects, int ended,
      int batchSize) {
    if (batchSize < 1) {
      throw new IllegalArgumentException("batch size " + batchSize);
    }
    var batches = (projects.size() + batchSize - 1) / batchSize;
    repository.insert(waveId, kind, period, batchSize, batches, projects.size(), ended, now());
    repository.insertProjects(waveId, projects, batchSize);
    LOG.info("Wave {} {} ({}): {} projects fixed into {} batches of {}; {} funded projects left out, "
        + "their life ended before the period", kind, period, waveId, projects.size(), batches,
        batchSize, ended);
    return get(waveId);
  }

  /**
   * The projects whose life ended before the period began ({@link #LIFE_ENDED_BEFORE}), in code
   * order: one query for a whole wave, which the feature takes from its candidates.
   */
  @Transactional(readOnly = true)
  public java.util.SortedSet<String> lifeEndedBefore(OffsetDateTime periodStart) {
    return repository.lifeEndedBefore(periodStart);
  }

  /** The projects fixed into the batch when the wave was planned. */
  @Transactional(readOnly = true)
  public List<String> batch(String waveId, int batchNo) {
    return repository.batch(waveId, batchNo);
  }

  /** What the batch did, recorded in the batch's own transaction. */
  public void batchDone(String waveId, int batchNo, int opened, int alreadyOpen) {
    repository.batchDone(waveId, batchNo, opened, alreadyOpen, now());
  }

  /**
   * The wave is reconciled: every project of the period has its one filing, {@code added} of them
   * opened now. Records the counts planned / opened by the batches / already open / added, and
   * says so in the log (a warning when something had to be added, naming the projects).
   */
  public Wave reconciled(String waveId, List<String> added) {
    repository.insertAdded(waveId, added);
    repository.reconciled(waveId, added.size(), now());
    var w = get(waveId);
    var message = "Wave {} {} ({}) reconciled: {} planned, {} opened by the batches, {} already "
        + "open, {} added by the reconciliation{}";
    Object[] args = {w.kind(), w.period(), w.id(), w.plannedCount(), w.openedCount(),
        w.alreadyOpenCount(), w.addedCount(), added.isEmpty() ? "" : " (funded while the wave "
        + "ran, or left by a cancelled batch): " + String.join(", ", added.subList(0,
        Math.min(LOGGED_CODES, added.size()))) + (added.size() > LOGGED_CODES ? ", …" : "")};
    if (added.isEmpty()) {
      LOG.info(message, args);
    } else {
      LOG.warn(message, args);
    }
    return w;
  }

  @Transactional(readOnly = true)
  public Wave get(String waveId) {
    return repository.find(waveId).orElseThrow(() -> new NotFoundException("波次不存在：" + waveId));
  }

  /** Every run of the kind's wave for the period, oldest first. */
  @Transactional(readOnly = true)
  public List<Wave> ofPeriod(WaveKind kind, String period) {
    return repository.ofPeriod(kind, period);
  }

  private OffsetDateTime now() {
    return OffsetDateTime.now(clock);
  }
}

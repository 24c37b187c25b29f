package cn.fundmonitor.waves;

import java.time.OffsetDateTime;

/**
 * One run of a wave: how many projects were fixed into how many batches, and once reconciled how
 * many filings the batches opened, how many existed already and how many the reconciliation added
 * (projects funded while the wave ran, or left by a batch that was cancelled).
 */
public record Wave(String id, WaveKind kind, String period, int batchSize, int batchCount,
    int plannedCount, int endedCount, OffsetDateTime plannedAt, Integer openedCount,
    Integer alreadyOpenCount, Integer addedCount, OffsetDateTime reconciledAt) {

  public boolean reconciled() {
    return reconciledAt != null;
  }
}

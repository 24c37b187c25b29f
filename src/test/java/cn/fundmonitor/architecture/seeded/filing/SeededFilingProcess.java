package cn.fundmonitor.architecture.seeded.filing;

/**
 * Seeded violation of {@code ModelConventionsTest}'s "each id in its own process": the wave's
 * planning step declared as an id of quarterlyFiling (it is in quarterlyFilingWave).
 */
public final class SeededFilingProcess {

  public static final String KEY = "quarterlyFiling";
  public static final String TASK_FILE = "UserTask_FileQuarter";
  /** Wrong: this id is the wave's, so it belongs under WAVE_ (as WAVE_PLAN). */
  public static final String TASK_PLAN = "ServiceTask_PlanWave";

  public static final String WAVE_KEY = "quarterlyFilingWave";
  public static final String WAVE_PLAN = "ServiceTask_PlanWave";

  private SeededFilingProcess() {}
}

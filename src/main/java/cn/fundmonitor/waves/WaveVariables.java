package cn.fundmonitor.waves;

import cn.fundmonitor.platform.ProcessVariable;

/**
 * The variables both waves (quarterly filing, self-evaluation) carry, declared once: how many they
 * planned, how many the reconciliation added, and a batch's number in its wave's plan.
 */
public final class WaveVariables {

  public static final ProcessVariable<Integer> WAVE_PLANNED = ProcessVariable.of("wavePlanned", Integer.class);
  /** What the reconciliation opened: projects that became due while the wave ran. */
  public static final ProcessVariable<Integer> WAVE_ADDED = ProcessVariable.of("waveAdded", Integer.class);
  /** A batch's number (0, 1, …) in its wave's plan. */
  public static final ProcessVariable<Integer> BATCH_NUMBER = ProcessVariable.of("batchNumber", Integer.class);

  private WaveVariables() {}
}

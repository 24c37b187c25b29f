package cn.fundmonitor.filing;

import java.util.Arrays;
import java.util.Optional;

/**
 * Where paid money came from. MNR 第二条第一项 names four ways money joins a special task:
 * 上级下达 (中央财政直接下达地方财政的资金), 本级筹措 (省、市、县等各级政府筹措的本级财政资金),
 * 责任人出资 (自然资源事务责任人出资) and 社会出资 (吸纳社会组织或市场主体出资); {@link #channel()}
 * says which of the four a source is. The stored codes of the first four sources predate
 * 责任人出资 and are kept as they are, so every filing already stored still reads. CITY comes
 * last for the same reason: the import template's and the export's older columns keep their place.
 */
public enum FundSource {
  CENTRAL("中央财政资金", Channel.SUPERIOR),
  PROVINCIAL("省级财政资金", Channel.SUPERIOR),
  LOCAL("市县财政资金", Channel.OWN),
  RESPONSIBLE("责任人出资", Channel.RESPONSIBLE),
  SOCIAL("社会资金", Channel.SOCIAL),
  /**
   * Money a city issues from its own budget to a county: 本级筹措 for the city, but 上级下达 for the
   * county that spends it (MNR 第二条第一项: 上级下达).
   */
  CITY("市级下达资金", Channel.SUPERIOR);

  /**
   * The source money of a fund class is for the unit that spends it: a city's own money issued to
   * a county came from above (CITY), spent by the city itself it is the city's own (LOCAL); a
   * county's own money is its own; central, provincial and social money are what they are.
   *
   * @param fromAnotherUnit whether the unit that registered the money issued it to another unit
   */
  public static FundSource received(cn.fundmonitor.project.FundClass fundClass,
      boolean fromAnotherUnit) {
    return switch (fundClass) {
      case CENTRAL -> CENTRAL;
      case PROVINCIAL -> PROVINCIAL;
      case CITY -> fromAnotherUnit ? CITY : LOCAL;
      case COUNTY -> LOCAL;
      case SOCIAL -> SOCIAL;
    };
  }

  /** The four ways money joins a special task (MNR 第二条第一项、第二项). */
  public enum Channel {
    SUPERIOR("上级下达"),
    OWN("本级筹措"),
    RESPONSIBLE("责任人出资"),
    SOCIAL("社会出资");

    private final String label;

    Channel(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  private final String label;
  private final Channel channel;

  FundSource(String label, Channel channel) {
    this.label = label;
    this.channel = channel;
  }

  public String label() {
    return label;
  }

  public Channel channel() {
    return channel;
  }

  public static Optional<FundSource> parse(String text) {
    return Arrays.stream(values())
        .filter(s -> s.name().equalsIgnoreCase(text) || s.label.equals(text)).findFirst();
  }
}

package cn.fundmonitor.filing;

/**
 * Levels of the execution warning (DMN {@code executionWarning}), worst last, and their Chinese
 * names: every text a person reads names the level in Chinese (红色预警), never its code.
 */
public enum WarningLevel {
  BLUE("蓝色预警"),
  YELLOW("黄色预警"),
  RED("红色预警");

  private final String text;

  WarningLevel(String text) {
    this.text = text;
  }

  public String text() {
    return text;
  }

  /** "RED" → "红色预警"; null stays null, an unknown code is shown as it is. */
  public static String text(String code) {
    if (code == null) {
      return null;
    }
    for (var l : values()) {
      if (l.name().equals(code)) {
        return l.text;
      }
    }
    return code;
  }
}

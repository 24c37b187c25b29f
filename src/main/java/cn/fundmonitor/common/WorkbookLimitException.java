package cn.fundmonitor.common;

/**
 * An uploaded workbook refused while it was being read, because it crossed one of the reader's
 * limits or is not a plain .xlsx. {@link #tooLarge()} tells a size limit (rows, columns, cell
 * length, expanded size: 413) from a malformed or hostile file (400); both are the client's doing.
 */
public class WorkbookLimitException extends InvalidInputException {

  private final boolean tooLarge;

  WorkbookLimitException(String title, String problem, boolean tooLarge) {
    super(title, problem);
    this.tooLarge = tooLarge;
  }

  static WorkbookLimitException tooLarge(String problem) {
    return new WorkbookLimitException("文件过大", problem, true);
  }

  static WorkbookLimitException refused(String problem) {
    return new WorkbookLimitException("文件有误", problem, false);
  }

  public boolean tooLarge() {
    return tooLarge;
  }
}

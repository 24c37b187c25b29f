package cn.fundmonitor.project;

import cn.fundmonitor.common.InvalidInputException;
import cn.fundmonitor.common.Problems;
import java.util.List;

/**
 * An application that cannot be filed as it is (a missing target, a negative amount, an unknown
 * region, an over-long text ...).
 */
public class InvalidApplicationException extends InvalidInputException {

  public static final String TITLE = "申报信息有误，请修改后重新提交";

  public InvalidApplicationException(List<String> problems) {
    super(TITLE, problems);
  }

  /** The problems with the application form's fields they are about. */
  public InvalidApplicationException(Problems problems) {
    super(TITLE, problems);
  }

  public InvalidApplicationException(String problem) {
    this(List.of(problem));
  }
}

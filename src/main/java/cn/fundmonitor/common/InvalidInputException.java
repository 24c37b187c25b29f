package cn.fundmonitor.common;

import java.util.List;

/**
 * Input the system refuses, with every problem listed in Chinese saying what to fix. Thrown before
 * anything is written, or inside the transaction that is then rolled back: nothing is half-saved.
 */
public class InvalidInputException extends RuntimeException {

  private final String title;
  private final List<String> problems;

  public InvalidInputException(String title, List<String> problems) {
    super(title + "：" + String.join("；", problems));
    this.title = title;
    this.problems = List.copyOf(problems);
  }

  public InvalidInputException(String title, String problem) {
    this(title, List.of(problem));
  }

  public String title() {
    return title;
  }

  public List<String> problems() {
    return problems;
  }
}

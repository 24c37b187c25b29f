package cn.fundmonitor.common;

/** The record does not exist, or the caller may not see it (which is not told apart on purpose). */
public class NotFoundException extends RuntimeException {
  public NotFoundException(String message) {
    super(message);
  }
}

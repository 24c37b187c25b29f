package cn.fundmonitor.common;

/** A change asked against a value that has changed since (an optimistic check failed). */
public class StaleRecordException extends ConflictException {
  public StaleRecordException(String message) {
    super(message);
  }
}

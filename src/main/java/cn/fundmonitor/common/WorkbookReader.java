package cn.fundmonitor.common;

import java.io.InputStream;
import lombok.RequiredArgsConstructor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Opens uploaded workbooks as streams with the configured limits ({@code fundmonitor.uploads.*});
 * every Excel import goes through here.
 */
@Component
@RequiredArgsConstructor
public class WorkbookReader {

  private final StreamingWorkbook.Limits limits;

  @Autowired
  WorkbookReader(
      @Value("${fundmonitor.uploads.max-sheets:50}") int maxSheets,
      @Value("${fundmonitor.uploads.max-rows:200000}") int maxRows,
      @Value("${fundmonitor.uploads.max-columns:256}") int maxColumns,
      @Value("${fundmonitor.uploads.max-cell-chars:32767}") int maxCellChars,
      @Value("${fundmonitor.uploads.max-expanded-megabytes:400}") long maxMegabytes,
      @Value("${fundmonitor.uploads.max-xml-depth:64}") int maxDepth,
      @Value("${fundmonitor.uploads.max-shared-strings:1000000}") int maxSharedStrings,
      @Value("${fundmonitor.uploads.max-shared-chars:16000000}") long maxSharedChars) {
    this(new StreamingWorkbook.Limits(maxSheets, maxRows, maxColumns, maxCellChars,
        maxMegabytes << 20, maxDepth, maxSharedStrings, maxSharedChars));
  }

  /** A reader with the built-in defaults, for code and tests outside Spring. */
  public static WorkbookReader withDefaults() {
    return new WorkbookReader(StreamingWorkbook.Limits.DEFAULTS);
  }

  public StreamingWorkbook open(InputStream upload) {
    return StreamingWorkbook.open(upload, limits);
  }

  public StreamingWorkbook.Limits limits() {
    return limits;
  }
}

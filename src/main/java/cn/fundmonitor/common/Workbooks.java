package cn.fundmonitor.common;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.apache.poi.openxml4j.exceptions.NotOfficeXmlFileException;
import org.apache.poi.openxml4j.exceptions.OLE2NotOfficeXmlFileException;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Reading and writing .xlsx safely. Uploaded workbooks come from anyone with an account, so every
 * read goes through here: a workbook whose parts expand more than a hundredfold or beyond 256 MB
 * (a zip bomb) is refused, as is anything that is not an .xlsx; the error says so in Chinese.
 */
public final class Workbooks {

  public static final String XLSX =
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

  static {
    secure();
  }

  private Workbooks() {}

  /** POI's zip-bomb limits are global; they are set once, here, before any workbook is opened. */
  public static void secure() {
    ZipSecureFile.setMinInflateRatio(0.01);
    ZipSecureFile.setMaxEntrySize(256L * 1024 * 1024);
  }

  /**
   * Opens an upload as a stream with the default limits. Uploads are never loaded whole
   * ({@code new XSSFWorkbook(upload)} holds every cell: a 9 MB file reached 6.75 GB of heap); use
   * {@link WorkbookReader} for the configured limits.
   */
  public static StreamingWorkbook open(InputStream upload) {
    return StreamingWorkbook.open(upload, StreamingWorkbook.Limits.DEFAULTS);
  }

  /** The Chinese error for a workbook POI could not or would not read. */
  public static InvalidInputException refusal(Exception e) {
    if (e instanceof InvalidInputException invalid) {
      return invalid;
    }
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof InvalidInputException invalid) {
        return invalid;
      }
      var message = String.valueOf(t.getMessage());
      if (message.contains("Zip bomb") || message.contains("exceeded the max entry size")
          || message.contains("max file count")) {
        return WorkbookLimitException.refused("文件解压后异常膨胀（疑似压缩炸弹），已拒绝");
      }
      if (t instanceof OLE2NotOfficeXmlFileException) {
        return WorkbookLimitException.refused("上传的是旧版 Excel（.xls）文件，请在 Excel 中另存为 .xlsx 后上传");
      }
      if (t instanceof NotOfficeXmlFileException || t instanceof java.util.zip.ZipException) {
        return WorkbookLimitException.refused("上传的文件不是有效的 Excel 工作簿（.xlsx）");
      }
    }
    // never the class name or the parser's text: they mean nothing to a user and tell an attacker much
    return WorkbookLimitException.refused("无法读取上传的 Excel 文件，请确认文件未损坏且为 .xlsx 格式");
  }

  public static byte[] bytes(Workbook workbook) {
    try (workbook) {
      var out = new ByteArrayOutputStream();
      workbook.write(out);
      if (workbook instanceof SXSSFWorkbook streaming) {
        streaming.dispose();
      }
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

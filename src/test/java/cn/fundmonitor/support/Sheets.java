package cn.fundmonitor.support;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Workbooks for the tests: written from rows of text, read back as rows of text. */
public final class Sheets {

  private Sheets() {}

  public static byte[] xlsx(List<List<String>> rows) {
    try (var wb = new XSSFWorkbook()) {
      var sheet = wb.createSheet("Sheet1");
      for (int r = 0; r < rows.size(); r++) {
        var row = sheet.createRow(r);
        for (int c = 0; c < rows.get(r).size(); c++) {
          if (rows.get(r).get(c) != null) {
            row.createCell(c).setCellValue(rows.get(r).get(c));
          }
        }
      }
      var out = new ByteArrayOutputStream();
      wb.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static List<List<String>> read(byte[] xlsx) {
    return read(xlsx, 0);
  }

  public static List<List<String>> read(byte[] xlsx, int sheetIndex) {
    try (var wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
      var format = new DataFormatter();
      var rows = new ArrayList<List<String>>();
      var sheet = wb.getSheetAt(sheetIndex);
      for (int r = 0; r <= sheet.getLastRowNum(); r++) {
        var cells = new ArrayList<String>();
        var row = sheet.getRow(r);
        if (row != null) {
          for (int c = 0; c < row.getLastCellNum(); c++) {
            cells.add(row.getCell(c) == null ? "" : format.formatCellValue(row.getCell(c)));
          }
        }
        rows.add(cells);
      }
      return rows;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A zip bomb in .xlsx clothing: the first sheet's XML padded with megabytes of spaces, which
   * deflate a thousandfold.
   */
  public static byte[] zipBomb(byte[] xlsx, int megabytes) {
    try (var in = new ZipInputStream(new ByteArrayInputStream(xlsx))) {
      var out = new ByteArrayOutputStream();
      try (var zip = new ZipOutputStream(out)) {
        for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
          var content = in.readAllBytes();
          zip.putNextEntry(new ZipEntry(e.getName()));
          if (e.getName().equals("xl/worksheets/sheet1.xml")) {
            var xml = new String(content, java.nio.charset.StandardCharsets.UTF_8);
            var cut = xml.lastIndexOf("</worksheet>");
            zip.write(xml.substring(0, cut).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            var spaces = new byte[1024 * 1024];
            java.util.Arrays.fill(spaces, (byte) ' ');
            for (int i = 0; i < megabytes; i++) {
              zip.write(spaces);
            }
            zip.write("</worksheet>".getBytes(java.nio.charset.StandardCharsets.UTF_8));
          } else {
            zip.write(content);
          }
          zip.closeEntry();
        }
      }
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

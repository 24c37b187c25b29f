package cn.fundmonitor.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** Text that Excel would take for a formula gets the quote prefix, keeps its value and its style. */
class TextCellsTest {

  @Test
  void formulaLikeTextIsQuotePrefixedAndKeepsItsStyle() throws Exception {
    for (Workbook wb : new Workbook[] {new XSSFWorkbook(), new SXSSFWorkbook(10)}) {
      var bold = wb.createCellStyle();
      var font = wb.createFont();
      font.setBold(true);
      bold.setFont(font);
      var row = wb.createSheet("s").createRow(0);
      var values = new String[] {"=1+1", "+1", "-1", "@A1", "\tx", "\rx", "正常文本", "a=b", "", "<b>"};
      for (int i = 0; i < values.length; i++) {
        var cell = row.createCell(i);
        cell.setCellStyle(bold);
        TextCells.set(cell, values[i]);
      }
      var out = new ByteArrayOutputStream();
      wb.write(out);
      wb.close();
      try (var back = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
        var r = back.getSheetAt(0).getRow(0);
        for (int i = 0; i < values.length; i++) {
          var cell = r.getCell(i);
          assertThat(cell.getStringCellValue()).isEqualTo(values[i]);
          assertThat(cell.getCellStyle().getQuotePrefixed()).as(values[i]).isEqualTo(i < 6);
          assertThat(back.getFontAt(cell.getCellStyle().getFontIndex()).getBold()).isTrue();
        }
        // one quoted style per base style, not one per cell
        assertThat(back.getNumCellStyles()).isLessThanOrEqualTo(3);
      }
    }
  }
}

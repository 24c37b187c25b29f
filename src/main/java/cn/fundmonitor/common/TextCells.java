package cn.fundmonitor.common;

import java.util.HashMap;
import java.util.Map;
import java.util.WeakHashMap;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Workbook;

/**
 * Stored text written into generated workbooks (issue 13, "stored text is output safely"). A string
 * cell is never evaluated by Excel as written, but a text starting with =, +, -, @, a tab or a
 * carriage return becomes a formula (HYPERLINK, DDE) as soon as someone edits the cell or saves the
 * sheet as CSV and opens it again (OWASP "CSV injection"). Such cells get the quote-prefix style
 * (ECMA-376 {@code quotePrefix}, what Excel sets when one types a leading apostrophe): Excel shows
 * the text as it is, keeps it text when edited, and the value itself stays unchanged, so a sheet
 * that comes back as an upload reads the same text.
 */
public final class TextCells {

  private static final Map<Workbook, Map<Short, CellStyle>> QUOTED = new WeakHashMap<>();

  private TextCells() {}

  /** Whether Excel would take this text for the start of a formula. */
  public static boolean risky(String value) {
    if (value == null || value.isEmpty()) {
      return false;
    }
    return switch (value.charAt(0)) {
      case '=', '+', '-', '@', '\t', '\r', '\n' -> true;
      default -> false;
    };
  }

  /** Writes text into the cell, as text only; set the cell's own style before calling this. */
  public static Cell set(Cell cell, String value) {
    cell.setCellValue(value);
    if (risky(value)) {
      quote(cell);
    }
    return cell;
  }

  private static void quote(Cell cell) {
    var base = cell.getCellStyle();
    if (base.getQuotePrefixed()) {
      return;
    }
    var wb = cell.getSheet().getWorkbook();
    CellStyle quoted;
    synchronized (QUOTED) {
      quoted = QUOTED.computeIfAbsent(wb, w -> new HashMap<>()).computeIfAbsent(base.getIndex(), i -> {
        var style = wb.createCellStyle();
        style.cloneStyleFrom(base);
        style.setQuotePrefixed(true);
        return style;
      });
    }
    cell.setCellStyle(quoted);
  }
}

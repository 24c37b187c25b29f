package cn.fundmonitor.common;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Hostile .xlsx files written part by part, as an attacker would, without POI: each sheet's XML is
 * streamed into the zip, so a sheet of millions of cells costs the test no memory. Random digits
 * and letters keep the compression ratio normal, under POI's zip-bomb guard.
 */
final class HostileWorkbooks {

  /** Writes a sheet's XML (or a shared-strings part) into the zip. */
  interface Part {
    void write(Writer out) throws IOException;
  }

  static final class Writer {
    private final OutputStream out;

    Writer(OutputStream out) {
      this.out = out;
    }

    Writer raw(String text) throws IOException {
      out.write(text.getBytes(StandardCharsets.UTF_8));
      return this;
    }
  }

  static final String FILINGS_HEADER = row(1, "业务编号", "项目编码", "项目名称", "到位资金（元）",
      "上季度累计支付（元）", "累计支付金额（元）", "中央财政资金（元）", "省级财政资金（元）", "市县财政资金（元）",
      "责任人出资（元）", "社会资金（元）", "实物工作量完成进度（%）");
  static final String INDICATORS_HEADER = row(1, "业务编号", "序号", "一级指标", "二级指标", "指标名称",
      "目标值", "计量单位", "实际完成值", "未达监控节点（是/否）");

  private final Map<String, Part> sheets = new LinkedHashMap<>();
  private Part sharedStrings;
  private String prolog = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>";

  /** The two sheets of the filing import, both with the template's header and nothing else. */
  static HostileWorkbooks filingImport() {
    return new HostileWorkbooks()
        .sheet("填报", w -> w.raw(FILINGS_HEADER))
        .sheet("指标", w -> w.raw(INDICATORS_HEADER));
  }

  HostileWorkbooks sheet(String name, Part rows) {
    sheets.put(name, rows);
    return this;
  }

  HostileWorkbooks sharedStrings(Part strings) {
    this.sharedStrings = strings;
    return this;
  }

  /** What comes before each part's root element (e.g. a DOCTYPE). */
  HostileWorkbooks prolog(String prolog) {
    this.prolog = prolog;
    return this;
  }

  /** A row of inline strings. */
  static String row(int number, String... cells) {
    var row = new StringBuilder("<row r=\"" + number + "\">");
    for (var cell : cells) {
      row.append("<c t=\"inlineStr\"><is><t>").append(cell).append("</t></is></c>");
    }
    return row.append("</row>").toString();
  }

  /** Random lower-case letters and digits, which deflate only a few times. */
  static String noise(Random random, int length) {
    var text = new char[length];
    for (int i = 0; i < length; i++) {
      int n = random.nextInt(36);
      text[i] = (char) (n < 10 ? '0' + n : 'a' + n - 10);
    }
    return new String(text);
  }

  byte[] build() {
    var bytes = new ByteArrayOutputStream();
    try (var zip = new ZipOutputStream(bytes)) {
      var types = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
          + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
          + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
          + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
          + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>");
      for (int i = 1; i <= sheets.size(); i++) {
        types.append("<Override PartName=\"/xl/worksheets/sheet").append(i).append(
            ".xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>");
      }
      if (sharedStrings != null) {
        types.append("<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/>");
      }
      types.append("</Types>");
      entry(zip, "[Content_Types].xml", types.toString());
      entry(zip, "_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
          + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
          + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/>"
          + "</Relationships>");
      var workbook = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
          + "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
          + "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets>");
      var rels = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
          + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">");
      int i = 1;
      for (var name : sheets.keySet()) {
        workbook.append("<sheet name=\"").append(name).append("\" sheetId=\"").append(i)
            .append("\" r:id=\"rId").append(i).append("\"/>");
        rels.append("<Relationship Id=\"rId").append(i).append("\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet")
            .append(i).append(".xml\"/>");
        i++;
      }
      if (sharedStrings != null) {
        rels.append("<Relationship Id=\"rId").append(i).append("\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings\" Target=\"sharedStrings.xml\"/>");
      }
      entry(zip, "xl/workbook.xml", workbook.append("</sheets></workbook>").toString());
      entry(zip, "xl/_rels/workbook.xml.rels", rels.append("</Relationships>").toString());
      i = 1;
      for (var sheet : sheets.values()) {
        zip.putNextEntry(new ZipEntry("xl/worksheets/sheet" + i++ + ".xml"));
        var w = new Writer(zip);
        w.raw(prolog).raw("<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>");
        sheet.write(w);
        w.raw("</sheetData></worksheet>");
        zip.closeEntry();
      }
      if (sharedStrings != null) {
        zip.putNextEntry(new ZipEntry("xl/sharedStrings.xml"));
        var w = new Writer(zip);
        w.raw(prolog).raw("<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">");
        sharedStrings.write(w);
        w.raw("</sst>");
        zip.closeEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  private static void entry(ZipOutputStream zip, String name, String content) throws IOException {
    zip.putNextEntry(new ZipEntry(name));
    zip.write(content.getBytes(StandardCharsets.UTF_8));
    zip.closeEntry();
  }
}

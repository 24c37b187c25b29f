package cn.fundmonitor.common;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.SAXParserFactory;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.ss.usermodel.BuiltinFormats;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.ss.util.NumberToTextConverter;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.usermodel.XSSFRelation;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * An uploaded .xlsx read as a stream: rows are handed to the caller one at a time while the sheet's
 * XML is parsed, and nothing of the sheet is kept, so memory does not grow with the file. Every
 * limit is checked while reading and stops the read at once: rows per sheet, columns per row,
 * characters per cell, number of sheets, shared strings, XML nesting, and the bytes inflated from
 * all parts together (POI's zip-bomb guard alone does not stop a sheet of many small cells, which
 * compresses normally). DOCTYPE declarations and external entities are refused by the parser.
 *
 * <p>The upload is spooled to a temporary file, so POI reads the zip by random access instead of
 * inflating every part into memory. Close the workbook to delete it.
 */
public final class StreamingWorkbook implements AutoCloseable {

  /** How much an upload may hold; each limit is refused with its own Chinese message. */
  public record Limits(int maxSheets, int maxRows, int maxColumns, int maxCellChars, long maxBytes,
      int maxDepth, int maxSharedStrings, long maxSharedChars) {

    /** Configurable defaults (see {@link WorkbookReader}): generous for real sheets, cheap to hold. */
    public static final Limits DEFAULTS = new Limits(50, 200_000, 256, 32_767, 400L << 20, 64,
        1_000_000, 16_000_000L);

    public Limits withMaxRows(int rows) {
      return new Limits(maxSheets, rows, maxColumns, maxCellChars, maxBytes, maxDepth,
          maxSharedStrings, maxSharedChars);
    }

    public Limits withMaxBytes(long bytes) {
      return new Limits(maxSheets, maxRows, maxColumns, maxCellChars, bytes, maxDepth,
          maxSharedStrings, maxSharedChars);
    }
  }

  /** Receives each row of a sheet; the row object is reused, so copy what you keep. */
  @FunctionalInterface
  public interface RowHandler {
    void row(Row row);
  }

  private static final SAXParserFactory PARSERS = parsers();
  private static final long MAX_WORKBOOK_PART = 4L << 20;

  static {
    Workbooks.secure();
  }

  private final Path file;
  private final OPCPackage pkg;
  private final XSSFReader reader;
  private final Limits limits;
  private final List<String> names;
  /** Not thread-safe, so one per workbook (a workbook is read by one request). */
  private final DataFormatter formatter = new DataFormatter(Locale.CHINA);
  private long bytesRead;
  private SharedStrings strings;
  private Styles styles;

  private StreamingWorkbook(Path file, OPCPackage pkg, Limits limits) throws Exception {
    this.file = file;
    this.pkg = pkg;
    this.limits = limits;
    this.reader = new XSSFReader(pkg);
    // POI parses the workbook part whole to list the sheets: bound it before it does
    try (var workbook = new Counted(reader.getWorkbookData())) {
      var buffer = new byte[8192];
      long size = 0;
      for (int n; (n = workbook.read(buffer)) > 0; ) {
        size += n;
        if (size > MAX_WORKBOOK_PART) {
          throw WorkbookLimitException.tooLarge("工作簿结构部分（workbook.xml）超过 "
              + (MAX_WORKBOOK_PART >> 20) + " MB，Excel 保存的工作簿不会如此，已拒绝");
        }
      }
    }
    var found = new ArrayList<String>();
    var sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
    while (sheets.hasNext()) {
      try (var ignored = sheets.next()) {
        found.add(sheets.getSheetName());
      }
      if (found.size() > limits.maxSheets()) {
        throw WorkbookLimitException.tooLarge("工作簿的工作表超过 " + limits.maxSheets() + " 个的上限");
      }
    }
    this.names = List.copyOf(found);
  }

  /** Opens an upload; refuses at once what is not an .xlsx (an .xls, a non-zip, a broken zip). */
  public static StreamingWorkbook open(InputStream upload, Limits limits) {
    Path file = null;
    OPCPackage pkg = null;
    try {
      file = Files.createTempFile("upload-", ".xlsx");
      Files.copy(upload, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      FileMagic magic;
      try (var in = FileMagic.prepareToCheckMagic(Files.newInputStream(file))) {
        magic = FileMagic.valueOf(in);
      }
      if (magic == FileMagic.OLE2) {
        throw WorkbookLimitException.refused("上传的是旧版 Excel（.xls）文件，请在 Excel 中另存为 .xlsx 后上传");
      }
      if (magic != FileMagic.OOXML) {
        throw WorkbookLimitException.refused("上传的文件不是有效的 Excel 工作簿（.xlsx）");
      }
      pkg = OPCPackage.open(file.toFile(), PackageAccess.READ);
      return new StreamingWorkbook(file, pkg, limits);
    } catch (Exception e) {
      if (pkg != null) {
        pkg.revert();
      }
      delete(file);
      throw Workbooks.refusal(e);
    }
  }

  public List<String> sheetNames() {
    return names;
  }

  public Limits limits() {
    return limits;
  }

  /** Bytes inflated from the workbook's parts so far. */
  public long bytesRead() {
    return bytesRead;
  }

  /** Reads the named sheet row by row; the first row (a header) does not count to the row limit. */
  public void read(String sheetName, RowHandler handler) {
    read(sheetName, limits.maxRows(), handler);
  }

  public void read(String sheetName, int maxRows, RowHandler handler) {
    if (!names.contains(sheetName)) {
      throw new InvalidInputException("表格有误", "工作簿中没有名为“" + sheetName + "”的工作表");
    }
    try {
      var sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
      while (sheets.hasNext()) {
        try (var sheet = sheets.next()) {
          if (sheetName.equals(sheets.getSheetName())) {
            var cells = new SheetHandler(sheetName, Math.min(maxRows, limits.maxRows()), handler);
            parse(sheet, cells);
            return;
          }
        }
      }
    } catch (CallerFailure e) {
      throw e.getCause();
    } catch (Exception e) {
      throw Workbooks.refusal(e);
    }
  }

  /** Reads the first sheet. */
  public void readFirst(RowHandler handler) {
    readFirst(limits.maxRows(), handler);
  }

  public void readFirst(int maxRows, RowHandler handler) {
    if (names.isEmpty()) {
      throw new InvalidInputException("表格有误", "工作簿中没有工作表");
    }
    read(names.get(0), maxRows, handler);
  }

  @Override
  public void close() {
    pkg.revert();
    delete(file);
  }

  private static void delete(Path file) {
    if (file != null) {
      try {
        Files.deleteIfExists(file);
      } catch (IOException e) {
        // a leftover temporary file is harmless
      }
    }
  }

  // --- parsing -----------------------------------------------------------------------------------

  private static SAXParserFactory parsers() {
    var factory = SAXParserFactory.newDefaultInstance();
    factory.setNamespaceAware(true);
    factory.setXIncludeAware(false);
    try {
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
      factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
      factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    } catch (Exception e) {
      throw new IllegalStateException("the XML parser cannot be secured", e);
    }
    return factory;
  }

  private void parse(InputStream part, Limited handler) throws Exception {
    var xml = PARSERS.newSAXParser().getXMLReader();
    try {
      xml.setProperty("http://apache.org/xml/properties/locale", Locale.ROOT);
    } catch (SAXException e) {
      // messages in the default locale then; only used to recognise a DOCTYPE
    }
    xml.setContentHandler(handler);
    xml.setErrorHandler(handler);
    try (var in = new Counted(part)) {
      xml.parse(new InputSource(in));
    } catch (SAXParseException e) {
      if (String.valueOf(e.getMessage()).contains("DOCTYPE")) {
        throw WorkbookLimitException.refused("文件中含有 DOCTYPE 声明（可用于 XML 实体攻击），Excel 保存的工作簿不会有，已拒绝");
      }
      throw WorkbookLimitException.refused("文件中的 XML 内容有误（第 " + e.getLineNumber()
          + " 行），请用 Excel 重新保存为 .xlsx 后上传");
    }
  }

  private InputStream part(XSSFRelation relation) throws Exception {
    var parts = pkg.getPartsByContentType(relation.getContentType());
    if (parts.isEmpty()) {
      return null;
    }
    PackagePart part = parts.get(0);
    return part.getInputStream();
  }

  private SharedStrings strings() throws Exception {
    if (strings == null) {
      var parsed = new SharedStrings();
      try (var in = part(XSSFRelation.SHARED_STRINGS)) {
        if (in != null) {
          parse(in, parsed);
        }
      }
      strings = parsed;
    }
    return strings;
  }

  private Styles styles() throws Exception {
    if (styles == null) {
      var parsed = new Styles();
      try (var in = part(XSSFRelation.STYLES)) {
        if (in != null) {
          parse(in, parsed);
        }
      }
      styles = parsed;
    }
    return styles;
  }

  /** Counts the bytes inflated from every part; the limit is for the whole workbook. */
  private final class Counted extends FilterInputStream {
    Counted(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count(1);
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) {
        count(n);
      }
      return n;
    }

    private void count(int n) {
      bytesRead += n;
      if (bytesRead > limits.maxBytes()) {
        throw WorkbookLimitException.tooLarge("文件解压后超过 " + (limits.maxBytes() >> 20)
            + " MB 的上限（疑似压缩炸弹或数据过多），已停止读取；请拆分后分批上传");
      }
    }
  }

  /** A handler that refuses deep nesting and turns parse errors into exceptions. */
  private abstract class Limited extends DefaultHandler {
    int depth;

    @Override
    public void startElement(String uri, String localName, String qName, Attributes atts) {
      if (++depth > limits.maxDepth()) {
        throw WorkbookLimitException.refused("文件中的 XML 嵌套超过 " + limits.maxDepth()
            + " 层（Excel 保存的工作簿不会如此），已拒绝");
      }
      start(localName, atts);
    }

    @Override
    public void endElement(String uri, String localName, String qName) {
      depth--;
      end(localName);
    }

    abstract void start(String name, Attributes atts);

    abstract void end(String name);

    @Override
    public void fatalError(SAXParseException e) throws SAXException {
      throw e;
    }

    @Override
    public void error(SAXParseException e) throws SAXException {
      throw e;
    }
  }

  private final class SharedStrings extends Limited {
    private final StringBuilder all = new StringBuilder();
    private int[] ends = new int[1024];
    private int count;
    private boolean inText;
    private int phonetic;
    private int start;

    String get(int index) {
      if (index < 0 || index >= count) {
        return null;
      }
      return all.substring(index == 0 ? 0 : ends[index - 1], ends[index]);
    }

    @Override
    void start(String name, Attributes atts) {
      switch (name) {
        case "si" -> start = all.length();
        case "rPh" -> phonetic++;
        case "t" -> inText = phonetic == 0;
        default -> { }
      }
    }

    @Override
    void end(String name) {
      switch (name) {
        case "t" -> inText = false;
        case "rPh" -> phonetic--;
        case "si" -> {
          if (count >= limits.maxSharedStrings()) {
            throw WorkbookLimitException.tooLarge("工作簿的共享字符串超过 " + limits.maxSharedStrings()
                + " 个的上限，已停止读取");
          }
          if (count == ends.length) {
            ends = Arrays.copyOf(ends, count * 2);
          }
          ends[count++] = all.length();
        }
        default -> { }
      }
    }

    @Override
    public void characters(char[] ch, int from, int length) {
      if (!inText) {
        return;
      }
      if (all.length() - start + length > limits.maxCellChars()) {
        throw WorkbookLimitException.tooLarge("第 " + (count + 1) + " 个共享字符串超过 "
            + limits.maxCellChars() + " 个字符的单元格上限");
      }
      if (all.length() + (long) length > limits.maxSharedChars()) {
        throw WorkbookLimitException.tooLarge("工作簿的共享字符串共超过 " + limits.maxSharedChars()
            + " 个字符的上限，已停止读取");
      }
      all.append(ch, from, length);
    }
  }

  /** Only what formats numbers and dates: each cell style's number format. */
  private final class Styles extends Limited {
    private final Map<Integer, String> formats = new HashMap<>();
    private int[] styleFormats = new int[64];
    private int styleCount;
    private boolean inCellXfs;

    @Override
    void start(String name, Attributes atts) {
      switch (name) {
        case "numFmt" -> {
          if (formats.size() >= 10_000) {
            throw WorkbookLimitException.refused("工作簿的数字格式过多，已拒绝");
          }
          var id = atts.getValue("numFmtId");
          var code = atts.getValue("formatCode");
          if (id != null && code != null) {
            formats.put(number(id), code);
          }
        }
        case "cellXfs" -> inCellXfs = true;
        case "xf" -> {
          if (inCellXfs) {
            if (styleCount >= 65_000) {
              throw WorkbookLimitException.refused("工作簿的单元格样式过多，已拒绝");
            }
            if (styleCount == styleFormats.length) {
              styleFormats = Arrays.copyOf(styleFormats, styleCount * 2);
            }
            var id = atts.getValue("numFmtId");
            styleFormats[styleCount++] = id == null ? 0 : number(id);
          }
        }
        default -> { }
      }
    }

    @Override
    void end(String name) {
      if (name.equals("cellXfs")) {
        inCellXfs = false;
      }
    }

    int formatIndex(int style) {
      return style >= 0 && style < styleCount ? styleFormats[style] : 0;
    }

    String formatString(int index) {
      var custom = formats.get(index);
      return custom != null ? custom : BuiltinFormats.getBuiltinFormat(index);
    }

    private static int number(String text) {
      try {
        return Integer.parseInt(text.strip());
      } catch (NumberFormatException e) {
        return 0;
      }
    }
  }

  enum Kind { STRING, NUMBER, BOOLEAN, ERROR }

  /** One row as read: each cell's value as text, its kind, style and whether it is a formula. */
  public final class Row {
    private String sheet;
    private int index;
    private int width;
    private String[] values = new String[16];
    private Kind[] kinds = new Kind[16];
    private int[] styles = new int[16];
    private boolean[] formulas = new boolean[16];

    /** The row's index, 0-based as in POI (Excel's row number minus one). */
    public int index() {
      return index;
    }

    public String sheet() {
      return sheet;
    }

    /** One past the last column holding a cell. */
    public int width() {
      return width;
    }

    public boolean formula(int column) {
      return column < width && formulas[column];
    }

    public boolean present(int column) {
      return column < width && values[column] != null;
    }

    /**
     * The cell as text, stripped: a number as plain decimal text (no grouping, the value Excel
     * stores), a date as the date, a boolean as true/false, an error or a missing cell as "".
     */
    public String text(int column) {
      if (column < 0 || column >= width || values[column] == null) {
        return "";
      }
      var value = values[column];
      return switch (kinds[column]) {
        case STRING -> value.strip();
        case BOOLEAN -> "1".equals(value.strip()) || "true".equalsIgnoreCase(value.strip())
            ? "true" : "false";
        case ERROR -> "";
        case NUMBER -> {
          var number = number(value);
          if (number == null) {
            yield value.strip();
          }
          var format = styles().formatIndex(styles[column]);
          var pattern = styles().formatString(format);
          if (DateUtil.isADateFormat(format, pattern) && DateUtil.isValidExcelDate(number)) {
            yield formatter.formatRawCellContents(number, format, pattern).strip();
          }
          yield NumberToTextConverter.toText(number);
        }
      };
    }

    /** The cell as Excel shows it (its number format applied), stripped. */
    public String formatted(int column) {
      if (column < 0 || column >= width || values[column] == null
          || kinds[column] != Kind.NUMBER) {
        return text(column);
      }
      var number = number(values[column]);
      if (number == null) {
        return values[column].strip();
      }
      var format = styles().formatIndex(styles[column]);
      var pattern = styles().formatString(format);
      return formatter.formatRawCellContents(number, format, pattern == null ? "General" : pattern)
          .strip();
    }

    /** True when no cell has any text. */
    public boolean blank() {
      for (int c = 0; c < width; c++) {
        if (!text(c).isEmpty()) {
          return false;
        }
      }
      return true;
    }

    /** The texts of the first {@code columns} cells, copied (rows are reused while reading). */
    public List<String> texts(int columns) {
      var copy = new ArrayList<String>(columns);
      for (int c = 0; c < columns; c++) {
        copy.add(text(c));
      }
      return copy;
    }

    /** The cell's address as Excel writes it, e.g. F5. */
    public String address(int column) {
      return new CellReference(index, column).formatAsString();
    }

    private Styles styles() {
      try {
        return StreamingWorkbook.this.styles();
      } catch (RuntimeException e) {
        throw e;
      } catch (Exception e) {
        throw Workbooks.refusal(e);
      }
    }

    private static Double number(String value) {
      try {
        return Double.valueOf(value.strip());
      } catch (NumberFormatException e) {
        return null;
      }
    }

    void reset(String sheet, int index) {
      this.sheet = sheet;
      this.index = index;
      Arrays.fill(values, 0, width, null);
      Arrays.fill(formulas, 0, width, false);
      width = 0;
    }

    void put(int column, String value, Kind kind, int style, boolean formula) {
      if (column >= values.length) {
        int size = Math.max(column + 1, values.length * 2);
        values = Arrays.copyOf(values, size);
        kinds = Arrays.copyOf(kinds, size);
        styles = Arrays.copyOf(styles, size);
        formulas = Arrays.copyOf(formulas, size);
      }
      values[column] = value;
      kinds[column] = kind;
      styles[column] = style;
      formulas[column] = formula;
      width = Math.max(width, column + 1);
    }
  }

  /** What the caller's row handler threw: passed through as it is, not taken for a bad file. */
  private static final class CallerFailure extends RuntimeException {
    CallerFailure(RuntimeException cause) {
      super(cause);
    }

    @Override
    public synchronized RuntimeException getCause() {
      return (RuntimeException) super.getCause();
    }
  }

  private final class SheetHandler extends Limited {
    private final String sheet;
    private final int maxRows;
    private final RowHandler handler;
    private final Row row = new Row();
    private final SharedStrings shared;
    private final StringBuilder text = new StringBuilder();
    private int rows;
    private int rowIndex = -1;
    private int cellsInRow;
    private int column;
    private String type;
    private int style;
    private boolean formula;
    private boolean capture;
    private boolean inInline;
    private int phonetic;
    private boolean inRow;

    SheetHandler(String sheet, int maxRows, RowHandler handler) throws Exception {
      this.sheet = sheet;
      this.maxRows = maxRows;
      this.handler = handler;
      this.shared = strings();
      styles();
    }

    @Override
    void start(String name, Attributes atts) {
      switch (name) {
        case "row" -> {
          if (++rows > maxRows + 1) {
            throw WorkbookLimitException.tooLarge("“" + sheet + "”表超过 " + maxRows
                + " 行数据的上限（表头不计），已停止读取；请拆分后分批上传");
          }
          var r = atts.getValue("r");
          rowIndex = r == null ? rowIndex + 1 : rowNumber(r) - 1;
          row.reset(sheet, rowIndex);
          cellsInRow = 0;
          column = -1;
          inRow = true;
        }
        case "c" -> {
          if (!inRow) {
            return;
          }
          var ref = atts.getValue("r");
          column = ref == null ? column + 1 : columnOf(ref);
          if (++cellsInRow > limits.maxColumns() || column >= limits.maxColumns()) {
            throw WorkbookLimitException.tooLarge("“" + sheet + "”表第 " + (rowIndex + 1)
                + " 行超过 " + limits.maxColumns() + " 列的上限，已停止读取");
          }
          type = atts.getValue("t");
          var s = atts.getValue("s");
          style = s == null ? 0 : Styles.number(s);
          formula = false;
          text.setLength(0);
          capture = false;
          inInline = false;
          phonetic = 0;
        }
        case "v" -> capture = true;
        case "f" -> formula = true;
        case "is" -> inInline = true;
        case "rPh" -> phonetic++;
        case "t" -> capture = inInline && phonetic == 0;
        default -> { }
      }
    }

    @Override
    void end(String name) {
      switch (name) {
        case "v", "t" -> capture = false;
        case "rPh" -> phonetic--;
        case "is" -> inInline = false;
        case "c" -> {
          if (inRow && column >= 0) {
            cell();
          }
        }
        case "row" -> {
          inRow = false;
          try {
            handler.row(row);
          } catch (RuntimeException e) {
            throw new CallerFailure(e);
          }
        }
        default -> { }
      }
    }

    private void cell() {
      String value = text.toString();
      Kind kind;
      if (type == null || type.equals("n")) {
        kind = Kind.NUMBER;
      } else {
        switch (type) {
          case "s" -> {
            kind = Kind.STRING;
            if (value.isBlank()) {
              value = "";
            } else {
              String found;
              try {
                found = shared.get(Integer.parseInt(value.strip()));
              } catch (NumberFormatException e) {
                found = null;
              }
              if (found == null) {
                throw WorkbookLimitException.refused("“" + sheet + "”表单元格 "
                    + new CellReference(rowIndex, column).formatAsString() + " 引用了不存在的共享字符串，文件可能已损坏");
              }
              value = found;
            }
          }
          case "b" -> kind = Kind.BOOLEAN;
          case "e" -> kind = Kind.ERROR;
          default -> kind = Kind.STRING;
        }
      }
      if (value.isEmpty() && !formula && kind == Kind.NUMBER) {
        return;
      }
      row.put(column, value, kind, style, formula);
    }

    @Override
    public void characters(char[] ch, int from, int length) {
      if (!capture) {
        return;
      }
      if (text.length() + length > limits.maxCellChars()) {
        throw WorkbookLimitException.tooLarge("“" + sheet + "”表单元格 "
            + new CellReference(rowIndex, Math.max(column, 0)).formatAsString() + " 超过 "
            + limits.maxCellChars() + " 个字符的上限，已停止读取");
      }
      text.append(ch, from, length);
    }

    private int rowNumber(String r) {
      try {
        return Integer.parseInt(r.strip());
      } catch (NumberFormatException e) {
        return rowIndex + 2;
      }
    }

    private static int columnOf(String ref) {
      int col = 0;
      for (int i = 0; i < ref.length() && i < 4; i++) {
        char ch = ref.charAt(i);
        if (ch >= 'A' && ch <= 'Z') {
          col = col * 26 + (ch - 'A' + 1);
        } else if (ch >= 'a' && ch <= 'z') {
          col = col * 26 + (ch - 'a' + 1);
        } else {
          break;
        }
      }
      return col - 1;
    }
  }
}

package org.hotline.ticketing.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Writes a {@link ReportTable} as CSV (commons-csv) or XLSX (POI). Blocking: call it on a worker
 * thread. Text that a spreadsheet would take for a formula (= + - @) is written with a leading
 * apostrophe, since descriptions come from citizens.
 */
public final class TableExport {

  private TableExport() {}

  /** UTF-8 with a byte-order mark, so that Excel opens the Chinese headers correctly. */
  public static byte[] csv(ReportTable table) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (Writer w = new OutputStreamWriter(bytes, StandardCharsets.UTF_8)) {
      w.write('\uFEFF'); // before the header, which the printer writes when it is created
      CSVPrinter p =
          new CSVPrinter(
              w,
              CSVFormat.DEFAULT
                  .builder()
                  .setHeader(
                      table.columns().stream()
                          .map(ReportTable.Column::header)
                          .toArray(String[]::new))
                  .get());
      for (Map<String, Object> row : table.rows()) {
        p.printRecord(table.values(row).stream().map(TableExport::safeText).toList());
      }
      p.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /** One sheet named after the table: a bold header row, numbers as numeric cells. */
  public static byte[] xlsx(ReportTable table) {
    // SXSSF keeps only a window of rows in memory, so a year of daily rows stays small.
    try (SXSSFWorkbook book = new SXSSFWorkbook(200)) { // close() removes its temporary files
      Sheet sheet = book.createSheet(sheetName(table.title()));
      CellStyle bold = book.createCellStyle();
      Font font = book.createFont();
      font.setBold(true);
      bold.setFont(font);
      Row header = sheet.createRow(0);
      for (int c = 0; c < table.columns().size(); c++) {
        Cell cell = header.createCell(c);
        cell.setCellValue(table.columns().get(c).header());
        cell.setCellStyle(bold);
      }
      int r = 1;
      for (Map<String, Object> row : table.rows()) {
        Row out = sheet.createRow(r++);
        List<Object> values = table.values(row);
        for (int c = 0; c < values.size(); c++) {
          Object v = values.get(c);
          if (v == null) {
            continue;
          }
          Cell cell = out.createCell(c);
          if (v instanceof Number n) {
            cell.setCellValue(n.doubleValue());
          } else if (v instanceof Boolean b) {
            cell.setCellValue(b);
          } else {
            cell.setCellValue(String.valueOf(safeText(v)));
          }
        }
      }
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      book.write(bytes);
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Object safeText(Object v) {
    if (v instanceof String s && !s.isEmpty() && "=+-@".indexOf(s.charAt(0)) >= 0) {
      return "'" + s;
    }
    return v;
  }

  /** Excel refuses sheet names over 31 characters or with []:*?/\. */
  private static String sheetName(String title) {
    String s = title.replaceAll("[\\[\\]:*?/\\\\]", " ").trim();
    return s.isEmpty() ? "report" : s.length() > 31 ? s.substring(0, 31) : s;
  }
}

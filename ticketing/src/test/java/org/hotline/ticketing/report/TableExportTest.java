package org.hotline.ticketing.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

class TableExportTest {

  static ReportTable table() {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("name", "=HYPERLINK(\"http://x\")");
    row.put("count", 3L);
    row.put("pct", 66.7);
    row.put("note", "含,逗号与\"引号\"\n换行");
    Map<String, Object> empty = new LinkedHashMap<>();
    empty.put("name", "乙");
    return ReportTable.builder("t", "表/Table:[1]")
        .col("name", "名称 Name")
        .col("count", "数量 Count")
        .col("pct", "比例% Pct")
        .col("note", "备注 Note")
        .row(row)
        .row(empty)
        .build();
  }

  @Test
  void csvQuotesWhatNeedsQuotingAndDefusesFormulas() throws Exception {
    String text = new String(TableExport.csv(table()), StandardCharsets.UTF_8);
    assertThat(text).startsWith("\uFEFF名称 Name,");
    List<CSVRecord> rows =
        CSVFormat.DEFAULT
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .get()
            .parse(new java.io.StringReader(text.substring(1)))
            .getRecords();
    assertThat(rows).hasSize(2);
    assertThat(rows.get(0).get("名称 Name")).isEqualTo("'=HYPERLINK(\"http://x\")");
    assertThat(rows.get(0).get("数量 Count")).isEqualTo("3");
    assertThat(rows.get(0).get("比例% Pct")).isEqualTo("66.7");
    assertThat(rows.get(0).get("备注 Note")).isEqualTo("含,逗号与\"引号\"\n换行");
    assertThat(rows.get(1).get("数量 Count")).isEmpty();
  }

  @Test
  void xlsxHasNumericCellsAndAValidSheetName() throws Exception {
    try (XSSFWorkbook book =
        new XSSFWorkbook(new ByteArrayInputStream(TableExport.xlsx(table())))) {
      Sheet sheet = book.getSheetAt(0);
      assertThat(book.getSheetName(0)).isEqualTo("表 Table  1");
      assertThat(sheet.getRow(0).getCell(1).getStringCellValue()).isEqualTo("数量 Count");
      assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).startsWith("'=");
      assertThat(sheet.getRow(1).getCell(1).getCellType()).isEqualTo(CellType.NUMERIC);
      assertThat(sheet.getRow(1).getCell(2).getNumericCellValue()).isEqualTo(66.7);
      assertThat(sheet.getRow(2).getCell(1)).isNull();
    }
  }

  @Test
  void svgLabelsAreEscaped() {
    String svg =
        SvgCharts.bars(
            "标题<b>", List.of(new SvgCharts.Bar("<script>&", 2), new SvgCharts.Bar("b", 1)));
    assertThat(svg).startsWith("<svg").endsWith("</svg>").doesNotContain("<script>", "<b>");
    assertThat(svg).contains("&lt;script&gt;&amp;", "标题&lt;b&gt;");
  }
}

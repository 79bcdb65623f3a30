package org.hotline.ticketing.report;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One table of a report: named columns (JSON key and a zh-CN / English header) and rows keyed by
 * column. The same table is served as JSON items, CSV and XLSX, so every export has the figures the
 * screen has.
 */
public record ReportTable(
    String name, String title, List<Column> columns, List<Map<String, Object>> rows) {

  /** A column: the JSON key and the header shown in exports. */
  public record Column(String key, String header) {}

  public ReportTable {
    columns = List.copyOf(columns);
    rows = List.copyOf(rows);
  }

  /** Builds a table column by column: {@code .col("unit", "单位 Unit")}. */
  public static Builder builder(String name, String title) {
    return new Builder(name, title);
  }

  public JsonArray items() {
    JsonArray out = new JsonArray();
    for (Map<String, Object> row : rows) {
      JsonObject o = new JsonObject();
      for (Column c : columns) {
        o.put(c.key(), row.get(c.key()));
      }
      out.add(o);
    }
    return out;
  }

  /** The values of one row in column order. */
  public List<Object> values(Map<String, Object> row) {
    List<Object> out = new ArrayList<>(columns.size());
    for (Column c : columns) {
      out.add(row.get(c.key()));
    }
    return out;
  }

  /** Collects columns and rows. */
  public static final class Builder {
    private final String name;
    private final String title;
    private final List<Column> columns = new ArrayList<>();
    private final List<Map<String, Object>> rows = new ArrayList<>();

    private Builder(String name, String title) {
      this.name = name;
      this.title = title;
    }

    public Builder col(String key, String header) {
      columns.add(new Column(key, header));
      return this;
    }

    /** Adds a row; keys not among the columns are ignored in exports. */
    public Builder row(Map<String, Object> row) {
      rows.add(new LinkedHashMap<>(row));
      return this;
    }

    public ReportTable build() {
      return new ReportTable(name, title, columns, rows);
    }
  }
}

package org.hotline.ticketing.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The platform's settings. Each key has an environment variable and a default; a properties file
 * (HOTLINE_CONFIG, default ./hotline.properties when present) may set keys too, and the environment
 * wins over the file. Checked once at start: a bad value stops the platform with a message naming
 * the variable.
 */
public record HotlineConfig(
    String httpHost,
    int httpPort,
    Path dataDir,
    boolean demo,
    String adminPassword,
    DbMode dbMode,
    String pgHost,
    int pgPort,
    String pgUser,
    String pgPassword,
    String pgDatabase,
    int pgPoolSize,
    String tlsCertPath,
    String tlsKeyPath,
    Map<String, String> env) {

  /** How to find PostgreSQL: try the configured server then embedded, or only one of them. */
  public enum DbMode {
    AUTO,
    EXTERNAL,
    EMBEDDED
  }

  /** One documented setting; the README's configuration table lists exactly these. */
  public record Key(String property, String env, String defaultValue, String meaning) {}

  public static final List<Key> KEYS =
      List.of(
          new Key("http.host", "HOTLINE_HTTP_HOST", "0.0.0.0", "address the web server listens on"),
          new Key("http.port", "HOTLINE_HTTP_PORT", "8080", "port of the web portals and the API"),
          new Key(
              "data.dir",
              "HOTLINE_DATA_DIR",
              "./data",
              "embedded database, indexes, uploads, recordings"),
          new Key(
              "demo", "HOTLINE_DEMO", "true", "load demo units, users and orders on first start"),
          new Key(
              "admin.password",
              "HOTLINE_ADMIN_PASSWORD",
              "",
              "password of `admin` (demo: demo12345; else generated and printed once)"),
          new Key(
              "db",
              "HOTLINE_DB",
              "auto",
              "auto: configured PostgreSQL, else embedded; external; embedded"),
          new Key("pg.host", "PGHOST", "127.0.0.1", "PostgreSQL host"),
          new Key("pg.port", "PGPORT", "5432", "PostgreSQL port"),
          new Key("pg.user", "PGUSER", "postgres", "PostgreSQL user"),
          new Key("pg.password", "PGPASSWORD", "", "PostgreSQL password"),
          new Key("pg.database", "PGDATABASE", "hotline", "database name (created when missing)"),
          new Key("pg.pool", "HOTLINE_PG_POOL", "16", "connections in the pool"),
          new Key(
              "tls.cert",
              "HOTLINE_TLS_CERT",
              "",
              "PEM certificate: serve HTTPS (cookies become Secure)"),
          new Key("tls.key", "HOTLINE_TLS_KEY", "", "PEM private key for HOTLINE_TLS_CERT"));

  public static HotlineConfig load(Map<String, String> env) {
    Properties file = new Properties();
    Path path = Path.of(env.getOrDefault("HOTLINE_CONFIG", "hotline.properties"));
    if (Files.isRegularFile(path)) {
      try (Reader r = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
        file.load(r);
      } catch (IOException e) {
        throw new IllegalArgumentException(
            "cannot read config file " + path + ": " + e.getMessage());
      }
    }
    Lookup v = new Lookup(env, file);
    List<String> errors = new ArrayList<>();
    HotlineConfig c =
        new HotlineConfig(
            v.get("http.host"),
            v.port("http.port", errors),
            Path.of(v.get("data.dir")).toAbsolutePath().normalize(),
            v.bool("demo", errors),
            v.get("admin.password"),
            v.dbMode(errors),
            v.get("pg.host"),
            v.port("pg.port", errors),
            v.get("pg.user"),
            v.get("pg.password"),
            v.get("pg.database"),
            v.positive("pg.pool", errors),
            emptyToNull(v.get("tls.cert")),
            emptyToNull(v.get("tls.key")),
            Map.copyOf(env));
    if ((c.tlsCertPath == null) != (c.tlsKeyPath == null)) {
      errors.add("HOTLINE_TLS_CERT and HOTLINE_TLS_KEY must be set together");
    }
    if (!errors.isEmpty()) {
      throw new IllegalArgumentException("bad configuration: " + String.join("; ", errors));
    }
    return c;
  }

  public boolean https() {
    return tlsCertPath != null;
  }

  public HotlineConfig withDatabase(String host, int port, String user, String password) {
    return new HotlineConfig(
        httpHost,
        httpPort,
        dataDir,
        demo,
        adminPassword,
        dbMode,
        host,
        port,
        user,
        password,
        pgDatabase,
        pgPoolSize,
        tlsCertPath,
        tlsKeyPath,
        env);
  }

  public HotlineConfig withHttpPort(int port) {
    return new HotlineConfig(
        httpHost,
        port,
        dataDir,
        demo,
        adminPassword,
        dbMode,
        pgHost,
        pgPort,
        pgUser,
        pgPassword,
        pgDatabase,
        pgPoolSize,
        tlsCertPath,
        tlsKeyPath,
        env);
  }

  public String jdbcUrl(String database) {
    return "jdbc:postgresql://" + pgHost + ":" + pgPort + "/" + database;
  }

  private static String emptyToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }

  private record Lookup(Map<String, String> env, Properties file) {
    String get(String property) {
      Key key = KEYS.stream().filter(k -> k.property().equals(property)).findFirst().orElseThrow();
      String value = env.get(key.env());
      if (value == null) {
        value = file.getProperty(property);
      }
      return value == null ? key.defaultValue() : value.trim();
    }

    String envName(String property) {
      return KEYS.stream()
          .filter(k -> k.property().equals(property))
          .findFirst()
          .orElseThrow()
          .env();
    }

    int port(String property, List<String> errors) {
      int p = integer(property, errors);
      if (p < 0 || p > 65535) {
        errors.add(envName(property) + " must be a port number 0-65535, not " + p);
      }
      return p;
    }

    int positive(String property, List<String> errors) {
      int p = integer(property, errors);
      if (p <= 0) {
        errors.add(envName(property) + " must be positive");
      }
      return p;
    }

    int integer(String property, List<String> errors) {
      String raw = get(property);
      try {
        return Integer.parseInt(raw);
      } catch (NumberFormatException e) {
        errors.add(envName(property) + " must be a number, not '" + raw + "'");
        return 0;
      }
    }

    boolean bool(String property, List<String> errors) {
      String raw = get(property).toLowerCase(java.util.Locale.ROOT);
      if (!raw.equals("true") && !raw.equals("false")) {
        errors.add(envName(property) + " must be true or false, not '" + raw + "'");
      }
      return raw.equals("true");
    }

    DbMode dbMode(List<String> errors) {
      String raw = get("db");
      try {
        return DbMode.valueOf(raw.toUpperCase(java.util.Locale.ROOT));
      } catch (IllegalArgumentException e) {
        errors.add("HOTLINE_DB must be auto, external or embedded, not '" + raw + "'");
        return DbMode.AUTO;
      }
    }
  }
}

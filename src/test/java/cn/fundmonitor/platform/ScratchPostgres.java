package cn.fundmonitor.platform;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A PostgreSQL server of the fault tests' own, which they may stop and start (never the shared
 * one): initdb into a scratch directory on its own port, from the binaries in
 * {@code -Dfault.pg.bin} (default: the newest {@code /usr/lib/postgresql/<n>/bin}). initdb refuses
 * to run as root, so as root every command runs as the {@code postgres} user ({@code runuser}).
 * Settings: {@code -Dfault.pg.port} (55433), {@code -Dfault.pg.data} (/tmp/fm-fault-pg).
 */
final class ScratchPostgres {

  final Path bin;
  final Path data;
  final int port;
  final boolean root = "root".equals(System.getProperty("user.name"));

  ScratchPostgres() {
    this.bin = Path.of(System.getProperty("fault.pg.bin", newestBin()));
    this.data = Path.of(System.getProperty("fault.pg.data", "/tmp/fm-fault-pg"));
    this.port = Integer.getInteger("fault.pg.port", 55433);
  }

  static String newestBin() {
    var versions = new File("/usr/lib/postgresql").listFiles(f -> new File(f, "bin/pg_ctl").canExecute());
    if (versions == null || versions.length == 0) {
      throw new IllegalStateException("no /usr/lib/postgresql/<n>/bin/pg_ctl: install postgresql "
          + "or pass -Dfault.pg.bin");
    }
    return Arrays.stream(versions).max(Comparator.comparingInt(f -> Integer.parseInt(f.getName())))
        .orElseThrow().toPath().resolve("bin").toString();
  }

  String url(String database) {
    return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
  }

  Path log() {
    return Path.of(data + ".log");
  }

  /** Creates the cluster if it does not exist, and starts it unless it runs. */
  void start() throws Exception {
    if (!Files.exists(data.resolve("PG_VERSION"))) {
      run(60, bin.resolve("initdb").toString(), "-D", data.toString(), "-U", "postgres",
          "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8");
    }
    if (!running()) {
      run(90, bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-l", log().toString(),
          "-o", "-p " + port + " -c listen_addresses=127.0.0.1 -k /tmp -c max_connections=200",
          "-w", "-t", "60", "start");
    }
  }

  /** A fast shutdown: sessions are ended (SQL state 57P01), new connections refused. */
  void stop() throws Exception {
    run(90, bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "fast", "-w", "-t",
        "60", "stop");
  }

  boolean running() throws Exception {
    var p = command(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "status")
        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    if (!p.waitFor(30, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IllegalStateException("pg_ctl status did not answer within 30 s");
    }
    return p.exitValue() == 0;
  }

  void recreate(String database) throws Exception {
    try (var c = DriverManager.getConnection(url("postgres"), "postgres", "");
        var st = c.createStatement()) {
      st.execute("drop database if exists " + database + " with (force)");
      st.execute("create database " + database);
    }
  }

  void drop(String database) throws Exception {
    try (var c = DriverManager.getConnection(url("postgres"), "postgres", "");
        var st = c.createStatement()) {
      st.execute("drop database if exists " + database + " with (force)");
    }
  }

  private ProcessBuilder command(String... args) {
    var command = new ArrayList<String>();
    if (root) {
      command.addAll(List.of("runuser", "-u", "postgres", "--"));
    }
    command.addAll(List.of(args));
    return new ProcessBuilder(command);
  }

  private void run(int seconds, String... args) throws Exception {
    var out = Files.createTempFile("fm-fault-pg", ".out");
    try {
      var p = command(args).redirectErrorStream(true).redirectOutput(out.toFile()).start();
      if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IllegalStateException(String.join(" ", args) + " did not end within " + seconds
            + " s:\n" + Files.readString(out));
      }
      if (p.exitValue() != 0) {
        throw new IllegalStateException(String.join(" ", args) + " failed (" + p.exitValue()
            + "):\n" + Files.readString(out) + tail());
      }
    } finally {
      Files.deleteIfExists(out);
    }
  }

  private String tail() {
    try {
      var lines = Files.readAllLines(log());
      return "\n" + String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
    } catch (IOException none) {
      return "";
    }
  }
}

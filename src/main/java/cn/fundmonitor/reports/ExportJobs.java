package cn.fundmonitor.reports;

import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Long exports run in the background, two at a time on the node that was asked; the caller polls
 * the progress (rows written of rows to write) and downloads the file when it is done — through
 * any node: the job's state and the file (in chunks of {@link #CHUNK} bytes) are in the database
 * ({@code fm_export_job}, {@code fm_export_chunk}). A job is its owner's only and is deleted
 * {@code fundmonitor.exports.keep} (a day by default) after it ended. A job whose node died reports
 * no progress for {@link #STALLED} and is then reported failed, so nobody waits for ever.
 */
@Component
public class ExportJobs {

  static final int CHUNK = 1024 * 1024;
  static final Duration STALLED = Duration.ofMinutes(2);
  /** Progress reaches the database at most this often (and at the first report). */
  static final Duration PROGRESS_EVERY = Duration.ofMillis(200);
  private static final Logger LOG = LoggerFactory.getLogger(ExportJobs.class);
  private static final String FAILED_TEXT = "导出失败，请稍后重试";
  private static final String STALLED_TEXT = "导出中断（执行导出的服务节点已停止），请重新导出";

  public enum State { RUNNING, DONE, FAILED }

  /** Writes the export to the stream, reporting rows written; returns the rows written. */
  @FunctionalInterface
  public interface Writer {
    long write(OutputStream out, LongConsumer progress) throws IOException;
  }

  /** A job as last seen: the live one on its own node, or as the database holds it. */
  public static final class Job {
    private final String id;
    private final String fileName;
    private final long total;
    private volatile long written;
    private volatile State state;
    private volatile String error;
    private final Long size;

    Job(String id, String fileName, long total, long written, State state, String error, Long size) {
      this.id = id;
      this.fileName = fileName;
      this.total = total;
      this.written = written;
      this.state = state;
      this.error = error;
      this.size = size;
    }

    public String id() {
      return id;
    }

    public String fileName() {
      return fileName;
    }

    public long total() {
      return total;
    }

    public long written() {
      return written;
    }

    public State state() {
      return state;
    }

    public String error() {
      return error;
    }

    /** Bytes of the finished file. */
    public long size() {
      return size == null ? 0 : size;
    }

    /** Whole percent of rows written; 100 once done. */
    public int percent() {
      if (state == State.DONE) {
        return 100;
      }
      return total == 0 ? 0 : (int) Math.min(99, written * 100 / total);
    }
  }

  private final JdbcTemplate jdbc;
  private final Clock clock;
  private final Duration keep;
  private final String node;
  private final AtomicInteger threads = new AtomicInteger();
  private final ExecutorService executor = Executors.newFixedThreadPool(2, r -> {
    var t = new Thread(r, "fm-export-" + threads.incrementAndGet());
    t.setDaemon(true);
    return t;
  });

  ExportJobs(JdbcTemplate jdbc, Clock clock,
      @Value("${fundmonitor.exports.keep:P1D}") Duration keep) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.keep = keep;
    this.node = nodeName();
  }

  public Job start(String owner, String fileName, long total, Writer writer) {
    forgetOld();
    var now = now();
    var job = new Job(UUID.randomUUID().toString(), fileName, total, 0, State.RUNNING, null, null);
    jdbc.update("insert into fm_export_job (id, owner_id, file_name, total_rows, written, state, "
        + "node, started_at, alive_at) values (?, ?, ?, ?, 0, 'RUNNING', ?, ?, ?)",
        job.id, owner, fileName, total, node, now, now);
    executor.submit(() -> run(job, writer));
    return job;
  }

  private void run(Job job, Writer writer) {
    var lastReport = new Instant[] {null};
    try (var out = new ChunkStream(job.id)) {
      long written = writer.write(out, n -> {
        var at = clock.instant();
        if (lastReport[0] == null || Duration.between(lastReport[0], at).compareTo(PROGRESS_EVERY) >= 0) {
          jdbc.update("update fm_export_job set written = ?, alive_at = ? where id = ?", n,
              OffsetDateTime.ofInstant(at, ZoneOffset.UTC), job.id);
          lastReport[0] = at;
        }
        job.written = n;
      });
      out.close();
      jdbc.update("update fm_export_job set written = ?, state = 'DONE', size_bytes = ?, alive_at = ?, "
          + "ended_at = ? where id = ?", written, out.size, now(), now(), job.id);
      job.written = written;
      job.state = State.DONE;
    } catch (Exception e) {
      LOG.warn("Export {} failed", job.id, e);
      try {
        jdbc.update("delete from fm_export_chunk where job_id = ?", job.id);
        jdbc.update("update fm_export_job set state = 'FAILED', error = ?, ended_at = ? where id = ?",
            FAILED_TEXT, now(), job.id);
      } catch (RuntimeException again) {
        LOG.warn("Export {}: cannot record the failure", job.id, again);
      }
      job.error = FAILED_TEXT;
      job.state = State.FAILED;
    }
  }

  /** The owner's job, as the database holds it (whichever node runs it). */
  public Optional<Job> find(String id, String owner) {
    forgetOld();
    var found = jdbc.query("select file_name, total_rows, written, state, error, size_bytes, alive_at "
        + "from fm_export_job where id = ? and owner_id = ?", (rs, i) -> {
          var state = State.valueOf(rs.getString("state"));
          var error = rs.getString("error");
          var aliveAt = rs.getObject("alive_at", OffsetDateTime.class).toInstant();
          if (state == State.RUNNING && aliveAt.plus(STALLED).isBefore(clock.instant())) {
            state = State.FAILED;
            error = STALLED_TEXT;
          }
          var size = rs.getLong("size_bytes");
          return new Job(id, rs.getString("file_name"), rs.getLong("total_rows"),
              rs.getLong("written"), state, error, rs.wasNull() ? null : size);
        }, id, owner).stream().findFirst();
    found.filter(j -> STALLED_TEXT.equals(j.error())).ifPresent(j -> jdbc.update(
        "update fm_export_job set state = 'FAILED', error = ?, ended_at = ? where id = ? and state = 'RUNNING'",
        STALLED_TEXT, now(), id));
    return found;
  }

  /** Copies a finished job's file to the stream, a chunk at a time. */
  public void copy(String id, OutputStream out) throws IOException {
    var chunks = jdbc.queryForObject("select count(*) from fm_export_chunk where job_id = ?",
        Integer.class, id);
    for (int seq = 0; seq < chunks; seq++) {
      var bytes = jdbc.queryForObject("select bytes from fm_export_chunk where job_id = ? and seq = ?",
          byte[].class, id, seq);
      out.write(bytes);
    }
  }

  /** Deletes jobs (and their files) ended longer ago than the configured keep. */
  int forgetOld() {
    var cutoff = OffsetDateTime.ofInstant(clock.instant().minus(keep), ZoneOffset.UTC);
    return jdbc.update("delete from fm_export_job where ended_at < ?", cutoff);
  }

  @PreDestroy
  void shutdown() {
    executor.shutdownNow();
  }

  private OffsetDateTime now() {
    return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
  }

  private static String nodeName() {
    try {
      return InetAddress.getLocalHost().getHostName() + "/" + ManagementFactory.getRuntimeMXBean().getPid();
    } catch (IOException | RuntimeException e) {
      return "unknown/" + ProcessHandle.current().pid();
    }
  }

  /** Buffers the file and stores it a chunk at a time, so no node holds a whole export. */
  private final class ChunkStream extends OutputStream {
    private final String jobId;
    private final byte[] buffer = new byte[CHUNK];
    private int used;
    private int seq;
    private long size;
    private boolean closed;

    ChunkStream(String jobId) {
      this.jobId = jobId;
    }

    @Override
    public void write(int b) throws IOException {
      if (used == buffer.length) {
        flushChunk();
      }
      buffer[used++] = (byte) b;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      while (len > 0) {
        if (used == buffer.length) {
          flushChunk();
        }
        int n = Math.min(len, buffer.length - used);
        System.arraycopy(b, off, buffer, used, n);
        used += n;
        off += n;
        len -= n;
      }
    }

    private void flushChunk() {
      if (used == 0) {
        return;
      }
      var bytes = java.util.Arrays.copyOf(buffer, used);
      jdbc.update("insert into fm_export_chunk (job_id, seq, bytes) values (?, ?, ?)", jobId, seq++, bytes);
      size += used;
      used = 0;
    }

    @Override
    public void close() {
      if (!closed) {
        closed = true;
        flushChunk();
      }
    }
  }
}

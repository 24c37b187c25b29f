package cn.fundmonitor.reports;

import jakarta.annotation.PreDestroy;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Long exports run in the background, two at a time, into a temporary file; the caller polls the
 * progress (rows written of rows to write) and downloads the file when it is done. A job is its
 * owner's only and is forgotten an hour after it ended.
 */
@Component
public class ExportJobs {

  static final Duration KEEP = Duration.ofHours(1);
  private static final Logger LOG = LoggerFactory.getLogger(ExportJobs.class);

  public enum State { RUNNING, DONE, FAILED }

  /** Writes the export to the stream, reporting rows written; returns the rows written. */
  @FunctionalInterface
  public interface Writer {
    long write(OutputStream out, LongConsumer progress) throws IOException;
  }

  public static final class Job {
    private final String id;
    private final String owner;
    private final String fileName;
    private final long total;
    private final Path file;
    private volatile long written;
    private volatile State state = State.RUNNING;
    private volatile String error;
    private volatile Instant endedAt;

    Job(String id, String owner, String fileName, long total, Path file) {
      this.id = id;
      this.owner = owner;
      this.fileName = fileName;
      this.total = total;
      this.file = file;
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

    public Path file() {
      return file;
    }

    /** Whole percent of rows written; 100 once done. */
    public int percent() {
      if (state == State.DONE) {
        return 100;
      }
      return total == 0 ? 0 : (int) Math.min(99, written * 100 / total);
    }
  }

  private final Map<String, Job> jobs = new ConcurrentHashMap<>();
  private final AtomicInteger threads = new AtomicInteger();
  private final ExecutorService executor = Executors.newFixedThreadPool(2, r -> {
    var t = new Thread(r, "fm-export-" + threads.incrementAndGet());
    t.setDaemon(true);
    return t;
  });

  public Job start(String owner, String fileName, long total, Writer writer) {
    forgetOld();
    Path file;
    try {
      file = Files.createTempFile("fm-export-", ".xlsx");
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    var job = new Job(UUID.randomUUID().toString(), owner, fileName, total, file);
    jobs.put(job.id, job);
    executor.submit(() -> {
      try (var out = new BufferedOutputStream(Files.newOutputStream(file))) {
        job.written = writer.write(out, n -> job.written = n);
        job.state = State.DONE;
      } catch (Exception e) {
        LOG.warn("Export {} failed", job.id, e);
        job.error = "导出失败，请稍后重试（" + e.getClass().getSimpleName() + "）";
        job.state = State.FAILED;
      } finally {
        job.endedAt = Instant.now();
      }
    });
    return job;
  }

  public Optional<Job> find(String id, String owner) {
    return Optional.ofNullable(jobs.get(id)).filter(j -> j.owner.equals(owner));
  }

  private void forgetOld() {
    var cutoff = Instant.now().minus(KEEP);
    jobs.values().removeIf(j -> {
      if (j.endedAt != null && j.endedAt.isBefore(cutoff)) {
        delete(j.file);
        return true;
      }
      return false;
    });
  }

  @PreDestroy
  void shutdown() {
    executor.shutdownNow();
    jobs.values().forEach(j -> delete(j.file));
  }

  private static void delete(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      LOG.debug("Cannot delete {}", file, e);
    }
  }
}

package cn.fundmonitor.benchmark;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryType;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * Heap during a piece of work: the live heap each garbage collection leaves behind (what the work
 * really holds) and the heap used including garbage, sampled every 2 ms.
 */
public final class HeapWatch implements AutoCloseable {

  private final AtomicLong peakUsed;
  private final AtomicLong peakLive;
  private final AtomicInteger collections = new AtomicInteger();
  private final long baseline;
  private final List<NotificationEmitter> emitters;
  private final NotificationListener listener;
  private final Thread sampler;

  public HeapWatch() {
    System.gc();
    var heap = ManagementFactory.getMemoryMXBean();
    baseline = heap.getHeapMemoryUsage().getUsed();
    peakUsed = new AtomicLong(baseline);
    peakLive = new AtomicLong(baseline);
    listener = (notification, handback) -> {
      if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
        var info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
        long live = info.getGcInfo().getMemoryUsageAfterGc().entrySet().stream()
            .filter(e -> isHeap(e.getKey())).mapToLong(e -> e.getValue().getUsed()).sum();
        peakLive.accumulateAndGet(live, Math::max);
        collections.incrementAndGet();
      }
    };
    emitters = ManagementFactory.getGarbageCollectorMXBeans().stream()
        .map(b -> (NotificationEmitter) b).toList();
    emitters.forEach(e -> e.addNotificationListener(listener, null, null));
    sampler = new Thread(() -> {
      while (!Thread.currentThread().isInterrupted()) {
        peakUsed.accumulateAndGet(heap.getHeapMemoryUsage().getUsed(), Math::max);
        try {
          Thread.sleep(2);
        } catch (InterruptedException e) {
          return;
        }
      }
    });
    sampler.setDaemon(true);
    sampler.start();
  }

  private boolean closed;

  @Override
  public void close() throws Exception {
    if (closed) {
      return;
    }
    closed = true;
    sampler.interrupt();
    sampler.join();
    for (var e : emitters) {
      e.removeNotificationListener(listener);
    }
  }

  public String describe() {
    return String.format("%d MB before; live after GC at most %d MB (%d collections); used incl."
            + " garbage at most %d MB (max heap %d MB)", baseline >> 20, peakLive.get() >> 20,
        collections.get(), peakUsed.get() >> 20,
        ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getMax() >> 20);
  }

  /** Heap used when the watch started, after a collection. */
  public long baselineBytes() {
    return baseline;
  }

  /** The highest heap used seen, garbage included (sampled every 2 ms). */
  public long peakUsedBytes() {
    return peakUsed.get();
  }

  /** The highest heap left after any collection during the watch: what the work really held. */
  public long peakLiveBytes() {
    return peakLive.get();
  }

  private static boolean isHeap(String pool) {
    return ManagementFactory.getMemoryPoolMXBeans().stream()
        .anyMatch(p -> p.getName().equals(pool) && p.getType() == MemoryType.HEAP);
  }
}

package cn.weiquan.api;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Brute force on /api is throttled per source address, not per account: after {@code maxFailures}
 * failed logins from one address within {@code window}, that address is refused for {@code block};
 * clients elsewhere go on. In memory, per node (a cluster multiplies the allowance by its node
 * count).
 */
public class LoginThrottle {
  private final int maxFailures;
  private final long windowNanos;
  private final long blockNanos;
  private final LongSupplier clock;
  private final Map<String, Deque<Long>> failures = new ConcurrentHashMap<>();
  private final Map<String, Long> blockedUntil = new ConcurrentHashMap<>();

  public LoginThrottle(int maxFailures, Duration window, Duration block, LongSupplier nanoClock) {
    this.maxFailures = maxFailures;
    this.windowNanos = window.toNanos();
    this.blockNanos = block.toNanos();
    this.clock = nanoClock;
  }

  /** Seconds the address must still wait, or 0 when it may try. */
  public long retryAfterSeconds(String address) {
    Long until = blockedUntil.get(address);
    if (until == null) {
      return 0;
    }
    long left = until - clock.getAsLong();
    if (left <= 0) {
      blockedUntil.remove(address);
      return 0;
    }
    return Math.max(1, Duration.ofNanos(left).toSeconds());
  }

  public void failed(String address) {
    long now = clock.getAsLong();
    Deque<Long> recent = failures.computeIfAbsent(address, a -> new ArrayDeque<>());
    synchronized (recent) {
      recent.addLast(now);
      while (!recent.isEmpty() && now - recent.peekFirst() > windowNanos) {
        recent.removeFirst();
      }
      if (recent.size() >= maxFailures) {
        blockedUntil.put(address, now + blockNanos);
        recent.clear();
      }
    }
  }

  public void succeeded(String address) {
    failures.remove(address);
  }

  /** Forgets every address (tests, and an administrator after an incident). */
  public void reset() {
    failures.clear();
    blockedUntil.clear();
  }
}

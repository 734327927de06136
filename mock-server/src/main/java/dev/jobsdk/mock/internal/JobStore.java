package dev.jobsdk.mock.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;

/** All jobs of a server, in creation order, bounded: beyond the capacity the oldest are dropped. */
public final class JobStore {

  private final int capacity;
  private final ConcurrentHashMap<String, JobRecord> byId = new ConcurrentHashMap<>();
  private final ConcurrentLinkedDeque<JobRecord> order = new ConcurrentLinkedDeque<>();

  /** @param capacity how many jobs to keep */
  public JobStore(int capacity) {
    this.capacity = capacity;
  }

  /** @param job a new job */
  public void add(JobRecord job) {
    byId.put(job.id(), job);
    order.addLast(job);
    while (byId.size() > capacity) {
      JobRecord oldest = order.pollFirst();
      if (oldest == null) {
        break;
      }
      byId.remove(oldest.id(), oldest);
    }
  }

  /**
   * @param id a job id
   * @return the job, or {@code null}
   */
  public JobRecord get(String id) {
    return id == null ? null : byId.get(id);
  }

  /** @return every job, oldest first */
  public List<JobRecord> all() {
    List<JobRecord> jobs = new ArrayList<>(byId.size());
    for (JobRecord job : order) {
      if (byId.get(job.id()) == job) {
        jobs.add(job);
      }
    }
    return jobs;
  }

  /** Forgets every job. */
  public void clear() {
    byId.clear();
    order.clear();
  }
}

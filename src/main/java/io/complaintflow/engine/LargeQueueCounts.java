package io.complaintflow.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.FilterServiceImpl;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.GetFilterCmd;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.json.JsonTaskQueryConverter;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.query.Query;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Tasklist asks for a queue's count with every page it shows and every refresh, and the engine counts a queue task by
 * task, looking up the caller's permissions on each (bench/README.md: seconds at 100,000 open tasks). So a count of at
 * least {@code complaintflow.tasklist.large-count.from} tasks is kept per filter, query and caller (user, groups,
 * tenants): served for up to {@code max-age}, and counted again in the background, one count at a time, once it is
 * older than {@code refresh-after}. Smaller counts are exact on every request; callers asking for the same count at
 * the same time share one. The caller's permission to read the filter is checked on every request.
 */
@Component
public class LargeQueueCounts extends AbstractProcessEnginePlugin {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final long from;
    private final Duration refreshAfter;
    private final Duration maxAge;
    private final ExecutorService recounts = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "large-queue-counts");
        thread.setDaemon(true);
        return thread;
    });
    private final Cache<Key, Counted> counts = Caffeine.newBuilder().maximumSize(10_000)
            .expireAfterAccess(Duration.ofMinutes(10)).build();
    private final Map<Key, CompletableFuture<Long>> counting = new ConcurrentHashMap<>();

    /** Who asked for which count: the count depends on each of these. */
    private record Key(String filterId, String query, String userId, List<String> groupIds, List<String> tenantIds) {
    }

    /** A count and when it was made (engine clock), and whether a newer one is being made. */
    private record Counted(long count, long at, AtomicBoolean recounting) {
    }

    public LargeQueueCounts(@Value("${complaintflow.tasklist.large-count.from:1000}") long from,
                            @Value("${complaintflow.tasklist.large-count.refresh-after:PT30S}") Duration refreshAfter,
                            @Value("${complaintflow.tasklist.large-count.max-age:PT2M}") Duration maxAge) {
        this.from = from;
        this.refreshAfter = refreshAfter;
        this.maxAge = maxAge;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setFilterService(new CountingFilterService(configuration));
    }

    /** Waits until the background counts asked for so far are made (tests). */
    public void awaitRecounts() throws Exception {
        recounts.submit(() -> { }).get();
    }

    @PreDestroy
    void stop() {
        recounts.shutdownNow();
    }

    private static long now() {
        return ClockUtil.getCurrentTime().getTime();
    }

    private class CountingFilterService extends FilterServiceImpl {
        private final ProcessEngineConfigurationImpl configuration;

        CountingFilterService(ProcessEngineConfigurationImpl configuration) {
            this.configuration = configuration;
        }

        @Override
        public Long count(String filterId) {
            return count(filterId, null);
        }

        @Override
        public Long count(String filterId, Query<?, ?> extendingQuery) {
            Authentication caller = configuration.getIdentityService().getCurrentAuthentication();
            if (caller == null || (extendingQuery != null && !(extendingQuery instanceof TaskQueryImpl))) {
                return super.count(filterId, extendingQuery);
            }
            Key key = new Key(filterId, describe((TaskQueryImpl) extendingQuery), caller.getUserId(),
                    sorted(caller.getGroupIds()), sorted(caller.getTenantIds()));
            Counted known = counts.getIfPresent(key);
            long age = known == null ? -1 : now() - known.at();
            if (known != null && known.count() >= from && age >= 0 && age < maxAge.toMillis()
                    && commandExecutor.execute(new GetFilterCmd(filterId)) != null) {
                if (age >= refreshAfter.toMillis() && known.recounting().compareAndSet(false, true)) {
                    recounts.execute(() -> recount(key, known, extendingQuery, caller));
                }
                return known.count();
            }
            return countShared(key, extendingQuery);
        }

        /** Counts now; a caller asking for the same count meanwhile gets this one. */
        private long countShared(Key key, Query<?, ?> extendingQuery) {
            CompletableFuture<Long> mine = new CompletableFuture<>();
            CompletableFuture<Long> running = counting.putIfAbsent(key, mine);
            if (running != null) {
                try {
                    return running.join();
                } catch (CompletionException e) {
                    throw e.getCause() instanceof RuntimeException cause ? cause : e;
                }
            }
            try {
                long at = now();
                long count = super.count(key.filterId(), extendingQuery);
                counts.put(key, new Counted(count, at, new AtomicBoolean()));
                mine.complete(count);
                return count;
            } catch (RuntimeException e) {
                mine.completeExceptionally(e);
                throw e;
            } finally {
                counting.remove(key, mine);
            }
        }

        private void recount(Key key, Counted stale, Query<?, ?> extendingQuery, Authentication caller) {
            // made again meanwhile, or too old to be served any more: the next request counts for itself
            if (counts.getIfPresent(key) != stale || now() - stale.at() >= maxAge.toMillis()) {
                return;
            }
            IdentityService identity = configuration.getIdentityService();
            identity.setAuthentication(caller);
            try {
                long at = now();
                counts.put(key, new Counted(super.count(key.filterId(), extendingQuery), at, new AtomicBoolean()));
            } catch (RuntimeException e) {
                // the filter is gone or no longer the caller's: their next request asks the engine and gets its answer
                counts.invalidate(key);
            } finally {
                identity.clearAuthentication();
            }
        }

        @Override
        public Filter saveFilter(Filter filter) {
            Filter saved = super.saveFilter(filter);
            forget(saved.getId());
            return saved;
        }

        @Override
        public void deleteFilter(String filterId) {
            super.deleteFilter(filterId);
            forget(filterId);
        }

        private void forget(String filterId) {
            counts.asMap().keySet().removeIf(key -> key.filterId().equals(filterId));
        }
    }

    /** What a query counts: its criteria and the case-sensitivity of its variable criteria, not its order. */
    private static String describe(TaskQueryImpl query) {
        if (query == null) {
            return "";
        }
        ObjectNode json;
        try {
            json = (ObjectNode) JSON.readTree(new JsonTaskQueryConverter().toJson(query));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Camunda wrote a task query that is not JSON", e);
        }
        json.remove(JsonTaskQueryConverter.ORDERING_PROPERTIES);
        StringBuilder described = new StringBuilder(json.toString());
        for (TaskQueryImpl part : query.getQueries()) {
            described.append(' ').append(part.isVariableNamesIgnoreCase()).append(part.isVariableValuesIgnoreCase());
        }
        return described.toString();
    }

    private static List<String> sorted(List<String> values) {
        return values == null ? List.of() : values.stream().sorted().toList();
    }
}

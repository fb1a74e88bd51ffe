package dev.storefront.seeder.deltas;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Picks a random row matching a condition without scanning the table: jump to a random id between the
 * table's smallest and largest, take the first match from there (wrapping to the start when none).
 * The id range is read once per tick.
 */
final class RandomRows {

    private final EntityManager em;
    private final SplittableRandom random;
    private final Map<Class<?>, long[]> idRanges = new HashMap<>();

    RandomRows(EntityManager em, SplittableRandom random) {
        this.em = em;
        this.random = random;
    }

    /** A random entity of {@code type}. */
    <T> Optional<T> pick(Class<T> type) {
        return pick(type, "1 = 1", Map.of());
    }

    /**
     * A random entity of {@code type} matching {@code condition} (JPQL on alias {@code e}),
     * whose named parameters are in {@code parameters}.
     */
    <T> Optional<T> pick(Class<T> type, String condition, Map<String, Object> parameters) {
        long[] range = idRanges.computeIfAbsent(type, this::idRange);
        if (range.length == 0) {
            return Optional.empty();
        }
        long pivot = range[0] + random.nextLong(range[1] - range[0] + 1);
        Optional<T> fromPivot = first(type, condition + " and e.id >= :pivot", parameters, pivot);
        return fromPivot.isPresent() ? fromPivot : first(type, condition, parameters, null);
    }

    /**
     * Up to {@code count} distinct random entities in one query (ids drawn in the table's id range; ids
     * that no longer exist are skipped), at least one whenever the table has rows.
     */
    <T> List<T> pickDistinct(Class<T> type, int count) {
        long[] range = idRanges.computeIfAbsent(type, this::idRange);
        if (range.length == 0) {
            return List.of();
        }
        Set<Long> ids = new HashSet<>();
        long span = range[1] - range[0] + 1;
        while (ids.size() < Math.min(count, span)) {
            ids.add(range[0] + random.nextLong(span));
        }
        List<T> found = em.createQuery("from " + type.getSimpleName() + " e where e.id in (:ids) order by e.id", type)
                .setParameter("ids", ids)
                .getResultList();
        return found.isEmpty() ? pick(type).map(List::of).orElse(List.of()) : found;
    }

    private <T> Optional<T> first(Class<T> type, String condition, Map<String, Object> parameters, Long pivot) {
        TypedQuery<T> query =
                em.createQuery("from " + type.getSimpleName() + " e where " + condition + " order by e.id", type);
        parameters.forEach(query::setParameter);
        if (pivot != null) {
            query.setParameter("pivot", pivot);
        }
        List<T> rows = query.setMaxResults(1).getResultList();
        return rows.stream().findFirst();
    }

    private long[] idRange(Class<?> type) {
        Object[] minMax = em.createQuery(
                        "select min(e.id), max(e.id) from " + type.getSimpleName() + " e", Object[].class)
                .getSingleResult();
        return minMax[0] == null ? new long[0] : new long[] {(Long) minMax[0], (Long) minMax[1]};
    }
}

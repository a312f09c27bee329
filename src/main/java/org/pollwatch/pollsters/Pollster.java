package org.pollwatch.pollsters;

import io.quarkus.hibernate.orm.panache.PanacheEntity;
import io.quarkus.panache.common.Sort;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.hibernate.annotations.CreationTimestamp;

/** An organisation that conducts polls. Identified in the API by its slug. */
@Entity
@Table(name = "pollster")
public class Pollster extends PanacheEntity {

    @Column(nullable = false, unique = true, length = 80)
    public String slug;

    @Column(nullable = false, length = 200)
    public String name;

    @Column(length = 500)
    public String website;

    @Column(length = 2)
    public String country;

    @CreationTimestamp
    @Column(name = "created_at", nullable = false, updatable = false)
    public OffsetDateTime createdAt;

    public static Optional<Pollster> findBySlug(String slug) {
        return find("slug", slug).firstResultOptional();
    }

    /** Those of {@code slugs} that name no pollster, in the given order (pollster_slug_key). */
    public static List<String> unknownSlugs(Collection<String> slugs) {
        if (slugs.isEmpty()) {
            return List.of();
        }
        List<String> known = getEntityManager()
                .createQuery("select p.slug from Pollster p where p.slug in :slugs", String.class)
                .setParameter("slugs", slugs)
                .getResultList();
        return slugs.stream().filter(slug -> !known.contains(slug)).toList();
    }

    public static List<Pollster> listByName() {
        return listAll(Sort.ascending("name"));
    }
}

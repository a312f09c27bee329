package org.pollwatch.series;

import io.quarkus.hibernate.orm.panache.PanacheEntity;
import io.quarkus.panache.common.Sort;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hibernate.annotations.CreationTimestamp;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.pollwatch.problems.ProblemException;

/** One question tracked across polls and pollsters, e.g. "Biden approval on the coronavirus response". */
@Entity
@Table(name = "series")
public class Series extends PanacheEntity {

    /** The series' identifier in URLs and poll documents ("key" is an HQL keyword, hence the field name). */
    @Column(name = "key", nullable = false, unique = true, length = 80)
    public String seriesKey;

    @Column(nullable = false, length = 300)
    public String title;

    @Column(length = 2000)
    public String description;

    /** Population codes, most preferred first; null = the default rule. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "population_preference", columnDefinition = "text[]")
    public List<String> populationPreference;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "series_choice", joinColumns = @JoinColumn(name = "series_id"))
    @OrderBy("position")
    public List<SeriesChoice> choices = new ArrayList<>();

    @CreationTimestamp
    @Column(name = "created_at", nullable = false, updatable = false)
    public OffsetDateTime createdAt;

    public static Optional<Series> findByKey(String key) {
        return find("seriesKey", key).firstResultOptional();
    }

    /** The series of this key, or a 404 problem. */
    public static Series require(String key) {
        return findByKey(key).orElseThrow(() -> ProblemException.notFound("No series with key '" + key + "'"));
    }

    public static List<Series> listByKey() {
        return listAll(Sort.ascending("seriesKey"));
    }

    public Optional<SeriesChoice> choice(String keyOrLabel) {
        String wanted = keyOrLabel.trim();
        return choices.stream()
                .filter(c -> c.key.equalsIgnoreCase(wanted) || c.label.equalsIgnoreCase(wanted))
                .findFirst();
    }
}

package org.pollwatch.series;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import org.hibernate.annotations.CreationTimestamp;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** Membership of a poll question in a series, with the mapping of its option labels onto the series' choices. */
@Entity
@Table(name = "series_question")
public class SeriesQuestion extends PanacheEntityBase {

    @Id
    @Column(name = "question_id")
    public Long questionId;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "series_id", nullable = false)
    public Series series;

    /** Lower-cased option label -> choice key. Options not in the map do not count in the series. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "choice_map", nullable = false, columnDefinition = "jsonb")
    public Map<String, String> choiceMap = new HashMap<>();

    @CreationTimestamp
    @Column(name = "joined_at", nullable = false, updatable = false)
    public OffsetDateTime joinedAt;

    /** Puts the question into the series with this mapping, or moves and re-maps its existing membership. */
    public static SeriesQuestion assign(long questionId, Series series, Map<String, String> choiceMap) {
        SeriesQuestion membership = findById(questionId);
        if (membership == null) {
            membership = new SeriesQuestion();
            membership.questionId = questionId;
            membership.series = series;
            membership.choiceMap = choiceMap;
            membership.persist();
        } else {
            membership.series = series;
            membership.choiceMap = choiceMap;
        }
        return membership;
    }
}

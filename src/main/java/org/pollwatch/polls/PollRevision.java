package org.pollwatch.polls;

import io.quarkus.hibernate.orm.panache.PanacheEntity;
import io.quarkus.panache.common.Sort;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.List;
import org.hibernate.annotations.CreationTimestamp;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A poll as it was before a revision, kept as the JSON the API served then. */
@Entity
@Table(name = "poll_revision")
public class PollRevision extends PanacheEntity {

    @Column(name = "poll_id", nullable = false)
    public long pollId;

    /** The poll's version number that this snapshot holds. */
    @Column(nullable = false)
    public int revision;

    @CreationTimestamp
    @Column(name = "recorded_at", nullable = false, updatable = false)
    public OffsetDateTime recordedAt;

    @Column(length = 1000)
    public String reason;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public String snapshot;

    /** The API key that made the revision replacing this version (null for the bootstrap key). */
    @Column(name = "revised_by_key_id")
    public Long revisedByKeyId;

    /** Who made that revision, as the audit log names it. */
    @Column(name = "revised_by", length = 100)
    public String revisedBy;

    public static List<PollRevision> listForPoll(long pollId) {
        return list("pollId", Sort.ascending("revision"), pollId);
    }
}

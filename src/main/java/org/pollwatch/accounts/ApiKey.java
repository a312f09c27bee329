package org.pollwatch.accounts;

import io.quarkus.hibernate.orm.panache.PanacheEntity;
import io.quarkus.panache.common.Sort;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.annotations.CreationTimestamp;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.pollwatch.pollsters.Pollster;

/** An issued API key; the key itself is never stored, only its HMAC ({@code secretHash}). */
@Entity
@Table(name = "api_key")
public class ApiKey extends PanacheEntity {

    @Column(nullable = false, length = 32, updatable = false)
    public String prefix;

    @Column(name = "secret_hash", nullable = false, length = 64, updatable = false)
    public String secretHash;

    @Column(nullable = false, length = 200)
    public String name;

    @Column(nullable = false, length = 20, updatable = false)
    public String role;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "pollster_id", updatable = false)
    public Pollster pollster;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false, columnDefinition = "text[]")
    public List<String> scopes = new ArrayList<>();

    @CreationTimestamp
    @Column(name = "created_at", nullable = false, updatable = false)
    public OffsetDateTime createdAt;

    @Column(name = "last_used_at", insertable = false, updatable = false)
    public OffsetDateTime lastUsedAt;

    @Column(name = "expires_at")
    public OffsetDateTime expiresAt;

    @Column(name = "revoked_at")
    public OffsetDateTime revokedAt;

    public static List<ApiKey> listAllNewestFirst() {
        return find("from ApiKey k left join fetch k.pollster", Sort.descending("k.id"))
                .list();
    }

    public static List<ApiKey> listForPollster(long pollsterId) {
        return find(
                        "from ApiKey k left join fetch k.pollster where k.pollster.id = ?1",
                        Sort.descending("k.id"),
                        pollsterId)
                .list();
    }
}

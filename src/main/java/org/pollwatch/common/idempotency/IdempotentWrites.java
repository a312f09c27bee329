package org.pollwatch.common.idempotency;

import jakarta.enterprise.context.RequestScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.OutputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.UUID;
import org.pollwatch.problems.ProblemException;

/**
 * The idempotency key of the current request, if it has one. A service that creates something calls
 * {@link #settle} inside the transaction of its write, so that the key row and the write commit or
 * roll back together: a retry after a lost answer then learns where the write is instead of running
 * it twice, and a write cut off by the database leaves a claim that a retry may take over.
 */
@RequestScoped
public class IdempotentWrites {

    private final EntityManager entityManager;
    private Held held;

    public IdempotentWrites(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** The key, the token of this request's claim, and the running digest of the request. */
    record Held(String key, UUID token, MessageDigest digest, DigestInputStream body) {

        /**
         * SHA-256 of the whole request: reads what the resource left unread (trailing whitespace after
         * the JSON), then digests a copy, so that it can be asked again.
         */
        String requestHash() {
            try {
                body.transferTo(OutputStream.nullOutputStream());
            } catch (IOException | RuntimeException e) {
                // the stream was closed after a complete read: the digest already holds the body
            }
            try {
                return HexFormat.of().formatHex(((MessageDigest) digest.clone()).digest());
            } catch (CloneNotSupportedException e) {
                throw new IllegalStateException("SHA-256 digest cannot be cloned", e);
            }
        }
    }

    void hold(Held claim) {
        held = claim;
    }

    /** The claim of this request, once: the response filter stores its answer under it. */
    Held take() {
        Held claim = held;
        held = null;
        return claim;
    }

    /**
     * Records in the current transaction that this request's write is at {@code location}. If a retry
     * took the key over meanwhile, the write is refused (and rolls back): the retry does it instead.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void settle(String location) {
        if (held == null) {
            return;
        }
        String requestHash = held.requestHash();
        int updated = entityManager
                .createNativeQuery("update idempotency_key set location = ?1, request_hash = ?2"
                        + " where idempotency_key = ?3 and claim_token = ?4 and status is null and location is null")
                .setParameter(1, location)
                .setParameter(2, requestHash)
                .setParameter(3, held.key())
                .setParameter(4, held.token())
                .executeUpdate();
        if (updated != 1) {
            throw ProblemException.conflict("A retry with this Idempotency-Key took it over while this request ran;"
                    + " nothing was stored by this request");
        }
    }
}

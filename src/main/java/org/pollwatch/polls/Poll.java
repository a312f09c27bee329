package org.pollwatch.polls;

import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hibernate.annotations.Generated;
import org.hibernate.generator.EventType;
import org.pollwatch.pollsters.Pollster;

/** One survey by one pollster. Questions, options and subgroup results belong to it. */
@Entity
@Table(name = "poll")
public class Poll extends PanacheEntity {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "pollster_id", nullable = false)
    public Pollster pollster;

    @Column(length = 200)
    public String sponsor;

    @Column(name = "field_start", nullable = false)
    public LocalDate fieldStart;

    @Column(name = "field_end", nullable = false)
    public LocalDate fieldEnd;

    @Column(name = "published_on")
    public LocalDate publishedOn;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 30)
    public Population population;

    @Column(name = "population_description", length = 200)
    public String populationDescription;

    @Column(nullable = false, length = 2)
    public String country;

    @Column(length = 20)
    public String region;

    @Enumerated(EnumType.STRING)
    @Column(length = 20)
    public SurveyMode mode;

    @Column(name = "sample_size")
    public Integer sampleSize;

    @Column(name = "margin_of_error", precision = 4, scale = 2)
    public BigDecimal marginOfError;

    @Column(length = 1000)
    public String weighting;

    /** The firm that did the fieldwork, when the pollster did not. */
    @Column(name = "conducted_by", length = 200)
    public String conductedBy;

    @Column(name = "sampling_frame", length = 1000)
    public String samplingFrame;

    @Column(name = "sample_design", length = 1000)
    public String sampleDesign;

    @Column(name = "design_effect", precision = 4, scale = 2)
    public BigDecimal designEffect;

    @Enumerated(EnumType.STRING)
    @Column(name = "sponsor_partisanship", length = 20)
    public Partisanship sponsorPartisanship;

    /** Which {@link DisclosureItem}s the poll gives, as the database computes them on every write. */
    @Generated(event = {EventType.INSERT, EventType.UPDATE})
    @Column(name = "disclosure_items", insertable = false, updatable = false)
    public int disclosureItems;

    @Column(length = 100)
    public String language;

    @Column(name = "source_url", length = 1000)
    public String sourceUrl;

    @Column(length = 2000)
    public String notes;

    /** A daily (rolling) tracking poll. */
    @Column(nullable = false)
    public boolean tracking;

    /** Stable reference of an imported poll (e.g. "fivethirtyeight:..."), so re-imports skip it. */
    @Column(name = "external_ref", length = 100, updatable = false)
    public String externalRef;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    public PollStatus status = PollStatus.PUBLISHED;

    @Column(name = "retraction_reason", length = 1000)
    public String retractionReason;

    @Column(name = "retracted_at")
    public OffsetDateTime retractedAt;

    /** The API key that retracted the poll (null for the bootstrap key). */
    @Column(name = "retracted_by_key_id")
    public Long retractedByKeyId;

    /** Who retracted it, as the audit log names it. */
    @Column(name = "retracted_by", length = 100)
    public String retractedBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    @Version
    @Column(nullable = false)
    public int version;

    @OneToMany(mappedBy = "poll", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    public List<Question> questions = new ArrayList<>();

    /** The poll with its pollster, questions and options in as few queries as the mapping allows. */
    public static Optional<Poll> findFull(long id) {
        // singleResult, not firstResult: a row limit with a collection fetch makes Hibernate read every row
        // and cut in memory, with a warning logged on each call (results are de-duplicated by Hibernate)
        return find("select p from Poll p join fetch p.pollster left join fetch p.questions where p.id = ?1", id)
                .singleResultOptional();
    }

    /** Stamped at persist, not at flush, so a submission can answer without flushing twice. */
    @PrePersist
    void stampCreation() {
        createdAt = OffsetDateTime.now();
        updatedAt = createdAt;
    }

    @PreUpdate
    void stampUpdate() {
        updatedAt = OffsetDateTime.now();
    }

    public void addQuestion(Question question) {
        question.poll = this;
        questions.add(question);
    }

    /** The date from which the poll counts in a real-time average: publication, or field end when unknown. */
    public LocalDate availableFrom() {
        return availableFrom(publishedOn, fieldEnd);
    }

    /** {@link #availableFrom()} of a poll read as plain values (projections, snapshots). */
    public static LocalDate availableFrom(LocalDate publishedOn, LocalDate fieldEnd) {
        return publishedOn != null ? publishedOn : fieldEnd;
    }
}

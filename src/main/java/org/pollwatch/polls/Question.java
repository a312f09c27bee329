package org.pollwatch.polls;

import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A question of a poll with its whole-sample option results and its subgroup results. */
@Entity
@Table(name = "question")
public class Question extends PanacheEntity {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "poll_id", nullable = false)
    public Poll poll;

    @Column(nullable = false)
    public int position;

    @Column(nullable = false, length = 2000)
    public String wording;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false, columnDefinition = "text[]")
    public List<String> topics = new ArrayList<>();

    @Column(name = "multiple_answers", nullable = false)
    public boolean multipleAnswers;

    @OneToMany(mappedBy = "question", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    public List<OptionResult> options = new ArrayList<>();

    @OneToMany(mappedBy = "question", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("dimension, label")
    public List<SubgroupResult> subgroups = new ArrayList<>();

    /** A question by id, with its poll and pollster, as the statistics endpoints need it. */
    public static Optional<Question> findWithPoll(long id) {
        return find("select q from Question q join fetch q.poll p join fetch p.pollster where q.id = ?1", id)
                .firstResultOptional();
    }

    public Optional<OptionResult> option(String label) {
        return options.stream().filter(o -> o.label.equalsIgnoreCase(label)).findFirst();
    }

    public void addOption(OptionResult option) {
        option.question = this;
        options.add(option);
    }

    public void addSubgroup(SubgroupResult subgroup) {
        subgroup.question = this;
        subgroups.add(subgroup);
    }
}

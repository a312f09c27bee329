package org.pollwatch.polls;

import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.math.BigDecimal;

/** An answer option and its whole-sample percentage (0-100, one decimal). "Don't know" is an option like any other. */
@Entity
@Table(name = "option_result")
public class OptionResult extends PanacheEntity {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "question_id", nullable = false)
    public Question question;

    @Column(nullable = false)
    public int position;

    @Column(nullable = false, length = 300)
    public String label;

    @Column(nullable = false, precision = 4, scale = 1)
    public BigDecimal percentage;
}

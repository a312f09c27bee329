package org.pollwatch.polls;

import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MapKeyJoinColumn;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Results of one subgroup (e.g. dimension "sector", label "Arab Israelis") for the options of a question. */
@Entity
@Table(name = "subgroup_result")
public class SubgroupResult extends PanacheEntity {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "question_id", nullable = false)
    public Question question;

    @Column(nullable = false, length = 100)
    public String dimension;

    @Column(nullable = false, length = 200)
    public String label;

    @Column(name = "sample_size")
    public Integer sampleSize;

    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "subgroup_share", joinColumns = @JoinColumn(name = "subgroup_id"))
    @MapKeyJoinColumn(name = "option_id")
    @Column(name = "percentage", nullable = false, precision = 4, scale = 1)
    public Map<OptionResult, BigDecimal> shares = new LinkedHashMap<>();

    public Optional<BigDecimal> share(String optionLabel) {
        return shares.entrySet().stream()
                .filter(e -> e.getKey().label.equalsIgnoreCase(optionLabel))
                .map(Map.Entry::getValue)
                .findFirst();
    }
}

package org.pollwatch.series;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** A canonical answer of a series (e.g. approve), which options of member questions map onto. */
@Embeddable
public class SeriesChoice {

    @Column(nullable = false)
    public int position;

    @Column(name = "key", nullable = false, length = 80)
    public String key;

    @Column(nullable = false, length = 200)
    public String label;

    public SeriesChoice() {}

    public SeriesChoice(int position, String key, String label) {
        this.position = position;
        this.key = key;
        this.label = label;
    }
}

package org.pollwatch.stats;

/** The three kinds of difference a {@link DifferenceTest} can assess, with their verdict wording. */
public enum Comparison {
    /** Two options of the same question in one poll (shares are negatively correlated). */
    LEAD(Verdict.LEAD, Verdict.STATISTICAL_TIE),
    /** One option in two independent polls. */
    CHANGE(Verdict.SIGNIFICANT_CHANGE, Verdict.NO_SIGNIFICANT_CHANGE),
    /** One option in two disjoint subgroups of one poll, treated as independent samples. */
    SUBGROUP_DIFFERENCE(Verdict.SIGNIFICANT_DIFFERENCE, Verdict.NO_SIGNIFICANT_DIFFERENCE);

    private final Verdict whenSignificant;
    private final Verdict whenNotSignificant;

    Comparison(Verdict whenSignificant, Verdict whenNotSignificant) {
        this.whenSignificant = whenSignificant;
        this.whenNotSignificant = whenNotSignificant;
    }

    /** The verdict for a computed test of this kind. */
    public Verdict verdict(boolean significant) {
        return significant ? whenSignificant : whenNotSignificant;
    }
}

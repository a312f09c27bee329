package org.pollwatch.stats.trend;

import java.time.LocalDate;
import java.util.Objects;

/**
 * Settings of one {@link TrendEngine#compute} call. Start from {@link #defaults()} or
 * {@link #builder()}. The defaults were chosen by rolling-origin cross-validation over three
 * FiveThirtyEight series ({@code TrendCrossValidation}, README), not by fit to one of them:
 * WEIGHTED_AVERAGE, REALTIME, whole range, 95% band, house effects adjusted (prior 20 polls, reference
 * POLLING_AVERAGE, 1 iteration), LIKELY_VOTERS_FIRST, window 45 days, half-life 14 days, flood exponent
 * 0.5, non-sampling sd 3 points (weights), conformal step 0.02; band: scale 1.0, Student t with 3 degrees
 * of freedom, drift 0.05 points a day, no lag term, residuals of all days; LOESS span 30 days, Kalman
 * daily sd 0.15 points, no minimum reporting lag. ADULTS_FIRST is the better
 * population rule for approval questions (the importer sets it on approval series).
 *
 * @param method                 smoothing method
 * @param mode                   REALTIME (one-sided, only polls available each day) or HINDSIGHT
 * @param from                   first day to report; {@code null} = first day with an estimate
 * @param to                     last day to report; {@code null} = last poll's availability day
 *                               (REALTIME) or last field end (HINDSIGHT)
 * @param confidenceLevel        two-sided level of the band, in (0,1)
 * @param adjustHouseEffects     subtract each pollster's (shrunk) house effect before averaging
 * @param populationPreference   which population version of a multi-population poll to keep
 * @param windowDays             WEIGHTED_AVERAGE: polls older than this are ignored; WEIGHTED_AVERAGE
 *                               and KALMAN: window in which a pollster's polls are counted for the
 *                               flooding limit (LOESS counts within its span)
 * @param halfLifeDays           WEIGHTED_AVERAGE: a poll's weight halves every this many days
 * @param pollsterFloodExponent  each poll's weight is divided by (number of polls of the same
 *                               pollster in the window)^this: 0 = no limit, 1 = each pollster
 *                               counts like one poll (KALMAN: its variance is multiplied instead)
 * @param nonSamplingSd          non-sampling (design, house, timing) error of one poll, points; it
 *                               is added in quadrature to the sampling error p(1-p)/n, which caps
 *                               the benefit of a huge sample
 * @param loessSpanDays          LOESS: half-width of the tricube kernel, days
 * @param kalmanDailySd          KALMAN: random-walk standard deviation of the true level per day, points
 * @param houseEffectPriorPolls  shrinkage strength: a pollster with this many polls has its mean
 *                               residual halved; {@code null} = estimate from the data
 *                               (empirical Bayes)
 * @param houseEffectReference   zero point of house effects: the polling average, or the median pollster
 * @param houseEffectIterations  rounds of (average → residuals → house effects → adjusted average)
 * @param minReportingLagDays    a poll counts as available no earlier than field end + this many
 *                               days, even if {@code availableFrom} says earlier
 * @param driftSdPerDay          band: how far opinion may move per day (random-walk sd, points), so a
 *                               one-sided average whose polls are a days old is uncertain by a further
 *                               driftSdPerDay² · a (0.05 by the cross-validation)
 * @param bandScale              band, WEIGHTED_AVERAGE: multiplier of the average's modelled standard error;
 *                               1.0 by the cross-validation, together with the t quantile (so 3.18
 *                               standard errors at 95 %, 0.765 at 50 %)
 * @param predictionAdaptation   prediction range, REALTIME: step γ of adaptive conformal inference
 *                               (Gibbs &amp; Candès, NeurIPS 2021): after each new poll the miscoverage
 *                               aimed at moves by γ·(target − missed), so the share of polls outside the
 *                               range tracks the target under drift; 0 = plain split-conformal quantile.
 *                               Default 0.02: tied with 0 in the cross-validation (README), and with any
 *                               γ &gt; 0 the long-run miss rate approaches the target on any series
 *                               (their Proposition 4.1: within (max(α, 1 − α) + γ)/(γ·T) after T polls,
 *                               for the unclamped quantile), which a fixed quantile does not promise
 * @param noiseMemoryDays        band: the non-sampling variance of a poll is estimated from the residuals
 *                               of the polls that became available in the last this many days (0 = all):
 *                               a surge of opinion long past inflates the residuals of its time only
 * @param lagSpanDays            band, REALTIME: the lag of a one-sided average whose polls are a days old
 *                               is slope · a; the squared slope of the average over this many days, averaged
 *                               over the last windowDays days, times a², is added to the band's variance
 *                               (0 = no lag term, the default)
 * @param bandTailDf             band, WEIGHTED_AVERAGE: degrees of freedom of the Student t whose quantile
 *                               multiplies the standard error, for the heavy tails of an average's error
 *                               (0 = normal; LOESS and KALMAN always use the normal quantile of their
 *                               model's standard error, which the cross-validation did not scale)
 */
public record TrendOptions(
        TrendMethod method,
        TrendMode mode,
        LocalDate from,
        LocalDate to,
        double confidenceLevel,
        boolean adjustHouseEffects,
        PopulationPreference populationPreference,
        int windowDays,
        double halfLifeDays,
        double pollsterFloodExponent,
        double nonSamplingSd,
        double loessSpanDays,
        double kalmanDailySd,
        Double houseEffectPriorPolls,
        HouseEffectReference houseEffectReference,
        int houseEffectIterations,
        int minReportingLagDays,
        double driftSdPerDay,
        double bandScale,
        double predictionAdaptation,
        int noiseMemoryDays,
        int lagSpanDays,
        double bandTailDf) {

    public TrendOptions {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(populationPreference, "populationPreference");
        Objects.requireNonNull(houseEffectReference, "houseEffectReference");
        if (!(confidenceLevel > 0 && confidenceLevel < 1))
            throw new IllegalArgumentException("confidenceLevel must be in (0,1)");
        if (from != null && to != null && from.isAfter(to)) throw new IllegalArgumentException("from after to");
        if (windowDays < 1) throw new IllegalArgumentException("windowDays must be >= 1");
        if (!(halfLifeDays > 0)) throw new IllegalArgumentException("halfLifeDays must be > 0");
        if (!(pollsterFloodExponent >= 0)) throw new IllegalArgumentException("pollsterFloodExponent must be >= 0");
        if (!(nonSamplingSd >= 0)) throw new IllegalArgumentException("nonSamplingSd must be >= 0");
        if (!(loessSpanDays >= 1)) throw new IllegalArgumentException("loessSpanDays must be >= 1");
        if (!(kalmanDailySd > 0)) throw new IllegalArgumentException("kalmanDailySd must be > 0");
        if (houseEffectPriorPolls != null && !(houseEffectPriorPolls >= 0))
            throw new IllegalArgumentException("houseEffectPriorPolls must be >= 0");
        if (houseEffectIterations < 1) throw new IllegalArgumentException("houseEffectIterations must be >= 1");
        if (minReportingLagDays < 0) throw new IllegalArgumentException("minReportingLagDays must be >= 0");
        if (!(driftSdPerDay >= 0)) throw new IllegalArgumentException("driftSdPerDay must be >= 0");
        if (!(bandScale > 0)) throw new IllegalArgumentException("bandScale must be > 0");
        if (!(predictionAdaptation >= 0 && predictionAdaptation < 1))
            throw new IllegalArgumentException("predictionAdaptation must be in [0,1)");
        if (noiseMemoryDays < 0) throw new IllegalArgumentException("noiseMemoryDays must be >= 0");
        if (lagSpanDays < 0) throw new IllegalArgumentException("lagSpanDays must be >= 0");
        if (!(bandTailDf == 0 || bandTailDf >= 1)) throw new IllegalArgumentException("bandTailDf must be 0 or >= 1");
    }

    /** The tuned defaults listed in the class comment. */
    public static TrendOptions defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.method = method;
        b.mode = mode;
        b.from = from;
        b.to = to;
        b.confidenceLevel = confidenceLevel;
        b.adjustHouseEffects = adjustHouseEffects;
        b.populationPreference = populationPreference;
        b.windowDays = windowDays;
        b.halfLifeDays = halfLifeDays;
        b.pollsterFloodExponent = pollsterFloodExponent;
        b.nonSamplingSd = nonSamplingSd;
        b.loessSpanDays = loessSpanDays;
        b.kalmanDailySd = kalmanDailySd;
        b.houseEffectPriorPolls = houseEffectPriorPolls;
        b.houseEffectReference = houseEffectReference;
        b.houseEffectIterations = houseEffectIterations;
        b.minReportingLagDays = minReportingLagDays;
        b.driftSdPerDay = driftSdPerDay;
        b.bandScale = bandScale;
        b.predictionAdaptation = predictionAdaptation;
        b.noiseMemoryDays = noiseMemoryDays;
        b.lagSpanDays = lagSpanDays;
        b.bandTailDf = bandTailDf;
        return b;
    }

    /** Mutable builder; initial values are the defaults. */
    public static final class Builder {
        private TrendMethod method = TrendMethod.WEIGHTED_AVERAGE;
        private TrendMode mode = TrendMode.REALTIME;
        private LocalDate from;
        private LocalDate to;
        private double confidenceLevel = 0.95;
        private boolean adjustHouseEffects = true;
        private PopulationPreference populationPreference = PopulationPreference.LIKELY_VOTERS_FIRST;
        private int windowDays = 45;
        private double halfLifeDays = 14;
        private double pollsterFloodExponent = 0.5;
        private double nonSamplingSd = 3.0;
        private double loessSpanDays = 30;
        private double kalmanDailySd = 0.15;
        private Double houseEffectPriorPolls = 20.0;
        private HouseEffectReference houseEffectReference = HouseEffectReference.POLLING_AVERAGE;
        private int houseEffectIterations = 1;
        private int minReportingLagDays = 0;
        private double driftSdPerDay = 0.05;
        private double bandScale = 1.0;
        private double predictionAdaptation = 0.02;
        private int noiseMemoryDays = 0;
        private int lagSpanDays = 0;
        private double bandTailDf = 3;

        private Builder() {}

        public Builder method(TrendMethod v) {
            method = v;
            return this;
        }

        public Builder mode(TrendMode v) {
            mode = v;
            return this;
        }

        public Builder from(LocalDate v) {
            from = v;
            return this;
        }

        public Builder to(LocalDate v) {
            to = v;
            return this;
        }

        public Builder confidenceLevel(double v) {
            confidenceLevel = v;
            return this;
        }

        public Builder adjustHouseEffects(boolean v) {
            adjustHouseEffects = v;
            return this;
        }

        public Builder populationPreference(PopulationPreference v) {
            populationPreference = v;
            return this;
        }

        public Builder windowDays(int v) {
            windowDays = v;
            return this;
        }

        public Builder halfLifeDays(double v) {
            halfLifeDays = v;
            return this;
        }

        public Builder pollsterFloodExponent(double v) {
            pollsterFloodExponent = v;
            return this;
        }

        public Builder nonSamplingSd(double v) {
            nonSamplingSd = v;
            return this;
        }

        public Builder loessSpanDays(double v) {
            loessSpanDays = v;
            return this;
        }

        public Builder kalmanDailySd(double v) {
            kalmanDailySd = v;
            return this;
        }

        public Builder houseEffectPriorPolls(Double v) {
            houseEffectPriorPolls = v;
            return this;
        }

        public Builder houseEffectReference(HouseEffectReference v) {
            houseEffectReference = v;
            return this;
        }

        public Builder houseEffectIterations(int v) {
            houseEffectIterations = v;
            return this;
        }

        public Builder minReportingLagDays(int v) {
            minReportingLagDays = v;
            return this;
        }

        public Builder driftSdPerDay(double v) {
            driftSdPerDay = v;
            return this;
        }

        public Builder bandScale(double v) {
            bandScale = v;
            return this;
        }

        public Builder predictionAdaptation(double v) {
            predictionAdaptation = v;
            return this;
        }

        public Builder noiseMemoryDays(int v) {
            noiseMemoryDays = v;
            return this;
        }

        public Builder lagSpanDays(int v) {
            lagSpanDays = v;
            return this;
        }

        public Builder bandTailDf(double v) {
            bandTailDf = v;
            return this;
        }

        public TrendOptions build() {
            return new TrendOptions(
                    method,
                    mode,
                    from,
                    to,
                    confidenceLevel,
                    adjustHouseEffects,
                    populationPreference,
                    windowDays,
                    halfLifeDays,
                    pollsterFloodExponent,
                    nonSamplingSd,
                    loessSpanDays,
                    kalmanDailySd,
                    houseEffectPriorPolls,
                    houseEffectReference,
                    houseEffectIterations,
                    minReportingLagDays,
                    driftSdPerDay,
                    bandScale,
                    predictionAdaptation,
                    noiseMemoryDays,
                    lagSpanDays,
                    bandTailDf);
        }
    }
}

package org.pollwatch.stats.trend;

/**
 * What a house effect is measured from. Polls only show how pollsters differ from one another, so
 * the zero point has to be assumed.
 */
public enum HouseEffectReference {
    /**
     * The polling average itself (FiveThirtyEight's convention): effects average out to about 0, so
     * adjusting steadies the average when the mix of pollsters changes but keeps its overall level.
     * Fits FiveThirtyEight's published averages best.
     */
    POLLING_AVERAGE,
    /**
     * The median pollster (weighted by poll count): robust to a few outlying pollsters, whose bias
     * is then removed from the level of the average too (one +5 pollster among unbiased ones
     * comes out as +5, the others as 0).
     */
    MEDIAN_POLLSTER
}

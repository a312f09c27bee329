package org.pollwatch.trends.rest;

/** OpenAPI examples of the trend endpoints. */
final class TrendExamples {

    private TrendExamples() {}

    static final String TREND = """
            {
              "series": "biden-covid-approval", "title": "Biden approval on the coronavirus response",
              "method": "weighted_average", "mode": "realtime", "confidence": 0.95, "adjustHouseEffects": true,
              "asOf": null, "from": "2021-03-01", "to": "2021-03-02", "populations": [], "excludedPollsters": [], "minDisclosure": null,
              "populationPreference": ["likely_voters", "registered_voters", "voters", "adults"],
              "defaultsUsed": ["method", "mode", "confidence", "adjust-house-effects"],
              "choices": ["approve", "disapprove"],
              "points": [
                {"date": "2021-03-01", "choice": "approve", "estimate": 61.42, "lower": 59.1, "upper": 63.74, "effectivePolls": 6.3, "predictionLower": 55.2, "predictionUpper": 67.64},
                {"date": "2021-03-02", "choice": "approve", "estimate": 61.5, "lower": 59.2, "upper": 63.8, "effectivePolls": 6.4, "predictionLower": 55.3, "predictionUpper": 67.7},
                {"date": "2021-03-01", "choice": "disapprove", "estimate": 31.2, "lower": 29.0, "upper": 33.4, "effectivePolls": 6.3, "predictionLower": 25.6, "predictionUpper": 36.8},
                {"date": "2021-03-02", "choice": "disapprove", "estimate": 31.1, "lower": 28.9, "upper": 33.3, "effectivePolls": 6.4, "predictionLower": 25.5, "predictionUpper": 36.7}
              ],
              "polls": [51, 52, 101]
            }
            """;

    static final String TREND_CSV = """
            date,choice,estimate,lower,upper
            2021-03-01,approve,61.42,59.10,63.74
            2021-03-01,disapprove,31.20,29.00,33.40
            """;

    static final String HOUSE_EFFECTS = """
            {"series": "biden-covid-approval", "method": "weighted_average", "mode": "realtime", "asOf": null, "to": "2021-08-31",
             "houseEffects": [{"pollster": {"slug": "rasmussen-pulse-opinion-research", "name": "Rasmussen (Pulse Opinion Research)"}, "choice": "approve",
                               "effect": -6.1, "standardError": 0.8, "polls": 14}]}
            """;

    static final String INVALID_PARAMETER = """
            {"type": "about:blank", "title": "Invalid request", "status": 400, "detail": "method: must be one of [weighted_average, loess, kalman], not 'median'",
             "instance": "/series/biden-covid-approval/trend", "errors": [{"field": "method", "message": "must be one of [weighted_average, loess, kalman], not 'median'"}]}
            """;
}

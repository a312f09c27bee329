package org.pollwatch.series.rest;

/** OpenAPI examples of the series endpoints. */
final class SeriesExamples {

    private SeriesExamples() {}

    static final String SERIES = """
            {
              "key": "biden-covid-approval",
              "title": "Biden approval on the coronavirus response",
              "description": "Do you approve or disapprove of the way Joe Biden is handling the coronavirus outbreak?",
              "choices": [{"key": "approve", "label": "Approve"}, {"key": "disapprove", "label": "Disapprove"}]
            }
            """;

    static final String JOIN = """
            {"questionId": 101, "seriesChoices": {"Strongly or somewhat approve": "approve", "Strongly or somewhat disapprove": "disapprove", "Not sure": null}}
            """;

    static final String ADULTS_FIRST = """
            {"populationPreference": ["adults", "registered_voters", "likely_voters", "voters"]}
            """;

    static final String NOT_FOUND = """
            {"type": "about:blank", "title": "Not found", "status": 404, "detail": "No series with key 'no-such-series'", "instance": "/series/no-such-series"}
            """;

    static final String UNMAPPED_OPTION = """
            {"type": "about:blank", "title": "Invalid series mapping", "status": 400,
             "detail": "options[2].label: option 'Not sure' matches no choice of series 'biden-covid-approval' (approve, disapprove); map it in seriesChoices, or to null to leave it out",
             "instance": "/series/biden-covid-approval/questions",
             "errors": [{"field": "options[2].label", "message": "option 'Not sure' matches no choice of series 'biden-covid-approval' (approve, disapprove); map it in seriesChoices, or to null to leave it out"}]}
            """;
}

package org.pollwatch.polls.rest;

/** Example JSON for the OpenAPI document: the Israel Democracy Institute's January 2024 poll. */
public final class PollExamples {

    private PollExamples() {}

    /** A row of GET /polls as text/csv: the seeded poll's first option. */
    public static final String CSV_ROW = "1,0,published,israel-democracy-institute,Israel Democracy Institute,,"
            + "2024-01-01,2024-01-31,2024-02-06,adults,IL,mixed,,,1,What should be the main goal of the war?,"
            + "israel-hamas-war;hostages,1,Returning the hostages,51.0,2024-02-06T10:00:00Z";

    public static final String IDI_POLL = """
            {
              "pollster": "israel-democracy-institute",
              "fieldStart": "2024-01-01",
              "fieldEnd": "2024-01-31",
              "publishedOn": "2024-02-06",
              "population": "adults",
              "populationDescription": "Israeli adults, Jewish and Arab respondents",
              "country": "IL",
              "mode": "mixed",
              "sampleSize": null,
              "marginOfError": null,
              "language": "he, ar",
              "sourceUrl": "https://www.timesofisrael.com/slim-majority-believes-return-of-hostages-should-be-primary-war-aim-in-gaza-poll/",
              "notes": "Israeli Voice Index, January 2024. The report gives the month of fieldwork but no sample size.",
              "questions": [
                {
                  "wording": "What should be the main goal of the war?",
                  "topics": ["israel-hamas-war", "hostages"],
                  "multipleAnswers": false,
                  "options": [
                    {"label": "Returning the hostages", "percentage": 51},
                    {"label": "Toppling Hamas", "percentage": 36}
                  ],
                  "subgroups": [
                    {"dimension": "sector", "label": "Jewish Israelis", "percentages": {"Returning the hostages": 47, "Toppling Hamas": 42}},
                    {"dimension": "sector", "label": "Arab Israelis", "percentages": {"Returning the hostages": 69, "Toppling Hamas": 8}}
                  ]
                }
              ]
            }
            """;

    public static final String INVALID_POLL_PROBLEM = """
            {
              "type": "about:blank",
              "title": "Invalid poll",
              "status": 400,
              "detail": "2 fields are invalid",
              "instance": "/polls",
              "errors": [
                {"field": "fieldEnd", "message": "must not be before fieldStart (2024-01-31)"},
                {"field": "questions[0].options", "message": "percentages of a single-answer question sum to 115, more than 100 (1 point of rounding allowed)"}
              ]
            }
            """;

    public static final String NOT_FOUND_PROBLEM = """
            {"type": "about:blank", "title": "Not found", "status": 404, "detail": "No poll with id 999", "instance": "/polls/999"}
            """;
}

package org.pollwatch.comparisons.rest;

/**
 * Example JSON for the OpenAPI document, built around the Israel Democracy Institute's January 2024 poll
 * (51% returning the hostages, 36% toppling Hamas; no sample size reported). The change example compares it
 * with a hypothetical later poll of 1,000 respondents.
 */
final class ComparisonExamples {

    private ComparisonExamples() {}

    static final String IDI_LEAD = """
            {
              "pollId": 1,
              "questionId": 1,
              "question": "What should be the main goal of the war?",
              "confidence": 95,
              "a": {
                "label": "Returning the hostages",
                "share": 51.0,
                "marginOfError": null,
                "wilsonInterval": null
              },
              "b": {
                "label": "Toppling Hamas",
                "share": 36.0,
                "marginOfError": null,
                "wilsonInterval": null
              },
              "lead": 15.0,
              "marginOfError": null,
              "interval": null,
              "z": null,
              "pValue": null,
              "verdict": "unknown_sample_size",
              "minimumSampleSizeForSignificance": 145,
              "sample": {
                "reportedSize": null,
                "reportedMarginOfError": null,
                "effectiveSize": null,
                "designEffect": null,
                "basis": "unknown"
              },
              "formula": "lead within one poll, multinomial (Franklin 2007): SE = sqrt((pA + pB - (pA - pB)^2) / n); z = (pA - pB) / SE; MoE = z* * SE with z* = 1.959963984540054 (95% two-sided); significant if |z| > z*; minimum n = smallest whole n with |z| > z*",
              "summary": "'Returning the hostages' leads 'Toppling Hamas' by 15 points (51% vs 36%); the source gives no sample size, so significance cannot be computed; the lead would be significant at 95% with at least 145 respondents.",
              "notes": []
            }
            """;

    static final String IDI_SUBGROUPS = """
            {
              "pollId": 1,
              "questionId": 1,
              "question": "What should be the main goal of the war?",
              "dimension": "sector",
              "option": "Returning the hostages",
              "confidence": 95,
              "a": {
                "label": "Arab Israelis",
                "share": 69.0,
                "marginOfError": null,
                "wilsonInterval": null,
                "sample": {
                  "reportedSize": null,
                  "reportedMarginOfError": null,
                  "effectiveSize": null,
                  "designEffect": null,
                  "basis": "unknown"
                }
              },
              "b": {
                "label": "Jewish Israelis",
                "share": 47.0,
                "marginOfError": null,
                "wilsonInterval": null,
                "sample": {
                  "reportedSize": null,
                  "reportedMarginOfError": null,
                  "effectiveSize": null,
                  "designEffect": null,
                  "basis": "unknown"
                }
              },
              "difference": 22.0,
              "marginOfError": null,
              "interval": null,
              "z": null,
              "pValue": null,
              "verdict": "unknown_sample_size",
              "minimumSampleSizeForSignificance": 37,
              "formula": "difference between independent subgroups, two-sample z test: SE = sqrt(pA (1 - pA) / nA + pB (1 - pB) / nB); z = (pA - pB) / SE; MoE = z* * SE with z* = 1.959963984540054 (95% two-sided); significant if |z| > z*; minimum n = smallest whole n with |z| > z*, assuming equal n on both sides",
              "summary": "69% of Arab Israelis chose 'Returning the hostages' vs 47% of Jewish Israelis, a 22-point difference; the source gives no subgroup sample sizes, so significance cannot be computed; the difference would be significant at 95% with at least 37 respondents in each subgroup.",
              "notes": [
                "Subgroup sizes are treated as simple random samples: the poll reports no n and margin of error from which a design effect could be derived."
              ]
            }
            """;

    static final String IDI_CHANGE = """
            {
              "option": "Returning the hostages",
              "question": "What should be the main goal of the war?",
              "confidence": 95,
              "current": {
                "pollId": 51,
                "questionId": 51,
                "pollster": "example-pollster",
                "fieldEnd": "2024-02-25",
                "share": 55.0,
                "marginOfError": 3.0834,
                "wilsonInterval": {
                  "lower": 51.9033,
                  "upper": 58.0585
                },
                "sample": {
                  "reportedSize": 1000,
                  "reportedMarginOfError": null,
                  "effectiveSize": 1000.0,
                  "designEffect": 1.0,
                  "basis": "reported_size"
                }
              },
              "previous": {
                "pollId": 1,
                "questionId": 1,
                "pollster": "israel-democracy-institute",
                "fieldEnd": "2024-01-31",
                "share": 51.0,
                "marginOfError": null,
                "wilsonInterval": null,
                "sample": {
                  "reportedSize": null,
                  "reportedMarginOfError": null,
                  "effectiveSize": null,
                  "designEffect": null,
                  "basis": "unknown"
                }
              },
              "change": 4.0,
              "marginOfError": null,
              "interval": null,
              "z": null,
              "pValue": null,
              "verdict": "unknown_sample_size",
              "minimumSampleSizeForSignificance": 1195,
              "formula": "change between independent polls, two-sample z test: SE = sqrt(pNew (1 - pNew) / nNew + pOld (1 - pOld) / nOld); z = (pNew - pOld) / SE; MoE = z* * SE with z* = 1.959963984540054 (95% two-sided); significant if |z| > z*; minimum n = smallest whole n with |z| > z*, assuming equal n on both sides",
              "summary": "'Returning the hostages' rose from 51% to 55% (+4 points) between fieldwork ending 31 January 2024 and 25 February 2024; the earlier poll gives no sample size, so significance cannot be computed; the change would be significant at 95% with at least 1,195 respondents in each poll.",
              "notes": [
                "The polls come from different pollsters; part of the change may be a house effect, which sampling error does not cover."
              ]
            }
            """;

    static final String UNKNOWN_OPTION_PROBLEM = """
            {
              "type": "about:blank",
              "title": "Invalid request",
              "status": 400,
              "detail": "a: question 1 has no option 'Ceasefire'; options are ['Returning the hostages', 'Toppling Hamas']",
              "instance": "/polls/1/questions/1/comparison",
              "errors": [
                {
                  "field": "a",
                  "message": "question 1 has no option 'Ceasefire'; options are ['Returning the hostages', 'Toppling Hamas']"
                }
              ]
            }
            """;

    static final String OTHER_POLL_PROBLEM = """
            {
              "type": "about:blank",
              "title": "Not found",
              "status": 404,
              "detail": "Question 1 does not belong to poll 51; it belongs to poll 1",
              "instance": "/polls/51/questions/1/comparison"
            }
            """;

    static final String UNKNOWN_SUBGROUP_PROBLEM = """
            {
              "type": "about:blank",
              "title": "Invalid request",
              "status": 400,
              "detail": "a: no subgroup 'Druze' in dimension 'sector'; subgroups are ['Arab Israelis', 'Jewish Israelis']",
              "instance": "/polls/1/questions/1/subgroups/comparison",
              "errors": [
                {
                  "field": "a",
                  "message": "no subgroup 'Druze' in dimension 'sector'; subgroups are ['Arab Israelis', 'Jewish Israelis']"
                }
              ]
            }
            """;

    static final String OTHER_WORDING_PROBLEM = """
            {
              "type": "about:blank",
              "title": "Invalid request",
              "status": 400,
              "detail": "against: question 1 asks 'What should be the main goal of the war?', not 'What should be the first goal of the war?'; only questions with the same wording can be compared",
              "instance": "/comparisons/change",
              "errors": [
                {
                  "field": "against",
                  "message": "question 1 asks 'What should be the main goal of the war?', not 'What should be the first goal of the war?'; only questions with the same wording can be compared"
                }
              ]
            }
            """;
}

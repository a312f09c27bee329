package org.pollwatch.imports.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.pollwatch.common.access.Roles;
import org.pollwatch.imports.FiveThirtyEightImportService;
import org.pollwatch.imports.ImportReport;
import org.pollwatch.imports.config.ImportConfig;
import org.pollwatch.imports.fivethirtyeight.FiveThirtyEightPollReader;
import org.pollwatch.polls.Population;
import org.pollwatch.problems.Problem;
import org.pollwatch.problems.ProblemException;

@Path("/imports")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Imports", description = "Bulk import of published polls into a series")
public class ImportResource {

    static final String CSV_EXAMPLE = """
            start_date,end_date,pollster,sponsor,sample_size,population,party,subject,tracking,text,approve,disapprove,url
            2021-02-01,2021-02-03,Morning Consult,,2200,rv,all,Biden,FALSE,Do you approve of Biden's handling of the coronavirus?,58,35,https://morningconsult.com/
            """;

    static final String REPORT_EXAMPLE = """
            {"series": "biden-covid-approval", "seriesCreated": false, "rowsRead": 3, "accepted": 1, "duplicates": 1,
             "rejectedCount": 1, "rejected": [{"line": 4, "column": "approve", "reason": "percentage out of range [0,100]: 140"}]}
            """;

    static final String HEADER_PROBLEM = """
            {"type": "about:blank", "title": "Invalid CSV header", "status": 400,
             "detail": "CSV header is missing required column(s): end_date, disapprove", "instance": "/imports/fivethirtyeight",
             "errors": [{"field": "end_date", "message": "missing column"}, {"field": "disapprove", "message": "missing column"}]}
            """;

    private final FiveThirtyEightImportService imports;

    public ImportResource(FiveThirtyEightImportService imports) {
        this.imports = imports;
    }

    @POST
    @Path("/fivethirtyeight")
    @Consumes({"text/csv", MediaType.TEXT_PLAIN})
    @Operation(
            operationId = "importFiveThirtyEight",
            summary = "Import a FiveThirtyEight poll file",
            description =
                    "Reads a FiveThirtyEight poll CSV (start_date, end_date, pollster, sponsor, sample_size, population, party, "
                            + "subject, tracking, text, the answer columns, url) as a stream and stores each row as a US poll with one question "
                            + "(the text) joined to the series, in transactions of "
                            + ImportConfig.DEFAULT_CHUNK_SIZE + " rows (pollwatch.import.chunk-size). "
                            + "Pollsters are registered on the fly (slug from the name); population a/rv/lv/v becomes adults/registered_voters/"
                            + "likely_voters/voters. The series is created from the answer columns if absent. Re-importing a file stores no "
                            + "duplicates: each row has a stable reference (pollster, dates, population, text and url). Bad rows are reported, not stored. "
                            + "The answer comes once the series' default trend and trend.svg are computed (at most pollwatch.import.trend-wait, "
                            + "2 s, later), so they can be read at once.")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = "text/csv",
                            schema =
                                    @Schema(
                                            type =
                                                    org.eclipse.microprofile.openapi.annotations.enums.SchemaType
                                                            .STRING),
                            examples = @ExampleObject(name = "approval", value = CSV_EXAMPLE)))
    @APIResponse(
            responseCode = "200",
            description = "Import report",
            content =
                    @Content(
                            schema = @Schema(implementation = ImportReport.class),
                            examples = @ExampleObject(name = "report", value = REPORT_EXAMPLE)))
    @APIResponse(
            responseCode = "400",
            description =
                    "Header lacks required columns (each named), bad answers list, or answers the series cannot map",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            examples = @ExampleObject(name = "missing columns", value = HEADER_PROBLEM)))
    @APIResponse(responseCode = "413", description = "Body larger than the configured limit")
    @APIResponse(responseCode = "415", description = "Body is not CSV")
    @RolesAllowed(Roles.ADMIN)
    @SecurityRequirement(name = Roles.BEARER_SCHEME)
    @APIResponse(responseCode = "403", description = "Not an administrator key: imports write many pollsters' polls")
    public ImportReport fiveThirtyEight(
            @Parameter(
                            description = "Key of the series the polls join (created if absent)",
                            required = true,
                            example = "biden-covid-approval")
                    @QueryParam("series")
                    String series,
            @Parameter(
                            description =
                                    "Answer columns, comma-separated; each maps to the series choice of the same key or label",
                            example = "approve,disapprove")
                    @QueryParam("answers")
                    String answers,
            @Parameter(
                            description = "Population order of the series' rule for polls reported for several"
                                    + " populations, comma-separated (adults, registered_voters, likely_voters,"
                                    + " voters, other); sets it on an existing series too. A series created for"
                                    + " approve,disapprove defaults to adults first (FiveThirtyEight's rule for"
                                    + " approval), others to likely voters first",
                            example = "adults,registered_voters,likely_voters,voters")
                    @QueryParam("populationPreference")
                    String populationPreference,
            InputStream body) {
        if (series == null || series.isBlank()) {
            throw ProblemException.invalidField("series", "is required: the key of the series the polls join");
        }
        String key = series.trim();
        if (!key.matches("[a-z0-9]+(-[a-z0-9]+)*") || key.length() > 80) {
            throw ProblemException.invalidField(
                    "series", "must be lower-case letters and digits separated by single hyphens");
        }
        return imports.importPolls(
                key,
                answerColumns(answers),
                populations(populationPreference),
                new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8), 1 << 16));
    }

    /** Population codes in order, or null when the parameter is absent. */
    private static List<Population> populations(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        List<Population> order = new java.util.ArrayList<>();
        for (String part : value.split(",")) {
            String code = part.trim().toLowerCase(java.util.Locale.ROOT);
            Population population = java.util.Arrays.stream(Population.values())
                    .filter(p -> p.code().equals(code))
                    .findFirst()
                    .orElseThrow(() -> ProblemException.invalidField(
                            "populationPreference",
                            "unknown population '" + part.trim()
                                    + "'; use adults, registered_voters, likely_voters, voters or other"));
            if (order.contains(population)) {
                throw ProblemException.invalidField("populationPreference", "lists " + code + " twice");
            }
            order.add(population);
        }
        return order;
    }

    private static List<String> answerColumns(String answers) {
        if (answers == null || answers.isBlank()) {
            return FiveThirtyEightPollReader.APPROVAL_ANSWERS;
        }
        List<String> columns = new ArrayList<>();
        for (String part : answers.split(",")) {
            String column = part.trim().toLowerCase(Locale.ROOT);
            if (!column.matches("[a-z0-9_]{1,80}")) {
                throw ProblemException.invalidField(
                        "answers", "must be column names separated by commas, not '" + part + "'");
            }
            if (columns.contains(column)) {
                throw ProblemException.invalidField("answers", "lists '" + column + "' twice");
            }
            columns.add(column);
        }
        if (columns.isEmpty()) {
            throw ProblemException.invalidField("answers", "must name at least one answer column");
        }
        if (columns.size() > 20) {
            throw ProblemException.invalidField("answers", "at most 20 columns");
        }
        return columns;
    }
}

package org.pollwatch.trends.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.pollwatch.polls.Population;
import org.pollwatch.problems.ProblemException;
import org.pollwatch.stats.trend.TrendMethod;
import org.pollwatch.stats.trend.TrendMode;
import org.pollwatch.stats.trend.TrendOptions;
import org.pollwatch.trends.config.TrendConfig;
import org.pollwatch.trends.service.TrendRequest;

/** Parsing of the trend endpoints' query parameters into a request, without HTTP. */
class TrendParamsTest {

    private static final TrendConfig ENGINE_DEFAULTS = config(Optional.empty(), OptionalDouble.empty());

    @Test
    void noParametersGiveTheEngineDefaultsAndSayWhichWereUsed() {
        TrendRequest request = new TrendParams().toRequest("s", ENGINE_DEFAULTS);
        TrendOptions engine = TrendOptions.defaults();
        assertEquals(engine.method(), request.method());
        assertEquals(engine.mode(), request.mode());
        assertEquals(engine.confidenceLevel(), request.confidence());
        assertEquals(engine.adjustHouseEffects(), request.adjustHouseEffects());
        assertEquals(List.of("method", "mode", "confidence", "adjust-house-effects"), request.defaultsUsed());
    }

    @Test
    void configuredDefaultsComeBeforeTheEngines() {
        TrendRequest request =
                new TrendParams().toRequest("s", config(Optional.of(TrendMethod.KALMAN), OptionalDouble.of(0.9)));
        assertEquals(TrendMethod.KALMAN, request.method());
        assertEquals(0.9, request.confidence());
    }

    @Test
    void valuesAreParsedNormalisedAndSorted() {
        TrendParams params = new TrendParams();
        params.method = "loess";
        params.mode = "HINDSIGHT";
        params.confidence = "90";
        params.adjustHouseEffects = "False";
        params.population = List.of("likely_voters,adults", "adults");
        params.excludePollster = List.of("Rasmussen-Reports", "ipsos,rasmussen-reports");
        params.from = "2021-03-01";
        params.to = "2021-03-31";
        TrendRequest request = params.toRequest("s", ENGINE_DEFAULTS);
        assertEquals(TrendMethod.LOESS, request.method());
        assertEquals(TrendMode.HINDSIGHT, request.mode());
        assertEquals(0.9, request.confidence(), 1e-12);
        assertEquals(false, request.adjustHouseEffects());
        assertEquals(List.of(Population.ADULTS, Population.LIKELY_VOTERS), request.populations());
        assertEquals(List.of("ipsos", "rasmussen-reports"), request.excludedPollsters());
        assertEquals(LocalDate.of(2021, 3, 1), request.from());
        assertEquals(LocalDate.of(2021, 3, 31), request.to());
        assertEquals(List.of(), request.defaultsUsed());
    }

    @Test
    void badValuesAreProblemsNamingTheParameter() {
        assertEquals("method", invalidField(p -> p.method = "median"));
        assertEquals("mode", invalidField(p -> p.mode = "later"));
        assertEquals("confidence", invalidField(p -> p.confidence = "0.3"));
        assertEquals("adjust-house-effects", invalidField(p -> p.adjustHouseEffects = "maybe"));
        assertEquals("population", invalidField(p -> p.population = List.of("martians")));
        assertEquals("as-of", invalidField(p -> p.asOf = "yesterday"));
        assertEquals("from", invalidField(p -> {
            p.from = "2021-04-01";
            p.to = "2021-03-01";
        }));
        assertEquals("from", invalidField(p -> {
            p.from = "2021-04-01";
            p.asOf = "2021-03-01";
        }));
    }

    private static String invalidField(java.util.function.Consumer<TrendParams> setUp) {
        TrendParams params = new TrendParams();
        setUp.accept(params);
        ProblemException problem = assertThrows(ProblemException.class, () -> params.toRequest("s", ENGINE_DEFAULTS));
        assertEquals(400, problem.status());
        return problem.errors().get(0).field();
    }

    private static TrendConfig config(Optional<TrendMethod> method, OptionalDouble confidence) {
        return new TrendConfig() {
            @Override
            public long cacheSize() {
                return 10;
            }

            @Override
            public int resumableMegabytes() {
                return 0;
            }

            @Override
            public int warmUpPolls() {
                return 0;
            }

            @Override
            public boolean precomputeAfterChange() {
                return false;
            }

            @Override
            public int precomputeAtStartup() {
                return 0;
            }

            @Override
            public Optional<TrendMethod> defaultMethod() {
                return method;
            }

            @Override
            public Optional<TrendMode> defaultMode() {
                return Optional.empty();
            }

            @Override
            public OptionalDouble defaultConfidence() {
                return confidence;
            }

            @Override
            public Optional<Boolean> defaultAdjustHouseEffects() {
                return Optional.empty();
            }
        };
    }
}

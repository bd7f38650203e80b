package vn.edu.haiphong.dvc.indicator;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.restassured.path.json.JsonPath;
import vn.edu.haiphong.dvc.indicator.domain.Indicator;
import vn.edu.haiphong.dvc.testing.TestTokens;
import vn.edu.haiphong.dvc.testing.data.Expected;

/** Reads the indicators as a city system would, and compares them with the independent computation. */
final class Indicators {

    private Indicators() {
    }

    static JsonPath read(LocalDate from, LocalDate to, String unit) {
        var request = given().auth().oauth2(TestTokens.reader()).queryParam("from", from.toString()).queryParam("to", to.toString());
        if (unit != null) {
            request = request.queryParam("unit", unit);
        }
        return request.get("/api/v1/indicators").then().statusCode(200).extract().jsonPath();
    }

    /** numerator and denominator of each indicator, as served. */
    static Map<String, Expected.Pair> served(LocalDate from, LocalDate to, String unit) {
        Map<String, Expected.Pair> served = new LinkedHashMap<>();
        List<Map<String, Object>> indicators = read(from, to, unit).getList("indicators");
        for (Map<String, Object> i : indicators) {
            Object denominator = i.get("denominator");
            served.put((String) i.get("id"), new Expected.Pair(((Number) i.get("numerator")).longValue(),
                    denominator == null ? null : ((Number) denominator).longValue()));
        }
        return served;
    }

    static boolean matches(LocalDate from, LocalDate to, String unit) {
        return served(from, to, unit).equals(Expected.indicators(Published.LEDGER, from, to, unit));
    }

    /** Every count as computed independently, and every value rounded half-up from those counts. */
    static void assertExact(LocalDate from, LocalDate to, String unit) {
        Map<String, Expected.Pair> expected = Expected.indicators(Published.LEDGER, from, to, unit);
        JsonPath json = read(from, to, unit);
        List<Map<String, Object>> indicators = json.getList("indicators");
        assertThat(indicators).hasSize(Indicator.values().length);
        for (Map<String, Object> i : indicators) {
            String id = (String) i.get("id");
            Expected.Pair pair = expected.get(id);
            String where = id + " over " + from + ".." + to + " in " + (unit == null ? "every unit" : unit);
            assertThat(((Number) i.get("numerator")).longValue()).as("numerator of %s", where).isEqualTo(pair.numerator());
            Object denominator = i.get("denominator");
            assertThat(denominator == null ? null : ((Number) denominator).longValue()).as("denominator of %s", where)
                    .isEqualTo(pair.denominator());
            BigDecimal value = i.get("value") == null ? null : new BigDecimal(i.get("value").toString());
            if (pair.denominator() == null || pair.denominator() == 0) {
                assertThat(value).as("value of %s", where).isNull();
                assertThat(i.get("met")).as("met of %s", where).isNull();
            } else {
                BigDecimal exact = BigDecimal.valueOf(pair.numerator() * 100).divide(BigDecimal.valueOf(pair.denominator()), 2,
                        RoundingMode.HALF_UP);
                assertThat(value).as("value of %s", where).isEqualByComparingTo(exact);
            }
        }
    }
}

package vn.edu.haiphong.dvc.dossier;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;
import static vn.edu.haiphong.dvc.dossier.Fixtures.asAdmin;
import static vn.edu.haiphong.dvc.dossier.Fixtures.asReader;
import static vn.edu.haiphong.dvc.dossier.Fixtures.unique;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Section 1 of the contract: units and procedures, one by one and from CSV. */
@QuarkusTest
class ReferenceDataTest {

    @Test
    void putCreatesThenReplacesAUnitAndGetReadsItBack() {
        String code = unique("SGDDT");
        Map<String, Object> unit = new HashMap<>(Map.of("code", code, "name", "Sở Giáo dục và Đào tạo Hải Phòng",
                "type", "DEPARTMENT", "adultPopulation", 1_550_000));
        asAdmin().contentType(ContentType.JSON).body(unit).put("/api/v1/units/" + code).then()
                .statusCode(201).header("Location", containsString("/api/v1/units/" + code))
                .body("name", equalTo("Sở Giáo dục và Đào tạo Hải Phòng"))
                .body("parentCode", nullValue());
        asAdmin().contentType(ContentType.JSON).body(unit).put("/api/v1/units/" + code).then().statusCode(200);
        unit.put("adultPopulation", 1_600_000);
        asAdmin().contentType(ContentType.JSON).body(unit).put("/api/v1/units/" + code).then().statusCode(200)
                .body("adultPopulation", equalTo(1_600_000));
        asReader().get("/api/v1/units/" + code).then().statusCode(200)
                .contentType(ContentType.JSON)
                .body("code", equalTo(code))
                .body("type", equalTo("DEPARTMENT"))
                .body("adultPopulation", equalTo(1_600_000));
        asReader().get("/api/v1/units").then().statusCode(200).body("code", hasItem(code));
        asReader().get("/api/v1/units/NO-SUCH-UNIT").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void refusesAUnitWhoseParentIsUnknownOrThatWouldCloseACycle() {
        String root = unique("R");
        String child = unique("C");
        Fixtures.unit(root, null);
        Fixtures.unit(child, root);
        asAdmin().contentType(ContentType.JSON).body(Map.of("name", "X", "type", "SCHOOL", "parentCode", "NOT-THERE"))
                .put("/api/v1/units/" + unique("X")).then().statusCode(422)
                .body("errors[0].field", equalTo("parentCode"))
                .body("errors[0].message", containsString("not registered"));
        asAdmin().contentType(ContentType.JSON).body(Map.of("name", "R", "type", "DEPARTMENT", "parentCode", child))
                .put("/api/v1/units/" + root).then().statusCode(422)
                .body("errors[0].field", equalTo("parentCode"))
                .body("errors[0].message", containsString("cycle"));
        asAdmin().contentType(ContentType.JSON).body(Map.of("name", "R", "type", "DEPARTMENT", "parentCode", root))
                .put("/api/v1/units/" + root).then().statusCode(422);
        asReader().get("/api/v1/units/" + root).then().body("parentCode", nullValue());
    }

    @Test
    void namesTheFieldsOfAnInvalidUnit() {
        asAdmin().contentType(ContentType.JSON).body(Map.of("type", "SCHOOL", "adultPopulation", -5))
                .put("/api/v1/units/" + unique("X")).then().statusCode(422).contentType("application/problem+json")
                .body("errors.field", hasItems("name", "adultPopulation"));
        asAdmin().contentType(ContentType.JSON).body(Map.of("name", "X", "type", "UNIVERSITY"))
                .put("/api/v1/units/" + unique("X")).then().statusCode(422)
                .body("errors[0].field", equalTo("type"));
        asAdmin().contentType(ContentType.JSON).body(Map.of("name", "X", "type", "SCHOOL", "adultPopulation", "many"))
                .put("/api/v1/units/" + unique("X")).then().statusCode(422)
                .body("errors[0].field", equalTo("adultPopulation"));
        asAdmin().contentType(ContentType.JSON).body(Map.of("code", "OTHER", "name", "X", "type", "SCHOOL"))
                .put("/api/v1/units/" + unique("X")).then().statusCode(422)
                .body("errors[0].field", equalTo("code"));
        asAdmin().contentType(ContentType.JSON).body(Map.of("name", "X", "type", "SCHOOL"))
                .put("/api/v1/units/has space").then().statusCode(422)
                .body("errors[0].field", equalTo("code"));
        asAdmin().contentType(ContentType.JSON).body("{ \"name\": ")
                .put("/api/v1/units/" + unique("X")).then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void aNameWithAControlCharacterIsRefusedAtThePutAndTheImport() {
        asAdmin().contentType(ContentType.JSON).body(Map.of("name", "Trường\tTHCS", "type", "SCHOOL"))
                .put("/api/v1/units/" + unique("X")).then().statusCode(422).body("errors[0].field", equalTo("name"))
                .body("errors[0].message", containsString("control characters"));
        String code = unique("1.00");
        asAdmin().contentType(ContentType.JSON).body(Map.of("name", "Cấp bản sao\u0000", "field", "Văn\nbằng", "eligibleFullyOnline", true,
                "providedFullyOnline", true, "integratedNationalPortal", true, "feeBearing", false))
                .put("/api/v1/procedures/" + code).then().statusCode(422).body("errors.field", hasItems("name", "field"));
        asReader().get("/api/v1/procedures/" + code).then().statusCode(404);
        String unit = unique("CC");
        asAdmin().contentType("text/csv").body("code,name,type\n" + unit + ",\"Trường\u0007 Mầm non\",SCHOOL\n")
                .post("/api/v1/units:import").then().statusCode(422)
                .body("errors[0].row", equalTo(2)).body("errors[0].field", equalTo("name"));
        asReader().get("/api/v1/units/" + unit).then().statusCode(404);
        // A name beginning with "=" is a name: the CSVs written from it neutralise it, the reference data keeps it.
        asAdmin().contentType(ContentType.JSON).body(Map.of("name", "=Trường Mầm non", "type", "SCHOOL"))
                .put("/api/v1/units/" + unique("EQ")).then().statusCode(201);
    }

    @Test
    void aLongCycleInAnImportIsReportedOnceAndShortAndTooManyRowsAreRefused() {
        // 3,000 units, each the parent of the one before it, and the first the child of the last: one cycle.
        int n = 3_000;
        String prefix = unique("CY");
        StringBuilder csv = new StringBuilder("code,name,type,parentCode\n");
        for (int i = 0; i < n; i++) {
            csv.append(prefix).append('-').append(i).append(",Trường ").append(i).append(",SCHOOL,").append(prefix).append('-')
                    .append((i + 1) % n).append('\n');
        }
        var errors = asAdmin().contentType("text/csv").body(csv.toString()).post("/api/v1/units:import").then().statusCode(422)
                .extract().jsonPath().getList("errors", Map.class);
        org.assertj.core.api.Assertions.assertThat(errors).hasSize(1);
        org.assertj.core.api.Assertions.assertThat(errors.get(0)).containsEntry("row", 2).containsEntry("field", "parentCode");
        org.assertj.core.api.Assertions.assertThat((String) errors.get(0).get("message")).contains("cycle").contains("3000 units")
                .hasSizeLessThan(400);
        asReader().get("/api/v1/units/" + prefix + "-0").then().statusCode(404);

        StringBuilder big = new StringBuilder("code,name,type\n");
        for (int i = 0; i <= 20_000; i++) {
            big.append(prefix).append("-B").append(i).append(",Trường,SCHOOL\n");
        }
        asAdmin().contentType("text/csv").body(big.toString()).post("/api/v1/units:import").then().statusCode(422)
                .body("errors[0].row", equalTo(20_002)).body("errors[0].message", containsString("at most 20000"));
        asReader().get("/api/v1/units/" + prefix + "-B0").then().statusCode(404);
    }

    @Test
    void putCreatesAndReplacesAProcedure() {
        String code = unique("1.00");
        Map<String, Object> procedure = new HashMap<>(Map.of("name", "Chuyển trường đối với học sinh trung học phổ thông",
                "field", "Giáo dục trung học", "eligibleFullyOnline", true, "providedFullyOnline", true,
                "integratedNationalPortal", true, "feeBearing", false));
        asAdmin().contentType(ContentType.JSON).body(procedure).put("/api/v1/procedures/" + code).then().statusCode(201)
                .body("code", equalTo(code));
        procedure.put("feeBearing", true);
        asAdmin().contentType(ContentType.JSON).body(procedure).put("/api/v1/procedures/" + code).then().statusCode(200)
                .body("feeBearing", equalTo(true));
        asReader().get("/api/v1/procedures/" + code).then().statusCode(200)
                .body("name", equalTo("Chuyển trường đối với học sinh trung học phổ thông"))
                .body("integratedNationalPortal", equalTo(true));
        asReader().get("/api/v1/procedures").then().statusCode(200).body("code", hasItem(code));
        procedure.remove("providedFullyOnline");
        asAdmin().contentType(ContentType.JSON).body(procedure).put("/api/v1/procedures/" + code).then().statusCode(422)
                .body("errors[0].field", equalTo("providedFullyOnline"));
    }

    @Test
    void importsUnitsFromCsvWithVietnameseNamesAndParentsLaterInTheFile() {
        String dept = unique("SGD");
        String district = unique("PGD");
        String school = unique("THPT");
        String csv = "\uFEFFcode,name,type,parentCode,adultPopulation\r\n"
                + school + ",\"Trường THPT Trần Phú, Lê Chân\",SCHOOL," + district + ",\r\n"
                + district + ",Phòng Giáo dục và Đào tạo quận Lê Chân,DISTRICT_OFFICE," + dept + ",180000\r\n"
                + dept + ",Sở Giáo dục và Đào tạo Hải Phòng,DEPARTMENT,,1550000\r\n";
        asAdmin().contentType("text/csv; charset=UTF-8").body(csv).post("/api/v1/units:import").then().statusCode(200)
                .body("created", equalTo(3)).body("updated", equalTo(0)).body("unchanged", equalTo(0));
        asReader().get("/api/v1/units/" + school).then().statusCode(200)
                .body("name", equalTo("Trường THPT Trần Phú, Lê Chân"))
                .body("parentCode", equalTo(district));
        asAdmin().contentType("text/csv; charset=UTF-8").body(csv).post("/api/v1/units:import").then().statusCode(200)
                .body("created", equalTo(0)).body("unchanged", equalTo(3));
    }

    @Test
    void refusesAWholeUnitFileForItsBadRowsNamingEach() {
        String good = unique("OK");
        String csv = "code,name,type,parentCode,adultPopulation\n"
                + good + ",Trường Mầm non Hoa Sen,SCHOOL,,\n"
                + unique("B1") + ",,SCHOOL,,\n"
                + unique("B2") + ",Trường Tiểu học,KINDERGARTEN,,\n"
                + unique("B3") + ",Trường THCS,SCHOOL,NO-PARENT,abc\n";
        asAdmin().contentType("text/csv").body(csv).post("/api/v1/units:import").then().statusCode(422)
                .contentType("application/problem+json")
                .body("errors.find { it.row == 3 }.field", equalTo("name"))
                .body("errors.find { it.row == 4 }.field", equalTo("type"))
                .body("errors.find { it.row == 5 }.field", equalTo("adultPopulation"));
        asReader().get("/api/v1/units/" + good).then().statusCode(404);

        String orphan = "code,name,type,parentCode\n" + good + ",Trường,SCHOOL,NO-PARENT\n";
        asAdmin().contentType("text/csv").body(orphan).post("/api/v1/units:import").then().statusCode(422)
                .body("errors[0].row", equalTo(2)).body("errors[0].field", equalTo("parentCode"));
        asReader().get("/api/v1/units/" + good).then().statusCode(404);

        asAdmin().contentType("text/csv").body("code,label\nX,Y\n").post("/api/v1/units:import").then().statusCode(422)
                .body("errors.field", hasItems("name", "type"));
        asAdmin().contentType("text/csv").body("code,name,type\n\"X,Y,SCHOOL\n").post("/api/v1/units:import").then()
                .statusCode(400);
    }

    @Test
    void importsProceduresFromCsv() {
        String first = unique("1.0");
        String second = unique("2.0");
        String csv = "code,name,field,eligibleFullyOnline,providedFullyOnline,integratedNationalPortal,feeBearing\n"
                + first + ",\"Cấp bản sao văn bằng, chứng chỉ từ sổ gốc\",Văn bằng chứng chỉ,true,true,true,true\n"
                + second + ",Công nhận trường tiểu học đạt chuẩn quốc gia,Giáo dục tiểu học,false,false,false,false\n";
        // UTF-8 bytes under a bare text/csv, as a spreadsheet export is usually sent: read as UTF-8.
        asAdmin().contentType("text/csv").body(csv.getBytes(StandardCharsets.UTF_8)).post("/api/v1/procedures:import").then()
                .statusCode(200).body("created", equalTo(2));
        asReader().get("/api/v1/procedures/" + first).then().statusCode(200)
                .body("name", equalTo("Cấp bản sao văn bằng, chứng chỉ từ sổ gốc"))
                .body("feeBearing", equalTo(true));

        String bad = "code,name,field,eligibleFullyOnline,providedFullyOnline,integratedNationalPortal,feeBearing\n"
                + unique("3.0") + ",Thủ tục,,maybe,true,true,false\n";
        asAdmin().contentType("text/csv").body(bad).post("/api/v1/procedures:import").then().statusCode(422)
                .body("errors[0].row", equalTo(2)).body("errors[0].field", equalTo("eligibleFullyOnline"));
    }
}

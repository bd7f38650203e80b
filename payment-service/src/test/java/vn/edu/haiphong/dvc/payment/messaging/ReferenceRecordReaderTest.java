package vn.edu.haiphong.dvc.payment.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import vn.edu.haiphong.dvc.contract.ProcedureRecord;
import vn.edu.haiphong.dvc.contract.UnitRecord;
import vn.edu.haiphong.dvc.contract.UnitType;

/** Which bytes on a reference topic make a unit or procedure the copy can store, and why the others cannot. */
class ReferenceRecordReaderTest {

    private static final String PROCEDURE = "{\"code\":\"1.001\",\"name\":\"Cấp bản sao văn bằng\",\"field\":\"Văn bằng\","
            + "\"eligibleFullyOnline\":true,\"providedFullyOnline\":false,\"integratedNationalPortal\":true,\"feeBearing\":true}";

    @Test
    void aUnitAsDossierServicePublishesItIsRead() throws Exception {
        UnitRecord unit = ReferenceRecordReader.unit(utf8("{\"code\":\"THPT-NQ\",\"name\":\"Trường THPT Ngô Quyền\","
                + "\"type\":\"SCHOOL\",\"parentCode\":\"SGDDT\",\"adultPopulation\":4200,\"addedLater\":{\"x\":1}}"));
        assertThat(unit).isEqualTo(new UnitRecord("THPT-NQ", "Trường THPT Ngô Quyền", UnitType.SCHOOL, "SGDDT", 4200L));
        assertThat(ReferenceRecordReader.unit(utf8("{\"code\":\"SGDDT\",\"name\":\"Sở\",\"type\":\"DEPARTMENT\"}")))
                .isEqualTo(new UnitRecord("SGDDT", "Sở", UnitType.DEPARTMENT, null, null));
    }

    @Test
    void aProcedureAsDossierServicePublishesItIsRead() throws Exception {
        assertThat(ReferenceRecordReader.procedure(utf8(PROCEDURE)))
                .isEqualTo(new ProcedureRecord("1.001", "Cấp bản sao văn bằng", "Văn bằng", true, false, true, true));
    }

    @Test
    void lengthsAreCountedInCharactersAsPostgreSqlCountsThem() throws Exception {
        // 500 characters outside the BMP are 1,000 Java chars and 2,000 bytes, and fit VARCHAR(500).
        String name = "😀".repeat(ReferenceRecordReader.UNIT_NAME_LENGTH);
        assertThat(ReferenceRecordReader.unit(utf8("{\"code\":\"U\",\"name\":\"" + name + "\",\"type\":\"SCHOOL\"}")).name())
                .isEqualTo(name);
        assertUnitRefused("{\"code\":\"U\",\"name\":\"" + name + "x\",\"type\":\"SCHOOL\"}", "name: longer than 500 characters");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "null                  | not a JSON object but null",
        "[]                    | not a JSON object but an array",
        "`\"x\"`               | not a JSON object but a string",
        "42                    | not a JSON object but a number",
        "true                  | not a JSON object but a boolean",
        "``                    | empty",
        "{                     | not JSON",
        "`{\"code\":\"U\"} {}` | not JSON",
        "`{\"unit\":{\"code\":\"U\",\"name\":\"N\",\"type\":\"SCHOOL\"}}` | code: missing; name: missing; type: missing",
        "`{\"code\":\"U\",\"name\":\"N\"}` | type: missing",
        "`{\"code\":\"U\",\"name\":\"N\",\"type\":null}` | type: missing",
        "`{\"code\":\"U\",\"name\":\"N\",\"type\":\"school\"}` | type: not one of DEPARTMENT, DISTRICT_OFFICE, SCHOOL, CENTER, OFFICE",
        "`{\"code\":\" \",\"name\":\"N\",\"type\":\"SCHOOL\"}` | code: blank",
        "`{\"code\":7,\"name\":\"N\",\"type\":\"SCHOOL\"}` | code: not a string",
        "`{\"code\":\"U\",\"code\":\"V\",\"name\":\"N\",\"type\":\"SCHOOL\"}` | not JSON",
        "`{\"code\":\"U\",\"name\":\"N\\u0000\",\"type\":\"SCHOOL\"}` | name: holds a character PostgreSQL cannot store",
        "`{\"code\":\"U\",\"name\":\"N\\ud800\",\"type\":\"SCHOOL\"}` | name: holds a character PostgreSQL cannot store",
        "`{\"code\":\"U\",\"name\":\"N\",\"type\":\"SCHOOL\",\"adultPopulation\":\"4200\"}` | adultPopulation: not a whole number",
        "`{\"code\":\"U\",\"name\":\"N\",\"type\":\"SCHOOL\",\"adultPopulation\":42.5}` | adultPopulation: not a whole number",
        "`{\"code\":\"U\",\"name\":\"N\",\"type\":\"SCHOOL\",\"adultPopulation\":99999999999999999999}` | adultPopulation: not a whole number",
    })
    void aUnitThatCanNeverBeStoredIsRefusedWithItsReason(String json, String reason) {
        assertUnitRefused(json, reason);
    }

    @Test
    void valuesLongerThanTheirColumnsAreRefused() {
        String code = "C".repeat(ReferenceRecordReader.CODE_LENGTH);
        assertUnitRefused("{\"code\":\"" + code + "X\",\"name\":\"N\",\"type\":\"SCHOOL\",\"parentCode\":\"" + code + "X\"}",
                "code: longer than 64 characters; parentCode: longer than 64 characters");
        assertProcedureRefused(PROCEDURE.replace("Văn bằng", "x".repeat(ReferenceRecordReader.FIELD_LENGTH + 1)),
                "field: longer than 500 characters");
        assertProcedureRefused(PROCEDURE.replace("Cấp bản sao văn bằng", "x".repeat(ReferenceRecordReader.PROCEDURE_NAME_LENGTH + 1)),
                "name: longer than 1000 characters");
    }

    @Test
    void aProcedureMustStateEveryFlag() {
        assertProcedureRefused(PROCEDURE.replace("\"feeBearing\":true", "\"other\":true"), "feeBearing: missing");
        assertProcedureRefused(PROCEDURE.replace("\"feeBearing\":true", "\"feeBearing\":\"true\""), "feeBearing: not true or false");
        assertProcedureRefused("{\"name\":\"N\"}", "code: missing; eligibleFullyOnline: missing; providedFullyOnline: missing; "
                + "integratedNationalPortal: missing; feeBearing: missing");
    }

    @Test
    void bytesThatAreNotUtf8AreRefused() {
        byte[] malformed = {'{', '"', 'c', (byte) 0xC3, (byte) 0x28, '"', '}'};
        assertThatThrownBy(() -> ReferenceRecordReader.unit(malformed)).hasMessage("not valid UTF-8");
        byte[] overlong = {'"', (byte) 0xC0, (byte) 0xAF, '"'};
        assertThatThrownBy(() -> ReferenceRecordReader.procedure(overlong)).hasMessage("not valid UTF-8");
    }

    @Test
    void aValueFarLargerThanAnyRecordIsRefusedUnread() {
        byte[] huge = utf8("\"" + "x".repeat(ReferenceRecordReader.MAX_BYTES) + "\"");
        assertThatThrownBy(() -> ReferenceRecordReader.unit(huge))
                .hasMessage("too large: " + huge.length + " bytes, a unit is at most " + ReferenceRecordReader.MAX_BYTES);
        byte[] deep = utf8("[".repeat(ReferenceRecordReader.MAX_BYTES / 2));
        assertThatThrownBy(() -> ReferenceRecordReader.unit(deep)).hasMessageStartingWith("not JSON");
    }

    @Test
    void aReasonNeverQuotesTheValue() {
        assertThatThrownBy(() -> ReferenceRecordReader.unit(utf8("031099001234 is not json")))
                .hasMessageStartingWith("not JSON").message().doesNotContain("031099001234");
    }

    private static void assertUnitRefused(String json, String reason) {
        assertThatThrownBy(() -> ReferenceRecordReader.unit(utf8(json)))
                .isInstanceOf(ReferenceRecordReader.Unprocessable.class).hasMessageStartingWith(reason);
    }

    private static void assertProcedureRefused(String json, String reason) {
        assertThatThrownBy(() -> ReferenceRecordReader.procedure(utf8(json)))
                .isInstanceOf(ReferenceRecordReader.Unprocessable.class).hasMessageStartingWith(reason);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}

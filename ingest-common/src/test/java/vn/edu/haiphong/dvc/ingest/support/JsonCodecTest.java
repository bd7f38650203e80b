package vn.edu.haiphong.dvc.ingest.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

class JsonCodecTest {

    private final JsonCodec json = new JsonCodec(new ObjectMapper());

    record Unit(String code, String name) {
    }

    @Test
    void theHashIsTheSha256OfTheUtf8Text() {
        assertThat(JsonCodec.sha256("abc")).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(JsonCodec.sha256("Hải Phòng")).isEqualTo("d97f7c982aa07771d1b2ed01d8bb397afd5772dcd930bc40c2403b269c1a3c5b");
    }

    @Test
    void theSameMessageIsWrittenTheSameWaySoItsHashTellsADuplicateFromAConflict() {
        String once = json.write(new Unit("SGDDT", "Sở Giáo dục và Đào tạo Hải Phòng"));
        String again = json.write(new Unit("SGDDT", "Sở Giáo dục và Đào tạo Hải Phòng"));
        String other = json.write(new Unit("SGDDT", "Sở GDĐT"));

        assertThat(once).isEqualTo("{\"code\":\"SGDDT\",\"name\":\"Sở Giáo dục và Đào tạo Hải Phòng\"}");
        assertThat(JsonCodec.sha256(again)).isEqualTo(JsonCodec.sha256(once));
        assertThat(JsonCodec.sha256(other)).isNotEqualTo(JsonCodec.sha256(once));
    }

    @Test
    void aMessageThatCannotBeWrittenIsABugNamedByItsType() {
        assertThatThrownBy(() -> json.write(new Object()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Cannot serialise Object");
    }
}

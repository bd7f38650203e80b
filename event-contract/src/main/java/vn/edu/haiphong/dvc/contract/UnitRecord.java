package vn.edu.haiphong.dvc.contract;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The current state of a unit, published on the compacted {@link Topics#UNITS} topic (key: {@code code}).
 * {@code parentCode} is null for a root; {@code adultPopulation} is null when unknown.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record UnitRecord(String code, String name, UnitType type, String parentCode, Long adultPopulation) {
}

package vn.edu.haiphong.dvc.contract;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The current state of a unit, published on the compacted {@link Topics#UNITS} topic (key: {@code code}).
 * {@code parentCode} is null for a root; {@code adultPopulation} is null when unknown. r2: {@code broadcastSystem} says the
 * unit has a school broadcast system (the denominator of weekly-broadcasts); a message published before r2 lacks it and
 * reads as false.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record UnitRecord(String code, String name, UnitType type, String parentCode, Long adultPopulation, boolean broadcastSystem) {

    /** A unit without a broadcast system. */
    public UnitRecord(String code, String name, UnitType type, String parentCode, Long adultPopulation) {
        this(code, name, type, parentCode, adultPopulation, false);
    }

    /** The names of the required fields this record lacks; empty when complete. */
    public List<String> missingFields() {
        return new Missing().check("code", code).check("name", name).check("type", type).names();
    }
}

package vn.edu.haiphong.dvc.dossier.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import vn.edu.haiphong.dvc.contract.UnitType;

/** A unit of the department's tree, as read and written over REST. */
@Schema(name = "Unit", description = "A unit: the department, a district office, a school, a centre or an office.")
public record UnitDto(
        @Schema(description = "The unit's code; in a PUT body optional, and if given equal to the path's", examples = "SGDDT")
        @Pattern(regexp = ReferenceCodes.PATTERN, message = ReferenceCodes.MESSAGE) String code,
        @Schema(examples = "Sở Giáo dục và Đào tạo Hải Phòng")
        @NotBlank(message = "is required") @Size(max = 500, message = "must be at most 500 characters")
        @Pattern(regexp = ReferenceCodes.TEXT, message = ReferenceCodes.TEXT_MESSAGE) String name,
        @Schema(examples = "DEPARTMENT")
        @NotNull(message = "is required") UnitType type,
        @Schema(description = "Code of the parent unit, null for a root", nullable = true)
        @Pattern(regexp = ReferenceCodes.PATTERN, message = ReferenceCodes.MESSAGE) String parentCode,
        @Schema(description = "Adult population of the area the unit serves (denominator of adult-online-users)", nullable = true, examples = "1550000")
        @PositiveOrZero(message = "must be an integer >= 0") Long adultPopulation,
        @Schema(description = "r2: the unit has a school broadcast system (hệ thống truyền thanh), the denominator of "
                + "weekly-broadcasts; optional, default false", examples = "true") Boolean broadcastSystem) {

    /** A unit without a word on its broadcast system (false). */
    public UnitDto(String code, String name, UnitType type, String parentCode, Long adultPopulation) {
        this(code, name, type, parentCode, adultPopulation, null);
    }

    /** Whether the unit has a broadcast system: false unless it says so. */
    public boolean hasBroadcastSystem() {
        return Boolean.TRUE.equals(broadcastSystem);
    }
}

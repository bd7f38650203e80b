package vn.edu.haiphong.dvc.contract;

public enum UnitType {
    DEPARTMENT, DISTRICT_OFFICE, SCHOOL, CENTER, OFFICE
}

package vn.edu.haiphong.dvc.contract;

public enum Outcome {
    APPROVED, REFUSED
}

package vn.edu.haiphong.dvc.contract;

public enum ApplicantKind {
    CITIZEN, ORGANIZATION
}

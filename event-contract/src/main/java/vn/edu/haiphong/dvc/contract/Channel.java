package vn.edu.haiphong.dvc.contract;

public enum Channel {
    ONLINE, IN_PERSON, POSTAL
}

package vn.edu.haiphong.dvc.contract;

/** r2: who a SESSION_HELD outreach event was held for (section 8). */
public enum Audience {
    STUDENTS, TEACHERS, STAFF, PARENTS
}

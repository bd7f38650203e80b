package vn.edu.haiphong.dvc.contract;

public enum DossierEventType {
    SUBMITTED, RECEIVED, DOSSIER_DIGITIZED, RESULT_ISSUED, RESULT_DIGITIZED, RESULT_SYNCED, WITHDRAWN, RATED
}

package vn.edu.haiphong.dvc.contract;

/**
 * Kafka header names of the CloudEvents 1.0 Kafka protocol binding (binary content mode): the record
 * value is the event as JSON, its attributes travel as {@code ce_*} headers.
 */
public final class CloudEventHeaders {

    public static final String SPEC_VERSION = "ce_specversion";
    public static final String ID = "ce_id";
    public static final String TYPE = "ce_type";
    public static final String SOURCE = "ce_source";
    public static final String TIME = "ce_time";
    public static final String SUBJECT = "ce_subject";
    public static final String CONTENT_TYPE = "content-type";

    public static final String SPEC_VERSION_1_0 = "1.0";
    public static final String JSON = "application/json";
    /** Prefix of every {@code ce_type}, followed by the message kind and its type, e.g. {@code .dossier.SUBMITTED}. */
    public static final String TYPE_PREFIX = "vn.edu.haiphong.dvc";

    private CloudEventHeaders() {
    }
}

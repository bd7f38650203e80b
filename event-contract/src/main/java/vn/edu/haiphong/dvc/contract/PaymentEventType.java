package vn.edu.haiphong.dvc.contract;

public enum PaymentEventType {
    PAID, REFUNDED
}

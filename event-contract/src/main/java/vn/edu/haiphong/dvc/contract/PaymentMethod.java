package vn.edu.haiphong.dvc.contract;

public enum PaymentMethod {
    NATIONAL_PORTAL, OTHER_ONLINE, BANK_TRANSFER, CASH
}

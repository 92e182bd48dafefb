package io.complaintflow.security;

import java.util.List;

/** The groups of the public contract; Tasklist queues and authorizations are set up for each. */
public final class Groups {
    public static final String L1 = "agents-l1";
    public static final String L2 = "agents-l2";
    public static final String L3 = "agents-l3";
    public static final String SUPERVISORS = "supervisors";
    public static final String PROCESS_OWNERS = "process-owners";
    public static final String PRODUCT_OWNERS = "product-owners";
    public static final String MANAGERS = "managers";
    public static final String ADMINS = "camunda-admin";

    /** Groups whose members may read complaints with customer data. */
    public static final List<String> STAFF = List.of(L1, L2, L3, SUPERVISORS, PROCESS_OWNERS, PRODUCT_OWNERS, MANAGERS, ADMINS);

    /** Groups whose members may read the KPI reports. */
    public static final List<String> REPORT_READERS = List.of(MANAGERS, SUPERVISORS, PROCESS_OWNERS, ADMINS);

    private Groups() {
    }
}

package com.fieldservice.portal.support;

import com.fieldservice.portal.Settings;
import com.fieldservice.portal.time.BusinessClock;
import com.fieldservice.portal.time.DateDisplay;

/** The business clock the portal runs with by default, for tests that build its parts by hand. */
public final class TestClock {

    public static final BusinessClock DEFAULT = BusinessClock.system(Settings.DEFAULT_TIME_ZONE);
    public static final DateDisplay DATES = new DateDisplay(DEFAULT);

    private TestClock() {
    }
}

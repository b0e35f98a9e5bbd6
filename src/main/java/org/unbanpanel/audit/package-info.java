/**
 * The audit trail every submission and outcome is written to, its page ({@code /audit}) and JSON.
 */
@ApplicationModule(displayName = "Audit")
package org.unbanpanel.audit;

import org.springframework.modulith.ApplicationModule;

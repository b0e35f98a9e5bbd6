/**
 * System → Unblock Access: the form ({@code /system/unblock}), its validator and {@code POST /api/v1/unblock}; the
 * release is queued through the jobs module.
 */
@ApplicationModule(displayName = "Unblock Access")
package org.unbanpanel.unblock;

import org.springframework.modulith.ApplicationModule;

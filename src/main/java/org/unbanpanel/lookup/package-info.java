/**
 * Lookup ({@code /lookup}, {@code /api/v1/lookup}): every ban that holds an address and a user's lock record, and
 * "Release everything" through the jobs module.
 */
@ApplicationModule(displayName = "Lookup")
package org.unbanpanel.lookup;

import org.springframework.modulith.ApplicationModule;

/**
 * Runs programs: an argument list on commons-exec, with a timeout and an output cap, never a shell.
 */
@ApplicationModule(displayName = "Exec", allowedDependencies = {})
package org.unbanpanel.exec;

import org.springframework.modulith.ApplicationModule;

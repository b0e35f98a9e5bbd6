/**
 * Runs programs: an argument list on commons-exec, with a timeout and an output cap, never a shell. Its failures are
 * explained in the shared kernel's terms ({@code core.Explanation}), its only dependency.
 */
@ApplicationModule(displayName = "Exec", allowedDependencies = "core")
package org.unbanpanel.exec;

import org.springframework.modulith.ApplicationModule;

/**
 * The jail pages ({@code /jails}, {@code /jails/{name}}) and their JSON: counters, one jail's bans filtered and paged,
 * and the release of selected bans through the jobs module.
 */
@ApplicationModule(displayName = "Jails")
package org.unbanpanel.jails;

import org.springframework.modulith.ApplicationModule;

/**
 * The watch after a release: every address a job released is watched for {@code panel.watch.for}; when fail2ban bans
 * it again the watch records it ({@code Reban}, for the job's page, Lookup and the Unblock Access page) and publishes
 * {@code BannedAgain}. Its API is {@code WatchService}.
 */
@ApplicationModule(displayName = "Release watch")
package org.unbanpanel.watch;

import org.springframework.modulith.ApplicationModule;

/**
 * Release links: an admin makes a link ({@code /links}) that lets the person behind a banned address release it
 * themselves, without an account, from the page {@code /release/{token}}, through the jobs module like every other
 * release. Publishes {@code ReleaseLinkUsed} when a link releases an address, and {@code ReleaseLinkChanged} when one
 * is made or revoked.
 */
@ApplicationModule(displayName = "Release links")
package org.unbanpanel.links;

import org.springframework.modulith.ApplicationModule;

package org.unbanpanel.trust;

/** Published when a trust was added or ended, so that the expiry timer looks at the next end again. */
record TrustsChanged() {
}

/**
 * What every page and API call shares: the layout's support, the home redirect, the one RFC 9457 problem advice for
 * every API ({@code ApiProblems}, {@code RejectedRequest}), form errors from rejections, the client address and the
 * shared settings. Depends only on the shared kernel, so any feature module may use it.
 */
@ApplicationModule(displayName = "Web", allowedDependencies = "core")
package org.unbanpanel.web;

import org.springframework.modulith.ApplicationModule;

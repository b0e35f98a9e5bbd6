/**
 * Jobs: the persistent queue, the worker and its batch runner, the job and item types, and the job pages
 * ({@code /jobs}, {@code /jobs/{id}}, {@code /api/v1/jobs/{id}}). Other modules submit a {@code ReleaseRequest} and
 * read jobs through {@code JobService}.
 */
@ApplicationModule(displayName = "Jobs")
package org.unbanpanel.jobs;

import org.springframework.modulith.ApplicationModule;

package org.unbanpanel.audit;

import java.util.List;

/**
 * One page of the events a filter selects, newest first.
 *
 * @param events the events on this page
 * @param page this page's number, counted from 1
 * @param size how many events a full page holds
 * @param total how many events the filter selects on all pages
 */
public record AuditPage(List<AuditEvent> events, int page, int size, long total) {

	public AuditPage {
		events = List.copyOf(events);
	}

	public int totalPages() {
		return (int) ((total + size - 1) / size);
	}

	public boolean hasPrevious() {
		return page > 1;
	}

	public boolean hasNext() {
		return (long) page * size < total;
	}

}

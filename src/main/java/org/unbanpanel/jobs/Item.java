package org.unbanpanel.jobs;

/**
 * One stored value of a job and its result so far.
 */
record Item(long id, long jobId, Target target, ItemResult result) {

	boolean pending() {
		return result.state() == ItemState.PENDING;
	}

	Item with(ItemResult newResult) {
		return new Item(id, jobId, target, newResult);
	}

	ItemView view() {
		return ItemView.of(target, result);
	}

}

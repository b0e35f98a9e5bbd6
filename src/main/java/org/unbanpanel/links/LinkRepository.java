package org.unbanpanel.links;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Release links in {@code release_link} (with their token's hash), their uses in {@code release_link_use}. */
@Repository
class LinkRepository {

	private static final String COLUMNS = "id, note, jails, include_protected, trust_seconds, max_uses, uses, "
			+ "created_at, created_by, expires_at, revoked_at, revoked_by";

	private final JdbcClient jdbc;

	LinkRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long insert(String tokenHash, String note, List<String> jails, boolean includeProtected, Duration trustFor,
			int maxUses, Instant createdAt, String createdBy, Instant expiresAt) {
		KeyHolder key = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO release_link (token_hash, note, jails, include_protected, trust_seconds, max_uses, uses,
				created_at, created_by, expires_at) VALUES (:hash, :note, :jails, :includeProtected, :trust, :maxUses, 0,
				:createdAt, :createdBy, :expiresAt)""")
			.param("hash", tokenHash)
			.param("note", note)
			.param("jails", String.join(",", jails))
			.param("includeProtected", includeProtected)
			.param("trust", trustFor.toSeconds())
			.param("maxUses", maxUses)
			.param("createdAt", utc(createdAt))
			.param("createdBy", createdBy)
			.param("expiresAt", utc(expiresAt))
			.update(key, "id");
		return key.getKeyAs(Long.class);
	}

	/** The link whose token has this hash; the stored hash is compared again in constant time by the caller. */
	Optional<Stored> byTokenHash(String tokenHash) {
		return jdbc.sql("SELECT token_hash, " + COLUMNS + " FROM release_link WHERE token_hash = :hash")
			.param("hash", tokenHash)
			.query((row, number) -> new Stored(row.getString("token_hash"), link(row, number)))
			.optional();
	}

	/** A link with the hash of its token. */
	record Stored(String tokenHash, ReleaseLink link) {
	}

	Optional<ReleaseLink> find(long id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM release_link WHERE id = :id")
			.param("id", id)
			.query(LinkRepository::link)
			.optional();
	}

	/** The latest links, newest first. */
	List<ReleaseLink> recent(int limit) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM release_link ORDER BY id DESC FETCH FIRST :limit ROWS ONLY")
			.param("limit", limit)
			.query(LinkRepository::link)
			.list();
	}

	/**
	 * Counts one release against the link, if it still allows one at {@code now}: one statement, so two visitors at
	 * once cannot both take the last use.
	 * @return whether the use was counted
	 */
	boolean claimUse(long id, Instant now) {
		return jdbc.sql("""
				UPDATE release_link SET uses = uses + 1
				WHERE id = :id AND uses < max_uses AND revoked_at IS NULL AND expires_at > :now""")
			.param("id", id)
			.param("now", utc(now))
			.update() == 1;
	}

	/** Gives back a use whose job could not be queued. */
	void returnUse(long id) {
		jdbc.sql("UPDATE release_link SET uses = uses - 1 WHERE id = :id AND uses > 0").param("id", id).update();
	}

	/** @return whether the link was active and is revoked now */
	boolean revoke(long id, Instant now, String username) {
		return jdbc.sql("""
				UPDATE release_link SET revoked_at = :now, revoked_by = :username
				WHERE id = :id AND revoked_at IS NULL""")
			.param("id", id)
			.param("now", utc(now))
			.param("username", username)
			.update() == 1;
	}

	long recordUse(long linkId, Instant usedAt, String clientAddress, LinkUse.Outcome outcome, Long jobId) {
		KeyHolder key = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO release_link_use (link_id, used_at, client_address, outcome, job_id)
				VALUES (:linkId, :usedAt, :clientAddress, :outcome, :jobId)""")
			.param("linkId", linkId)
			.param("usedAt", utc(usedAt))
			.param("clientAddress", clientAddress)
			.param("outcome", outcome.name())
			.param("jobId", jobId)
			.update(key, "id");
		return key.getKeyAs(Long.class);
	}

	/** A link's uses, newest first. */
	List<LinkUse> uses(long linkId) {
		return jdbc.sql("""
				SELECT id, link_id, used_at, client_address, outcome, job_id FROM release_link_use
				WHERE link_id = :linkId ORDER BY id DESC""")
			.param("linkId", linkId)
			.query(LinkRepository::use)
			.list();
	}

	Optional<LinkUse> use(long id) {
		return jdbc.sql("""
				SELECT id, link_id, used_at, client_address, outcome, job_id FROM release_link_use WHERE id = :id""")
			.param("id", id)
			.query(LinkRepository::use)
			.optional();
	}

	private static ReleaseLink link(ResultSet row, int number) throws SQLException {
		String jails = row.getString("jails");
		return new ReleaseLink(row.getLong("id"), row.getString("note"),
				jails.isEmpty() ? List.of() : Arrays.asList(jails.split(",")), row.getBoolean("include_protected"),
				Duration.ofSeconds(row.getLong("trust_seconds")), row.getInt("max_uses"), row.getInt("uses"),
				instant(row, "created_at"), row.getString("created_by"), instant(row, "expires_at"),
				instant(row, "revoked_at"), row.getString("revoked_by"));
	}

	private static LinkUse use(ResultSet row, int number) throws SQLException {
		return new LinkUse(row.getLong("id"), row.getLong("link_id"), instant(row, "used_at"),
				row.getString("client_address"), LinkUse.Outcome.valueOf(row.getString("outcome")),
				row.getObject("job_id", Long.class));
	}

	private static Instant instant(ResultSet row, String column) throws SQLException {
		OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}

	private static OffsetDateTime utc(Instant instant) {
		return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

}

package db.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Moves what older panels stored as text in {@code unblock_item.detail} into the data of V7, then drops the column:
 * the jails an address was unbanned from ({@code "sshd, dovecot"}) become one released ban per jail, the failed
 * logins cleared ({@code "5"}) a number, an error message an error of code {@code legacy}. The old text named the
 * jails only, so each becomes the value's own ban. Plain JDBC, for H2 and PostgreSQL alike.
 */
public class V10__Item_results_from_text extends BaseJavaMigration {

	@Override
	public void migrate(Context context) throws SQLException {
		Connection connection = context.getConnection();
		try (Statement select = connection.createStatement();
				ResultSet items = select.executeQuery(
						"SELECT id, target, state, detail FROM unblock_item WHERE detail IS NOT NULL");
				PreparedStatement ban = connection.prepareStatement("""
						INSERT INTO item_ban (item_id, jail, entry, overlap, outcome)
						VALUES (?, ?, ?, 'OWN', 'RELEASED')""");
				PreparedStatement cleared = connection
					.prepareStatement("UPDATE unblock_item SET failures_cleared = ? WHERE id = ?");
				PreparedStatement failed = connection.prepareStatement(
						"UPDATE unblock_item SET error_code = 'legacy', error_message = ? WHERE id = ?")) {
			while (items.next()) {
				long id = items.getLong("id");
				String detail = items.getString("detail");
				switch (items.getString("state")) {
					case "UNBANNED" -> {
						for (String jail : detail.split(", ")) {
							ban.setLong(1, id);
							ban.setString(2, jail);
							ban.setString(3, items.getString("target"));
							ban.executeUpdate();
						}
					}
					case "CLEARED" -> {
						cleared.setInt(1, Integer.parseInt(detail.strip()));
						cleared.setLong(2, id);
						cleared.executeUpdate();
					}
					case "FAILED" -> {
						failed.setString(1, detail);
						failed.setLong(2, id);
						failed.executeUpdate();
					}
					default -> {
						// NOT_BANNED, NOT_LOCKED and PENDING carried no text
					}
				}
			}
		}
		try (Statement drop = connection.createStatement()) {
			drop.execute("ALTER TABLE unblock_item DROP COLUMN detail");
		}
	}

}

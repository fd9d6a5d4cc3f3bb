package com.vaticprop.core.tier;

import com.vaticprop.core.support.Sql;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** {@code tiers} and {@code tier_versions}, explicit SQL (PostgreSQL and CockroachDB). */
@Repository
class TierRepository {

    private static final String VERSION_COLUMNS = """
            v.tier_id, v.version, v.name, v.description, v.price, v.currency, v.reset_price, v.rule_set,
            v.created_at AS version_created_at, v.created_by""";

    private static final String TIER_SELECT = "SELECT t.id, t.slug, t.active, t.created_at, t.updated_at, "
            + VERSION_COLUMNS
            + " FROM tiers t JOIN tier_versions v ON v.tier_id = t.id AND v.version = t.current_version";

    private static final RowMapper<TierVersion> VERSION = (rs, n) -> version(rs);

    private static final RowMapper<Tier> TIER = (rs, n) -> new Tier(Sql.uuid(rs, "id"), rs.getString("slug"),
            rs.getBoolean("active"), Sql.instant(rs, "created_at"), Sql.instant(rs, "updated_at"), version(rs));

    private final JdbcClient jdbc;

    TierRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private static TierVersion version(ResultSet rs) throws SQLException {
        return new TierVersion(Sql.uuid(rs, "tier_id"), rs.getInt("version"), rs.getString("name"),
                rs.getString("description"), rs.getBigDecimal("price"), rs.getString("currency"),
                rs.getBigDecimal("reset_price"), rs.getString("rule_set"), Sql.instant(rs, "version_created_at"),
                Sql.uuid(rs, "created_by"));
    }

    /** Inserts a tier at version 1 unless the id exists; false when it does. The version row follows separately. */
    boolean insertTier(UUID id, String slug, boolean active, String activeNameKey, Instant now) {
        return jdbc.sql("""
                        INSERT INTO tiers (id, slug, active, current_version, created_at, updated_at, active_name_key)
                        VALUES (:id, :slug, :active, 1, :now, :now, :nameKey)
                        ON CONFLICT (id) DO NOTHING""")
                .param("id", id).param("slug", slug).param("active", active).param("nameKey", activeNameKey)
                .param("now", Sql.ts(now))
                .update() == 1;
    }

    void insertVersion(TierVersion v) {
        jdbc.sql("""
                        INSERT INTO tier_versions (tier_id, version, name, description, price, currency, reset_price,
                                                   rule_set, created_at, created_by)
                        VALUES (:tierId, :version, :name, :description, :price, :currency, :resetPrice,
                                CAST(:ruleSet AS JSONB), :createdAt, :createdBy)""")
                .param("tierId", v.tierId()).param("version", v.version()).param("name", v.name())
                .param("description", v.description()).param("price", v.price()).param("currency", v.currency())
                .param("resetPrice", v.resetPrice()).param("ruleSet", v.ruleSetJson())
                .param("createdAt", Sql.ts(v.createdAt())).param("createdBy", v.createdBy())
                .update();
    }

    /** Points the tier at a new current version and sets its name key (null while inactive). */
    void updateCurrent(UUID id, int version, String activeNameKey, Instant now) {
        jdbc.sql("""
                        UPDATE tiers SET current_version = :version, active_name_key = :nameKey, updated_at = :now
                        WHERE id = :id""")
                .param("version", version).param("nameKey", activeNameKey).param("now", Sql.ts(now))
                .param("id", id)
                .update();
    }

    void updateActive(UUID id, boolean active, String activeNameKey, Instant now) {
        jdbc.sql("UPDATE tiers SET active = :active, active_name_key = :nameKey, updated_at = :now WHERE id = :id")
                .param("active", active).param("nameKey", activeNameKey).param("now", Sql.ts(now)).param("id", id)
                .update();
    }

    Optional<Tier> find(UUID id) {
        return jdbc.sql(TIER_SELECT + " WHERE t.id = :id").param("id", id).query(TIER).optional();
    }

    /** The tier, locking its row until the transaction ends (edits and (de)activation serialise on it). */
    Optional<Tier> findForUpdate(UUID id) {
        return jdbc.sql(TIER_SELECT + " WHERE t.id = :id FOR UPDATE OF t").param("id", id).query(TIER).optional();
    }

    List<Tier> list(boolean activeOnly) {
        return jdbc.sql(TIER_SELECT + (activeOnly ? " WHERE t.active" : "") + " ORDER BY v.price, v.name, t.id")
                .query(TIER).list();
    }

    /** The active tier holding this name key, other than {@code except}. */
    Optional<UUID> activeTierWithName(String nameKey, UUID except) {
        return jdbc.sql("SELECT id FROM tiers WHERE active_name_key = :key AND id <> :except")
                .param("key", nameKey).param("except", except).query(UUID.class).optional();
    }

    List<TierVersion> versions(UUID tierId) {
        return jdbc.sql("SELECT " + VERSION_COLUMNS + " FROM tier_versions v WHERE v.tier_id = :id ORDER BY v.version")
                .param("id", tierId).query(VERSION).list();
    }

    Optional<TierVersion> version(UUID tierId, int version) {
        return jdbc.sql("SELECT " + VERSION_COLUMNS
                        + " FROM tier_versions v WHERE v.tier_id = :id AND v.version = :version")
                .param("id", tierId).param("version", version).query(VERSION).optional();
    }
}

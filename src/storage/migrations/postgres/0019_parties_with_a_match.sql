-- The Parties page's "with a match" view (parties/party_page.h, show=hits) reads the
-- parties whose latest screening found one, by external id. Migration 18 dropped
-- parties_with_hits, an index of every party that no query read; this one holds only
-- the parties with a match (one in hundreds), so an import of parties without one
-- does not write to it.
CREATE INDEX parties_with_a_match ON parties(organization, external_id) WHERE hit_count > 0;

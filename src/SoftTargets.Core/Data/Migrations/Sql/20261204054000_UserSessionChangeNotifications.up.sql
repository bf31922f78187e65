-- Every change to a session row (a sign-out, an expiry swept, a renewed ticket, a last-seen time written) is
-- announced to the web nodes at commit, so a node that keeps sessions in memory forgets that one at once.
CREATE FUNCTION user_session_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('user_session_changed', OLD."Id");
    RETURN NULL;
END;
$$;

CREATE TRIGGER "UserSessions_changed"
    AFTER UPDATE OR DELETE ON "UserSessions"
    FOR EACH ROW EXECUTE FUNCTION user_session_changed();
